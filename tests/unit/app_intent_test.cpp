// The intention use cases against a store in memory: add, list, show, reword, focus, archive.
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

Id add(store::Store& s, std::string text) {
    return app::intent_add(s, default_config(), today, {std::move(text), {}, {}}).intention.id;
}
} // namespace

TEST_CASE("app intent_add: one's own words become the focus, with a known group") {
    auto s = store::Store::open_memory();
    const auto first = app::intent_add(s, default_config(), today, {"I am open", "anxiety", {}});
    CHECK(first.intention.text == "I am open");
    CHECK(first.intention.group == "anxiety");
    CHECK_FALSE(first.intention.catalogue_id);
    CHECK(first.intention.created == today);
    CHECK(first.intention.focus);
    CHECK_FALSE(first.previous_focus);
    const auto moved = app::intent_add(s, default_config(), today, {"I keep going", {}, {}});
    const Id second = moved.intention.id;
    REQUIRE(moved.previous_focus);
    CHECK(moved.previous_focus->id == first.intention.id);
    CHECK(s.focus() == second);
    CHECK_FALSE(s.intention(first.intention.id)->focus);
    CHECK_THROWS_AS(app::intent_add(s, default_config(), today, {"x", "no-such-group", {}}),
                    NotFound);
    CHECK(s.intentions(true).size() == 2);
}

TEST_CASE("app intent_add: --from takes a catalogue item's text, group and id") {
    auto s = store::Store::open_memory();
    const auto* item = default_config().find_item("anxiety.5");
    REQUIRE(item);
    const auto r = app::intent_add(s, default_config(), today, {{}, {}, "anxiety.5"});
    CHECK(r.intention.text == item->text);
    CHECK(r.intention.group == "anxiety");
    CHECK(r.intention.catalogue_id == "anxiety.5");
    CHECK(s.focus() == r.intention.id);
    CHECK_THROWS_WITH_AS(app::intent_add(s, default_config(), today, {{}, "grief", "anxiety.5"}),
                         "anxiety.5 belongs to group 'anxiety', not 'grief'", UsageError);
    CHECK_THROWS_AS(app::intent_add(s, default_config(), today, {{}, {}, "anxiety.999"}), NotFound);
    CHECK(s.intentions(true).size() == 1);
}

TEST_CASE("app intent_list: active ones, or archived too") {
    auto s = store::Store::open_memory();
    CHECK(app::intent_list(s, false).intentions.empty());
    const Id a = add(s, "One");
    add(s, "Two");
    app::intent_archive(s, today, a);
    const auto active = app::intent_list(s, false);
    REQUIRE(active.intentions.size() == 1);
    CHECK(active.intentions[0].text == "Two");
    CHECK_FALSE(active.all);
    const auto all = app::intent_list(s, true);
    CHECK(all.intentions.size() == 2);
    CHECK(all.all);
}

TEST_CASE("app intent_show: the intention with its cues, each in its habit week") {
    auto s = store::Store::open_memory();
    const Id id = add(s, "I am open");
    add(s, "Another");
    CHECK(app::intent_show(s, default_config(), today, id).cues.empty());
    auto nc = test::coffee_cue(D("2026-11-10"));
    nc.intention_id = id;
    s.write([&] { s.add_cue(nc); });
    const auto shown = app::intent_show(s, default_config(), today, id);
    CHECK(shown.intention.id == id);
    REQUIRE(shown.cues.size() == 1);
    CHECK(shown.cues[0].cue.behavior() == "write one sentence");
    CHECK(shown.cues[0].week == 2);
    CHECK(shown.cues[0].phase);
    CHECK_THROWS_WITH_AS(app::intent_show(s, default_config(), today, 99),
                         "there is no intention 99; see 'kint intent list --all'", NotFound);
}

TEST_CASE("app intent_edit: rewords an intention that exists") {
    auto s = store::Store::open_memory();
    const Id id = add(s, "I am open");
    CHECK(app::intent_edit(s, id, "I am curious").intention.text == "I am curious");
    CHECK(s.intention(id)->text == "I am curious");
    CHECK_THROWS_AS(app::intent_edit(s, 7, "x"), NotFound);
}

TEST_CASE("app intent_focus: moves the focus, an archived intention is refused") {
    auto s = store::Store::open_memory();
    const Id a = add(s, "One");
    const Id b = add(s, "Two");
    CHECK(app::intent_focus(s, a).intention.focus);
    CHECK(s.focus() == a);
    app::intent_archive(s, today, b);
    CHECK_THROWS_AS(app::intent_focus(s, b), UsageError);
    CHECK(s.focus() == a);
}

TEST_CASE(
    "app intent_archive: the focus is cleared, its cues named, a second time changes nothing") {
    auto s = store::Store::open_memory();
    const Id id = add(s, "I am open");
    auto nc = test::coffee_cue(D("2026-11-10"));
    nc.intention_id = id;
    Id cue = 0;
    s.write([&] { cue = s.add_cue(nc); });
    const auto r = app::intent_archive(s, today, id);
    CHECK(r.intention.archived);
    CHECK_FALSE(r.already);
    CHECK(r.was_focus);
    CHECK(r.running == std::vector<Id>{cue});
    CHECK_FALSE(s.focus());
    CHECK(s.intention(id)->archived_on == today);
    const auto again = app::intent_archive(s, D("2026-11-21"), id);
    CHECK(again.already);
    CHECK(again.running.empty());
    CHECK(s.intention(id)->archived_on == today);
}
