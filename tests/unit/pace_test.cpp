// The breathing pacer's cue follows a practice's own phases, as the config gives them.
#include "kint/config/config.hpp"
#include "kint/domain/pace.hpp"

#include <doctest/doctest.h>

using namespace kint;

namespace {
std::string cue(const std::vector<config::BreathPhase>& pace, int second) {
    const auto c = pace::at(pace, second);
    if (!c) return "-";
    return std::string(pace::words(*c->phase)) + " " + std::to_string(c->count);
}
} // namespace

TEST_CASE("pace::at: the box breath of the two-minute reset, step by step") {
    const auto cfg = config::parse();
    const config::Practice* reset = nullptr;
    for (const auto& p : cfg.practices)
        if (p.key == "reset") reset = &p;
    REQUIRE(reset);
    const auto& box = reset->pace;
    CHECK(cue(box, 0) == "breathe in 1");
    CHECK(cue(box, 3) == "breathe in 4");
    CHECK(cue(box, 4) == "hold 1"); // "2. Hold for four." holds, not breathes out
    CHECK(cue(box, 7) == "hold 4");
    CHECK(cue(box, 8) == "breathe out 1"); // "3. Breathe out for four."
    CHECK(cue(box, 12) == "hold 1");
    CHECK(cue(box, 15) == "hold 4");
    CHECK(cue(box, 16) == "breathe in 1"); // and round again
    CHECK(cue(box, 16 * 7 + 9) == "breathe out 2");
}

TEST_CASE("pace::at: uneven phases, and none") {
    const std::vector<config::BreathPhase> slow{{"in", 3}, {"out", 5}};
    CHECK(cue(slow, 2) == "breathe in 3");
    CHECK(cue(slow, 3) == "breathe out 1");
    CHECK(cue(slow, 7) == "breathe out 5");
    CHECK(cue(slow, 8) == "breathe in 1");
    CHECK(cue({}, 0) == "-");
    CHECK(cue(slow, -1) == "-");
}
