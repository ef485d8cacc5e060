// The calendar use case (kint export --format ics) against a store in memory: which cues become
// events, from which day, how often; and the local zone read from TZ, /etc and a zoneinfo folder.
#include "app_fixture.hpp"
#include "kint/app/calendar.hpp"
#include "kint/app/cue.hpp"
#include "kint/app/intent.hpp"
#include "kint/io/files.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

namespace {

const Day today = D("2026-11-20"); // a Friday

struct Fixture {
    store::Store s = store::Store::open_memory();
    Fixture() { app::intent_add(s, default_config(), D("2026-11-01"), {"I am open", {}, {}}); }
    Id cue(std::string_view behavior, std::optional<Minutes> at, Day created,
           std::string_view days = "daily", std::optional<Per> per = std::nullopt,
           CueKind kind = CueKind::after) {
        auto c = test::coffee_cue(created);
        c.behavior = std::string(behavior);
        c.at = at;
        c.days = Schedule::parse(days);
        c.per = per;
        c.kind = kind;
        return app::cue_add(s, default_config(), created, {{}, c}).cue.cue.id;
    }
    const app::CalendarEvent* event(const app::Calendar& cal, Id id) {
        for (const auto& e : cal.events)
            if (e.cue.id == id) return &e;
        return nullptr;
    }
};

} // namespace

TEST_CASE("app::calendar: timed cues only, each with the rule of its schedule") {
    Fixture f;
    const Day created = D("2026-11-04"); // a Wednesday
    const Id daily = f.cue("write one sentence", 7 * 60 + 30, created);
    const Id weekdays = f.cue("stretch", 18 * 60, created, "mon,fri");
    const Id per_week = f.cue("a walk", 9 * 60, created, "daily", Per{3, 7, true});
    const Id rolling = f.cue("call a friend", 20 * 60, created, "daily", Per{2, 10, false});
    const Id untimed = f.cue("read", std::nullopt, created);
    const Id situation =
        f.cue("five breaths", 12 * 60, created, "daily", std::nullopt, CueKind::if_);
    const auto cal = app::calendar(f.s, default_config(), today, std::nullopt);
    CHECK(cal.events.size() == 4);
    CHECK_FALSE(f.event(cal, untimed));
    CHECK_FALSE(f.event(cal, situation)); // a situation has no time of its own

    const auto* d = f.event(cal, daily);
    REQUIRE(d);
    CHECK_FALSE(d->weekly);
    CHECK(d->interval == 1);
    CHECK(d->first == created);
    CHECK_FALSE(d->last);
    CHECK(d->intention == "I am open");
    CHECK(d->revised == created);
    CHECK(d->sequence == 0);

    // Weekdays: weekly on them, from the first of them on or after the cue began.
    const auto* w = f.event(cal, weekdays);
    REQUIRE(w);
    CHECK(w->weekly);
    CHECK(w->weekdays == Schedule::parse("mon,fri").mask());
    CHECK(w->first == D("2026-11-06"));

    // N a week: on the first day of the week (Monday by default), from the first one after.
    const auto* p = f.event(cal, per_week);
    REQUIRE(p);
    CHECK(p->weekly);
    CHECK(p->weekdays == 1);
    CHECK(p->first == D("2026-11-09"));
    // N in M days: every M / N days.
    const auto* r = f.event(cal, rolling);
    REQUIRE(r);
    CHECK_FALSE(r->weekly);
    CHECK(r->interval == 5);
    CHECK(r->first == created);

    // Weeks from Sunday: the weekly reminder moves with them.
    auto sunday = default_config();
    sunday.week_starts = 6;
    const auto by_sunday = app::calendar(f.s, sunday, today, std::nullopt);
    const auto* s = f.event(by_sunday, per_week);
    REQUIRE(s);
    CHECK(s->weekdays == 1 << 6);
    CHECK(s->first == D("2026-11-08"));
}

