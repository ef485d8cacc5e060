#pragma once
// Lookups and rules the use cases share: each throws kint's own errors with the way on.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <functional>
#include <vector>

namespace kint::app {

// Looks up records or throws NotFound naming the id and where to find valid ones.
Intention intention_or_throw(const store::Store& store, Id id);
Cue cue_or_throw(const store::Store& store, Id id);
// The same with only the steps from the day `steps_from` gives (see Store::cue).
Cue cue_or_throw(const store::Store& store, Id id,
                 const std::function<Day(const Cue&)>& steps_from);
// An archived cue is closed: nothing is logged to it and its step and status stay. Refused
// (exit 2) with the way on.
void refuse_if_archived(const Cue& cue);

// The mood ratings the safety rule needs for `today` (see safety::RecentRun), oldest first.
std::vector<Rating> recent_mood(const store::Store& store, const config::Safety& rule, Day today);

// A --per cue's period on `day`: how many more its target asks for (0: met), counting done days
// from the day its current plan began (cue edit), as `today` and `kint remind` both show it.
int per_remaining(const store::Store& store, const config::Config& cfg, const Cue& cue, Day day);

// Whether an active cue is in its first two weeks on `day` (one small change at a time: a second
// cue placed then gets a gentle note). Ask before adding the new cue.
bool young_cue_active(const store::Store& store, Day day);

} // namespace kint::app
