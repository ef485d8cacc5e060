// Strength checkpoints (issue 14): a review reads a cue's log from its latest week-end checkpoint
// instead of replaying its whole history. Proved here on random histories of every kind of cue,
// with pauses, plan edits, step changes, backfills and undos: the fast path gives the figures of
// the full replay to the last bit, in the pure domain and through the store, the checkpoints its
// writes keep and clear, and the review's use case.
#include "kint/app/review.hpp"
#include "kint/app/strength.hpp"
#include "kint/app/trail.hpp"
#include "kint/config/config.hpp"
#include "kint/domain/review.hpp"
#include "kint/domain/strength.hpp"
#include "kint/domain/trail_view.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <tuple>

using namespace kint;
using kint::test::D;
using std::chrono::days;

namespace {

// A small fixed pseudo-random source: the same histories on every run and machine.
struct Rng {
    std::uint32_t state;
    int operator()(int n) {
        state = state * 1664525U + 1013904223U;
        return static_cast<int>((state >> 8) % static_cast<std::uint32_t>(n));
    }
    bool chance(int percent) { return (*this)(100) < percent; }
};

std::optional<Measure> random_measure(Rng& r) {
    switch (r(4)) {
    case 0:
        return Measure{10, "min", false};
    case 1:
        return Measure{20, "min", true};
    default:
        return std::nullopt;
    }
}

// One of the plans a cue can have: daily, some weekdays, if-then, N/week, N per M days.
void random_plan(Rng& r, CueKind& kind, Schedule& sched, std::optional<Per>& per) {
    kind = CueKind::after;
    sched = Schedule::daily();
    per.reset();
    switch (r(5)) {
    case 0:
        break;
    case 1:
        sched = Schedule(static_cast<std::uint8_t>(1 + r(127)));
        break;
    case 2:
        kind = CueKind::if_;
        break;
    case 3:
        per = Per{1 + r(7), 7, true};
        break;
    default: {
        const int m = per_min_days + r(per_max_days - per_min_days + 1);
        per = Per{1 + r(m), m, false};
    }
    }
}

Cue random_cue(Rng& r, Id id, Day created, Day today) {
    Cue c;
    c.id = id;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.created = created;
    random_plan(r, c.kind, c.days, c.per);
    const long life = (today - created).count();
    // Earlier plans (cue edit), oldest first.
    Day until = created;
    for (int i = r(3); i > 0; --i) {
        until += days{1 + r(static_cast<int>(life / 3))};
        if (until >= today) break;
        Plan p;
        p.until = until;
        p.trigger = c.trigger;
        random_plan(r, p.kind, p.days, p.per);
        c.plans.push_back(p);
    }
    // Steps, oldest first, some measured.
    Day step_day = created;
    c.steps.push_back(Step{created, "one breath", std::nullopt, random_measure(r)});
    for (int i = r(3); i > 0; --i) {
        step_day += days{1 + r(static_cast<int>(life / 3))};
        if (step_day > today) break;
        c.steps.push_back(Step{step_day, "three breaths", std::nullopt, random_measure(r)});
    }
    for (int i = r(3); i > 0; --i) {
        const Day from = created + days{r(static_cast<int>(life))};
        c.pauses.push_back(Pause{from, from + days{1 + r(60)}});
    }
    if (r.chance(15)) c.archived_on = created + days{r(static_cast<int>(life) + 1)};
    return c;
}

strength::Trail random_trail(Rng& r, Day from, Day to) {
    strength::Trail t;
    const int density = 20 + r(70);
    for (Day d = from; d <= to; d += days{1}) {
        if (!r.chance(density)) continue;
        const int roll = r(100);
        const LogStatus s = roll < 75   ? LogStatus::done
                            : roll < 87 ? LogStatus::slip
                                        : LogStatus::skip;
        std::optional<double> amount;
        if (s == LogStatus::done && r.chance(60)) amount = static_cast<double>(r(35));
        t.emplace(d, strength::Logged{s, amount});
    }
    return t;
}

strength::Trail from_day(const strength::Trail& t, Day from) {
    return {t.lower_bound(from), t.end()};
}

std::vector<Day> every_day(Day from, Day to) {
    std::vector<Day> out;
    for (Day d = from; d <= to; d += days{1})
        out.push_back(d);
    return out;
}

} // namespace

