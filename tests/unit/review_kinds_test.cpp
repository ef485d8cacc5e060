// The review of cues that fit a life (issue 13, SPEC §7.1): if-then situations, --per targets,
// measured steps, today open, and when a done day is a comeback.
#include "kint/config/config.hpp"
#include "kint/domain/review.hpp"
#include "kint/domain/strength.hpp"
#include "kint/domain/trail.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
using review::DayMark;
using review::Period;
using review::Suggestion;

namespace {

const config::Config& cfg() {
    static const config::Config c = config::parse(); // weeks start on Monday
    return c;
}

Cue cue_from(std::string_view created) {
    Cue c;
    c.id = 1;
    c.intention_id = 1;
    c.trigger = "my jaw clenches";
    c.created = D(created);
    c.steps = {Step{c.created, "five slow breaths", std::nullopt}};
    return c;
}

LogEntry at(std::string_view day, LogStatus s = LogStatus::done,
            std::optional<double> amount = std::nullopt) {
    return LogEntry{1, D(day), s, std::nullopt, amount};
}

review::CueReport report(const Cue& c, const std::vector<LogEntry>& logs, std::string_view from,
                         std::string_view to, std::string_view today) {
    return review::cue_report(c, logs, {}, Period{D(from), D(to)}, D(today), cfg());
}

DayMark mark_on(const review::CueReport& r, std::string_view day) {
    for (const auto& [d, m] : r.calendar)
        if (d == D(day)) return m;
    FAIL("no such day in the calendar");
    return DayMark::future;
}

// Daily entries from `from`: d done, s slip, k skip, '.' none.
std::vector<LogEntry> daily(std::string_view from, std::string_view pattern) {
    std::vector<LogEntry> out;
    Day d = D(from);
    for (char c : pattern) {
        if (c != '.')
            out.push_back(LogEntry{1, d,
                                   c == 'd'   ? LogStatus::done
                                   : c == 's' ? LogStatus::slip
                                              : LogStatus::skip,
                                   std::nullopt});
        d += std::chrono::days{1};
    }
    return out;
}

} // namespace

TEST_CASE("review: an if-then cue counts occurrences, never misses") {
    Cue c = cue_from("2026-10-01");
    c.kind = CueKind::if_;
    const std::vector<LogEntry> logs{at("2026-11-10"), at("2026-11-12", LogStatus::slip),
                                     at("2026-11-14"), at("2026-11-15", LogStatus::skip)};
    const auto r = report(c, logs, "2026-11-09", "2026-11-15", "2026-11-20");
    CHECK(r.situation);
    CHECK(r.occurrences == 3);
    CHECK(r.done_days == 2);
    CHECK(r.slipped_days == 1);
    CHECK(r.skipped_days == 1);
    CHECK(r.missed_days == 0);
    CHECK(r.scheduled_days == 4); // the days it arose
    REQUIRE(r.consistency);
    CHECK(*r.consistency == doctest::Approx(2.0 / 3.0));
    CHECK(r.comebacks == 1); // the 14th, after the slip on the 12th
    CHECK(mark_on(r, "2026-11-09") == DayMark::not_scheduled);
    CHECK(mark_on(r, "2026-11-10") == DayMark::done);
    CHECK(mark_on(r, "2026-11-11") == DayMark::not_scheduled);
    CHECK(mark_on(r, "2026-11-12") == DayMark::slip);
    CHECK(mark_on(r, "2026-11-15") == DayMark::skip);

    SUBCASE("a quiet week: nothing arose, no figure, nothing to shrink") {
        const auto q = report(c, {}, "2026-11-09", "2026-11-15", "2026-11-20");
        CHECK(q.occurrences == 0);
        CHECK(q.missed_days == 0);
        CHECK_FALSE(q.consistency);
        CHECK(q.suggestion == Suggestion::keep);
        CHECK(q.strength == 0.0);
    }
    SUBCASE("the suggestion counts occurrences") {
        const auto few =
            report(c, daily("2026-11-09", "ss.d..."), "2026-11-09", "2026-11-15", "2026-11-20");
        CHECK(few.suggestion == Suggestion::keep); // 3 occurrences
        const auto four =
            report(c, daily("2026-11-09", "ss.ds.."), "2026-11-09", "2026-11-15", "2026-11-20");
        CHECK(four.consistency == doctest::Approx(0.25));
        CHECK(four.suggestion == Suggestion::shrink);
    }
    SUBCASE("today without entry is not open for a situation") {
        const auto t = report(c, {}, "2026-11-16", "2026-11-22", "2026-11-18");
        CHECK(mark_on(t, "2026-11-18") == DayMark::not_scheduled);
    }
}

