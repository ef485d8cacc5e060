// app::log, undo_log and log_list against an in-memory store and the default config.
#include "kint/app/log.hpp"

#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {
// An intention with one daily cue placed on 2026-11-02 (cue 1).
struct Fixture {
    store::Store store = store::Store::open_memory();
    config::Config cfg = config::parse();
    Id cue = 0;
    Fixture() {
        store.write([&] {
            const Id i =
                store.add_intention("I am patient", std::nullopt, std::nullopt, D("2026-11-02"));
            store::NewCue c;
            c.intention_id = i;
            c.trigger = "I pour my coffee";
            c.days = Schedule::parse("daily");
            c.created = D("2026-11-02");
            c.behavior = "breathe three times";
            cue = store.add_cue(c);
        });
    }
    app::LogResult log(const std::string& day, LogStatus status = LogStatus::done,
                       std::optional<std::string> note = std::nullopt) {
        return app::log(store, cfg, {cue, D(day), status, std::move(note)});
    }
    std::vector<LogEntry> held(const std::string& day) {
        return store.logs({DayRange{D(day), D(day)}, cue});
    }
};
} // namespace

TEST_CASE("app::log: a done day is written and counts") {
    Fixture f;
    const auto r = f.log("2026-11-02", LogStatus::done, "easy");
    CHECK(r.cue.id == f.cue);
    CHECK(r.entry.note == "easy");
    CHECK(r.counts_as == LogStatus::done);
    CHECK_FALSE(r.earlier);
    CHECK_FALSE(r.comeback);
    CHECK(r.comeback_text == f.cfg.guidance.comeback);
    CHECK(r.slip_text == f.cfg.guidance.slip);
    const auto held = f.held("2026-11-02");
    REQUIRE(held.size() == 1);
    CHECK(held[0].status == LogStatus::done);
    CHECK(held[0].note == "easy");
}

TEST_CASE("app::log: the same status again keeps the entry, the store decides the note") {
    Fixture f;
    f.log("2026-11-10", LogStatus::slip, "tired");
    SUBCASE("no note keeps the old one") {
        const auto r = f.log("2026-11-10", LogStatus::slip);
        REQUIRE(r.earlier);
        CHECK(r.earlier->note == "tired");
        CHECK(r.entry.note == "tired");
        CHECK(f.held("2026-11-10")[0].note == "tired");
    }
    SUBCASE("a new note replaces it") {
        const auto r = f.log("2026-11-10", LogStatus::slip, "a long call");
        REQUIRE(r.earlier);
        CHECK(r.earlier->note == "tired");
        CHECK(r.entry.note == "a long call");
        CHECK(f.held("2026-11-10")[0].note == "a long call");
    }
    CHECK(f.held("2026-11-10").size() == 1);
}

// The entry the day has already, given again with nothing new (no note, or the same note and
// amount), leaves the store as it was: nothing is written, not even a new clock for it.
TEST_CASE("app::log: the same entry again writes nothing") {
    Fixture f;
    int changes = 0;
    f.store.on_change([&] { ++changes; });
    f.log("2026-11-10", LogStatus::done, "easy");
    CHECK(changes == 1);
    const auto again = f.log("2026-11-10");
    CHECK(changes == 1);
    REQUIRE(again.earlier);
    CHECK(again.entry.note == "easy");
    CHECK(again.counts_as == LogStatus::done);
    f.log("2026-11-10", LogStatus::done, "easy");
    CHECK(changes == 1);
    f.log("2026-11-10", LogStatus::done, "easier");
    CHECK(changes == 2);
    CHECK(f.held("2026-11-10")[0].note == "easier");
    f.log("2026-11-10", LogStatus::skip); // another status of the day: a new entry
    CHECK(changes == 3);
}

// A log reads its cue's steps only from the first day its comeback looks back to: the days before
// it are still weighed by the step in force on each (under an at-most step, a day without an entry
// kept within the limit, so the next done day is no comeback).
TEST_CASE("app::log: a comeback weighs the days before by the step in force then") {
    Fixture f;
    f.store.write([&] {
        f.store.add_step(f.cue, Step{D("2026-11-05"), "two coffees at most", std::nullopt,
                                     Measure{2, "cups", true}});
        f.store.add_step(f.cue, Step{D("2026-11-09"), "one tea", std::nullopt});
    });
    f.log("2026-11-07");
    const auto r = f.log("2026-11-09"); // 11-08 has no entry: within the at-most step's limit
    CHECK_FALSE(r.comeback);
    CHECK(r.cue.behavior() == "one tea");
    CHECK_FALSE(r.measure);
    // 11-10 has no entry under "one tea": a gap, so the next done day is a comeback.
    CHECK(f.log("2026-11-11").comeback);
    const auto backfill = f.log("2026-11-06", LogStatus::done, {});
    REQUIRE(backfill.measure); // the step in force that day
    CHECK(backfill.measure->at_most);
}