TEST_CASE("strength: checkpoints fall on each week's end, before today") {
    // 2026-11-29 is a Sunday.
    CHECK(strength::last_checkpoint_day(D("2026-11-30")) == D("2026-11-29"));
    CHECK(strength::last_checkpoint_day(D("2026-12-02")) == D("2026-11-29"));
    // Today's own strength is not over yet: a Sunday is kept from the Monday after.
    CHECK(strength::last_checkpoint_day(D("2026-11-29")) == D("2026-11-22"));
    const auto sundays = strength::checkpoint_days(D("2026-11-01"), D("2026-11-30"));
    REQUIRE(sundays.size() == 5);
    CHECK(sundays.front() == D("2026-11-01"));
    CHECK(sundays.back() == D("2026-11-29"));
    CHECK(strength::checkpoint_days(D("2026-11-02"), D("2026-11-07")).empty());
    // A rule reads back as far as its longest --per window, now or in an earlier plan.
    Cue daily;
    CHECK(strength::reads_from(daily, D("2026-11-30")) == D("2026-11-30"));
    Cue per = daily;
    per.per = Per{3, 7, false};
    CHECK(strength::reads_from(per, D("2026-11-30")) == D("2026-11-16"));
    Cue was_per = daily;
    was_per.plans.push_back(Plan{.until = D("2026-10-01"), .per = Per{2, per_max_days, false}});
    CHECK(strength::reads_from(was_per, D("2026-11-30")) ==
          D("2026-11-30") - days{2 * per_max_days});
}

TEST_CASE("strength: from any checkpoint, the figures of the full replay to the last bit") {
    const Day today = D("2026-11-18");
    long compared = 0;
    for (std::uint32_t seed = 1; seed <= 150; ++seed) {
        Rng r{seed * 2654435761U};
        const Day created = today - days{30 + r(1200)};
        const Cue cue = random_cue(r, 1, created, today);
        const auto trail = random_trail(r, created - days{5}, today);
        const auto all = every_day(created, today + days{2});
        const auto full = strength::at(cue, trail, created, today, all);
        const auto sundays =
            strength::checkpoint_days(created, strength::last_checkpoint_day(today));
        for (std::size_t k = 0; k < sundays.size(); k += 1 + static_cast<std::size_t>(r(9))) {
            const Day c = sundays[k];
            const strength::Checkpoint cp{c, full[static_cast<std::size_t>((c - created).count())]};
            const auto part = from_day(trail, strength::reads_from(cue, c + days{1}));
            const std::vector<Day> wanted(all.begin() + (c - created).count(), all.end());
            const auto fast = strength::at(cue, part, created, today, wanted, cp);
            CAPTURE(seed);
            CAPTURE(format_day(c));
            for (std::size_t i = 0; i < wanted.size(); ++i) {
                CAPTURE(format_day(wanted[i]));
                // Bit for bit, not within a tolerance: the rounded figure can never differ.
                REQUIRE(fast[i] == full[static_cast<std::size_t>((wanted[i] - created).count())]);
                ++compared;
            }
        }
    }
    CHECK(compared > 10000);
}

namespace {

// Runs random writes through a store whose writes keep the checkpoints (as kint's runtime sets
// it up), advancing the day now and then.
struct Simulation {
    store::Store store = store::Store::open_memory();
    Day today;
    Rng r;
    std::vector<Id> cues;

    Simulation(Day start, std::uint32_t seed) : today(start), r{seed} {
        store.on_change([this] { app::keep_strength(store, today); });
        store.write([&] { store.add_intention("Steady", std::nullopt, std::nullopt, today); });
    }

    void add_cue() {
        store::NewCue c;
        c.intention_id = 1;
        c.trigger = "I pour my coffee";
        c.behavior = "one breath";
        c.created = today;
        random_plan(r, c.kind, c.days, c.per);
        c.measure = random_measure(r);
        store.write([&] { cues.push_back(store.add_cue(c)); });
    }

    Day some_day_back(Id cue) {
        const auto c = store.cue(cue);
        const long age = (today - c->created).count();
        if (age <= 0) return today;
        // Mostly recent days; sometimes a backfill far back.
        return today - days{r.chance(80) ? r(static_cast<int>(std::min(age, 9L)) + 1)
                                         : r(static_cast<int>(age) + 1)};
    }

