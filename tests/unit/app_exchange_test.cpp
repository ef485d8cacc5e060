// app::export_snapshot and app::import: a store into another, into one that holds data too
// (ids remapped, what is there skipped and counted, nothing overwritten), twice, and dry.
#include "kint/app/exchange.hpp"
#include "kint/core/error.hpp"
#include "test_day.hpp"

#include <cstdint>

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

foreign::Source source_of(const exchange::Snapshot& s) {
    return {"a kint export", s, 0, {}, {}};
}
const Day today = D("2026-11-20");
} // namespace

TEST_CASE("app::import: an export loads into an empty store whole, ids and focus kept") {
    auto from = store::Store::open_memory();
    fill(from);
    const auto snapshot = app::export_snapshot(from);
    CHECK(snapshot.intentions.size() == 1);
    CHECK(snapshot.logs.size() == 2);

    auto into = store::Store::open_memory();
    const auto r = app::import(into, source_of(snapshot), "x.json", today, false);
    CHECK(r.added == merge::Counts{1, 1, 2, 1, 1, 1});
    CHECK(r.skipped == merge::Counts{});
    CHECK(r.done == 1);
    CHECK(r.skips == 1);
    CHECK(r.store_path == into.path());

    const auto again = app::export_snapshot(into);
    CHECK(again.focus == snapshot.focus);
    REQUIRE(again.cues.size() == 1);
    CHECK(again.cues[0].id == snapshot.cues[0].id);
    CHECK(again.cues[0].behavior() == "write one sentence");
    CHECK(again.logs.size() == 2);
    CHECK(again.journal.at(0).text == "a good day");
    CHECK(again.sessions.at(0).note == "first");

    SUBCASE("the same import again adds nothing and counts all of it as there") {
        const auto second = app::import(into, source_of(snapshot), "x.json", today, false);
        CHECK(second.added == merge::Counts{});
        CHECK(second.skipped == merge::Counts{1, 1, 2, 1, 1, 1});
        CHECK(app::export_snapshot(into).logs.size() == 2);
    }
}

TEST_CASE("app::import: into a store with data, new ids, what is there skipped, its rating kept") {
    auto from = store::Store::open_memory();
    fill(from);
    from.write([&] {
        from.put_rating({D("2026-11-05"), RatingKind::mood, 2, std::nullopt});
        from.put_log({1, D("2026-11-06"), LogStatus::done, std::nullopt});
    });
    const auto snapshot = app::export_snapshot(from);

    auto into = store::Store::open_memory();
    Id other = 0;
    into.write([&] {
        const Id i = into.add_intention("I rest", std::nullopt, std::nullopt, D("2026-10-01"));
        other = into.add_cue({i, CueKind::place, "my pillow", std::nullopt, Schedule::daily(),
                              D("2026-10-01"), "read a page"});
        // The same cue as the file's, under an intention of the same text: matched.
        const Id j = into.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
        const Id c = into.add_cue({j, CueKind::after, "I pour my coffee", 8 * 60, Schedule::daily(),
                                   D("2026-11-02"), "write one sentence"});
        into.put_log({c, D("2026-11-03"), LogStatus::done, "mine"});
        into.put_rating({D("2026-11-05"), RatingKind::mood, 6, std::nullopt});
    });
    const auto before = app::export_snapshot(into);

    SUBCASE("--dry-run decides the same and writes nothing") {
        const auto dry = app::import(into, source_of(snapshot), "x.json", today, true);
        CHECK(dry.dry_run);
        CHECK(dry.added == merge::Counts{0, 0, 2, 1, 1, 1});
        CHECK(app::export_snapshot(into).logs.size() == before.logs.size());
        CHECK(app::export_snapshot(into).ratings.size() == before.ratings.size());
    }

    const auto r = app::import(into, source_of(snapshot), "x.json", today, false);
    CHECK(r.added == merge::Counts{0, 0, 2, 1, 1, 1});
    CHECK(r.skipped == merge::Counts{1, 1, 1, 1, 0, 0});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].day == D("2026-11-05"));
    CHECK(r.conflicts[0].kept == 6);
    CHECK(r.conflicts[0].offered == 2);

    const auto after = app::export_snapshot(into);
    CHECK(after.cues.size() == 2);
    CHECK(after.logs.size() == 3);
    for (const auto& e : after.logs) {
        CHECK(e.cue_id != other); // the file's logs went to the matched cue, not to id 1
        if (e.day == D("2026-11-03")) CHECK(e.note == "mine"); // never overwritten
    }
    for (const auto& rt : after.ratings)
        if (rt.day == D("2026-11-05")) CHECK(rt.value == 6);

    const auto again = app::import(into, source_of(snapshot), "x.json", today, false);
    CHECK(again.added == merge::Counts{});
}

TEST_CASE("app::import: a record that breaks a rule, or a day after today, writes nothing") {
    auto from = store::Store::open_memory();
    fill(from);
    auto snapshot = app::export_snapshot(from);
    auto into = store::Store::open_memory();

    auto late = snapshot;
    late.ratings.push_back({D("2026-12-24"), RatingKind::energy, 5, std::nullopt});
    CHECK_THROWS_WITH_AS(app::import(into, source_of(late), "x.json", today, false),
                         "x.json: it holds a day after today (2026-12-24, a rating); nothing was "
                         "imported",
                         UsageError);
    auto bad = snapshot;
    bad.ratings[0].value = 11;
    CHECK_THROWS_AS(app::import(into, source_of(bad), "x.json", today, false), UsageError);
    CHECK(into.empty());
}

TEST_CASE("app::import: an empty export into an empty store imports nothing") {
    auto from = store::Store::open_memory();
    auto into = store::Store::open_memory();
    const auto r = app::import(into, source_of(app::export_snapshot(from)), "x.json", today, false);
    CHECK(r.added == merge::Counts{});
    CHECK(into.empty());
}
