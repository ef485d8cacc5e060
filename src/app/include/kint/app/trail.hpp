#pragma once
// kint trail: a cue's whole life (or every active cue's), read from the store one cue at a time:
// its entries from its creation, or from its latest strength checkpoint when --since starts the
// view late.
#include "kint/config/config.hpp"
#include "kint/domain/trail_view.hpp"
#include "kint/store/store.hpp"

#include <optional>

namespace kint::app {

struct TrailRequest {
    std::optional<Id> cue; // nullopt: every active cue (paused ones too, not archived)
    std::optional<Day> since, until;
};

// Hands `sink` the frame, then each cue's trail in turn, then the end: only one cue's entries and
// days are held at a time, whatever the store's age. An unknown cue is NotFound (exit 1);
// --since after --until a UsageError (exit 2), both before anything reaches `sink`.
void trail(const store::Store& store, const config::Config& cfg, Day today,
           const TrailRequest& request, trail_view::Sink& sink);

} // namespace kint::app