    void step() {
        if (cues.empty() || r.chance(3)) return add_cue();
        const Id cue = cues[static_cast<std::size_t>(r(static_cast<int>(cues.size())))];
        const int roll = r(100);
        if (roll < 55) {
            const int s = r(10);
            const LogStatus status = s < 7   ? LogStatus::done
                                     : s < 9 ? LogStatus::slip
                                             : LogStatus::skip;
            std::optional<double> amount;
            if (r.chance(40)) amount = static_cast<double>(r(30));
            store.write([&] {
                store.put_log(LogEntry{cue, some_day_back(cue), status, std::nullopt, amount});
            });
        } else if (roll < 63) {
            store.write([&] { store.remove_logs(cue, some_day_back(cue), std::nullopt); });
        } else if (roll < 67) {
            store.write([&] {
                store.add_step(cue, Step{today, "three breaths", std::nullopt, random_measure(r)});
            });
        } else if (roll < 71) {
            const auto c = store.cue(cue);
            const bool paused = !c->pauses.empty() && !c->pauses.back().until;
            store.write(
                [&] { paused ? store.resume_cue(cue, today) : store.pause_cue(cue, today); });
        } else if (roll < 74) {
            auto c = *store.cue(cue);
            random_plan(r, c.kind, c.days, c.per);
            store.write([&] { store.edit_cue(c, today); });
        } else if (roll < 75) {
            store.write([&] { store.archive_cue(cue, today); });
        } else {
            today += days{1 + r(9)};
            // A write on a later day brings the checkpoints up to its last week's end.
            if (r.chance(70))
                store.write([&] {
                    store.put_rating(
                        Rating{today - days{r(3)}, RatingKind::mood, r(11), std::nullopt});
                });
        }
    }
};

// `seeds` random histories of 900 writes each, the first from `start` + `seed` × `spacing` days,
// looked at after every `every` writes (`look(sim, seed, i)`).
template <typename Look>
void sample_histories(std::uint32_t seeds, Day start, int spacing, std::uint32_t mix, int every,
                      const Look& look) {
    for (std::uint32_t seed = 1; seed <= seeds; ++seed) {
        Simulation sim(start + days{static_cast<int>(seed) * spacing}, seed * mix);
        for (int i = 0; i < 900; ++i) {
            sim.step();
            if (i % every == every - 1) look(sim, seed, i);
        }
    }
}

} // namespace

TEST_CASE("strength: the review from the store's checkpoints equals the whole history's, "
          "through backfills, undos, steps, pauses, edits and archives") {
    const config::Config cfg = config::parse();
    long reviews = 0, from_checkpoints = 0;
    std::size_t steps_changed = 0;
    sample_histories(8, D("2024-01-03"), 11, 40503U, 45, [&](Simulation& sim, auto seed, int i) {
        const Day today = sim.today;
        for (const char* week : {"last", "this"}) {
            const auto period = review::week_period(week, today, cfg.week_starts);
            const auto fast = app::review(sim.store, cfg, today, period);
            std::vector<Cue> reportable;
            for (auto& c : sim.store.cues(true))
                if (review::reportable(c, period)) reportable.push_back(std::move(c));
            const auto full = review::build(review::Input{
                .period = period,
                .today = today,
                .config = cfg,
                .cues = reportable,
                .logs = sim.store.logs({DayRange{std::nullopt, std::nullopt}, std::nullopt})});
            REQUIRE(fast.cues.size() == full.cues.size());
            for (std::size_t k = 0; k < fast.cues.size(); ++k) {
                const auto& a = fast.cues[k];
                const auto& b = full.cues[k];
                CAPTURE(seed);
                CAPTURE(i);
                CAPTURE(a.cue.id);
                CHECK(a.strength == b.strength);
                CHECK(a.previous_strength == b.previous_strength);
                CHECK(a.comebacks == b.comebacks);
                CHECK(a.done_days == b.done_days);
                CHECK(a.missed_days == b.missed_days);
                CHECK(a.consistency == b.consistency);
                CHECK(a.previous_consistency == b.previous_consistency);
                CHECK(a.suggestion == b.suggestion);
                // The steps it read (those in force from its first day read on) name the same
                // step changes and the same measure as the whole history.
                CHECK(a.measure == b.measure);
                REQUIRE(a.steps_changed.size() == b.steps_changed.size());
                for (std::size_t j = 0; j < a.steps_changed.size(); ++j) {
                    CHECK(a.steps_changed[j].step.day == b.steps_changed[j].step.day);
                    CHECK(a.steps_changed[j].step.behavior == b.steps_changed[j].step.behavior);
                    CHECK(a.steps_changed[j].step.measure == b.steps_changed[j].step.measure);
                    CHECK(a.steps_changed[j].before == b.steps_changed[j].before);
                }
                steps_changed += a.steps_changed.size();
                ++reviews;
                if (sim.store.strength_checkpoint(a.cue.id, period.from)) ++from_checkpoints;
            }
        }
    });
    CHECK(reviews > 200);
    CHECK(steps_changed > 0);
    // Most of them really took the fast path.
    CHECK(from_checkpoints * 2 > reviews);
}

