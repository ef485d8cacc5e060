// The cue use cases against a store in memory: place, list, show, step, pause, resume, archive.
#include "app_fixture.hpp"
#include "kint/app/cue.hpp"
#include "kint/app/intent.hpp"
#include "kint/core/error.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

namespace {
const Day today = D("2026-11-20");

struct Fixture {
    store::Store s = store::Store::open_memory();
    Id intention = 0;
    Fixture() {
        intention = app::intent_add(s, default_config(), today, {"I am open", {}, {}}).intention.id;
    }
    Id cue(Day created = D("2026-11-02")) {
        return app::cue_add(s, default_config(), today, {{}, test::coffee_cue(created)}).cue.cue.id;
    }
};
} // namespace

TEST_CASE("app cue_add: on the focus by default, or a given active intention") {
    Fixture f;
    const auto r = app::cue_add(f.s, default_config(), today, {{}, test::coffee_cue(today)});
    CHECK(r.cue.cue.intention_id == f.intention);
    CHECK(r.cue.cue.behavior() == "write one sentence");
    CHECK(r.cue.week == 1);
    CHECK(r.note.empty());
    CHECK(f.s.cues(true).size() == 1);
    // A second cue while the first is young gets the gentle note.
    const auto second =
        app::cue_add(f.s, default_config(), today, {f.intention, test::coffee_cue(today)});
    CHECK(second.note == default_config().guidance.second_cue);
    CHECK_THROWS_AS(app::cue_add(f.s, default_config(), today, {99, test::coffee_cue(today)}),
                    NotFound);
    app::intent_archive(f.s, today, f.intention);
    CHECK_THROWS_WITH_AS(
        app::cue_add(f.s, default_config(), today, {f.intention, test::coffee_cue(today)}),
        "intention 1 is archived; choose an active one ('kint intent list')", UsageError);
    // Archiving the focus leaves none.
    CHECK_THROWS_AS(app::cue_add(f.s, default_config(), today, {{}, test::coffee_cue(today)}),
                    UsageError);
    CHECK(f.s.cues(true).size() == 2);
}

TEST_CASE("app cue_list and cue_show: cues with their phase, the intention and the day") {
    Fixture f;
    CHECK(app::cue_list(f.s, default_config(), today, false).cues.empty());
    const Id a = f.cue();
    const Id b = f.cue(today);
    app::cue_set_status(f.s, default_config(), today, b, CueStatus::archived);
    CHECK(app::cue_list(f.s, default_config(), today, false).cues.size() == 1);
    const auto all = app::cue_list(f.s, default_config(), today, true);
    REQUIRE(all.cues.size() == 2);
    CHECK(all.cues[0].cue.id == a);
    CHECK(all.cues[0].week == 3);
    const auto shown = app::cue_show(f.s, default_config(), today, a);
    CHECK(shown.cue.cue.id == a);
    REQUIRE(shown.intention);
    CHECK(shown.intention->text == "I am open");
    CHECK(shown.today == today);
    CHECK_THROWS_WITH_AS(app::cue_show(f.s, default_config(), today, 42),
                         "there is no cue 42; see 'kint cue list --all'", NotFound);
}

TEST_CASE("app cue_step: a new behavior is a new step; the same one writes nothing") {
    Fixture f;
    const Id id = f.cue();
    const auto r = app::cue_step(f.s, default_config(), today, {id, "write two sentences", "easy"});
    CHECK(r.changed);
    CHECK(r.before == "write one sentence");
    CHECK(r.cue.cue.behavior() == "write two sentences");
    auto stored = f.s.cue(id);
    REQUIRE(stored->steps.size() == 2);
    CHECK(stored->steps.back().day == today);
    CHECK(stored->steps.back().note == "easy");
    const auto same =
        app::cue_step(f.s, default_config(), today, {id, "write two sentences", std::nullopt});
    CHECK_FALSE(same.changed);
    CHECK(f.s.cue(id)->steps.size() == 2);
    app::cue_set_status(f.s, default_config(), today, id, CueStatus::archived);
    CHECK_THROWS_AS(app::cue_step(f.s, default_config(), today, {id, "rest", std::nullopt}),
                    UsageError);
}

TEST_CASE("app cue_set_status: pause, resume and archive, each once") {
    Fixture f;
    const Id id = f.cue();
    const auto paused = app::cue_set_status(f.s, default_config(), today, id, CueStatus::paused);
    CHECK(paused.changed);
    CHECK_FALSE(paused.from_tomorrow);
    CHECK(paused.cue.cue.status == CueStatus::paused);
    REQUIRE(f.s.cue(id)->pauses.size() == 1);
    CHECK(f.s.cue(id)->pauses[0].from == today);
    CHECK_FALSE(app::cue_set_status(f.s, default_config(), today, id, CueStatus::paused).changed);
    const Day later = D("2026-11-22"), last = D("2026-11-24");
    const auto resumed = app::cue_set_status(f.s, default_config(), later, id, CueStatus::active);
    CHECK(resumed.changed);
    const auto back = f.s.cue(id);
    CHECK(back->status == CueStatus::active);
    REQUIRE(back->pauses.size() == 1);
    CHECK(back->pauses[0].until == D("2026-11-23")); // the resume day counts once done
    // Archiving a paused cue closes its pause first.
    app::cue_set_status(f.s, default_config(), D("2026-11-23"), id, CueStatus::paused);
    const auto archived = app::cue_set_status(f.s, default_config(), last, id, CueStatus::archived);
    CHECK(archived.changed);
    const auto closed = f.s.cue(id);
    CHECK(closed->status == CueStatus::archived);
    CHECK(closed->archived_on == last);
    REQUIRE(closed->pauses.size() == 2);
    CHECK(closed->pauses[1].until == last);
    CHECK_THROWS_AS(app::cue_set_status(f.s, default_config(), today, id, CueStatus::active),
                    UsageError);
    CHECK_FALSE(app::cue_set_status(f.s, default_config(), today, id, CueStatus::archived).changed);
}

TEST_CASE("app cue_set_status: a day already done keeps its credit, the pause starts tomorrow") {
    Fixture f;
    const Id id = f.cue();
    f.s.write([&] { f.s.put_log(LogEntry{id, today, LogStatus::done, std::nullopt}); });
    const auto r = app::cue_set_status(f.s, default_config(), today, id, CueStatus::paused);
    CHECK(r.from_tomorrow);
    REQUIRE(f.s.cue(id)->pauses.size() == 1);
    CHECK(f.s.cue(id)->pauses[0].from == D("2026-11-21"));
}