TEST_CASE("app::calendar: pauses end the rule, resumes and edits begin it again, archived go") {
    Fixture f;
    const Day created = D("2026-11-02");
    const Id paused = f.cue("write one sentence", 7 * 60 + 30, created);
    const Id resumed = f.cue("stretch", 8 * 60, created);
    const Id archived = f.cue("a walk", 9 * 60, created);
    const Id edited = f.cue("read", 21 * 60, created);
    const Id paused_at_once = f.cue("call", 19 * 60, D("2026-11-16"));
    const auto& cfg = default_config();
    app::cue_set_status(f.s, cfg, D("2026-11-10"), paused, CueStatus::paused);
    app::cue_set_status(f.s, cfg, D("2026-11-05"), resumed, CueStatus::paused);
    app::cue_set_status(f.s, cfg, D("2026-11-12"), resumed, CueStatus::active);
    app::cue_set_status(f.s, cfg, D("2026-11-12"), archived, CueStatus::archived);
    app::CueEditRequest edit;
    edit.id = edited;
    edit.at = 21 * 60 + 30;
    app::cue_edit(f.s, cfg, D("2026-11-14"), edit);
    app::cue_step(f.s, cfg, D("2026-11-15"), {edited, "read two pages", {}, {}, {}, {}});
    app::cue_set_status(f.s, cfg, D("2026-11-16"), paused_at_once, CueStatus::paused);

    const auto cal = app::calendar(f.s, cfg, today, std::nullopt);
    CHECK_FALSE(f.event(cal, archived));
    CHECK_FALSE(f.event(cal, paused_at_once)); // paused on its first day: it never rang

    const auto* p = f.event(cal, paused);
    REQUIRE(p);
    CHECK(p->first == created);
    CHECK(p->last == D("2026-11-09"));
    CHECK(p->revised == D("2026-11-10"));
    CHECK(p->sequence == 1);

    // Resumed in the evening: the pause ends the next day, and so the rule begins then.
    const auto* r = f.event(cal, resumed);
    REQUIRE(r);
    CHECK(r->first == D("2026-11-13"));
    CHECK_FALSE(r->last);
    CHECK(r->sequence == 2);

    // Edited: from the day of the edit, at its new time; the step counts as a change too.
    const auto* e = f.event(cal, edited);
    REQUIRE(e);
    CHECK(e->first == D("2026-11-14"));
    CHECK(e->cue.at == 21 * 60 + 30);
    CHECK(e->cue.behavior() == "read two pages");
    CHECK(e->revised == D("2026-11-15"));
    CHECK(e->sequence == 2);
}

TEST_CASE("app::local_time_zone: TZ, then /etc, read from the zoneinfo folder") {
    const std::string dir =
        std::filesystem::temp_directory_path() / ("kint-tz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir + "/Europe");
    std::filesystem::create_directories(dir + "/posix/Europe");
    std::filesystem::create_directories(dir + "/Africa");
    const auto copy = [&](const std::string& from, const std::string& to) {
        io::write_file_atomically(dir + "/" + to,
                                  io::read_file("/usr/share/zoneinfo/" + from, 1 << 20),
                                  io::Folders::must_exist);
    };
    copy("Europe/Berlin", "Europe/Berlin");
    copy("Europe/Berlin", "posix/Europe/Berlin");
    copy("Africa/Casablanca", "Africa/Casablanca");
    copy("Etc/UTC", "UTC");
    auto old = io::read_file("/usr/share/zoneinfo/Europe/Paris", 1 << 20);
    old[4] = '\0'; // version 1: no rule
    io::write_file_atomically(dir + "/Europe/Old", old, io::Folders::must_exist);

    const app::TimeZone berlin{"Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"};
    CHECK(app::local_time_zone("Europe/Berlin", dir, today) == berlin);
    CHECK(app::local_time_zone(":Europe/Berlin", dir, today) == berlin);
    CHECK(app::local_time_zone(dir + "/Europe/Berlin", dir, today) == berlin);
    CHECK(app::local_time_zone(":/usr/share/zoneinfo/posix/Europe/Berlin", dir, today) == berlin);
    // Not a zone kint can name, UTC, or a rule that is not the whole truth: floating times.
    CHECK_FALSE(app::local_time_zone("Europe/Nowhere", dir, today));
    CHECK_FALSE(app::local_time_zone("Europe/Old", dir, today));
    CHECK_FALSE(app::local_time_zone("UTC", dir, today));
    CHECK_FALSE(app::local_time_zone("Africa/Casablanca", dir, today));
    CHECK_FALSE(app::local_time_zone("CET-1CEST,M3.5.0,M10.5.0/3", dir, today));
    CHECK_FALSE(app::local_time_zone("../Europe/Berlin", dir + "/posix", today));
    CHECK_FALSE(app::local_time_zone("Europe/../Europe/Berlin", dir, today));
    // Berlin's rule is its truth only from 1980 on.
    CHECK_FALSE(app::local_time_zone("Europe/Berlin", dir, D("1975-06-01")));
    std::filesystem::remove_all(dir);

    // The system's own folder.
    const auto pago = app::local_time_zone("Pacific/Pago_Pago", std::nullopt, today);
    REQUIRE(pago);
    CHECK(pago->rule == "SST11");
}