TEST_CASE("strength: a change clears the checkpoints from the first day it can move, and the "
          "next write brings them back") {
    auto s = store::Store::open_memory();
    Day today = D("2026-10-05"); // a Monday
    s.on_change([&] { app::keep_strength(s, today); });
    s.write([&] { s.add_intention("Steady", std::nullopt, std::nullopt, today); });
    store::NewCue c;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.behavior = "one breath";
    c.days = Schedule::daily();
    c.created = today;
    Id id = 0;
    s.write([&] { id = s.add_cue(c); });
    today = D("2026-11-03");
    s.write([&] { s.put_log(LogEntry{id, D("2026-10-06"), LogStatus::done, std::nullopt}); });
    const DayRange all{std::nullopt, std::nullopt};
    // Sundays 10-11 .. 11-01.
    REQUIRE(s.strength_checkpoints(id, all).size() == 4);
    auto count = [&] { return s.strength_checkpoints(id, all).size(); };

    SUBCASE("a backfill clears from its day; the same write keeps them again") {
        s.write([&] { s.put_log(LogEntry{id, D("2026-10-20"), LogStatus::done, std::nullopt}); });
        CHECK(count() == 4);
        const auto cue = *s.cue(id);
        const auto trail = strength::trail_of(s.logs({all, id}), id);
        for (const auto& p : s.strength_checkpoints(id, all))
            CHECK(p.value == strength::on(cue, trail, cue.created, today, p.day));
        CHECK(s.strength_checkpoint(id, D("2026-11-01"))->value > 0);
    }
    SUBCASE("outside a write that keeps them, the store's own writes clear them") {
        s.on_change(nullptr);
        s.write([&] { s.put_log(LogEntry{id, D("2026-10-20"), LogStatus::done, std::nullopt}); });
        CHECK(count() == 2); // 10-11 and 10-18
        s.write([&] { s.remove_logs(id, D("2026-10-06"), std::nullopt); });
        CHECK(count() == 0);
    }
    SUBCASE("a step, a pause, an archive: from their day; an edit of the plan: all") {
        s.on_change(nullptr);
        s.write([&] { s.add_step(id, Step{D("2026-10-26"), "two breaths", std::nullopt}); });
        CHECK(count() == 3); // 10-11, 10-18, 10-25 (before the step)
        CHECK(s.strength_checkpoint(id, D("2026-11-01"))->day == D("2026-10-25"));
        s.write([&] { s.pause_cue(id, D("2026-10-19")); });
        CHECK(count() == 2);
        s.write([&] { s.resume_cue(id, D("2026-10-19")); }); // covered no day: dropped
        CHECK(count() == 2);
        s.write([&] { s.archive_cue(id, D("2026-10-12")); });
        CHECK(count() == 1);
        auto cue = *s.cue(id);
        cue.per = Per{3, 7, true};
        s.write([&] { s.edit_cue(cue, today); });
        CHECK(count() == 0);
    }
    SUBCASE("an archive moved to a later day: from the earlier one (the days between live again)") {
        s.write([&] { s.archive_cue(id, D("2026-10-12")); });
        CHECK(count() == 4); // kept again, for the archived cue
        s.on_change(nullptr);
        s.write([&] { s.archive_cue(id, D("2026-10-27")); });
        CHECK(count() == 1); // 10-11
    }
    SUBCASE("a rating, a journal entry, a session: nothing cleared") {
        s.on_change(nullptr);
        s.write([&] { s.put_rating(Rating{D("2026-10-07"), RatingKind::mood, 6, std::nullopt}); });
        s.write([&] { s.add_journal(JournalEntry{0, D("2026-10-07"), "calm", {}, {}, {}}); });
        s.write([&] { s.add_session(Session{0, D("2026-10-08"), std::nullopt}); });
        CHECK(count() == 4);
    }
}

