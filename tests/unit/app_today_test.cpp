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

TEST_CASE("app::today: cues by time, untimed last, with the day's status; others absent") {
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
    "app::today: a check-in after low days gone quiet; gentle prompts while the note stands") {
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
