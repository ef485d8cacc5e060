// app::today against an in-memory store: focus, the day's cues in order with their status,
// ratings, phase, prompt and the safety verdict.
#include "app_fixture.hpp"
#include "kint/app/today.hpp"
#include "kint/config/config.hpp"
#include "kint/domain/prompts.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

namespace {

Id add_cue(store::Store& s, Id intention, std::string behavior, std::optional<Minutes> at,
           std::string_view days = "daily", std::string_view created = "2026-11-02") {
    return s.add_cue({intention, CueKind::after, "I pour my coffee", at, Schedule::parse(days),
                      D(created), std::move(behavior)});
}

} // namespace

TEST_CASE("app::today: an empty store has no focus, no cues and the general practice") {
    auto s = store::Store::open_memory();
    const auto v = app::today(s, default_config(), D("2026-11-20"), false);
    CHECK(v.day == D("2026-11-20"));
    CHECK_FALSE(v.focus);
    CHECK_FALSE(v.has_intentions);
    CHECK(v.cues.empty());
    CHECK_FALSE(v.mood);
    CHECK_FALSE(v.energy);
    CHECK_FALSE(v.phase);
    CHECK_FALSE(v.safety.triggered);
    CHECK(v.no_session == default_config().guidance.no_session);
    CHECK(v.safety_rule.message == default_config().safety.message);
    REQUIRE(v.prompts.size() == 1);
    CHECK(v.prompts[0].id ==
          prompts::for_day(default_config().prompts, "general", D("2026-11-20"), 1).front().id);
}

TEST_CASE("app::today: cues by time, untimed last, with the day's status, others absent") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
    const Id untimed = add_cue(s, i, "stretch", std::nullopt);
    const Id late = add_cue(s, i, "write one sentence", 8 * 60);
    const Id early = add_cue(s, i, "breathe", 6 * 60 + 30);
    const Id weekend = add_cue(s, i, "walk", 9 * 60, "weekends"); // 2026-11-20 is a Friday
    const Id paused = add_cue(s, i, "read", 7 * 60);
    s.pause_cue(paused, D("2026-11-10"));
    s.add_step(late, Step{D("2026-11-10"), "write two sentences", std::nullopt});
    s.put_log({late, D("2026-11-20"), LogStatus::done, std::nullopt});
    s.put_log({untimed, D("2026-11-20"), LogStatus::slip, std::nullopt});
    s.put_log({early, D("2026-11-19"), LogStatus::done, std::nullopt}); // yesterday: not today's
    s.put_rating({D("2026-11-20"), RatingKind::mood, 6, std::nullopt});

    const auto v = app::today(s, default_config(), D("2026-11-20"), false);
    CHECK_FALSE(v.focus);
    CHECK(v.has_intentions);
    REQUIRE(v.cues.size() == 3);
    CHECK(v.cues[0].cue.id == early);
    CHECK_FALSE(v.cues[0].status);
    CHECK(v.cues[1].cue.id == late);
    CHECK(v.cues[1].status == LogStatus::done);
    CHECK(v.cues[1].cue.steps.size() == 1); // the current step only
    CHECK(v.cues[1].cue.behavior() == "write two sentences");
    CHECK(v.cues[2].cue.id == untimed);
    CHECK(v.cues[2].status == LogStatus::slip);
    for (const auto& c : v.cues)
        CHECK(c.cue.id != weekend);
    REQUIRE(v.mood);
    CHECK(v.mood->value == 6);
    CHECK_FALSE(v.energy);

    const auto history = app::today(s, default_config(), D("2026-11-20"), true);
    REQUIRE(history.cues.size() == 3);
    CHECK(history.cues[1].cue.steps.size() == 2);
}

TEST_CASE("app::today: the focus, the session's phase and a low run that ended yesterday") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am calm", std::nullopt, std::nullopt, D("2026-11-01"));
    s.set_focus(i);
    s.add_session({0, D("2026-11-18"), std::nullopt});
    for (const char* day : {"2026-11-17", "2026-11-18", "2026-11-19"})
        s.put_rating({D(day), RatingKind::mood, 2, std::nullopt});

    const auto v = app::today(s, default_config(), D("2026-11-20"), false);
    REQUIRE(v.focus);
    CHECK(v.focus->id == i);
    CHECK_FALSE(v.has_intentions); // only asked when there is no focus
    REQUIRE(v.phase);
    CHECK(v.phase->day == 2);
    CHECK(v.phase->session == D("2026-11-18"));
    REQUIRE(v.phase->phase);
    CHECK(v.phase->phase->key == "days1-3");
    CHECK(v.safety.triggered);
    CHECK(v.safety.days.size() == 3);
    CHECK(s.intentions(false).size() == 1); // reading changed nothing
}

TEST_CASE(
    "app::today: a check-in after low days gone quiet, gentle prompts while the note stands") {
    auto s = store::Store::open_memory();
    s.put_rating({D("2026-11-17"), RatingKind::mood, 2, std::nullopt});
    const auto quiet = app::today(s, default_config(), D("2026-11-19"), false);
    CHECK_FALSE(quiet.safety.triggered);
    REQUIRE(quiet.check_in);
    CHECK(*quiet.check_in == safety::CheckIn{D("2026-11-17"), 2});
    // One day on is not yet quiet; a better latest mood needs no check-in.
    CHECK_FALSE(app::today(s, default_config(), D("2026-11-18"), false).check_in);
    s.put_rating({D("2026-11-18"), RatingKind::mood, 6, std::nullopt});
    CHECK_FALSE(app::today(s, default_config(), D("2026-11-21"), false).check_in);

    // Three low days: the note stands, no check-in, and the day's prompt is a gentle one on every
    // day of it.
    auto low = store::Store::open_memory();
    for (const char* day : {"2026-11-17", "2026-11-18", "2026-11-19"})
        low.put_rating({D(day), RatingKind::mood, 2, std::nullopt});
    for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"}) {
        const auto v = app::today(low, default_config(), D(day), false);
        CHECK(v.safety.triggered);
        CHECK_FALSE(v.check_in);
        REQUIRE(v.prompts.size() == 1);
        CHECK_MESSAGE(v.prompts[0].gentle, v.prompts[0].id);
    }
}