namespace {

// The cues' trails as app::trail hands them to its sink.
struct Trails : trail_view::Sink {
    std::vector<trail_view::CueTrail> cues;
    void begin(const trail_view::Frame&) override {}
    void cue(const trail_view::CueTrail& c) override { cues.push_back(c); }
    void end() override {}
};

} // namespace

TEST_CASE("strength: the trail from the weeks kept with the checkpoints equals the whole "
          "history's, day by day, through backfills, undos, steps, pauses, edits and archives") {
    const config::Config cfg = config::parse();
    long trails = 0, from_weeks = 0;
    sample_histories(6, D("2024-02-05"), 5, 69069U, 60, [&](Simulation& sim, auto seed, int i) {
        const Day today = sim.today;
        std::vector<trail_view::CueLogs> all;
        for (auto& c : sim.store.cues(false)) {
            auto logs = sim.store.logs({DayRange{std::nullopt, std::nullopt}, c.id});
            all.push_back({std::move(c), std::move(logs), std::nullopt});
        }
        const auto ratings = sim.store.ratings({std::nullopt, std::nullopt});
        const auto compare = [&](const app::TrailRequest& request,
                                 const std::vector<trail_view::CueLogs>& cues) {
            Trails fast;
            app::trail(sim.store, cfg, today, request, fast);
            const auto full =
                trail_view::build(cues, ratings, {}, request.since, request.until, today, cfg);
            REQUIRE(fast.cues.size() == full.cues.size());
            for (std::size_t k = 0; k < fast.cues.size(); ++k) {
                const auto& a = fast.cues[k];
                const auto& b = full.cues[k];
                CAPTURE(seed);
                CAPTURE(i);
                CAPTURE(a.cue.id);
                CHECK(a.span == b.span);
                CHECK(a.days == b.days);
                CHECK(a.strength == b.strength); // to the last bit
                CHECK(a.done_days == b.done_days);
                CHECK(a.steps.size() == b.steps.size());
                CHECK(a.pauses.size() == b.pauses.size());
                for (const auto* side : {&a.mood_link.same_day, &a.mood_link.next_day}) {
                    const auto& other =
                        side == &a.mood_link.same_day ? b.mood_link.same_day : b.mood_link.next_day;
                    CHECK(side->done_days == other.done_days);
                    CHECK(side->other_days == other.other_days);
                    CHECK(side->done_mean == other.done_mean);
                    CHECK(side->difference == other.difference);
                    CHECK(side->low == other.low);
                    CHECK(side->high == other.high);
                }
                CHECK(a.mood_link.enough == b.mood_link.enough);
                ++trails;
                // The kept weeks were read: some in the span, and today's plan no --per N/Md.
                const auto& per = a.cue.plan_on(today).per;
                if (!sim.store.marked_weeks(a.cue.id, {a.span.from, a.span.to}).empty() &&
                    !(per && !per->week))
                    ++from_weeks;
            }
        };
        for (const auto& request : std::vector<app::TrailRequest>{
                 {},
                 {.cue = std::nullopt, .since = today - days{45}, .until = std::nullopt},
                 {.cue = std::nullopt, .since = std::nullopt, .until = today - days{12}},
                 {.cue = std::nullopt, .since = today - days{100}, .until = today - days{3}}})
            compare(request, all);
        // An archived cue, asked for by its number: its life up to its archiving.
        for (auto& c : sim.store.cues(true)) {
            if (!c.archived_on || !trail_view::span_of(c, std::nullopt, std::nullopt, today))
                continue;
            const Id id = c.id;
            auto logs = sim.store.logs({DayRange{std::nullopt, std::nullopt}, id});
            compare({.cue = id, .since = std::nullopt, .until = std::nullopt},
                    {{std::move(c), std::move(logs), std::nullopt}});
        }
    });
    CHECK(trails > 300);
    // Most of them really read kept weeks.
    CHECK(from_weeks * 2 > trails);
}

