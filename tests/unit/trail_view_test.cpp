// trail_view (kint trail, SPEC §7.4): each day's status by the plan in force, the strength at
// each week's end, and app::trail over an in-memory store.
#include "app_fixture.hpp"
#include "kint/app/strength.hpp"
#include "kint/app/trail.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/trail_view.hpp"
#include "kint/render/trail.hpp"
#include "test_day.hpp"
// Header-only, the renderers' own: month_start_in.
#include "../../src/render/trail_parts.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace kint;
using kint::test::D;
using kint::test::default_config;
using trail_view::Status;

namespace {

Cue make_cue(Day created, CueKind kind = CueKind::after, std::optional<Per> per = std::nullopt) {
    Cue c;
    c.id = 1;
    c.kind = kind;
    c.trigger = "I pour my coffee";
    c.days = Schedule::daily();
    c.per = per;
    c.created = created;
    c.steps = {Step{created, "stretch", std::nullopt}};
    return c;
}

LogEntry entry(const char* day, LogStatus s) {
    return {1, D(day), s, std::nullopt};
}

std::map<Day, Status> statuses(const trail_view::CueTrail& t) {
    std::map<Day, Status> out;
    for (std::size_t i = 0; i < t.days.size(); ++i)
        out.emplace(t.span.from + std::chrono::days{static_cast<int>(i)}, t.days[i]);
    return out;
}

} // namespace

TEST_CASE("trail_view: a daily cue's days: done, skip, slip, missed, paused and today open") {
    auto cue = make_cue(D("2026-11-02")); // a Monday
    cue.pauses = {Pause{D("2026-11-06"), D("2026-11-09")}};
    const std::vector<LogEntry> logs{
        entry("2026-11-02", LogStatus::done), entry("2026-11-03", LogStatus::skip),
        entry("2026-11-04", LogStatus::slip), entry("2026-11-09", LogStatus::done)};
    const Day today = D("2026-11-10");
    const auto v = trail_view::build({{cue, logs, std::nullopt}}, {}, {}, std::nullopt,
                                     std::nullopt, today, default_config());
    REQUIRE(v.cues.size() == 1);
    const auto s = statuses(v.cues[0]);
    CHECK(v.cues[0].span == review::Period{D("2026-11-02"), today});
    CHECK(s.size() == 9);
    CHECK(s.at(D("2026-11-02")) == Status::done);
    CHECK(s.at(D("2026-11-03")) == Status::skip);
    CHECK(s.at(D("2026-11-04")) == Status::slip);
    CHECK(s.at(D("2026-11-05")) == Status::missed);
    for (const char* d : {"2026-11-06", "2026-11-07", "2026-11-08"})
        CHECK(s.at(D(d)) == Status::paused);
    CHECK(s.at(D("2026-11-09")) == Status::done);
    CHECK(s.at(today) == Status::open);
    CHECK(v.cues[0].done_days == 2);
    CHECK(v.cues[0].pauses.size() == 1);
    CHECK(v.cues[0].steps.size() == 1);
    // The review's calendar, mark for mark.
    const auto report = review::cue_report(cue, logs, {}, v.cues[0].span, today, default_config());
    CHECK(report.calendar == review::calendar(cue, strength::trail_of(logs, 1), v.cues[0].span,
                                              today, default_config().week_starts));

    // Logged today counts at once.
    auto done_today = logs;
    done_today.push_back(entry("2026-11-10", LogStatus::done));
    const auto w = trail_view::build({{cue, done_today, std::nullopt}}, {}, {}, std::nullopt,
                                     std::nullopt, today, default_config());
    CHECK(statuses(w.cues[0]).at(today) == Status::done);
}

TEST_CASE("trail_view: an if-then day without entry is not scheduled, never missed") {
    const auto cue = make_cue(D("2026-11-02"), CueKind::if_);
    const std::vector<LogEntry> logs{entry("2026-11-03", LogStatus::done),
                                     entry("2026-11-05", LogStatus::slip)};
    const auto v = trail_view::build({{cue, logs, std::nullopt}}, {}, {}, std::nullopt,
                                     std::nullopt, D("2026-11-08"), default_config());
    const auto s = statuses(v.cues[0]);
    CHECK(s.at(D("2026-11-03")) == Status::done);
    CHECK(s.at(D("2026-11-05")) == Status::slip);
    for (const auto& [day, status] : s) {
        CAPTURE(format_day(day));
        CHECK(status != Status::missed);
        CHECK(status != Status::open); // today without entry: the situation did not arise
    }
    CHECK(s.at(D("2026-11-04")) == Status::not_scheduled);
}

TEST_CASE("trail_view: a --per day without entry is not scheduled, a week short is no day's") {
    const auto cue = make_cue(D("2026-11-02"), CueKind::after, Per{3, 7, true});
    const std::vector<LogEntry> logs{entry("2026-11-03", LogStatus::done)};
    const auto v = trail_view::build({{cue, logs, std::nullopt}}, {}, {}, std::nullopt,
                                     std::nullopt, D("2026-11-12"), default_config());
    const auto s = statuses(v.cues[0]);
    CHECK(s.at(D("2026-11-03")) == Status::done);
    for (const char* d : {"2026-11-02", "2026-11-04", "2026-11-08", "2026-11-11"})
        CHECK(s.at(D(d)) == Status::not_scheduled);
    // Today, a week not yet met: open.
    CHECK(s.at(D("2026-11-12")) == Status::open);
}

