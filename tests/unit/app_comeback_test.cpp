// "Welcome back" through app::log on a store: the read range (trail::comeback_since) holds what
// the comeback rule looks at, for daily, if-then and --per cues (issue 13).
#include "kint/app/log.hpp"

#include "test_day.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace kint;
using kint::test::D;

namespace {
struct Fixture {
    store::Store store = store::Store::open_memory();
    config::Config cfg = config::parse();
    Id cue = 0;
    explicit Fixture(CueKind kind = CueKind::after, std::optional<Per> per = std::nullopt) {
        store.write([&] {
            const Id i =
                store.add_intention("I am patient", std::nullopt, std::nullopt, D("2026-10-01"));
            store::NewCue c;
            c.intention_id = i;
            c.kind = kind;
            c.trigger = "I pour my coffee";
            c.days = Schedule::parse("daily");
            c.created = D("2026-10-01");
            c.behavior = "breathe three times";
            c.per = per;
            cue = store.add_cue(c);
        });
    }
    bool back(const std::string& day, LogStatus status = LogStatus::done) {
        return app::log(store, cfg, {cue, D(day), status, std::nullopt}).comeback;
    }
};
} // namespace

TEST_CASE("app::log: every other day is welcomed back once, not at every log") {
    Fixture f;
    CHECK(f.back("2026-11-01")); // placed a month before, never done: a return
    for (int d = 2; d <= 6; ++d)
        CHECK_FALSE(f.back(fmt::format("2026-11-{:02}", d))); // a steady run
    CHECK(f.back("2026-11-08"));                              // back after the 7th
    CHECK_FALSE(f.back("2026-11-10"));
    CHECK_FALSE(f.back("2026-11-12"));
    CHECK_FALSE(f.back("2026-11-14"));
    // A week away is a return again.
    CHECK(f.back("2026-11-22"));
}

TEST_CASE("app::log: an if-then cue is welcomed back only after a slipped occurrence") {
    Fixture f(CueKind::if_);
    CHECK_FALSE(f.back("2026-11-01"));
    CHECK_FALSE(f.back("2026-11-09")); // quiet days between: nothing arose
    CHECK_FALSE(f.back("2026-11-12", LogStatus::slip));
    CHECK(f.back("2026-11-20"));
}

TEST_CASE("app::log: a --per cue is welcomed back after 2M days without a done day") {
    Fixture f(CueKind::after, Per{2, 7, true});
    CHECK(f.back("2026-11-01")); // nothing done since it was placed a month before
    CHECK_FALSE(f.back("2026-11-05"));
    CHECK_FALSE(f.back("2026-11-18")); // 13 days after the 5th
    CHECK(f.back("2026-12-03"));       // 15 days after the 18th
}