namespace {
Id add_planned(store::Store& s, Id intention, std::string behavior, CueKind kind,
               std::optional<Per> per = std::nullopt,
               std::optional<Measure> measure = std::nullopt) {
    store::NewCue c{
        intention,          kind, "work ends", std::nullopt, Schedule::daily(), D("2026-11-02"),
        std::move(behavior)};
    c.per = per;
    c.measure = measure;
    return s.add_cue(c);
}
} // namespace

TEST_CASE("app::today: a --per cue is due while its period's target is open") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
    const Id week = add_planned(s, i, "run", CueKind::after, Per{3, 7, true});
    const Id rolling = add_planned(s, i, "swim", CueKind::after, Per{2, 7, false});
    // 2026-11-20 is a Friday; with Monday weeks the week began on the 16th.
    for (const char* d : {"2026-11-13", "2026-11-16", "2026-11-18"})
        s.put_log({week, D(d), LogStatus::done, std::nullopt});
    s.put_log({rolling, D("2026-11-13"), LogStatus::done, std::nullopt}); // 8 days back: out
    s.put_log({rolling, D("2026-11-14"), LogStatus::done, std::nullopt}); // 7 days incl. today
    s.put_log({rolling, D("2026-11-15"), LogStatus::skip, std::nullopt}); // a skip is no done

    auto v = app::today(s, default_config(), D("2026-11-20"), false);
    REQUIRE(v.cues.size() == 2);
    CHECK(v.cues[0].remaining == 1);
    CHECK(v.cues[0].due);
    CHECK(v.cues[1].remaining == 1);
    CHECK(v.cues[1].due);

    // Met: no longer due, unless logged today.
    s.put_log({week, D("2026-11-19"), LogStatus::done, std::nullopt});
    s.put_log({rolling, D("2026-11-20"), LogStatus::done, std::nullopt});
    v = app::today(s, default_config(), D("2026-11-20"), false);
    CHECK(v.cues[0].remaining == 0);
    CHECK_FALSE(v.cues[0].due);
    CHECK(v.cues[1].remaining == 0);
    CHECK(v.cues[1].due); // done today
    CHECK(v.cues[1].status == LogStatus::done);

    // Sunday weeks: the week began on the 15th, so the 13th still does not count; Monday the
    // 23rd starts a new Monday week.
    auto sunday = default_config();
    sunday.week_starts = 6;
    CHECK(app::today(s, sunday, D("2026-11-20"), false).cues[0].remaining == 0);
    CHECK(app::today(s, default_config(), D("2026-11-23"), false).cues[0].remaining == 3);
    CHECK(app::today(s, sunday, D("2026-11-21"), false).cues[0].remaining == 0);
    CHECK(app::today(s, sunday, D("2026-11-22"), false).cues[0].remaining == 3);
}

TEST_CASE("app::today: an if-then cue is never due, a measured cue has today's amount") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
    const Id situation = add_planned(s, i, "five breaths", CueKind::if_);
    const Id measured =
        add_planned(s, i, "read", CueKind::after, std::nullopt, Measure{15, "min", false});
    const Id per_measured =
        add_planned(s, i, "walk", CueKind::after, Per{1, 7, true}, Measure{30, "min", false});
    s.put_log({per_measured, D("2026-11-17"), LogStatus::done, std::nullopt, 10.0}); // short of it

    auto v = app::today(s, default_config(), D("2026-11-20"), false);
    REQUIRE(v.cues.size() == 3);
    CHECK_FALSE(v.cues[0].due);
    CHECK_FALSE(v.cues[0].remaining);
    CHECK(v.cues[1].due);
    CHECK_FALSE(v.cues[1].amount);
    CHECK(v.cues[2].remaining == 1); // 10 of 30 min is not a done day in the tally
    s.put_log({situation, D("2026-11-20"), LogStatus::done, std::nullopt});
    s.put_log({measured, D("2026-11-20"), LogStatus::done, std::nullopt, 20.0});
    v = app::today(s, default_config(), D("2026-11-20"), false);
    CHECK_FALSE(v.cues[0].due); // logged or not, a situation is no due cue
    CHECK(v.cues[0].status == LogStatus::done);
    CHECK(v.cues[1].amount == 20.0);
}

TEST_CASE("app::today: a cue resumed today is shown, not due until it is logged") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
    const Id c = add_cue(s, i, "stretch", std::nullopt);
    s.pause_cue(c, D("2026-11-10"));
    s.resume_cue(c, D("2026-11-21")); // as a resume on the 20th leaves it
    auto v = app::today(s, default_config(), D("2026-11-20"), false);
    REQUIRE(v.cues.size() == 1);
    CHECK(v.cues[0].resumed);
    CHECK_FALSE(v.cues[0].due);
    CHECK(app::today(s, default_config(), D("2026-11-19"), false).cues.empty());
    REQUIRE(app::today(s, default_config(), D("2026-11-21"), false).cues.size() == 1);
    CHECK_FALSE(app::today(s, default_config(), D("2026-11-21"), false).cues[0].resumed);
}