TEST_CASE("review: a --per 3/week cue, whole, partial and unfinished weeks") {
    Cue c = cue_from("2026-10-26");
    c.per = Per{3, 7, true};
    SUBCASE("a whole week: 2 of 3") {
        const auto r = report(c, {at("2026-11-09"), at("2026-11-11")}, "2026-11-09", "2026-11-15",
                              "2026-11-20");
        REQUIRE(r.per);
        REQUIRE(r.targets.size() == 1);
        CHECK(r.targets[0].done == 2);
        CHECK(r.targets[0].target == 3);
        CHECK_FALSE(r.targets[0].unfinished);
        CHECK(r.scheduled_days == 3);
        CHECK(r.done_days == 2);
        CHECK(r.missed_days == 1);
        CHECK(r.consistency == doctest::Approx(2.0 / 3.0));
        CHECK(mark_on(r, "2026-11-10") == DayMark::not_scheduled);
        CHECK(mark_on(r, "2026-11-11") == DayMark::done);
    }
    SUBCASE("more than the target counts as the target") {
        const auto r =
            report(c, daily("2026-11-09", "ddddd.."), "2026-11-09", "2026-11-15", "2026-11-20");
        CHECK(r.done_days == 5);
        CHECK(r.missed_days == 0);
        CHECK(r.consistency == doctest::Approx(1.0));
    }
    SUBCASE("two weeks each judged alone") {
        const auto r = report(c, daily("2026-11-02", "ddddd..d......"), "2026-11-02", "2026-11-15",
                              "2026-11-20");
        REQUIRE(r.targets.size() == 2);
        CHECK(r.scheduled_days == 6);
        CHECK(r.missed_days == 2);
        CHECK(r.consistency == doctest::Approx(4.0 / 6.0)); // 3 (of 5) + 1
    }
    SUBCASE("created on a Wednesday: 5 days of the week, 3 x 5 / 7 = 2.1 -> 2") {
        Cue late = c;
        late.created = D("2026-11-11");
        const auto r = report(late, {at("2026-11-12"), at("2026-11-14")}, "2026-11-09",
                              "2026-11-15", "2026-11-20");
        CHECK(r.targets[0].target == 2);
        CHECK(r.consistency == doctest::Approx(1.0));
    }
    SUBCASE("skipped days are not available: 3 x 4 / 7 = 1.7 -> 2") {
        const auto r =
            report(c, daily("2026-11-09", "kkkd..."), "2026-11-09", "2026-11-15", "2026-11-20");
        CHECK(r.targets[0].target == 2);
        CHECK(r.skipped_days == 3);
        CHECK(r.missed_days == 1);
    }
    SUBCASE("this week on its Friday: only what is done counts so far") {
        const auto r = report(c, {at("2026-11-16")}, "2026-11-16", "2026-11-22", "2026-11-20");
        REQUIRE(r.targets.size() == 1);
        CHECK(r.targets[0].unfinished);
        CHECK(r.targets[0].target == 3);
        CHECK(r.targets[0].counted == 1);
        CHECK(r.scheduled_days == 1);
        CHECK(r.missed_days == 0);
        CHECK(r.consistency == doctest::Approx(1.0));
        CHECK(mark_on(r, "2026-11-20") == DayMark::open);
        CHECK(mark_on(r, "2026-11-21") == DayMark::future);
    }
    SUBCASE("this week on its Saturday with nothing done: 1 can no longer happen") {
        const auto r = report(c, {}, "2026-11-16", "2026-11-22", "2026-11-21");
        CHECK(r.targets[0].counted == 1); // 3 due, 2 days left
        CHECK(r.missed_days == 1);
        CHECK(r.consistency == doctest::Approx(0.0));
    }
    SUBCASE("the target met: today is no longer open") {
        const auto r =
            report(c, daily("2026-11-16", "ddd"), "2026-11-16", "2026-11-22", "2026-11-20");
        CHECK(mark_on(r, "2026-11-20") == DayMark::not_scheduled);
    }
}

TEST_CASE("review: a --per 2/5d cue: one target for the period") {
    Cue c = cue_from("2026-10-26");
    c.per = Per{2, 5, false};
    const auto r =
        report(c, daily("2026-11-09", "d...d.."), "2026-11-09", "2026-11-15", "2026-11-20");
    REQUIRE(r.targets.size() == 1);
    CHECK(r.targets[0].target == 3); // 2 x 7 / 5 = 2.8
    CHECK(r.missed_days == 1);
}