TEST_CASE("app::log: a done day after a slip is a comeback, a skip beside a done does not count") {
    Fixture f;
    f.log("2026-11-09", LogStatus::slip);
    const auto back = f.log("2026-11-10");
    CHECK(back.comeback);
    CHECK(f.log("2026-11-12").comeback); // 11-11 was missed
    const auto skip = f.log("2026-11-10", LogStatus::skip);
    CHECK(skip.counts_as == LogStatus::done);
    CHECK_FALSE(skip.earlier);
    CHECK(f.held("2026-11-10").size() == 2);
}

TEST_CASE("app::log: refuses an unknown cue, a day before the cue and an archived cue") {
    Fixture f;
    CHECK_THROWS_AS(app::log(f.store, f.cfg, {99, D("2026-11-10"), LogStatus::done, {}}), NotFound);
    CHECK_THROWS_WITH_AS(f.log("2026-11-01"),
                         "cue 1 was placed on 2026-11-02; log days from then on (or place a new "
                         "cue)",
                         UsageError);
    f.store.write([&] { f.store.archive_cue(f.cue, D("2026-11-12")); });
    CHECK_THROWS_AS(f.log("2026-11-10"), UsageError);
    CHECK(f.store.logs({}).empty());
}

TEST_CASE("app::undo_log: removes the entry that counts, only one status, or all") {
    Fixture f;
    f.log("2026-11-10");
    f.log("2026-11-10", LogStatus::slip);
    const auto only = app::undo_log(f.store, {f.cue, D("2026-11-10"), LogStatus::slip, false});
    CHECK(only.removed == 1);
    CHECK(only.removed_statuses == std::vector{LogStatus::slip});
    CHECK(only.kept == std::vector{LogStatus::done});
    REQUIRE(f.held("2026-11-10").size() == 1);
    CHECK(f.held("2026-11-10")[0].status == LogStatus::done);
    CHECK_THROWS_WITH_AS(
        app::undo_log(f.store, {f.cue, D("2026-11-10"), LogStatus::skip, false}),
        "no skip entry is logged for cue 1 on 2026-11-10; see 'kint log list --cue 1'", NotFound);
    CHECK_THROWS_AS(app::undo_log(f.store, {f.cue, D("2026-11-10"), std::nullopt, true}),
                    UsageError);
    CHECK_THROWS_AS(app::undo_log(f.store, {f.cue, D("2026-11-10"), LogStatus::skip, false, true}),
                    UsageError);
    CHECK(f.held("2026-11-10").size() == 1);

    // Three entries: the done counts and goes first, then the skip; the slip stays each time.
    f.log("2026-11-10", LogStatus::skip);
    f.log("2026-11-10", LogStatus::slip);
    const auto counted = app::undo_log(f.store, {f.cue, D("2026-11-10"), std::nullopt, false});
    CHECK(counted.removed == 1);
    CHECK(counted.cue_id == f.cue);
    CHECK(counted.day == D("2026-11-10"));
    CHECK(counted.removed_statuses == std::vector{LogStatus::done});
    CHECK(counted.kept == std::vector{LogStatus::skip, LogStatus::slip});
    CHECK(f.held("2026-11-10").size() == 2);
    const auto next = app::undo_log(f.store, {f.cue, D("2026-11-10"), std::nullopt, false});
    CHECK(next.removed_statuses == std::vector{LogStatus::skip});
    CHECK(next.kept == std::vector{LogStatus::slip});

    f.log("2026-11-10");
    const auto all =
        app::undo_log(f.store, {f.cue, D("2026-11-10"), std::nullopt, false, /*all=*/true});
    CHECK(all.removed == 2);
    CHECK(all.removed_statuses == std::vector{LogStatus::done, LogStatus::slip});
    CHECK(all.kept.empty());
    CHECK(f.held("2026-11-10").empty());
    CHECK_THROWS_AS(app::undo_log(f.store, {f.cue, D("2026-11-10"), std::nullopt, false, true}),
                    NotFound);
}