TEST_CASE("trail_view: the strength at each week's end is strength::on at those days") {
    const auto cue = make_cue(D("2026-08-05"));
    std::vector<LogEntry> logs;
    for (Day d = D("2026-08-05"); d < D("2026-11-20"); d += std::chrono::days{1}) {
        const auto n = (d - D("2026-08-05")).count();
        if (n % 3 != 2) logs.push_back({1, d, n % 7 == 4 ? LogStatus::slip : LogStatus::done});
    }
    const Day today = D("2026-11-20");
    const auto trail = strength::trail_of(logs, 1);
    const auto v = trail_view::build({{cue, logs, std::nullopt}}, {}, {}, std::nullopt,
                                     std::nullopt, today, default_config());
    const auto& points = v.cues[0].strength;
    REQUIRE(points.size() == 15); // Sundays 9 Aug .. 15 Nov
    CHECK(points.front().day == D("2026-08-09"));
    CHECK(points.back().day == D("2026-11-15"));
    for (const auto& p : points) {
        CAPTURE(format_day(p.day));
        CHECK(weekday_index(p.day) == 6);
        CHECK(p.value == strength::on(cue, trail, cue.created, today, p.day));
    }

    // From a checkpoint, with only the entries it needs: the same figures to the last bit.
    const strength::Checkpoint kept{D("2026-10-04"),
                                    strength::on(cue, trail, cue.created, today, D("2026-10-04"))};
    std::vector<LogEntry> recent;
    for (const auto& e : logs)
        if (e.day >= strength::reads_from(cue, kept.day + std::chrono::days{1}))
            recent.push_back(e);
    const auto late = trail_view::build({{cue, recent, kept}}, {}, {}, D("2026-10-07"),
                                        std::nullopt, today, default_config());
    REQUIRE(late.cues[0].strength.size() == 6); // 11 Oct .. 15 Nov
    for (const auto& p : late.cues[0].strength) {
        CAPTURE(format_day(p.day));
        CHECK(p.value == strength::on(cue, trail, cue.created, today, p.day));
    }
    CHECK(late.cues[0].span.from == D("2026-10-07"));
}

