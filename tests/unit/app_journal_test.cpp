// app::journal_add, journal_rm and journal_list against an in-memory store and the default config.
#include "kint/app/journal.hpp"

#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {
struct Fixture {
    store::Store store = store::Store::open_memory();
    config::Config cfg = config::parse();
};
} // namespace

TEST_CASE("app::journal_add: tags once each, an insight kind adds the insight tag") {
    Fixture f;
    const auto r = app::journal_add(
        f.store, f.cfg,
        {D("2026-11-20"), "A calm morning", {"win", "felt", "win"}, "understanding", std::nullopt});
    CHECK(r.entry.id > 0);
    CHECK(r.entry.tags == std::vector<std::string>{"win", "felt", "insight"});
    const auto held = f.store.journal({});
    REQUIRE(held.size() == 1);
    CHECK(held[0].id == r.entry.id);
    CHECK(held[0].text == "A calm morning");
    CHECK(held[0].tags == r.entry.tags);
    CHECK(held[0].kind == "understanding");
    CHECK_FALSE(held[0].prompt);
}

TEST_CASE("app::journal_add: a prompt id is checked against the config") {
    Fixture f;
    REQUIRE_FALSE(f.cfg.prompts.empty());
    const auto& prompt = f.cfg.prompts.front();
    const auto r =
        app::journal_add(f.store, f.cfg, {D("2026-11-20"), "yes", {}, std::nullopt, prompt.id});
    CHECK(r.entry.prompt == prompt.id);
    CHECK(r.entry.tags.empty());
    CHECK_THROWS_WITH_AS(
        app::journal_add(f.store, f.cfg, {D("2026-11-20"), "no", {}, std::nullopt, "nope.9"}),
        "there is no prompt 'nope.9'; see 'kint prompts --all' for the ids", NotFound);
    CHECK(f.store.journal({}).size() == 1);
}

TEST_CASE("app::journal_rm: removes an entry, an unknown id is NotFound") {
    Fixture f;
    const auto r =
        app::journal_add(f.store, f.cfg, {D("2026-11-20"), "x", {}, std::nullopt, std::nullopt});
    CHECK(app::journal_rm(f.store, r.entry.id).id == r.entry.id);
    CHECK(f.store.journal({}).empty());
    CHECK_THROWS_WITH_AS(app::journal_rm(f.store, r.entry.id),
                         "there is no journal entry 1; see 'kint journal list'", NotFound);
}

TEST_CASE("app::journal_list: by range and tag, prompt texts only with a config") {
    Fixture f;
    const auto& prompt = f.cfg.prompts.front();
    app::journal_add(f.store, f.cfg, {D("2026-11-18"), "a", {"win"}, std::nullopt, std::nullopt});
    app::journal_add(f.store, f.cfg, {D("2026-11-19"), "b", {}, std::nullopt, prompt.id});
    app::journal_add(f.store, f.cfg, {D("2026-11-20"), "c", {"win"}, std::nullopt, std::nullopt});

    const auto wins = app::journal_list(f.store, {DayRange{D("2026-11-19"), std::nullopt}, "win"});
    REQUIRE(wins.records.size() == 1);
    CHECK(wins.records[0].text == "c");

    const auto bare = app::journal_list(f.store, {});
    CHECK(bare.records.size() == 3);
    CHECK(bare.prompts.empty());
    const auto texts = app::journal_list(f.store, {}, &f.cfg);
    CHECK(texts.prompts.size() == 1);
    CHECK(texts.prompts.at(prompt.id) == prompt.text);
}

TEST_CASE("app::journal_add: says when --kind added the insight tag") {
    Fixture f;
    const auto added = app::journal_add(
        f.store, f.cfg, {D("2026-11-20"), "A", {"win"}, "acceptance", std::nullopt});
    CHECK(added.added_insight_tag);
    const auto given = app::journal_add(
        f.store, f.cfg, {D("2026-11-20"), "B", {"insight"}, "acceptance", std::nullopt});
    CHECK_FALSE(given.added_insight_tag);
    CHECK(given.entry.tags == std::vector<std::string>{"insight"});
    const auto none =
        app::journal_add(f.store, f.cfg, {D("2026-11-20"), "C", {}, std::nullopt, std::nullopt});
    CHECK_FALSE(none.added_insight_tag);
}
