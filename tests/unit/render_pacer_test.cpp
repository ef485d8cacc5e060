// render::pacer_frame: the practice's own breath, fitted to the terminal so a redraw never wraps.
#include "kint/config/config.hpp"
#include "kint/render/practice.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kint;

TEST_CASE("render::pacer_frame: follows in, hold, out, hold and fits a 40-column terminal") {
    const auto cfg = config::parse();
    const config::Practice* reset = nullptr;
    for (const auto& p : cfg.practices)
        if (p.key == "reset") reset = &p;
    REQUIRE(reset);
    const render::Paint plain(false);
    const char* expected[] = {"breathe in", "hold", "breathe out", "hold"};
    for (int t = 0; t < 16; ++t) {
        CAPTURE(t);
        for (const int columns : {40, 100}) {
            const auto frame = render::pacer_frame(t, 120, reset->pace, columns, plain);
            REQUIRE(frame.starts_with("\r"));
            CHECK(frame.size() == static_cast<std::size_t>(columns)); // "\r" and columns - 1
            CHECK(frame.find(expected[t / 4]) != std::string::npos);
            if (t / 4 % 2 == 1) CHECK(frame.find("breathe") == std::string::npos);
        }
    }
    // Without a pace: the bar and the time only; on a tiny terminal still one line.
    const auto bare = render::pacer_frame(3, 10, {}, 40, plain);
    CHECK(bare.find("breathe") == std::string::npos);
    CHECK(bare.find("7s") != std::string::npos);
    CHECK(render::pacer_frame(3, 10, reset->pace, 12, plain).size() == 12);
}