TEST_CASE("trail_view: spans, archived cues and mood beside a habit") {
    auto cue = make_cue(D("2026-11-02"));
    CHECK_FALSE(trail_view::span_of(cue, std::nullopt, D("2026-11-01"), D("2026-11-20")));
    CHECK(trail_view::span_of(cue, D("2026-10-01"), D("2026-11-05"), D("2026-11-20")) ==
          review::Period{D("2026-11-02"), D("2026-11-05")});
    CHECK(trail_view::span_of(cue, std::nullopt, D("2026-12-31"), D("2026-11-20"))->to ==
          D("2026-11-20"));
    cue.archived_on = D("2026-11-10");
    CHECK(trail_view::span_of(cue, std::nullopt, std::nullopt, D("2026-11-20"))->to ==
          D("2026-11-09"));

    // Mood on 4 done and 2 missed days: not enough yet, and the words say so.
    const auto daily = make_cue(D("2026-11-02"));
    std::vector<LogEntry> logs;
    std::vector<Rating> ratings;
    for (const char* d : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"})
        logs.push_back(entry(d, LogStatus::done));
    for (const char* d : {"2026-11-02", "2026-11-03", "2026-11-06", "2026-11-07"})
        ratings.push_back({D(d), RatingKind::mood, 6, std::nullopt});
    const auto v = trail_view::build({{daily, logs, std::nullopt}}, ratings,
                                     {{1, D("2026-11-04"), "first"}, {2, D("2026-10-01"), {}}},
                                     std::nullopt, std::nullopt, D("2026-11-08"), default_config());
    CHECK_FALSE(v.cues[0].mood_link.enough);
    CHECK(v.cues[0].mood_link.same_day.done_days == 2);
    CHECK(v.cues[0].mood_link.same_day.other_days == 2);
    CHECK(render::mood_link_sentence(v.cues[0].mood_link) ==
          "Not enough days yet to set mood beside this habit (2 done, 2 other; 7 each needed).");
    REQUIRE(v.sessions.size() == 1); // the one in the span
    CHECK(v.sessions[0].day == D("2026-11-04"));
    REQUIRE(v.mood_weeks.size() == 1);
    CHECK(v.mood_weeks[0].days_rated == 4);
}

// What app::trail hands its sink, gathered into one view; `calls` records their order ("b" for
// begin, "c" for each cue, "e" for the end).
struct Gathered : trail_view::Sink {
    trail_view::View view;
    std::string calls;
    void begin(const trail_view::Frame& f) override {
        static_cast<trail_view::Frame&>(view) = f;
        calls += 'b';
    }
    void cue(const trail_view::CueTrail& c) override {
        view.cues.push_back(c);
        calls += 'c';
    }
    void end() override { calls += 'e'; }
};

trail_view::View gathered(const store::Store& s, Day today, const app::TrailRequest& request) {
    Gathered g;
    app::trail(s, default_config(), today, request, g);
    CHECK(g.calls == "b" + std::string(g.view.cues.size(), 'c') + "e");
    return g.view;
}

TEST_CASE("app::trail: every active cue, one cue, and an unknown cue refused") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
    const Id a = s.add_cue({i, CueKind::after, "I pour my coffee", std::nullopt, Schedule::daily(),
                            D("2026-11-02"), "write one sentence"});
    const Id b = s.add_cue({i, CueKind::after, "I brush my teeth", std::nullopt, Schedule::daily(),
                            D("2026-11-05"), "floss one tooth"});
    const Id gone = s.add_cue({i, CueKind::after, "I sit down", std::nullopt, Schedule::daily(),
                               D("2026-11-02"), "breathe"});
    s.archive_cue(gone, D("2026-11-06"));
    s.put_log({a, D("2026-11-03"), LogStatus::done, std::nullopt});
    const Day today = D("2026-11-20");
    const auto all = gathered(s, today, {});
    REQUIRE(all.cues.size() == 2);
    CHECK(all.cues[0].cue.id == a);
    CHECK(all.cues[1].cue.id == b);
    CHECK(all.span == review::Period{D("2026-11-02"), today});

    const auto one = gathered(s, today, {.cue = gone, .since = {}, .until = {}});
    REQUIRE(one.cues.size() == 1);
    CHECK(one.cues[0].span == review::Period{D("2026-11-02"), D("2026-11-05")});

    // Refused before anything reaches the sink: no half document.
    Gathered refused;
    CHECK_THROWS_AS(
        app::trail(s, default_config(), today, {.cue = 99, .since = {}, .until = {}}, refused),
        NotFound);
    CHECK_THROWS_AS(
        app::trail(s, default_config(), today,
                   {.cue = std::nullopt, .since = D("2026-11-10"), .until = D("2026-11-09")},
                   refused),
        UsageError);
    CHECK(refused.calls.empty());

    // A late --since reads from the checkpoint: the same strength as the whole life gives.
    for (Day d = D("2026-11-02"); d < today; d += std::chrono::days{1})
        if ((d - D("2026-11-02")).count() % 4 != 1)
            s.put_log({a, d, LogStatus::done, std::nullopt});
    s.put_strength(
        a, {{D("2026-11-08"),
             gathered(s, today, {.cue = a, .since = {}, .until = {}}).cues[0].strength[0].value}});
    const auto whole = gathered(s, today, {.cue = a, .since = {}, .until = {}});
    const auto late = gathered(s, today, {.cue = a, .since = D("2026-11-12"), .until = {}});
    REQUIRE(whole.cues[0].strength.size() == 2);
    REQUIRE(late.cues[0].strength.size() == 1);
    CHECK(late.cues[0].strength[0].value == whole.cues[0].strength[1].value);
}

TEST_CASE("trail_view: a packed week is whole exactly when each of its days unpacks to a mark") {
    // Every number a day can hold, at every day of the week, among days that hold marks; and
    // a bit above the seventh day.
    for (std::uint32_t v = 0; v < 16; ++v)
        for (int day = 0; day < 7; ++day) {
            const std::uint32_t week = (0x1234567U & ~(0xFU << (4 * day))) | (v << (4 * day));
            bool every = true;
            for (int i = 0; i < 7; ++i)
                every = every && trail_view::unpack_day(week, i).has_value();
            CAPTURE(week);
            CHECK(trail_view::whole_week(week) == every);
            CHECK(every == (v <= 9));
        }
    CHECK(trail_view::whole_week(0x9999999U));
    CHECK_FALSE(trail_view::whole_week(0x10000000U));
    CHECK_FALSE(trail_view::whole_week(0xA0000000U | 0x1111111U));
}

TEST_CASE("trail_parts: a week's first day of a month, from its last day's date alone") {
    // Against asking each of the week's seven days, for every week of 1999-2041 (leap years,
    // February's 28 and 29 days, every weekday a month can begin on).
    using std::chrono::days;
    int weeks = 0, firsts = 0;
    for (Day week = D("1999-01-04"); week < D("2041-01-01"); week += days{7}) {
        std::optional<Day> asked;
        for (int i = 0; i < 7 && !asked; ++i)
            if (static_cast<unsigned>(std::chrono::year_month_day{week + days{i}}.day()) == 1)
                asked = week + days{i};
        const auto found = render::trail_parts::month_start_in(week);
        if (found != asked) FAIL_CHECK("the week of " << kint::format_day(week));
        ++weeks;
        firsts += asked.has_value();
    }
    CHECK(weeks == 2192);
    CHECK(firsts == 42 * 12); // each month's first day in one week
}
