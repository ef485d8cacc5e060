// The weekly review's maths (SPEC §5) on hand-built histories, every figure spelled out.
#include "kint/config/config.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/domain/review.hpp"
#include "test_day.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <stdexcept>

using namespace kint;
using kint::test::D;
using review::DayMark;
using review::Period;
using review::Suggestion;

namespace {

Period P(std::string_view from, std::string_view to) {
    return Period{D(from), D(to)};
}

const config::Config& default_config() {
    static const config::Config cfg = config::parse();
    return cfg;
}

Cue make_cue(Id id, std::string_view created, std::string_view days = "daily") {
    Cue c;
    c.id = id;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.days = Schedule::parse(days);
    c.created = D(created);
    c.steps = {Step{c.created, "write one sentence", std::nullopt}};
    return c;
}

LogEntry entry(Id cue, std::string_view day, LogStatus status,
               std::optional<std::string> note = std::nullopt) {
    return LogEntry{cue, D(day), status, std::move(note)};
}

Rating mood(std::string_view day, int value) {
    return Rating{D(day), RatingKind::mood, value, {}};
}
Rating energy(std::string_view day, int value) {
    return Rating{D(day), RatingKind::energy, value, {}};
}

// Daily entries from `from` for as many days as `statuses` has letters: d done, k skip, s slip,
// '.' no entry.
std::vector<LogEntry> daily(Id cue, std::string_view from, std::string_view statuses) {
    std::vector<LogEntry> out;
    Day d = D(from);
    for (char c : statuses) {
        if (c == 'd') out.push_back(LogEntry{cue, d, LogStatus::done, {}});
        if (c == 'k') out.push_back(LogEntry{cue, d, LogStatus::skip, {}});
        if (c == 's') out.push_back(LogEntry{cue, d, LogStatus::slip, {}});
        d += std::chrono::days{1};
    }
    return out;
}

review::CueReport report_for(const Cue& cue, const std::vector<LogEntry>& logs, Period p,
                             std::string_view today, const std::vector<Rating>& ratings = {}) {
    return review::cue_report(cue, logs, review::mood_by_day(ratings), p, D(today),
                              default_config());
}

const double m = std::pow(0.5, 1.0 / 13.0);

} // namespace

TEST_CASE("review: week_period this and last with monday and sunday weeks") {
    const Day friday = D("2026-11-20");
    CHECK(review::week_period("this", friday, 0) == P("2026-11-16", "2026-11-22"));
    CHECK(review::week_period("last", friday, 0) == P("2026-11-09", "2026-11-15"));
    CHECK(review::week_period("this", friday, 6) == P("2026-11-15", "2026-11-21"));
    CHECK(review::week_period("last", friday, 6) == P("2026-11-08", "2026-11-14"));
    // saturday-weeks: the week runs Saturday 14th to Friday 20th
    CHECK(review::week_period("this", friday, 5) == P("2026-11-14", "2026-11-20"));
    CHECK(review::week_period("last", friday, 5) == P("2026-11-07", "2026-11-13"));

    // today on the first day of the week
    CHECK(review::week_period("this", D("2026-11-16"), 0) == P("2026-11-16", "2026-11-22"));
    CHECK(review::week_period("last", D("2026-11-16"), 0) == P("2026-11-09", "2026-11-15"));
    CHECK(review::week_period("this", D("2026-11-15"), 6) == P("2026-11-15", "2026-11-21"));
    // today on the last day of the week: "last" is still the week before
    CHECK(review::week_period("last", D("2026-11-22"), 0) == P("2026-11-09", "2026-11-15"));

    // words are case-insensitive and may carry spaces
    CHECK(review::week_period(" LAST ", friday, 0) == P("2026-11-09", "2026-11-15"));
    CHECK(review::week_period("This", friday, 0) == P("2026-11-16", "2026-11-22"));
    // a day names the week that contains it
    CHECK(review::week_period("2026-11-11", friday, 0) == P("2026-11-09", "2026-11-15"));
    CHECK(review::week_period("2026-11-11", friday, 6) == P("2026-11-08", "2026-11-14"));
    // ... in every form a day argument takes
    CHECK(review::week_period("yesterday", D("2026-11-16"), 0) == P("2026-11-09", "2026-11-15"));
    CHECK(review::week_period("-10", friday, 0) == P("2026-11-09", "2026-11-15"));
    CHECK(review::week_period("Today", friday, 0) == P("2026-11-16", "2026-11-22"));
    CHECK_THROWS_WITH_AS(review::week_period("-x", friday, 0),
                         "'-x' is not a day; use YYYY-MM-DD (a real date), today, yesterday or -N "
                         "for N days ago",
                         UsageError);
    // across a month and year boundary
    CHECK(review::week_period("last", D("2027-01-06"), 0) == P("2026-12-28", "2027-01-03"));
}

TEST_CASE("review: a week is named by the ISO week of its Monday, whichever day it starts") {
    // week_starts: 0 Monday, 5 Saturday, 6 Sunday
    CHECK(review::week_name(D("2026-11-16"), D("2026-11-22"), 0) == review::IsoWeek{2026, 47});
    CHECK(review::week_name(D("2026-11-15"), D("2026-11-21"), 6) == review::IsoWeek{2026, 47});
    CHECK(review::week_name(D("2026-11-14"), D("2026-11-20"), 5) == review::IsoWeek{2026, 47});
    CHECK(review::week_name(D("2026-12-27"), D("2027-01-02"), 6) == review::IsoWeek{2026, 53});
    // Seven days that are not one of the person's weeks span two ISO weeks: no name.
    CHECK_FALSE(review::week_name(D("2026-11-06"), D("2026-11-12"), 0));
    CHECK_FALSE(review::week_name(D("2026-11-15"), D("2026-11-21"), 0));
    CHECK_FALSE(review::week_name(D("2026-11-16"), D("2026-11-23"), 0));
    CHECK_FALSE(review::week_name(D("2026-11-16"), D("2026-11-16"), 0));
}

