// kint start's use cases: the plan, finding an intention in the catalogue, and saving the answers.
#include "app_fixture.hpp"
#include "kint/app/start.hpp"
#include "kint/config/config.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace kint;
using kint::test::D;
using kint::test::default_config;
using kint::test::env;

namespace {
app::StartRequest request(std::string behavior) {
    return {.intention = {"I am open", std::nullopt, std::nullopt},
            .kind = CueKind::if_,
            .trigger = "I feel anger rising",
            .at = 7 * 60 + 30,
            .behavior = std::move(behavior)};
}
} // namespace

TEST_CASE("app::starter_plan: the config's plan and the person's shell") {
    const auto plan =
        app::starter_plan(default_config(), env({{"SHELL", "/bin/bash"}, {"HOME", "/h"}}));
    CHECK(plan.title == default_config().starter.title);
    CHECK(plan.steps == default_config().starter.steps);
    REQUIRE(plan.shell);
    CHECK(plan.shell->rc_file == "/h/.bashrc");
    CHECK_FALSE(
        app::starter_plan(default_config(), env({{"SHELL", "/bin/sh"}, {"HOME", "/h"}})).shell);
}

TEST_CASE("app::search_catalogue and catalogue_choice: words in any case, ids with their group") {
    const auto hits = app::search_catalogue(default_config(), "ANXIETY");
    REQUIRE_FALSE(hits.empty());
    for (const auto* item : hits) {
        std::string text = item->text;
        for (char& c : text)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(text.find("anxiety") != std::string::npos);
    }
    CHECK(app::search_catalogue(default_config(), "no item says this, zq").empty());

    const auto* item = default_config().find_item("healing.2");
    REQUIRE(item);
    const auto choice = app::catalogue_choice(*item);
    CHECK(choice.text == item->text);
    CHECK(choice.group == "healing");
    CHECK(choice.catalogue_id == "healing.2");
}

TEST_CASE(
    "app::start: the intention becomes the focus and its cue is daily, a second gets a note") {
    auto s = store::Store::open_memory();
    const auto first = app::start(s, default_config(), D("2026-11-20"), request("breathe"));
    CHECK(first.note.empty());
    CHECK(s.focus() == first.intention_id);
    CHECK(first.cue.intention_id == first.intention_id);
    CHECK(first.cue.kind == CueKind::if_);
    CHECK(first.cue.trigger == "I feel anger rising");
    CHECK(first.cue.at == 7 * 60 + 30);
    CHECK(first.cue.days.is_daily());
    CHECK(first.cue.created == D("2026-11-20"));
    CHECK(first.cue.behavior() == "breathe");
    CHECK(s.cues(false).size() == 1);

    const auto second = app::start(s, default_config(), D("2026-11-25"), request("stretch"));
    CHECK(second.note == default_config().guidance.second_cue);
    CHECK(s.focus() == second.intention_id);
    CHECK(s.intentions(false).size() == 2);
    CHECK(s.cues(false).size() == 2);
}

TEST_CASE("app::start: a trigger that repeats kint's lead-in word is kept without it") {
    auto s = store::Store::open_memory();
    auto r = request("stretch");
    r.kind = CueKind::place;
    r.trigger = "at the front door";
    CHECK(app::start(s, default_config(), D("2026-11-20"), r).cue.trigger == "the front door");
}