TEST_CASE("strength: a plan changed this week from --per N/Md to --per N/week, the trail from kept "
          "weeks still shows today open, as the whole history does") {
    // The part after the latest checkpoint begins this Monday: the rolling plan's days and the
    // weekly plan's days of this week must not be counted as one group under the first plan.
    const config::Config cfg = config::parse();
    auto s = store::Store::open_memory();
    Day today = D("2026-10-05");
    s.on_change([&] { app::keep_strength(s, today); });
    s.write([&] { s.add_intention("Steady", std::nullopt, std::nullopt, today); });
    store::NewCue c;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.behavior = "one breath";
    c.created = today;
    c.per = Per{1, 10, false};
    Id id = 0;
    s.write([&] { id = s.add_cue(c); });
    today = D("2026-11-02"); // a Monday
    s.write([&] { s.put_log(LogEntry{id, today, LogStatus::done, std::nullopt}); });
    today = D("2026-11-04");
    auto cue = *s.cue(id);
    cue.per = Per{5, 7, true};
    s.write([&] { s.edit_cue(cue, today); });
    const Day view = D("2026-11-05");
    REQUIRE_FALSE(s.marked_weeks(id, {D("2026-10-01"), view}).empty());
    Trails fast;
    app::trail(s, cfg, view, {}, fast);
    const std::vector<trail_view::CueLogs> one{
        {*s.cue(id), s.logs({DayRange{std::nullopt, std::nullopt}, id}), std::nullopt}};
    const auto full = trail_view::build(one, {}, {}, std::nullopt, std::nullopt, view, cfg);
    REQUIRE(fast.cues.size() == 1);
    CHECK(full.cues[0].days.back() == trail_view::Status::open);
    CHECK(fast.cues[0].days == full.cues[0].days);
    // The week's review counts the two plans apart too: a target for each.
    const auto week = app::review(s, cfg, view, review::week_period("this", view, cfg.week_starts));
    REQUIRE(week.cues.size() == 1);
    CHECK(week.cues[0].targets.size() == 2);
}

namespace {

// Cue 1, daily, created the Monday before `first` (a Sunday): its weeks end on `first` on.
void add_weekly_cue(store::Store& s, Day first) {
    s.write([&] {
        s.add_intention("Steady", std::nullopt, std::nullopt, first);
        store::NewCue c;
        c.intention_id = 1;
        c.trigger = "I pour my coffee";
        c.behavior = "one breath";
        c.days = Schedule::daily();
        c.created = first - days{6};
        s.add_cue(c);
    });
}

} // namespace

