#include "kint/domain/pace.hpp"

namespace kint::pace {

std::optional<Cue> at(const std::vector<config::BreathPhase>& pace, int second) {
    int breath = 0;
    for (const auto& p : pace)
        breath += p.seconds;
    if (pace.empty() || breath <= 0 || second < 0) return std::nullopt;
    int into = second % breath;
    for (const auto& p : pace) {
        if (into < p.seconds) return Cue{&p, into + 1};
        into -= p.seconds;
    }
    return std::nullopt; // not reached: `into` is less than the whole breath
}

std::string_view words(const config::BreathPhase& phase) {
    if (phase.breath == "in") return "breathe in";
    if (phase.breath == "out") return "breathe out";
    return "hold";
}

} // namespace kint::pace
