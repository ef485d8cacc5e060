// app::review_period and app::review: the period asked for, and the report over what the store
// holds for it.
#include "app_fixture.hpp"
#include "kint/app/review.hpp"
#include "kint/config/config.hpp"
#include "kint/core/error.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

TEST_CASE("app::review_period: last week by default, a range, and a malformed week refused") {
    const Day today = D("2026-11-20"); // a Friday
    const auto last = app::review_period(default_config(), today, {});
    CHECK(last.length() == 7);
    CHECK(last.to < today);
    const auto range = app::review_period(
        default_config(), today,
        {.week = std::nullopt, .since = D("2026-11-01"), .until = D("2026-11-10")});
    CHECK(range == review::Period{D("2026-11-01"), D("2026-11-10")});
    CHECK_THROWS_AS(app::review_period(default_config(), today,
                                       {.week = std::string("soon"), .since = {}, .until = {}}),
                    UsageError);
}

TEST_CASE("app::review: the period's cues, logs, ratings and notes from the store") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
    const Id c = s.add_cue({i, CueKind::after, "I pour my coffee", std::nullopt, Schedule::daily(),
                            D("2026-11-02"), "write one sentence"});
    for (const char* day : {"2026-11-09", "2026-11-10", "2026-11-12"})
        s.put_log({c, D(day), LogStatus::done, std::nullopt});
    s.put_log({c, D("2026-11-11"), LogStatus::slip, "tired"});
    s.put_rating({D("2026-11-10"), RatingKind::mood, 7, std::nullopt});
    s.add_journal({0, D("2026-11-12"), "it felt easy", {"win"}, "acceptance", std::nullopt});

    const review::Period week{D("2026-11-09"), D("2026-11-15")};
    const auto r = app::review(s, default_config(), D("2026-11-20"), week);
    CHECK(r.period == week);
    REQUIRE(r.cues.size() == 1);
    CHECK(r.cues[0].cue.id == c);
    CHECK(r.cues[0].done_days == 3);
    CHECK(r.cues[0].scheduled_days == 7);
    CHECK(r.mood.days_rated == 1);
    CHECK_FALSE(r.cues_begin_later);
    CHECK(r.obstacles.size() == 1);
    CHECK(r.wins.size() == 1);
}

TEST_CASE("app::review: a period before every cue says the cues begin later") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
    s.add_cue({i, CueKind::after, "I pour my coffee", std::nullopt, Schedule::daily(),
               D("2026-11-16"), "write one sentence"});
    const auto r =
        app::review(s, default_config(), D("2026-11-20"), {D("2026-11-02"), D("2026-11-08")});
    CHECK(r.cues.empty());
    CHECK(r.cues_begin_later);

    auto empty = store::Store::open_memory();
    CHECK_FALSE(
        app::review(empty, default_config(), D("2026-11-20"), {D("2026-11-02"), D("2026-11-08")})
            .cues_begin_later);
}
