#pragma once
// kint trail: a cue's whole life (or every active cue's), read from the store: each cue's entries
// from its creation, or from its latest strength checkpoint when --since starts the view late.
#include "kint/config/config.hpp"
#include "kint/domain/trail_view.hpp"
#include "kint/store/store.hpp"

#include <optional>

namespace kint::app {

struct TrailRequest {
    std::optional<Id> cue; // nullopt: every active cue (paused ones too, not archived)
    std::optional<Day> since, until;
};

// An unknown cue is NotFound (exit 1); --since after --until a UsageError (exit 2).
trail_view::View trail(const store::Store& store, const config::Config& cfg, Day today,
                       const TrailRequest& request);

} // namespace kint::app
