// app::remind against an in-memory store, with real programs as the notification command: a
// script that writes down its arguments, `false` (no server), and a name that is not installed.
#include "app_fixture.hpp"
#include "kint/app/remind.hpp"
#include "kint/config/config.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace kint;
using kint::test::D;
using kint::test::default_config;
namespace fs = std::filesystem;

namespace {

constexpr Minutes at(int h, int m) {
    return h * 60 + m;
}

const Day today = D("2026-11-20");
const std::vector<std::string> environment = {"PATH=/usr/bin:/bin"};

// A folder of its own with `notify`, a script that appends its arguments (each between [ and ])
// as one line to `calls`.
struct Notifier {
    fs::path dir;
    Notifier() {
        dir = fs::temp_directory_path() / ("kint-remind-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(dir / "notify") << "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; "
                                         "done >>\"$(dirname \"$0\")/calls\"\necho >>\"$(dirname "
                                         "\"$0\")/calls\"\n";
        fs::permissions(dir / "notify", fs::perms::owner_all);
    }
    ~Notifier() { fs::remove_all(dir); }
    config::Config config() const {
        config::Config cfg = default_config();
        cfg.remind.command = {(dir / "notify").string(), "--app-name=kint"};
        return cfg;
    }
    std::string calls() const {
        std::ifstream in(dir / "calls");
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

struct Fixture {
    store::Store s = store::Store::open_memory();
    Id intention =
        s.add_intention("I am open to learning", std::nullopt, std::nullopt, D("2026-11-01"));
    Id add(std::string behavior, std::optional<Minutes> time, CueKind kind = CueKind::after,
           std::string_view days = "daily") {
        return s.add_cue({intention, kind, "I pour my coffee", time, Schedule::parse(days),
                          D("2026-11-02"), std::move(behavior)});
    }
};

std::vector<Id> ids(const app::RemindResult& r) {
    std::vector<Id> out;
    for (const auto& m : r.reminders)
        out.push_back(m.cue_id);
    return out;
}

} // namespace

TEST_CASE("app::remind: sends each due cue once, by time, and records it after it went out") {
    Notifier n;
    const auto cfg = n.config();
    Fixture f;
    const Id late = f.add("write one sentence", at(8, 0));
    const Id early = f.add("three slow breaths", at(7, 30));
    const Id evening = f.add("read a page", at(21, 0));
    f.add("stretch", std::nullopt); // no time: never reminded

    // Before any time: nothing, and nothing is run.
    CHECK(app::remind(f.s, cfg, today, at(7, 0), {false, environment}).reminders.empty());
    CHECK(n.calls().empty());

    const auto r = app::remind(f.s, cfg, today, at(9, 15), {false, environment});
    CHECK_FALSE(r.problem);
    CHECK(ids(r) == std::vector<Id>{early, late});
    CHECK(r.reminders[0].behavior == "three slow breaths");
    CHECK(r.reminders[0].trigger == "I pour my coffee");
    CHECK(r.reminders[0].at == at(7, 30));
    CHECK(r.reminders[0].intention == "I am open to learning");
    CHECK(n.calls() == "[--app-name=kint][--][three slow breaths][after I pour my coffee · 07:30\n"
                       "I am open to learning\nkint log 2]\n"
                       "[--app-name=kint][--][write one sentence][after I pour my coffee · 08:00\n"
                       "I am open to learning\nkint log 1]\n");
    CHECK(f.s.reminded(early, today));
    CHECK(f.s.reminded(late, today));
    CHECK_FALSE(f.s.reminded(evening, today));

    // Again the same day: nothing more.
    CHECK(app::remind(f.s, cfg, today, at(9, 20), {false, environment}).reminders.empty());
    // The evening's comes when its time does, alone.
    CHECK(ids(app::remind(f.s, cfg, today, at(21, 0), {false, environment})) ==
          std::vector<Id>{evening});
    // The next day, each again.
    const auto next =
        app::remind(f.s, cfg, today + std::chrono::days{1}, at(23, 0), {false, environment});
    CHECK(ids(next) == std::vector<Id>{early, late, evening});
    // Six in all, each one line of arguments (the body holds two newlines of its own).
    const std::string calls = n.calls();
    CHECK(std::count(calls.begin(), calls.end(), '\n') == 6 * 3);
}

TEST_CASE("app::remind: logged (any status), paused, archived and if-then cues are not sent") {
    Notifier n;
    const auto cfg = n.config();
    Fixture f;
    const Id done = f.add("a", at(8, 0));
    const Id skipped = f.add("b", at(8, 0));
    const Id slipped = f.add("c", at(8, 0));
    const Id paused = f.add("d", at(8, 0));
    const Id archived = f.add("e", at(8, 0));
    const Id situation = f.add("f", at(8, 0), CueKind::if_);
    const Id weekend = f.add("g", at(8, 0), CueKind::after, "weekends"); // 2026-11-20: a Friday
    const Id open = f.add("h", at(8, 0));
    f.s.put_log({done, today, LogStatus::done, std::nullopt});
    f.s.put_log({skipped, today, LogStatus::skip, std::nullopt});
    f.s.put_log({slipped, today, LogStatus::slip, std::nullopt});
    f.s.put_log({open, today - std::chrono::days{1}, LogStatus::done, std::nullopt}); // yesterday
    f.s.pause_cue(paused, D("2026-11-18"));
    f.s.archive_cue(archived, D("2026-11-19"));

    const auto r = app::remind(f.s, cfg, today, at(12, 0), {false, environment});
    CHECK(ids(r) == std::vector<Id>{open});
    for (Id id : {done, skipped, slipped, paused, archived, situation, weekend})
        CHECK_FALSE(f.s.reminded(id, today));
}

TEST_CASE("app::remind: a --per cue whose week is met is not sent, an open one is") {
    Notifier n;
    const auto cfg = n.config();
    Fixture f;
    store::NewCue met{f.intention,       CueKind::after,  "work",   at(18, 0),
                      Schedule::daily(), D("2026-11-02"), "a walk", Per{2, 7, true}};
    store::NewCue open = met;
    open.behavior = "a swim";
    const Id met_id = f.s.add_cue(met);
    const Id open_id = f.s.add_cue(open);
    // The week of 2026-11-16 (Monday): two walks already, one swim.
    f.s.put_log({met_id, D("2026-11-16"), LogStatus::done, std::nullopt});
    f.s.put_log({met_id, D("2026-11-18"), LogStatus::done, std::nullopt});
    f.s.put_log({open_id, D("2026-11-17"), LogStatus::done, std::nullopt});
    const auto r = app::remind(f.s, cfg, today, at(18, 30), {false, environment});
    CHECK(ids(r) == std::vector<Id>{open_id});
    // A new week opens the walk again.
    CHECK(ids(app::remind(f.s, cfg, D("2026-11-23"), at(18, 30), {false, environment})) ==
          std::vector<Id>{met_id, open_id});
}

TEST_CASE("app::remind: a dry run says what would go, runs nothing and records nothing") {
    Notifier n;
    const auto cfg = n.config();
    Fixture f;
    const Id c = f.add("write one sentence", at(8, 0));
    const auto r = app::remind(f.s, cfg, today, at(8, 0), {true, environment});
    CHECK(r.dry_run);
    CHECK(ids(r) == std::vector<Id>{c});
    CHECK(n.calls().empty());
    CHECK_FALSE(f.s.reminded(c, today));
    // So the real run still sends it.
    CHECK(ids(app::remind(f.s, cfg, today, at(8, 0), {false, environment})) == std::vector<Id>{c});
}

TEST_CASE("app::remind: a notification that cannot be shown is not recorded, the next run tries") {
    Fixture f;
    const Id first = f.add("write one sentence", at(8, 0));
    const Id second = f.add("three slow breaths", at(8, 30));
    config::Config cfg = default_config();

    SUBCASE("the program is not installed") {
        cfg.remind.command = {"kint-test-no-such-notifier"};
        const auto r = app::remind(f.s, cfg, today, at(9, 0), {false, environment});
        REQUIRE(r.problem);
        CHECK(r.problem->program == "kint-test-no-such-notifier");
        CHECK(r.problem->run.status == io::ProgramRun::Status::not_found);
        CHECK(r.reminders.empty());
    }
    SUBCASE("no server answers: it exits 1") {
        cfg.remind.command = {"false"};
        const auto r = app::remind(f.s, cfg, today, at(9, 0), {false, environment});
        REQUIRE(r.problem);
        CHECK(r.problem->run.status == io::ProgramRun::Status::exited);
        CHECK(r.problem->run.code == 1);
        CHECK(r.reminders.empty());
    }
    SUBCASE("a path that is not a program") {
        Notifier n;
        std::ofstream(n.dir / "plain.txt") << "not a program\n";
        cfg.remind.command = {(n.dir / "plain.txt").string()};
        const auto r = app::remind(f.s, cfg, today, at(9, 0), {false, environment});
        REQUIRE(r.problem);
        CHECK(r.problem->run.status == io::ProgramRun::Status::cannot_start);
    }
    CHECK_FALSE(f.s.reminded(first, today));
    CHECK_FALSE(f.s.reminded(second, today));
    // Once a notification can be shown, both go out.
    Notifier n;
    const auto sent = app::remind(f.s, n.config(), today, at(9, 5), {false, environment});
    CHECK_FALSE(sent.problem);
    CHECK(ids(sent) == std::vector<Id>{first, second});
}

TEST_CASE("app::remind: the command's words go as they are, with no shell in between") {
    Notifier n;
    Fixture f;
    f.s.add_cue({f.intention, CueKind::place, "$(touch pwned); `id` > x", at(8, 0),
                 Schedule::daily(), D("2026-11-02"), "-rf *; echo 'hi' | tee y"});
    app::remind(f.s, n.config(), today, at(8, 0), {false, environment});
    CHECK(n.calls() == "[--app-name=kint][--][-rf *; echo 'hi' | tee y][at $(touch pwned); `id` "
                       "&gt; x · 08:00\nI am open to learning\nkint log 1]\n");
    CHECK_FALSE(fs::exists("pwned"));
    CHECK_FALSE(fs::exists(n.dir / "pwned"));
}

TEST_CASE("app::notification_argv: the configured words, then --, the summary and the body") {
    config::Config cfg = default_config();
    CHECK(cfg.remind.command == std::vector<std::string>{"notify-send"});
    const remind::Message m{"breathe", {"after lunch · 13:00", "calm & kind", "kint log 3"}};
    CHECK(app::notification_argv(cfg, m) ==
          std::vector<std::string>{"notify-send", "--", "breathe",
                                   "after lunch · 13:00\ncalm &amp; kind\nkint log 3"});
}
