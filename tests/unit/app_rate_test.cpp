// app::rate and rate_list against an in-memory store and the default config.
#include "kint/app/rate.hpp"

#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {
struct Fixture {
    store::Store store = store::Store::open_memory();
    config::Config cfg = config::parse();
    Day today = D("2026-11-20");
    app::RateResult rate(const std::string& day, std::optional<int> mood,
                         std::optional<int> energy = std::nullopt,
                         std::optional<std::string> note = std::nullopt) {
        return app::rate(store, cfg, today, {D(day), RatingKind::mood, mood, energy, note});
    }
};
} // namespace

TEST_CASE("app::rate: a new rating, then the same day again") {
    Fixture f;
    const auto first = f.rate("2026-11-20", 6, std::nullopt, "slept well");
    REQUIRE(first.ratings.size() == 1);
    CHECK(first.ratings[0].value == 6);
    CHECK(first.ratings[0].note == "slept well");
    CHECK(first.was == std::vector<std::optional<int>>{std::nullopt});
    CHECK_FALSE(first.verdict.triggered);
    CHECK(first.rule.message == f.cfg.safety.message);

    // Again without a note: the value is replaced, the store keeps the note.
    const auto again = f.rate("2026-11-20", 4);
    CHECK(again.was == std::vector<std::optional<int>>{6});
    CHECK(again.ratings[0].value == 4);
    CHECK(again.ratings[0].note == "slept well");
    const auto held = f.store.ratings({D("2026-11-20"), D("2026-11-20")});
    REQUIRE(held.size() == 1);
    CHECK(held[0].value == 4);
    CHECK(held[0].note == "slept well");

    const auto noted = f.rate("2026-11-20", 4, std::nullopt, "a hard call");
    CHECK(noted.was == std::vector<std::optional<int>>{4});
    CHECK(f.store.ratings({})[0].note == "a hard call");
}

TEST_CASE("app::rate: mood and energy at once, the note goes with the first") {
    Fixture f;
    const auto r = f.rate("2026-11-19", 7, 3, "busy");
    REQUIRE(r.ratings.size() == 2);
    CHECK(r.ratings[0].kind == RatingKind::mood);
    CHECK(r.ratings[0].note == "busy");
    CHECK(r.ratings[1].kind == RatingKind::energy);
    CHECK(r.ratings[1].value == 3);
    CHECK_FALSE(r.ratings[1].note);
    CHECK(f.store.ratings({}).size() == 2);

    const auto energy = app::rate(f.store, f.cfg, f.today,
                                  {D("2026-11-19"), RatingKind::mood, std::nullopt, 5, "later"});
    REQUIRE(energy.ratings.size() == 1);
    CHECK(energy.ratings[0].kind == RatingKind::energy);
    CHECK(energy.ratings[0].note == "later");
    CHECK(energy.was == std::vector<std::optional<int>>{3});
}

TEST_CASE("app::rate: three low days in a row trigger the safety note") {
    Fixture f;
    f.rate("2026-11-18", 2);
    CHECK_FALSE(f.rate("2026-11-19", 3).verdict.triggered);
    const auto r = f.rate("2026-11-20", 1);
    CHECK(r.verdict.triggered);
    CHECK(r.verdict.days == std::vector<Day>{D("2026-11-18"), D("2026-11-19"), D("2026-11-20")});
}

TEST_CASE("app::rate_list: by range and kind") {
    Fixture f;
    CHECK(app::rate_list(f.store, {}).records.empty());
    f.rate("2026-11-18", 5, 4);
    f.rate("2026-11-19", 6, 5);
    const auto all = app::rate_list(f.store, {});
    CHECK(all.records.size() == 4);
    const auto energy =
        app::rate_list(f.store, {DayRange{D("2026-11-19"), std::nullopt}, RatingKind::energy});
    REQUIRE(energy.records.size() == 1);
    CHECK(energy.records[0].value == 5);
    CHECK(energy.records[0].day == D("2026-11-19"));
}