TEST_CASE("review: measured steps count a day done when the amount meets the step") {
    Cue c = cue_from("2026-10-01");
    c.steps[0].measure = Measure{50, "min", false};
    const std::vector<LogEntry> logs{at("2026-11-09", LogStatus::done, 35),
                                     at("2026-11-10", LogStatus::done, 50),
                                     at("2026-11-11", LogStatus::done, 60),
                                     at("2026-11-13", LogStatus::slip),
                                     at("2026-11-14"), // done without an amount: the step met
                                     at("2026-11-15", LogStatus::skip)};
    const auto r = report(c, logs, "2026-11-09", "2026-11-15", "2026-11-20");
    REQUIRE(r.measure);
    CHECK(r.done_days == 3);
    CHECK(r.unmet_days == 1);
    CHECK(r.missed_days == 1);
    CHECK(r.slipped_days == 1);
    CHECK(r.occurrences == 5);
    CHECK(r.consistency == doctest::Approx(0.5)); // 3 of 6
    CHECK(mark_on(r, "2026-11-09") == DayMark::unmet);
    CHECK(r.amount_total == doctest::Approx(195));
    REQUIRE(r.amounts.size() == 4);
    CHECK(r.amounts[0] == std::pair{D("2026-11-09"), 35.0});

    SUBCASE("at most: a past day without entry is within the limit, today is open") {
        Cue most = cue_from("2026-10-01");
        most.steps[0].measure = Measure{20, "min", true};
        const auto m = report(
            most, {at("2026-11-16", LogStatus::done, 10), at("2026-11-17", LogStatus::done, 30)},
            "2026-11-16", "2026-11-22", "2026-11-19");
        CHECK(m.done_days == 2); // 16, 18
        CHECK(m.unmet_days == 1);
        CHECK(m.missed_days == 0);
        CHECK(mark_on(m, "2026-11-18") == DayMark::done);
        CHECK(mark_on(m, "2026-11-19") == DayMark::open);
    }
}

TEST_CASE("comebacks: only after a real gap, once per on-and-off rhythm") {
    Cue c = cue_from("2026-11-01");
    const auto days_of = [](const std::vector<LogEntry>& logs) {
        return trail::effective(logs, 1);
    };
    SUBCASE("every other day: welcomed back once, at the first return") {
        const auto t = days_of(daily("2026-11-01", "d.d.d.d.d.d.d.d"));
        CHECK(trail::is_comeback(c, t, D("2026-11-03")));
        for (int i = 5; i <= 15; i += 2) {
            CAPTURE(i);
            CHECK_FALSE(trail::is_comeback(c, t, D("2026-11-01") + std::chrono::days{i - 1}));
        }
        const auto r = report(c, daily("2026-11-01", "d.d.d.d.d.d.d.d"), "2026-11-01", "2026-11-15",
                              "2026-11-20");
        CHECK(r.comebacks == 1);
    }
    SUBCASE("a steady run, a gap, a return") {
        const auto t = days_of(daily("2026-11-01", "dddd..d"));
        CHECK(trail::is_comeback(c, t, D("2026-11-07")));
        CHECK_FALSE(trail::is_comeback(c, t, D("2026-11-04")));
    }
    SUBCASE("a skip is no gap") {
        CHECK_FALSE(trail::is_comeback(c, days_of(daily("2026-11-01", "ddkd")), D("2026-11-04")));
        CHECK(trail::is_comeback(c, days_of(daily("2026-11-01", "ddsd")), D("2026-11-04")));
    }
    SUBCASE("a week away after an on-and-off rhythm is a return again") {
        const auto t = days_of(daily("2026-11-01", "d.d.d........d"));
        CHECK(trail::is_comeback(c, t, D("2026-11-14")));
    }
    SUBCASE("if-then: only after a slipped occurrence") {
        Cue s = c;
        s.kind = CueKind::if_;
        CHECK_FALSE(
            trail::is_comeback(s, days_of(daily("2026-11-01", "d.....d")), D("2026-11-07")));
        CHECK(trail::is_comeback(s, days_of(daily("2026-11-01", "s.....d")), D("2026-11-07")));
        CHECK_FALSE(
            trail::is_comeback(s, days_of(daily("2026-11-01", "s..d..d")), D("2026-11-07")));
    }
    SUBCASE("--per 1/7d: only after 14 days without a done day") {
        Cue p = cue_from("2026-10-01");
        p.per = Per{1, 7, false};
        const auto t = days_of({at("2026-10-20"), at("2026-11-04"), at("2026-11-10")});
        CHECK(trail::is_comeback(p, t, D("2026-11-04")));
        CHECK_FALSE(trail::is_comeback(p, t, D("2026-11-10")));
        // a new cue has nothing to come back from
        Cue young = p;
        young.created = D("2026-11-01");
        CHECK_FALSE(trail::is_comeback(young, t, D("2026-11-04")));
    }
    SUBCASE("comeback_since covers what the rule reads") {
        CHECK(trail::comeback_since(c, D("2026-11-20")) <= D("2026-11-06"));
        CHECK(trail::comeback_since(c, D("2026-11-02")) == D("2026-11-01"));
    }
}

TEST_CASE(
    "review: the log range: the period before, the comeback rule's look-back, the strength's") {
    Cue c = cue_from("2016-01-01");
    const Period p{D("2026-11-09"), D("2026-11-15")};
    // From a checkpoint a few weeks back: the period before and the comeback look-back decide.
    const auto r = review::log_range(c, p, D("2026-10-01"));
    REQUIRE(r.since);
    CHECK(*r.since == D("2026-10-01"));
    CHECK(*r.until == D("2026-11-15"));
    const auto near = review::log_range(c, p, D("2026-11-14"));
    CHECK(*near.since == std::min(D("2026-11-02"), trail::comeback_since(c, D("2026-11-09"))));
    // Without a checkpoint the strength replays from the creation.
    CHECK(*review::log_range(c, p, c.created).since == D("2016-01-01"));
}
