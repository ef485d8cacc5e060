// app::export_snapshot and app::import_snapshot: a store into another, and never into one with
// data.
#include "kint/app/exchange.hpp"
#include "kint/core/error.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {
void fill(store::Store& s) {
    s.write([&] {
        const Id i = s.add_intention("I am open", "healing", std::nullopt, D("2026-11-01"));
        s.set_focus(i);
        const Id c = s.add_cue({i, CueKind::after, "I pour my coffee", 8 * 60, Schedule::daily(),
                                D("2026-11-02"), "write one sentence"});
        s.put_log({c, D("2026-11-03"), LogStatus::done, "easy"});
        s.put_log({c, D("2026-11-04"), LogStatus::skip, std::nullopt});
        s.put_rating({D("2026-11-03"), RatingKind::mood, 6, std::nullopt});
        s.add_journal({0, D("2026-11-03"), "a good day", {"calm"}, "acceptance", std::nullopt});
        s.add_session({0, D("2026-11-10"), "first"});
    });
}
} // namespace

TEST_CASE("app::import_snapshot: an export loads into an empty store whole, with its counts") {
    auto from = store::Store::open_memory();
    fill(from);
    const auto snapshot = app::export_snapshot(from);
    CHECK(snapshot.intentions.size() == 1);
    CHECK(snapshot.logs.size() == 2);

    auto into = store::Store::open_memory();
    const auto r = app::import_snapshot(into, snapshot);
    CHECK(r.intentions == 1);
    CHECK(r.cues == 1);
    CHECK(r.logs == 2);
    CHECK(r.ratings == 1);
    CHECK(r.journal == 1);
    CHECK(r.sessions == 1);
    CHECK(r.store_path == into.path());

    const auto again = app::export_snapshot(into);
    CHECK(again.focus == snapshot.focus);
    REQUIRE(again.cues.size() == 1);
    CHECK(again.cues[0].behavior() == "write one sentence");
    CHECK(again.logs.size() == 2);
    CHECK(again.journal.at(0).text == "a good day");
    CHECK(again.sessions.at(0).note == "first");
}

TEST_CASE("app::import_snapshot: a store that holds data is refused and keeps what it has") {
    auto from = store::Store::open_memory();
    fill(from);
    const auto snapshot = app::export_snapshot(from);

    auto into = store::Store::open_memory();
    into.put_rating({D("2026-11-01"), RatingKind::energy, 4, std::nullopt});
    CHECK_THROWS_WITH_AS(app::import_snapshot(into, snapshot),
                         doctest::Contains("already holds data; import into a new store"),
                         UsageError);
    const auto kept = app::export_snapshot(into);
    CHECK(kept.intentions.empty());
    CHECK(kept.cues.empty());
    REQUIRE(kept.ratings.size() == 1);
    CHECK(kept.ratings[0].kind == RatingKind::energy);
}

TEST_CASE("app::import_snapshot: an empty export into an empty store imports nothing") {
    auto from = store::Store::open_memory();
    auto into = store::Store::open_memory();
    const auto r = app::import_snapshot(into, app::export_snapshot(from));
    CHECK(r.intentions + r.cues + r.logs + r.ratings + r.journal + r.sessions == 0);
    CHECK(into.empty());
}
