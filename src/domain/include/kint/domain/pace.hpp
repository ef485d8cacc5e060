#pragma once
// The breathing pacer's cue: where in a practice's breath (config [[practice]] pace, repeated)
// a second of the practice falls. Pure; cli/practice draws it.
#include "kint/config/config.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace kint::pace {

struct Cue {
    const config::BreathPhase* phase = nullptr; // points into the pace given
    int count = 1;                              // the second within the phase, from 1
};

// The cue at `second` (from 0) of a practice; nullopt when it has no pace.
std::optional<Cue> at(const std::vector<config::BreathPhase>& pace, int second);

// What the pacer says for a phase: "breathe in", "hold" or "breathe out".
std::string_view words(const config::BreathPhase& phase);

} // namespace kint::pace
