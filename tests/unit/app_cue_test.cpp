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

TEST_CASE("app cue_step: a new behavior is a new step, the same one writes nothing") {
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

namespace {
app::CueAddRequest measured_cue(Day created) {
    auto nc = test::coffee_cue(created);
    nc.measure = Measure{10, "min", false};
    nc.per = parse_per("3/week");
    return {{}, nc};
}
} // namespace

TEST_CASE("app cue_add: --per and a measured step are stored, bad values are refused") {
    Fixture f;
    const auto r = app::cue_add(f.s, default_config(), today, measured_cue(today));
    const auto stored = f.s.cue(r.cue.cue.id);
    REQUIRE(stored->per);
    CHECK(format_per(*stored->per) == "3/week");
    REQUIRE(stored->measure());
    CHECK(*stored->measure() == Measure{10, "min", false});

    auto zero = measured_cue(today);
    zero.cue.measure->target = 0;
    CHECK_THROWS_AS(app::cue_add(f.s, default_config(), today, zero), UsageError);
    auto if_per = measured_cue(today);
    if_per.cue.kind = CueKind::if_;
    CHECK_THROWS_AS(app::cue_add(f.s, default_config(), today, if_per), UsageError);
    CHECK(f.s.cues(true).size() == 1);
}

TEST_CASE("app cue_add and cue_edit: one lead-in word of the trigger is dropped") {
    Fixture f;
    auto nc = test::coffee_cue(today);
    nc.kind = CueKind::place;
    nc.trigger = "at the front door";
    const auto r = app::cue_add(f.s, default_config(), today, {{}, nc});
    CHECK(r.cue.cue.trigger == "the front door");
    nc.kind = CueKind::after;
    nc.trigger = "After after lunch";
    CHECK(app::cue_add(f.s, default_config(), today, {{}, nc}).cue.cue.trigger == "after lunch");
    app::CueEditRequest edit;
    edit.id = r.cue.cue.id;
    edit.trigger = "when the kettle boils";
    edit.kind = CueKind::if_;
    const auto e = app::cue_edit(f.s, default_config(), today, edit);
    CHECK(e.cue.cue.trigger == "the kettle boils");
    CHECK(e.cue.cue.kind == CueKind::if_);
}

TEST_CASE("app cue_step: a new target keeps the behavior, the history keeps each target") {
    Fixture f;
    const Id id =
        app::cue_add(f.s, default_config(), D("2026-11-02"), measured_cue(D("2026-11-02")))
            .cue.cue.id;
    app::CueStepRequest target_only;
    target_only.id = id;
    target_only.target = 15;
    const auto r = app::cue_step(f.s, default_config(), today, target_only);
    CHECK(r.changed);
    CHECK(r.before_measure == Measure{10, "min", false});
    CHECK(r.cue.cue.behavior() == "write one sentence");
    auto c = f.s.cue(id);
    REQUIRE(c->steps.size() == 2);
    CHECK(c->steps[0].measure == Measure{10, "min", false});
    CHECK(c->steps[1].measure == Measure{15, "min", false});
    // A new behavior keeps the measure; the same step again writes nothing.
    const auto b = app::cue_step(f.s, default_config(), today, {id, "walk", std::nullopt});
    CHECK(f.s.cue(id)->steps.back().measure == Measure{15, "min", false});
    CHECK(b.changed);
    CHECK_FALSE(app::cue_step(f.s, default_config(), today, target_only).changed);
    CHECK(f.s.cue(id)->steps.size() == 3);
    // Direction and unit change on their own.
    app::CueStepRequest limit;
    limit.id = id;
    limit.at_most = true;
    limit.unit = "pages";
    app::cue_step(f.s, default_config(), today, limit);
    CHECK(f.s.cue(id)->measure() == Measure{15, "pages", true});
    // Nothing given, or a unit on a cue without a target: refused, nothing written.
    CHECK_THROWS_AS(app::cue_step(f.s, default_config(), today, app::CueStepRequest{id}),
                    UsageError);
    const Id plain = f.cue();
    app::CueStepRequest unit_only;
    unit_only.id = plain;
    unit_only.unit = "min";
    CHECK_THROWS_WITH_AS(app::cue_step(f.s, default_config(), today, unit_only),
                         "cue 2 has no target yet; give one with --target, e.g. --target 10 "
                         "--unit min",
                         UsageError);
    app::CueStepRequest first_target;
    first_target.id = plain;
    first_target.target = 2.5;
    app::cue_step(f.s, default_config(), today, first_target);
    CHECK(f.s.cue(plain)->measure() == Measure{2.5, "", false});
    CHECK(f.s.cue(plain)->steps.front().measure == std::nullopt);
}

TEST_CASE("app cue_edit: the old plan is kept for the days before today") {
    Fixture f;
    const Id id = f.cue(D("2026-11-02"));
    app::CueEditRequest r;
    r.id = id;
    r.trigger = "I pour my tea";
    r.at = 7 * 60 + 30;
    r.days = Schedule::parse("mon,wed,fri");
    const auto e = app::cue_edit(f.s, default_config(), today, r);
    CHECK(e.changed);
    CHECK(e.kept_plan);
    CHECK(e.before.trigger == "I pour my coffee");
    const auto c = f.s.cue(id);
    CHECK(c->trigger == "I pour my tea");
    CHECK(c->at == 7 * 60 + 30);
    CHECK(c->days.to_string() == "mon,wed,fri");
    REQUIRE(c->plans.size() == 1);
    CHECK(c->plans[0].until == today);
    CHECK(c->plans[0].trigger == "I pour my coffee");
    CHECK(c->plans[0].days.is_daily());
    CHECK(c->scheduled_on(D("2026-11-15"))); // a Sunday, under the old daily plan
    CHECK_FALSE(c->scheduled_on(D("2026-11-22")));
    // --per makes every day possible and drops fixed days; --days drops --per.
    app::CueEditRequest per;
    per.id = id;
    per.per = parse_per("3/week");
    const auto p = app::cue_edit(f.s, default_config(), today, per);
    CHECK(p.cue.cue.days.is_daily());
    CHECK(format_per(*p.cue.cue.per) == "3/week");
    CHECK_FALSE(p.kept_plan); // the plan from today covered no day yet
    CHECK(f.s.cue(id)->plans.size() == 1);
    // The same again: nothing written.
    CHECK_FALSE(app::cue_edit(f.s, default_config(), today, per).changed);
}

TEST_CASE("app cue_edit: kinds, times, nothing given and refusals") {
    Fixture f;
    const Id id = f.cue(D("2026-11-02"));
    const auto edit = [&](auto fill) {
        app::CueEditRequest r;
        r.id = id;
        fill(r);
        return app::cue_edit(f.s, default_config(), today, r);
    };
    CHECK_THROWS_WITH_AS(edit([](auto&) {}),
                         "nothing to change; give --trigger, --kind, --at, --no-at, --days, --per "
                         "or --since, e.g. kint cue edit ID --at 07:30",
                         UsageError);
    // A time cue needs its time; its trigger is the time.
    CHECK_THROWS_AS(edit([](auto& r) { r.kind = CueKind::time; }), UsageError);
    const auto t = edit([](auto& r) {
        r.kind = CueKind::time;
        r.at = 8 * 60;
    });
    CHECK(t.cue.cue.trigger == "08:00");
    CHECK_THROWS_AS(edit([](auto& r) { r.no_at = true; }), UsageError);
    CHECK_THROWS_AS(edit([](auto& r) { r.trigger = "tea"; }), UsageError);
    // Back from a time cue: it needs words.
    CHECK_THROWS_AS(edit([](auto& r) { r.kind = CueKind::place; }), UsageError);
    const auto place = edit([](auto& r) {
        r.kind = CueKind::place;
        r.trigger = "at my desk";
        r.no_at = true;
    });
    CHECK(place.cue.cue.trigger == "my desk");
    CHECK_FALSE(place.cue.cue.at);
    // An if-then cue has no --per.
    CHECK_THROWS_AS(edit([](auto& r) {
                        r.kind = CueKind::if_;
                        r.per = parse_per("3/week");
                    }),
                    UsageError);
    app::cue_set_status(f.s, default_config(), today, id, CueStatus::archived);
    CHECK_THROWS_AS(edit([](auto& r) { r.trigger = "tea"; }), UsageError);
}

TEST_CASE("app cue_edit: --since moves the first day earlier, never later") {
    Fixture f;
    const Id id = f.cue(D("2026-11-10"));
    f.s.write([&] { f.s.put_log(LogEntry{id, D("2026-11-12"), LogStatus::done, std::nullopt}); });
    app::CueEditRequest r;
    r.id = id;
    r.since = D("2026-11-01");
    const auto e = app::cue_edit(f.s, default_config(), today, r);
    CHECK(e.changed);
    CHECK(e.before_created == D("2026-11-10"));
    CHECK(f.s.cue(id)->created == D("2026-11-01"));
    CHECK(f.s.cue(id)->plans.empty()); // the plan did not change
    // Later would leave the first step, plans or entries before the cue began.
    r.since = D("2026-11-02");
    CHECK_THROWS_WITH_AS(app::cue_edit(f.s, default_config(), today, r),
                         "--since moves cue 1's first day earlier; it began on 2026-11-01, so give "
                         "that day or an earlier one (to start afresh later, place a new cue)",
                         UsageError);
    r.since = D("2026-10-20");
    CHECK(app::cue_edit(f.s, default_config(), today, r).changed);
    r.since = D("2026-11-21");
    CHECK_THROWS_AS(app::cue_edit(f.s, default_config(), today, r), UsageError);
    CHECK(f.s.cue(id)->created == D("2026-10-20"));
}