TEST_CASE("review: ISO weeks and year ends") {
    CHECK(review::iso_week(D("2026-11-20")) == review::IsoWeek{2026, 47});
    CHECK(review::iso_week(D("2026-01-01")) == review::IsoWeek{2026, 1});
    CHECK(review::iso_week(D("2025-12-29")) == review::IsoWeek{2026, 1});
    CHECK(review::iso_week(D("2027-01-03")) == review::IsoWeek{2026, 53});
    CHECK(review::iso_week(D("2027-01-04")) == review::IsoWeek{2027, 1});
    CHECK(review::iso_week(D("2024-12-30")) == review::IsoWeek{2025, 1});
    // 53 weeks when Jan 1 is a Thursday (2026, 2015), or a Wednesday in a leap year (2020)
    CHECK(review::iso_weeks_in_year(2026) == 53);
    CHECK(review::iso_weeks_in_year(2015) == 53);
    CHECK(review::iso_weeks_in_year(2020) == 53);
    CHECK(review::iso_weeks_in_year(2027) == 52);
    CHECK(review::iso_weeks_in_year(2025) == 52);
    CHECK(review::iso_week_monday(2026, 1) == D("2025-12-29"));
    CHECK(review::iso_week_monday(2026, 53) == D("2026-12-28"));
    CHECK_FALSE(review::iso_week_monday(2027, 53).has_value());
    CHECK_FALSE(review::iso_week_monday(2026, 0).has_value());

    const Day today = D("2026-11-20");
    CHECK(review::week_period("2026-W47", today, 0) == P("2026-11-16", "2026-11-22"));
    CHECK(review::week_period("2026w47", today, 0) == P("2026-11-16", "2026-11-22"));
    CHECK(review::week_period("2026-W01", today, 0) == P("2025-12-29", "2026-01-04"));
    CHECK(review::week_period("2026-W53", today, 0) == P("2026-12-28", "2027-01-03"));
    CHECK(review::week_period("2027-W01", today, 0) == P("2027-01-04", "2027-01-10"));
    CHECK(review::week_period("2020-W53", today, 0) == P("2020-12-28", "2021-01-03"));
    // sunday-weeks: the Sunday-to-Saturday week holding the ISO week's Monday
    CHECK(review::week_period("2026-W47", today, 6) == P("2026-11-15", "2026-11-21"));
    CHECK(review::week_period("2026-W01", today, 6) == P("2025-12-28", "2026-01-03"));
    CHECK(review::week_period("2026-W53", today, 6) == P("2026-12-27", "2027-01-02"));
}

TEST_CASE("review: bad periods are usage errors with a fix") {
    const Day today = D("2026-11-20");
    CHECK_THROWS_WITH_AS(review::week_period("2026-W60", today, 0),
                         doctest::Contains("2026 has ISO weeks 2026-W01 to 2026-W53"), UsageError);
    CHECK_THROWS_WITH_AS(review::week_period("2026-W00", today, 0),
                         doctest::Contains("2026-W01 to 2026-W53"), UsageError);
    CHECK_THROWS_WITH_AS(review::week_period("2027-W53", today, 0),
                         doctest::Contains("2027-W01 to 2027-W52"), UsageError);
    CHECK_THROWS_WITH_AS(review::week_period("lastweek", today, 0),
                         doctest::Contains("use --week this, last, an ISO week like 2026-W47"),
                         UsageError);
    CHECK_THROWS_AS(review::week_period("", today, 0), UsageError);
    CHECK_THROWS_AS(review::week_period("2026-W123", today, 0), UsageError);
    CHECK_THROWS_AS(review::week_period("2026-02-30", today, 0), UsageError);
    CHECK_THROWS_WITH_AS(review::range_period(D("2026-11-20"), D("2026-11-10")),
                         "--since 2026-11-20 is after --until 2026-11-10; give the earlier day to "
                         "--since",
                         UsageError);
    CHECK(review::range_period(D("2026-11-10"), D("2026-11-10")) == P("2026-11-10", "2026-11-10"));
    // Up to 100 years (36525 days), not a day more.
    CHECK(review::range_period(D("2026-11-10"), D("2026-11-10") + std::chrono::days{36524})
              .length() == review::max_period_days);
    CHECK_THROWS_AS(
        review::range_period(D("2026-11-10"), D("2026-11-10") + std::chrono::days{36525}),
        UsageError);
    CHECK_THROWS_AS(review::range_period(D("1970-01-01"), D("9999-12-31")), UsageError);
}

