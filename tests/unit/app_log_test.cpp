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

TEST_CASE("app::log: the same status again keeps the entry; the store decides the note") {
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

TEST_CASE("app::log: a done day after a slip is a comeback; a skip beside a done does not count") {
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

TEST_CASE("app::undo_log: removes the day's entries, or only one status") {
    Fixture f;
    f.log("2026-11-10");
    f.log("2026-11-10", LogStatus::slip);
    const auto only = app::undo_log(f.store, {f.cue, D("2026-11-10"), LogStatus::slip, false});
    CHECK(only.removed == 1);
    REQUIRE(f.held("2026-11-10").size() == 1);
    CHECK(f.held("2026-11-10")[0].status == LogStatus::done);
    CHECK_THROWS_WITH_AS(
        app::undo_log(f.store, {f.cue, D("2026-11-10"), LogStatus::skip, false}),
        "nothing skip is logged for cue 1 on 2026-11-10; see 'kint log list --cue 1'", NotFound);
    CHECK_THROWS_AS(app::undo_log(f.store, {f.cue, D("2026-11-10"), std::nullopt, true}),
                    UsageError);
    const auto all = app::undo_log(f.store, {f.cue, D("2026-11-10"), std::nullopt, false});
    CHECK(all.removed == 1);
    CHECK(all.cue_id == f.cue);
    CHECK(all.day == D("2026-11-10"));
    CHECK(f.held("2026-11-10").empty());
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
