// Store::segment_facts for cues that fit a life: if-then cues marked, --per cues with their done
// days of the last 31 days (a measured day short of its target is no done day), daily cues as
// before.
#include "kint/domain/period.hpp"
#include "kint/domain/segment.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {
Id add(store::Store& s, Id intention, CueKind kind, std::optional<Per> per,
       std::optional<Measure> measure = std::nullopt) {
    store::NewCue c{intention,       kind, "work ends", std::nullopt, Schedule::daily(),
                    D("2026-09-01"), "run"};
    c.per = per;
    c.measure = measure;
    return s.add_cue(c);
}
} // namespace

TEST_CASE("store segment_facts: plans, and a --per cue's done days of the last 31 days") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-09-01"));
    const Id daily = add(s, i, CueKind::after, std::nullopt);
    const Id situation = add(s, i, CueKind::if_, std::nullopt);
    const Id per = add(s, i, CueKind::after, Per{3, 7, true});
    const Id measured = add(s, i, CueKind::after, Per{2, 7, false}, Measure{30, "min", false});
    for (const char* d : {"2026-10-01", "2026-10-20", "2026-10-21", "2026-11-16", "2026-11-18"})
        s.put_log({per, D(d), LogStatus::done, std::nullopt});
    s.put_log({per, D("2026-11-19"), LogStatus::skip, std::nullopt}); // no done day
    s.put_log({daily, D("2026-11-19"), LogStatus::done, std::nullopt});
    s.put_log({measured, D("2026-11-17"), LogStatus::done, std::nullopt, 10.0}); // short of it
    s.put_log({measured, D("2026-11-18"), LogStatus::done, std::nullopt, 30.0});
    s.put_log({measured, D("2026-11-19"), LogStatus::done, std::nullopt}); // no amount

    const auto f = s.segment_facts();
    REQUIRE(f.cues.size() == 4);
    CHECK_FALSE(f.cues[0].per);
    CHECK_FALSE(f.cues[0].situation);
    CHECK(f.cues[0].done_days.empty());
    CHECK(f.cues[1].situation);
    CHECK(f.cues[2].per == Per{3, 7, true});
    CHECK(f.cues[2].last_done == D("2026-11-19")); // the skip: logged
    // Back 31 days from the newest done day (2026-11-18): the 20th of October is 29 days before.
    CHECK(f.cues[2].done_days ==
          std::vector{D("2026-10-20"), D("2026-10-21"), D("2026-11-16"), D("2026-11-18")});
    CHECK(f.cues[3].done_days == std::vector{D("2026-11-18"), D("2026-11-19")});

    // For a day: up to it, 31 days back from it.
    const auto until = s.segment_facts(D("2026-11-17"));
    CHECK(until.cues[2].done_days ==
          std::vector{D("2026-10-20"), D("2026-10-21"), D("2026-11-16")});
    CHECK(until.cues[3].done_days.empty());
    // A month on, only what a window ending then can see.
    CHECK(s.segment_facts(D("2026-12-17")).cues[2].done_days == std::vector{D("2026-11-18")});
    CHECK(s.segment_facts(D("2026-12-20")).cues[2].done_days.empty());

    // What the prompt counts from them (Friday the 20th): the daily cue, the week's open one
    // (2 of 3) and the rolling one (2 in the 14th-20th: met, not logged today: not due).
    const auto t = segment::count(f, D("2026-11-20"));
    REQUIRE(t);
    CHECK(t->scheduled == 2);
    CHECK(t->done == 0);
}