TEST_CASE("review: resolve_period and previous") {
    const Day today = D("2026-11-20");
    // default: the last complete week
    CHECK(review::resolve_period(std::nullopt, std::nullopt, std::nullopt, today, 0) ==
          P("2026-11-09", "2026-11-15"));
    CHECK(review::resolve_period(std::nullopt, std::nullopt, std::nullopt, today, 6) ==
          P("2026-11-08", "2026-11-14"));
    CHECK(review::resolve_period(std::string("this"), std::nullopt, std::nullopt, today, 0) ==
          P("2026-11-16", "2026-11-22"));
    CHECK(review::resolve_period(std::nullopt, D("2026-11-01"), D("2026-11-10"), today, 0) ==
          P("2026-11-01", "2026-11-10"));
    // --since alone runs to today; --until alone is the 7 days ending there
    CHECK(review::resolve_period(std::nullopt, D("2026-11-12"), std::nullopt, today, 0) ==
          P("2026-11-12", "2026-11-20"));
    CHECK(review::resolve_period(std::nullopt, std::nullopt, D("2026-11-10"), today, 0) ==
          P("2026-11-04", "2026-11-10"));
    CHECK_THROWS_AS(review::resolve_period(std::nullopt, D("2026-11-21"), std::nullopt, today, 0),
                    UsageError);
    CHECK_THROWS_WITH_AS(
        review::resolve_period(std::string("last"), D("2026-11-01"), std::nullopt, today, 0),
        "--week and --since/--until both choose the period; give one of them", UsageError);

    CHECK(review::previous(P("2026-11-16", "2026-11-22")) == P("2026-11-09", "2026-11-15"));
    CHECK(review::previous(P("2026-11-01", "2026-11-10")) == P("2026-10-22", "2026-10-31"));
    CHECK(review::previous(P("2026-11-10", "2026-11-10")) == P("2026-11-09", "2026-11-09"));
    CHECK(P("2026-11-01", "2026-11-10").length() == 10);

    const auto fetch = review::fetch_ranges(P("2026-11-09", "2026-11-15"));
    CHECK_FALSE(fetch.logs.since.has_value());
    CHECK(fetch.logs.until == D("2026-11-15"));
    CHECK(fetch.ratings.since == D("2026-10-26"));
    CHECK(fetch.ratings.until == D("2026-11-22"));
    // A run of low moods (<= 3 by default) overlapping the period and reaching the first or last
    // fetched day asks for the wide range; a low day at the edge alone does not.
    const auto& rule = default_config().safety;
    const Period week = P("2026-11-09", "2026-11-15");
    const auto at_edge = [&](const std::vector<Rating>& rs) {
        return review::low_run_at_edge(rs, fetch.ratings, week, rule);
    };
    auto run = [](std::string_view from, int n, int value) {
        std::vector<Rating> out;
        for (int i = 0; i < n; ++i)
            out.push_back(Rating{D(from) + std::chrono::days{i}, RatingKind::mood, value, {}});
        return out;
    };
    CHECK_FALSE(at_edge({}));
    CHECK_FALSE(at_edge({mood("2026-10-26", 1), mood("2026-11-22", 0)})); // outside the period
    // Under the default window (5 days) unread low days up to 4 days before the first fetched day
    // could join a stretch: it is whole only from 4 days in.
    CHECK_FALSE(at_edge(run("2026-10-30", 17, 2))); // whole: starts inside
    CHECK(at_edge(run("2026-10-29", 18, 2)));       // may go on before the 26th
    CHECK_FALSE(at_edge(run("2026-10-26", 14, 2))); // ends 8 Nov, before the period...
    CHECK(at_edge(run("2026-10-26", 15, 2)));       // ...or reaches into it on 9 Nov
    CHECK_FALSE(at_edge(run("2026-10-26", 16, 4))); // not low
    CHECK(at_edge(run("2026-11-15", 8, 3)));        // to the last day
    auto gap = run("2026-10-26", 20, 2);
    gap.erase(gap.begin() + 5); // 31 Oct unrated: one unrated day does not end a stretch
    CHECK(at_edge(gap));
    gap.erase(gap.begin() + 2, gap.begin() + 5); // 28-31 Oct unrated: no window spans the gap
    CHECK_FALSE(at_edge(gap));                   // the stretch reaching the period starts 1 Nov
    // The old rule (a window as long as the count) only ever needed the days in a row.
    config::Safety in_a_row = rule;
    in_a_row.low_mood_window = in_a_row.low_mood_days;
    CHECK_FALSE(review::low_run_at_edge(run("2026-10-28", 19, 2), fetch.ratings, week, in_a_row));
    CHECK(review::low_run_at_edge(run("2026-10-26", 15, 2), fetch.ratings, week, in_a_row));
    CHECK_FALSE(at_edge({energy("2026-10-26", 1)}));
    const auto wide = review::wide_ratings(P("2026-11-09", "2026-11-15"));
    CHECK(wide.since == D("2026-11-02") - std::chrono::days{400});
    CHECK(wide.until == D("2026-11-15") + std::chrono::days{400});
    CHECK(fetch.journal.since == D("2026-11-09"));
    CHECK(fetch.journal.until == D("2026-11-15"));
}

TEST_CASE("review: a mon,wed,fri cue with a pause, twice-logged days and comebacks") {
    // Created Monday 2 Nov; reviewed over two weeks 9..22 Nov on Friday 20 Nov; paused on the 16th.
    Cue cue = make_cue(7, "2026-11-02", "mon,wed,fri");
    cue.pauses = {Pause{D("2026-11-16"), D("2026-11-17")}};
    const std::vector<LogEntry> logs{
        entry(7, "2026-11-02", LogStatus::done),
        entry(7, "2026-11-04", LogStatus::done),
        entry(7, "2026-11-06", LogStatus::slip),                   // last scheduled day before
        entry(7, "2026-11-09", LogStatus::slip, "rushed morning"), // slip then done: done
        entry(7, "2026-11-09", LogStatus::done),
        entry(7, "2026-11-10", LogStatus::done), // Tuesday: off the schedule
        entry(7, "2026-11-11", LogStatus::slip, "overslept"),
        entry(7, "2026-11-13", LogStatus::done, "felt good"),
        entry(7, "2026-11-16", LogStatus::done), // paused day
        entry(7, "2026-11-18", LogStatus::skip),
        entry(8, "2026-11-20", LogStatus::done), // another cue's entry
        // 2026-11-20 (today) has no entry: open, counted nowhere until it is over
    };
    const std::vector<Rating> ratings{mood("2026-11-09", 6), mood("2026-11-10", 9),
                                      mood("2026-11-11", 3), mood("2026-11-13", 8),
                                      mood("2026-11-18", 5), energy("2026-11-20", 2)};
    const auto r = report_for(cue, logs, P("2026-11-09", "2026-11-22"), "2026-11-20", ratings);

    CHECK(r.scheduled_days == 4); // 9, 11, 13, 18 (16 paused, 20 open, 21-22 future)
    CHECK(r.done_days == 2);      // 9, 13
    CHECK(r.skipped_days == 1);   // 18
    CHECK(r.slipped_days == 1);   // 11
    CHECK(r.missed_days == 0);    // today is open
    CHECK(r.occurrences == 3);    // done 2 + slipped 1
    REQUIRE(r.consistency.has_value());
    CHECK(*r.consistency == doctest::Approx(2.0 / 3.0)); // 2 / (4 - 1)
    // 9th after the slip on the 6th (before the period), 13th after the slip on the 11th
    CHECK(r.comebacks == 2);
    REQUIRE(r.mood_on_done_days.has_value());
    CHECK(*r.mood_on_done_days == doctest::Approx(7.0)); // (6 + 8) / 2
    REQUIRE(r.mood_on_other_days.has_value());
    CHECK(*r.mood_on_other_days == doctest::Approx(4.0)); // (3 + 5) / 2; the 10th is off schedule
    // 3 effective days: too few to judge; too inconsistent to expand
    CHECK(r.suggestion == Suggestion::keep);
    REQUIRE(r.previous_consistency.has_value()); // 26 Oct..8 Nov: 2, 4 done; 6 slipped
    CHECK(*r.previous_consistency == doctest::Approx(2.0 / 3.0));

    // done 2, done 4, slip 6, done 9, slip 11, done 13, (paused 16), skip 18, (20 open)
    double s = 0;
    s = s * m + (1 - m); // 2
    s = s * m + (1 - m); // 4
    s = s * m;           // 6
    const double at_8th = s;
    s = s * m + (1 - m); // 9
    s = s * m;           // 11
    s = s * m + (1 - m); // 13
    CHECK(r.strength == doctest::Approx(s));
    CHECK(r.strength == doctest::Approx(0.1709523186 / m));
    CHECK(r.previous_strength == doctest::Approx(at_8th));
    CHECK(r.previous_strength == doctest::Approx(m - m * m * m));

    CHECK(r.week == 3); // 20 days old on the 22nd
    REQUIRE(r.phase != nullptr);
    CHECK(r.phase->key == "stability");

    const std::vector<DayMark> expected{
        DayMark::done,          DayMark::extra,         DayMark::slip,
        DayMark::not_scheduled, DayMark::done,          DayMark::not_scheduled,
        DayMark::not_scheduled, DayMark::extra,         DayMark::not_scheduled,
        DayMark::skip,          DayMark::not_scheduled, DayMark::open,
        DayMark::future,        DayMark::future};
    REQUIRE(r.calendar.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(r.calendar[i].first == D("2026-11-09") + std::chrono::days{static_cast<int>(i)});
        CHECK(r.calendar[i].second == expected[i]);
    }
    CHECK(review::to_string(DayMark::not_scheduled) == "not_scheduled");
    CHECK(review::to_string(DayMark::open) == "open");
    CHECK(review::to_string(DayMark::unmet) == "unmet");
    CHECK(review::to_string(Suggestion::expand) == "expand");
}

