#pragma once
// Each cue's strength at each week's end, kept in the store so that a review reads a few weeks of
// a cue's log whatever the store's age (issue 14). Derived data: every write keeps it (the
// store's on_change), the store's own writes clear it from the first day a change can move.
#include "kint/store/store.hpp"

#include <optional>

namespace kint::app {

// Brings the checkpoints of every cue up to the last week's end before `today`, each from its
// latest checkpoint (or its creation). Runs inside a write; a store of an older schema is left be.
void keep_strength(store::Store& store, Day today);

// Where a reading of `cue`'s strength from `first_wanted` on begins: the latest checkpoint on or
// before it and before `today` (nullopt: replay from the creation, as on an older schema), and the
// first day whose entries strength::at then needs. From there the figures are those of a replay
// of the whole log, to the last bit.
struct StrengthStart {
    std::optional<strength::Checkpoint> checkpoint;
    Day reads_from;
};
StrengthStart strength_start(const store::Store& store, const Cue& cue, Day first_wanted,
                             Day today);

} // namespace kint::app