TEST_CASE("app::log: an amount on a measured cue, replaced the same day") {
    Fixture f;
    Id measured = 0;
    f.store.write([&] {
        store::NewCue c;
        c.intention_id = 1;
        c.trigger = "dinner";
        c.days = Schedule::daily();
        c.created = D("2026-11-02");
        c.behavior = "read";
        c.measure = Measure{15, "min", false};
        measured = f.store.add_cue(c);
    });
    const auto first =
        app::log(f.store, f.cfg, {measured, D("2026-11-10"), LogStatus::done, {}, 10.0});
    REQUIRE(first.measure);
    CHECK(first.measure->target == 15);
    CHECK(first.entry.amount == 10.0);
    CHECK_FALSE(first.was_amount);
    const auto again =
        app::log(f.store, f.cfg, {measured, D("2026-11-10"), LogStatus::done, {}, 20.0});
    CHECK(again.entry.amount == 20.0);
    CHECK(again.was_amount == 10.0);
    const auto held = f.store.logs({DayRange{D("2026-11-10"), D("2026-11-10")}, measured});
    REQUIRE(held.size() == 1);
    CHECK(held[0].amount == 20.0);
    // Without --amount the amount stays.
    CHECK(app::log(f.store, f.cfg, {measured, D("2026-11-10"), LogStatus::done, {}}).entry.amount ==
          20.0);
    CHECK(app::log(f.store, f.cfg, {measured, D("2026-11-11"), LogStatus::done, {}, 0.0})
              .entry.amount == 0.0);
}

TEST_CASE("app::log: an amount is refused without a target, with a skip or slip, below 0") {
    Fixture f;
    CHECK_THROWS_WITH_AS(
        app::log(f.store, f.cfg, {f.cue, D("2026-11-10"), LogStatus::done, {}, 10.0}),
        "cue 1 has no target to measure an amount against; give it one with 'kint cue step 1 "
        "--target X' (e.g. --target 10 --unit min), or log it without --amount",
        UsageError);
    CHECK_THROWS_AS(app::log(f.store, f.cfg, {f.cue, D("2026-11-10"), LogStatus::skip, {}, 10.0}),
                    UsageError);
    CHECK_THROWS_AS(app::log(f.store, f.cfg, {f.cue, D("2026-11-10"), LogStatus::done, {}, -1.0}),
                    UsageError);
    CHECK(f.store.logs({}).empty());
}

TEST_CASE("app::log: done on the day a resume left paused brings it back onto the schedule") {
    Fixture f;
    // Paused on the 5th, resumed on the 10th in the evening: the pause ends on the 11th.
    f.store.write([&] {
        f.store.pause_cue(f.cue, D("2026-11-05"));
        f.store.resume_cue(f.cue, D("2026-11-11"));
    });
    CHECK_FALSE(f.store.cue(f.cue)->scheduled_on(D("2026-11-10")));
    // A slip leaves the day paused; a done ends the pause on it.
    f.log("2026-11-10", LogStatus::slip);
    CHECK_FALSE(f.store.cue(f.cue)->scheduled_on(D("2026-11-10")));
    const auto r = f.log("2026-11-10");
    CHECK(r.cue.scheduled_on(D("2026-11-10")));
    const auto cue = f.store.cue(f.cue);
    REQUIRE(cue->pauses.size() == 1);
    CHECK(cue->pauses[0].from == D("2026-11-05"));
    CHECK(cue->pauses[0].until == D("2026-11-10"));
    CHECK(cue->status == CueStatus::active);
    // An earlier paused day stays paused.
    f.log("2026-11-08");
    CHECK(f.store.cue(f.cue)->pauses[0].until == D("2026-11-10"));
}

TEST_CASE("app::log_list: entries in a range, with the cues they name") {
    Fixture f;
    CHECK(app::log_list(f.store, {}).cues.empty());
    f.log("2026-11-09");
    f.log("2026-11-10", LogStatus::skip);
    f.log("2026-11-11");
    const auto list = app::log_list(f.store, {DayRange{D("2026-11-10"), std::nullopt}, f.cue});
    REQUIRE(list.records.size() == 2);
    CHECK(list.records[0].status == LogStatus::skip);
    CHECK(list.records[1].day == D("2026-11-11"));
    CHECK(list.cues.at(f.cue).behavior() == "breathe three times");
    CHECK_THROWS_AS(app::log_list(f.store, {{}, Id{7}}), NotFound);
}