TEST_CASE("review: a cue created mid-week counts from its creation") {
    // Created Tuesday 10 Nov on mon,wed,fri: Monday the 9th is before creation.
    const Cue cue = make_cue(1, "2026-11-10", "mon,wed,fri");
    const auto r = report_for(cue, {entry(1, "2026-11-11", LogStatus::done)},
                              P("2026-11-09", "2026-11-15"), "2026-11-20");
    CHECK(r.scheduled_days == 2); // 11, 13
    CHECK(r.done_days == 1);
    CHECK(r.skipped_days == 0);
    CHECK(r.slipped_days == 0);
    CHECK(r.missed_days == 1);
    CHECK(r.consistency == doctest::Approx(0.5));
    CHECK(r.comebacks == 0); // no scheduled day before the 11th
    CHECK_FALSE(r.previous_consistency.has_value());
    CHECK_FALSE(r.mood_on_done_days.has_value());
    CHECK_FALSE(r.mood_on_other_days.has_value());
    CHECK(r.suggestion == Suggestion::keep);
    CHECK(r.strength == doctest::Approx((1 - m) * m));
    // It did not exist in the week before: nothing to compare its strength with.
    CHECK_FALSE(r.previous_strength.has_value());
    CHECK(r.week == 1);
    REQUIRE(r.phase != nullptr);
    CHECK(r.phase->key == "establishment");
    CHECK(r.calendar[0].second == DayMark::not_scheduled);
    CHECK(r.calendar[1].second == DayMark::not_scheduled);
    CHECK(r.calendar[2].second == DayMark::done);
    CHECK(r.calendar[4].second == DayMark::missed);
}