TEST_CASE("strength: a whole block of 52 weeks is read from its last week's row, the same weeks as "
          "a row each, cleared with them, and a block that does not hold is read a row a week") {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "kint-blocks-XXXXXX").string();
    const fs::path dir = ::mkdtemp(tmpl.data());
    const std::string db = (dir / "kint.db").string();
    struct Remove {
        fs::path dir;
        ~Remove() { fs::remove_all(dir); }
    } remove{dir};
    auto s = store::Store::open(db);
    const Day first = D("2023-07-16"); // a Sunday, in the middle of a block
    add_weekly_cue(s, first);
    // 160 weeks, each with its own value and marks; written in three pieces, as writes do.
    std::vector<strength::Checkpoint> points;
    std::vector<std::uint32_t> marks;
    for (int i = 0; i < 160; ++i) {
        points.push_back({first + days{7 * i}, 0.001 * i + 1.0 / 3});
        marks.push_back(static_cast<std::uint32_t>((i * 2654435761U) & 0x3333333U));
    }
    const auto put = [&](std::size_t from, std::size_t to) {
        s.write([&] {
            s.put_strength(
                1,
                {points.begin() + static_cast<long>(from), points.begin() + static_cast<long>(to)},
                {marks.begin() + static_cast<long>(from), marks.begin() + static_cast<long>(to)});
            s.set_strength_through(points[to - 1].day);
        });
    };
    put(0, 30);
    put(30, 101);
    put(101, 160);
    const auto blocks = [&] {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        return raw.execAndGet("SELECT count(*) FROM strength_checkpoint WHERE weeks IS NOT NULL")
            .getInt();
    };
    // Block ends in the 160 weeks (52 weeks from 4 January 1970 drift a day a year against the
    // calendar): 2023-10-22 (week 14), 2024-10-20 (66), 2025-10-19 (118).
    CHECK(blocks() == 3);
    const auto expect = [&](Day from, Day to) {
        std::vector<std::tuple<Day, double, std::uint32_t>> out;
        for (std::size_t i = 0; i < points.size(); ++i)
            if (points[i].day >= from && points[i].day <= to)
                out.emplace_back(points[i].day, points[i].value, marks[i]);
        return out;
    };
    const auto read = [&](Day from, Day to) {
        std::vector<std::tuple<Day, double, std::uint32_t>> out;
        for (const auto& w : s.marked_weeks(1, {from, to}))
            out.emplace_back(w.checkpoint.day, w.checkpoint.value, w.marks.value_or(~0U));
        return out;
    };
    const Day last = points.back().day;
    for (const auto& [from, to] :
         std::vector<std::pair<Day, Day>>{
             {first, last},                       // every block and the weeks after the last
             {first + days{7 * 30}, last},        // from inside a block
             {first, D("2024-10-20")},            // up to a block's end
             {first, D("2024-10-13")},            // a week short of it
             {first - days{7 * 10}, last},        // from before the first week
             {D("2024-03-03"), D("2025-06-01")}}) // inside, across one end
    {
        CAPTURE(format_day(from));
        CAPTURE(format_day(to));
        CHECK(read(from, to) == expect(from, to));
    }
    // A change on a day clears from that day: the block holding it and every later one go.
    s.write([&] { s.put_log(LogEntry{1, D("2024-06-12"), LogStatus::done, std::nullopt}); });
    CHECK(blocks() == 1);
    CHECK(read(first, last) == expect(first, D("2024-06-09")));
    put(47, 160); // kept anew from that week: whole again
    CHECK(blocks() == 3);
    CHECK(read(first, last) == expect(first, last));
    // The blocks are what is read: a block of zeros shows as zeros.
    const auto raw_sql = [&](const char* sql) {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec(sql);
    };
    raw_sql("UPDATE strength_checkpoint SET weeks = zeroblob(624) WHERE day = '2024-10-20'");
    {
        const auto zeroed = read(first, last);
        REQUIRE(zeroed.size() == points.size());
        CHECK(zeroed[30] == std::tuple(points[30].day, 0.0, 0U));
        CHECK(zeroed[14] == expect(first, last)[14]);
        CHECK(zeroed[67] == expect(first, last)[67]);
    }
    // A block that does not hold is read a row a week: cut short, no blob, or one that begins
    // after the span does (ten weeks of a block read from its first).
    raw_sql("UPDATE strength_checkpoint SET weeks = x'0102' WHERE day = '2024-10-20'");
    raw_sql("UPDATE strength_checkpoint SET weeks = 'text' WHERE day = '2023-10-22'");
    raw_sql("UPDATE strength_checkpoint SET weeks = zeroblob(120) WHERE day = '2025-10-19'");
    CHECK(read(first, last) == expect(first, last));
    CHECK(read(D("2025-08-10"), last) == expect(D("2025-08-10"), last));
    // But from its first week on, those ten weeks are read from it.
    CHECK(read(D("2025-08-17"), last).front() == std::tuple(D("2025-08-17"), 0.0, 0U));
}

TEST_CASE("strength: a week rewritten inside a block whose last week stays leaves no stale block") {
    auto s = store::Store::open_memory();
    const Day first = D("2023-07-16");
    add_weekly_cue(s, first);
    std::vector<strength::Checkpoint> points;
    std::vector<std::uint32_t> marks;
    for (int i = 0; i < 20; ++i) { // the block ends on week 14, 2023-10-22
        points.push_back({first + days{7 * i}, 0.01 * i});
        marks.push_back(static_cast<std::uint32_t>(i));
    }
    s.write([&] { s.put_strength(1, points, marks); });
    // Week 5 written again with another value, on its own: the block must not show the old one.
    s.write([&] { s.put_strength(1, {{points[5].day, 0.5}}, {7}); });
    const auto weeks = s.marked_weeks(1, {first, points.back().day});
    REQUIRE(weeks.size() == points.size());
    CHECK(weeks[5].checkpoint.value == 0.5);
    CHECK(weeks[5].marks == 7U);
    CHECK(weeks[6].checkpoint.value == points[6].value);
}