TEST_CASE("review: twice-logged days count done > skip > slip") {
    const Cue cue = make_cue(1, "2026-10-01");
    const std::vector<LogEntry> logs{
        entry(1, "2026-11-09", LogStatus::done), entry(1, "2026-11-09", LogStatus::slip),
        entry(1, "2026-11-10", LogStatus::skip), entry(1, "2026-11-10", LogStatus::done),
        entry(1, "2026-11-11", LogStatus::slip), entry(1, "2026-11-11", LogStatus::skip),
        entry(1, "2026-11-12", LogStatus::slip), entry(1, "2026-11-12", LogStatus::slip),
    };
    const auto r = report_for(cue, logs, P("2026-11-09", "2026-11-12"), "2026-11-20");
    CHECK(r.scheduled_days == 4);
    CHECK(r.done_days == 2);
    CHECK(r.skipped_days == 1);
    CHECK(r.slipped_days == 1);
    CHECK(r.missed_days == 0);
    CHECK(r.consistency == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("review: comebacks across the period start") {
    const Cue cue = make_cue(1, "2026-11-02", "mon,wed,fri");
    const Period week = P("2026-11-09", "2026-11-15");
    SUBCASE("slip on the last scheduled day before the period, done on the first day in it") {
        const auto r = report_for(cue,
                                  {entry(1, "2026-11-06", LogStatus::slip),
                                   entry(1, "2026-11-09", LogStatus::done),
                                   entry(1, "2026-11-11", LogStatus::done)},
                                  week, "2026-11-20");
        CHECK(r.comebacks == 1);
    }
    SUBCASE("missed before the period counts like a slip") {
        const auto r = report_for(
            cue, {entry(1, "2026-11-04", LogStatus::done), entry(1, "2026-11-09", LogStatus::done)},
            week, "2026-11-20");
        CHECK(r.comebacks == 1); // Friday the 6th was missed
    }
    SUBCASE("a skip before is not something to come back from") {
        const auto r = report_for(
            cue, {entry(1, "2026-11-06", LogStatus::skip), entry(1, "2026-11-09", LogStatus::done)},
            week, "2026-11-20");
        CHECK(r.comebacks == 0);
    }
    SUBCASE("the comeback itself must fall in the period") {
        const auto r = report_for(cue,
                                  {entry(1, "2026-11-04", LogStatus::slip),
                                   entry(1, "2026-11-06", LogStatus::done),
                                   entry(1, "2026-11-09", LogStatus::done)},
                                  week, "2026-11-20");
        CHECK(r.comebacks == 0);
    }
    SUBCASE("the previous scheduled day skips over a pause") {
        Cue paused = cue;
        paused.pauses = {Pause{D("2026-11-07"), D("2026-11-11")}}; // 9th and 10th paused
        const auto r = report_for(
            paused,
            {entry(1, "2026-11-06", LogStatus::slip), entry(1, "2026-11-11", LogStatus::done)},
            week, "2026-11-20");
        CHECK(r.scheduled_days == 2); // 11, 13
        CHECK(r.comebacks == 1);      // the 11th returns after the slip on the 6th
    }
}

TEST_CASE("review: shrink threshold at 3 vs 4 effective days") {
    const Cue cue = make_cue(1, "2026-10-01");
    const Period week = P("2026-11-09", "2026-11-15");
    SUBCASE("4 effective days below one half: shrink") {
        // done, slip, slip, missed, skip, skip, skip
        const auto r = report_for(cue, daily(1, "2026-11-09", "dss.kkk"), week, "2026-11-20");
        CHECK(r.scheduled_days == 7);
        CHECK(r.done_days == 1);
        CHECK(r.slipped_days == 2);
        CHECK(r.missed_days == 1);
        CHECK(r.skipped_days == 3);
        CHECK(r.consistency == doctest::Approx(0.25));
        CHECK(r.suggestion == Suggestion::shrink);
    }
    SUBCASE("3 effective days: too few to judge, keep") {
        // done, slip, missed, skip x4
        const auto r = report_for(cue, daily(1, "2026-11-09", "ds.kkkk"), week, "2026-11-20");
        CHECK(r.skipped_days == 4);
        CHECK(r.consistency == doctest::Approx(1.0 / 3.0));
        CHECK(r.suggestion == Suggestion::keep);
    }
    SUBCASE("4 effective days at exactly one half: keep") {
        const auto r = report_for(cue, daily(1, "2026-11-09", "dsdskkk"), week, "2026-11-20");
        CHECK(r.consistency == doctest::Approx(0.5));
        CHECK(r.suggestion == Suggestion::keep);
    }
    SUBCASE("all skipped: consistency is null, keep") {
        const auto r = report_for(cue, daily(1, "2026-11-09", "kkkkkkk"), week, "2026-11-20");
        CHECK(r.scheduled_days == 7);
        CHECK(r.skipped_days == 7);
        CHECK_FALSE(r.consistency.has_value());
        CHECK(r.suggestion == Suggestion::keep);
    }
    SUBCASE("future days are not missed: reviewing this week on its Wednesday") {
        const auto r = report_for(cue, daily(1, "2026-11-09", "ds"), week, "2026-11-11");
        CHECK(r.scheduled_days == 2);
        CHECK(r.done_days == 1);
        CHECK(r.slipped_days == 1);
        CHECK(r.missed_days == 0); // today without an entry yet: open, never missed
        CHECK(r.calendar[2].second == DayMark::open);
        CHECK(r.calendar[3].second == DayMark::future);
        CHECK(r.calendar[6].second == DayMark::future);
        CHECK(r.suggestion == Suggestion::keep); // 2 effective days
    }
}

TEST_CASE("review: expand needs 14 days and 0.85 in this and the previous period") {
    const Period week = P("2026-11-09", "2026-11-15"); // previous: 2..8 Nov
    SUBCASE("6 of 7 in both weeks: expand") {
        const Cue cue = make_cue(1, "2026-10-01");
        const auto r =
            report_for(cue, daily(1, "2026-11-02", "dddsdddddd.ddd"), week, "2026-11-20");
        CHECK(r.consistency == doctest::Approx(6.0 / 7.0));
        CHECK(r.previous_consistency == doctest::Approx(6.0 / 7.0));
        CHECK(r.suggestion == Suggestion::expand);
    }
    SUBCASE("only this week: keep") {
        const Cue cue = make_cue(1, "2026-10-01");
        const auto r =
            report_for(cue, daily(1, "2026-11-02", "dd.sdddddddddd"), week, "2026-11-20");
        CHECK(r.consistency == doctest::Approx(1.0));
        CHECK(r.previous_consistency == doctest::Approx(5.0 / 7.0));
        CHECK(r.suggestion == Suggestion::keep);
    }
    SUBCASE("previous week all skipped: no figure there, keep") {
        const Cue cue = make_cue(1, "2026-10-01");
        const auto r =
            report_for(cue, daily(1, "2026-11-02", "kkkkkkkddddddd"), week, "2026-11-20");
        CHECK_FALSE(r.previous_consistency.has_value());
        CHECK(r.suggestion == Suggestion::keep);
    }
    SUBCASE("13 days old at the period's end: keep") {
        const Cue cue = make_cue(1, "2026-11-02");
        const auto r =
            report_for(cue, daily(1, "2026-11-02", "dddddddddddddd"), week, "2026-11-20");
        CHECK(r.consistency == doctest::Approx(1.0));
        CHECK(r.previous_consistency == doctest::Approx(1.0));
        CHECK(r.suggestion == Suggestion::keep);
    }
    SUBCASE("exactly 14 days old: expand") {
        const Cue cue = make_cue(1, "2026-11-01");
        const auto r =
            report_for(cue, daily(1, "2026-11-01", "ddddddddddddddd"), week, "2026-11-20");
        CHECK(r.suggestion == Suggestion::expand);
    }
}

TEST_CASE("review: strength is forgiving") {
    const Cue cue = make_cue(1, "2026-11-01");
    SUBCASE("3 done days from creation") {
        const auto r = report_for(cue, daily(1, "2026-11-01", "ddd"), P("2026-11-01", "2026-11-03"),
                                  "2026-11-03");
        CHECK(r.strength == doctest::Approx(1 - std::pow(m, 3)));
        CHECK(r.strength == doctest::Approx(0.1478261));
    }
    SUBCASE("a slip dents it") {
        const auto r = report_for(cue, daily(1, "2026-11-01", "ddds"),
                                  P("2026-11-01", "2026-11-04"), "2026-11-04");
        CHECK(r.strength == doctest::Approx((1 - std::pow(m, 3)) * m));
        CHECK(r.strength > 0.0);
    }
    SUBCASE("a skip and a paused day leave it unchanged") {
        Cue paused = cue;
        paused.pauses = {Pause{D("2026-11-05"), D("2026-11-06")}};
        const auto r = report_for(paused, daily(1, "2026-11-01", "dddk.d"),
                                  P("2026-11-01", "2026-11-06"), "2026-11-06");
        // 4 skip, 5 paused (no entry, not missed), 6 done
        CHECK(r.strength == doctest::Approx(1 - std::pow(m, 4)));
    }
    SUBCASE("off-schedule days leave it unchanged") {
        const Cue mwf = make_cue(1, "2026-11-02", "mon,wed,fri"); // Monday
        const auto r = report_for(mwf, daily(1, "2026-11-02", "d.d.d"),
                                  P("2026-11-02", "2026-11-08"), "2026-11-20");
        CHECK(r.strength == doctest::Approx(1 - std::pow(m, 3)));
    }
    SUBCASE("days after today do not decay it") {
        const auto r = report_for(cue, daily(1, "2026-11-01", "ddd"), P("2026-11-01", "2026-11-07"),
                                  "2026-11-03");
        CHECK(r.strength == doctest::Approx(1 - std::pow(m, 3)));
    }
    SUBCASE("a month of misses after a good week never reaches zero") {
        const auto r = report_for(cue, daily(1, "2026-11-01", "ddddddd"),
                                  P("2026-11-01", "2026-12-07"), "2026-12-07");
        CHECK(r.missed_days == 29); // today, the 7th, is open
        CHECK(r.strength == doctest::Approx((1 - std::pow(m, 7)) * std::pow(m, 29)));
        CHECK(r.strength > 0.0);
    }
    SUBCASE("nothing logged since creation") {
        const auto r = report_for(cue, {}, P("2026-11-01", "2026-11-07"), "2026-11-20");
        CHECK(r.strength == 0.0);
        CHECK(r.missed_days == 7);
        CHECK(r.consistency == doctest::Approx(0.0));
        CHECK(r.suggestion == Suggestion::shrink);
    }
}

TEST_CASE("review: mood and energy stats with the previous average") {
    const std::vector<Rating> ratings{
        mood("2026-10-20", 9), // neither period
        mood("2026-11-03", 2), // previous
        mood("2026-11-05", 4), // previous
        mood("2026-11-09", 4),   energy("2026-11-09", 7), mood("2026-11-10", 6),
        mood("2026-11-12", 8),   mood("2026-11-12", 7),  // rated again: replaces
        energy("2026-11-15", 3), mood("2026-11-16", 10), // after the period
    };
    const auto m_stats = review::stats(ratings, RatingKind::mood, P("2026-11-09", "2026-11-15"));
    CHECK(m_stats.days_rated == 3);
    CHECK(m_stats.average == doctest::Approx(17.0 / 3.0));
    CHECK(m_stats.min == 4);
    CHECK(m_stats.max == 7);
    REQUIRE(m_stats.values.size() == 3);
    CHECK(m_stats.values[0] == std::pair{D("2026-11-09"), 4});
    CHECK(m_stats.values[1] == std::pair{D("2026-11-10"), 6});
    CHECK(m_stats.values[2] == std::pair{D("2026-11-12"), 7});
    CHECK(m_stats.previous_average == doctest::Approx(3.0));
    CHECK(m_stats.previous_days_rated == 2);

    const auto e_stats = review::stats(ratings, RatingKind::energy, P("2026-11-09", "2026-11-15"));
    CHECK(e_stats.days_rated == 2);
    CHECK(e_stats.average == doctest::Approx(5.0));
    CHECK(e_stats.min == 3);
    CHECK(e_stats.max == 7);
    CHECK_FALSE(e_stats.previous_average.has_value());
    CHECK(e_stats.previous_days_rated == 0);

    const auto empty = review::stats({}, RatingKind::mood, P("2026-11-09", "2026-11-15"));
    CHECK(empty.days_rated == 0);
    CHECK_FALSE(empty.average.has_value());
    CHECK_FALSE(empty.min.has_value());
    CHECK_FALSE(empty.max.has_value());
    CHECK(empty.values.empty());
    CHECK_FALSE(empty.previous_average.has_value());
}

TEST_CASE("review: build gathers intentions, cues, notes, phase, prompts and safety") {
    const auto& cfg = default_config();
    const Period week = P("2026-11-09", "2026-11-15");

    Intention kept{1,     "I am open",  std::nullopt, std::nullopt, D("2026-10-01"),
                   false, std::nullopt, true};
    Intention late_in{2, "created on the last day", {}, {}, D("2026-11-15"), false, {}, false};
    Intention after{3, "created after", {}, {}, D("2026-11-16"), false, {}, false};
    Intention archived_in{
        4, "archived on the first day", {}, {}, D("2026-10-01"), true, D("2026-11-09"), false};
    Intention archived_before{5,    "archived before", {},   {}, D("2026-10-01"),
                              true, D("2026-11-08"),   false};
    Intention archived_undated{6,    "archived, day unknown", {}, {}, D("2026-10-01"), true, {},
                               false};

    Cue active = make_cue(1, "2026-10-01");
    Cue archived_during = make_cue(2, "2026-10-01");
    archived_during.status = CueStatus::archived;
    archived_during.archived_on = D("2026-11-12");
    Cue archived_before_cue = make_cue(3, "2026-10-01");
    archived_before_cue.status = CueStatus::archived;
    archived_before_cue.archived_on = D("2026-11-08");
    Cue created_after = make_cue(4, "2026-11-16");

    review::Input in{
        .period = week,
        .today = D("2026-11-20"),
        .config = cfg,
        .cues = {active, archived_during, archived_before_cue, created_after},
        .logs =
            {
                entry(1, "2026-11-09", LogStatus::done, "one sentence, easy"),
                entry(1, "2026-11-11", LogStatus::slip, "overslept"),
                entry(1, "2026-11-11", LogStatus::done, "did it at lunch"),
                entry(1, "2026-11-13", LogStatus::skip, "ill"),       // neither
                entry(1, "2026-11-14", LogStatus::done, "  "),        // blank: nothing
                entry(1, "2026-11-16", LogStatus::done, "next week"), // after the period
                entry(2, "2026-11-10", LogStatus::slip, "late train"),
                entry(3, "2026-11-10", LogStatus::done, "cue not reported"),
            },
        .ratings = {mood("2026-11-07", 2), mood("2026-11-08", 3), mood("2026-11-09", 1),
                    mood("2026-11-10", 6),
                    Rating{D("2026-11-12"), RatingKind::energy, 4, "slept badly"},
                    Rating{D("2026-11-11"), RatingKind::mood, 7, "a good talk"},
                    Rating{D("2026-11-08"), RatingKind::mood, 3, "before the period"},
                    Rating{D("2026-11-13"), RatingKind::mood, 5, "  "}},
        .journal =
            {
                JournalEntry{10, D("2026-11-10"), "Walked to work", {"win"}, {}, {}},
                JournalEntry{11, D("2026-11-12"), "Phone pulled me in", {"obstacle"}, {}, {}},
                JournalEntry{12, D("2026-11-09"), "Both at once", {"Win", "obstacle"}, {}, {}},
                JournalEntry{13, D("2026-11-10"), "Just an insight", {"insight"}, {}, {}},
                JournalEntry{14, D("2026-11-16"), "Outside the period", {"win"}, {}, {}},
            },
        .intentions = {kept, late_in, after, archived_in, archived_before, archived_undated},
        .sessions = {Session{1, D("2026-11-12"), {}}},
    };
    const auto report = review::build(in);

    CHECK(report.period == week);
    REQUIRE(report.intentions.size() == 3);
    CHECK(report.intentions[0].id == 1);
    CHECK(report.intentions[1].id == 2);
    CHECK(report.intentions[2].id == 4);

    REQUIRE(report.cues.size() == 2); // archived before and created after are left out
    CHECK(report.cues[0].cue.id == 1);
    CHECK(report.cues[0].scheduled_days == 7);
    CHECK(report.cues[0].done_days == 3);
    CHECK(report.cues[0].skipped_days == 1);
    CHECK(report.cues[0].slipped_days == 0);
    CHECK(report.cues[0].missed_days == 3);
    CHECK(report.cues[1].cue.id == 2);
    CHECK(report.cues[1].scheduled_days == 3); // 9, 10, 11: archived on the 12th
    CHECK(report.cues[1].slipped_days == 1);
    CHECK(report.cues[1].missed_days == 2);
    CHECK(report.cues[1].calendar[3].second == DayMark::not_scheduled);

    REQUIRE(report.wins.size() == 4);
    CHECK(report.wins[0].day == D("2026-11-09"));
    CHECK(report.wins[0].text == "Both at once");
    CHECK(report.wins[0].source == "journal");
    CHECK(report.wins[0].journal_id == 12);
    CHECK_FALSE(report.wins[0].cue_id.has_value());
    CHECK(report.wins[1].text == "one sentence, easy");
    CHECK(report.wins[1].source == "log");
    CHECK(report.wins[1].cue_id == 1);
    CHECK(report.wins[2].text == "Walked to work");
    CHECK(report.wins[2].day == D("2026-11-10"));
    CHECK(report.wins[3].text == "did it at lunch");
    CHECK(report.wins[3].day == D("2026-11-11"));

    REQUIRE(report.obstacles.size() == 4);
    CHECK(report.obstacles[0].text == "Both at once");
    CHECK(report.obstacles[1].text == "late train");
    CHECK(report.obstacles[1].cue_id == 2);
    CHECK(report.obstacles[2].text == "overslept"); // a slip turned done still names what got in
    CHECK(report.obstacles[2].source == "log");
    CHECK(report.obstacles[3].text == "Phone pulled me in");
    CHECK(report.obstacles[3].source == "journal");

    // The period's rating notes, by day; blank ones left out.
    REQUIRE(report.rating_notes.size() == 2);
    CHECK(report.rating_notes[0].note == "a good talk");
    CHECK(report.rating_notes[1].note == "slept badly");
    CHECK(report.rating_notes[1].kind == RatingKind::energy);

    CHECK(report.mood.days_rated == 4);
    CHECK(report.mood.average == doctest::Approx((1 + 6 + 7 + 5) / 4.0));
    CHECK(report.mood.previous_average == doctest::Approx(2.5));
    CHECK(report.energy.days_rated == 1);

    // session on the 12th: the 15th is day 3, the week ahead starts on day 4
    REQUIRE(report.phase.has_value());
    CHECK(report.phase->day == 3);
    REQUIRE(report.phase->phase != nullptr);
    CHECK(report.phase->phase->key == "days1-3");
    // The safety note stands for the period (below): only gentle prompts for the week ahead.
    const auto ahead = prompts::for_day(cfg.prompts, "days4-14", D("2026-11-16"), 3, true);
    REQUIRE(ahead.size() == 3);
    REQUIRE(report.prompts.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(report.prompts[i].id == ahead[i].id);
    for (const auto& p : report.prompts)
        CHECK(p.gentle);
    const auto days1_3 = prompts::for_day(cfg.prompts, "days1-3", D("2026-11-16"), 3, true);
    CHECK(report.prompts[0].id != days1_3[0].id); // chosen by the phase ahead, not the one ending

    // mood 2, 3, 1 on 7..9 Nov: a run of 3 low days overlapping the period's first day
    CHECK(report.safety.triggered);
    CHECK(report.safety.days ==
          std::vector<Day>{D("2026-11-07"), D("2026-11-08"), D("2026-11-09")});
}

TEST_CASE("review: safety needs a run that overlaps the period") {
    const auto& cfg = default_config();
    auto run = [&](std::vector<Rating> ratings) {
        review::Input in{.period = P("2026-11-09", "2026-11-15"),
                         .today = D("2026-11-20"),
                         .config = cfg,
                         .ratings = std::move(ratings)};
        return review::build(in);
    };
    SUBCASE("ending the day before the period: not triggered") {
        const auto r = run({mood("2026-11-06", 2), mood("2026-11-07", 3), mood("2026-11-08", 1),
                            mood("2026-11-09", 4)});
        CHECK_FALSE(r.safety.triggered);
        CHECK(r.safety.days.empty());
    }
    SUBCASE("starting on the period's last day: triggered") {
        const auto r = run({mood("2026-11-15", 2), mood("2026-11-16", 2), mood("2026-11-17", 0)});
        CHECK(r.safety.triggered);
        CHECK(r.safety.days.size() == 3);
    }
    SUBCASE("three low days within five are enough, a better and an unrated day between") {
        // Under the old rule (days in a row) this was not enough: the window rule's point.
        const auto r = run({mood("2026-11-10", 1), mood("2026-11-11", 1), mood("2026-11-12", 5),
                            energy("2026-11-13", 0), mood("2026-11-14", 2)});
        CHECK(r.safety.triggered);
        CHECK(r.safety.days == std::vector<Day>{D("2026-11-10"), D("2026-11-11"), D("2026-11-14")});
        for (const auto& p : r.prompts)
            CHECK(p.gentle);
    }
    SUBCASE("two low days within five are not enough") {
        const auto r = run({mood("2026-11-10", 1), mood("2026-11-11", 1), mood("2026-11-12", 5),
                            energy("2026-11-13", 0), mood("2026-11-15", 2)});
        CHECK_FALSE(r.safety.triggered);
        CHECK(r.prompts.size() == 3); // any prompt of the phase
    }
    SUBCASE("no session: no phase, general prompts") {
        const auto r = run({});
        CHECK_FALSE(r.phase.has_value());
        const auto general = prompts::for_day(cfg.prompts, "general", D("2026-11-16"), 3);
        REQUIRE(r.prompts.size() == general.size());
        for (std::size_t i = 0; i < general.size(); ++i)
            CHECK(r.prompts[i].id == general[i].id);
        CHECK(r.cues.empty());
        CHECK(r.wins.empty());
        CHECK(r.obstacles.empty());
    }
}

TEST_CASE("review: reportable cues") {
    const Period week = P("2026-11-09", "2026-11-15");
    Cue c = make_cue(1, "2026-11-15");
    CHECK(review::reportable(c, week));
    c.created = D("2026-11-16");
    CHECK_FALSE(review::reportable(c, week));
    c.created = D("2026-10-01");
    c.status = CueStatus::paused;
    c.pauses = {Pause{D("2026-10-05"), std::nullopt}};
    CHECK(review::reportable(c, week)); // paused cues show, with 0 scheduled days
    c.status = CueStatus::archived;
    CHECK_FALSE(review::reportable(c, week)); // archived, day unknown
    c.archived_on = D("2026-11-10");
    CHECK(review::reportable(c, week)); // the 9th was still scheduled
    c.archived_on = D("2026-11-09");
    CHECK_FALSE(review::reportable(c, week)); // the day archived is not scheduled: nothing to show
    c.archived_on = D("2026-11-08");
    CHECK_FALSE(review::reportable(c, week));
}

TEST_CASE("review: an archived cue is closed: no suggestion to shrink or expand") {
    Cue c = make_cue(1, "2026-10-01");
    const auto logs = daily(1, "2026-10-20", std::string(27, 'd')); // to 2026-11-15
    const Period week = P("2026-11-09", "2026-11-15");
    CHECK(report_for(c, logs, week, "2026-11-20").suggestion == review::Suggestion::expand);
    c.status = CueStatus::archived;
    c.archived_on = D("2026-11-16");
    const auto r = report_for(c, logs, week, "2026-11-20");
    CHECK(r.consistency == 1.0);
    CHECK(r.suggestion == review::Suggestion::keep);
}

TEST_CASE("review: a pause marks the days it kept off the schedule as paused, in every plan") {
    // Paused Wednesday 11 to Saturday 14 November; reviewed 9..15 November on the 20th.
    const auto marks_of = [](const Cue& cue) {
        std::string out;
        for (const auto& [day, mark] :
             report_for(cue, {}, P("2026-11-09", "2026-11-15"), "2026-11-20").calendar)
            out += std::string(review::to_string(mark)) + " ";
        return out;
    };
    Cue cue = make_cue(7, "2026-11-02", "mon,wed,fri");
    cue.pauses = {Pause{D("2026-11-11"), D("2026-11-14")}};
    // Wednesday and Friday would have been scheduled; Tuesday, Thursday and the weekend not.
    CHECK(marks_of(cue) == "missed not_scheduled paused not_scheduled paused not_scheduled "
                           "not_scheduled ");
    // An if-then plan and a --per plan have every day open to them: each paused day is paused.
    Cue situation = cue;
    situation.kind = CueKind::if_;
    CHECK(marks_of(situation) == "not_scheduled not_scheduled paused paused paused "
                                 "not_scheduled not_scheduled ");
    Cue per = cue;
    per.per = Per{.times = 3, .days = 7, .week = true};
    CHECK(marks_of(per) == "not_scheduled not_scheduled paused paused paused not_scheduled "
                           "not_scheduled ");
    // Before the creation nothing is paused: the cue did not exist yet.
    Cue young = cue;
    young.created = D("2026-11-13");
    young.steps.front().day = young.created;
    CHECK(marks_of(young) == "not_scheduled not_scheduled not_scheduled not_scheduled paused "
                             "not_scheduled not_scheduled ");
}

TEST_CASE("review: step changes in the period, each with the behavior before it") {
    Cue cue = make_cue(7, "2026-11-02");
    cue.steps.push_back(Step{D("2026-11-05"), "write two sentences", std::nullopt});
    cue.steps.push_back(Step{D("2026-11-11"), "write a paragraph", "felt ready"});
    const auto r = report_for(cue, {}, P("2026-11-09", "2026-11-15"), "2026-11-20");
    REQUIRE(r.steps_changed.size() == 1);
    CHECK(r.steps_changed[0].step.day == D("2026-11-11"));
    CHECK(r.steps_changed[0].step.behavior == "write a paragraph");
    CHECK(r.steps_changed[0].step.note == "felt ready");
    CHECK(r.steps_changed[0].before == "write two sentences");
    // The first step is the cue's beginning, not a change.
    CHECK(report_for(cue, {}, P("2026-11-02", "2026-11-08"), "2026-11-20").steps_changed.size() ==
          1);
}
