// kint remind through the real binary, with KINT_NOW as the clock and a notification command of
// the test's own (a script that writes down its arguments): once per cue and day, after its time,
// never for a cue logged, paused, archived or if-then; --dry-run and --json; a notification that
// cannot be shown is one line on stderr, exit 0, and not recorded. The real notify-send with a
// real notification server: tests/notify/notify_test.sh.
#include "harness.hpp"
#include "jsonlite.hpp"

#include <sys/stat.h>

using namespace kint::e2e;
using jsonlite::parse;

namespace {

// The fake notifier: each call appends its arguments as "[arg]" and a newline to `calls`.
void install_notifier(Sandbox& s) {
    const std::string script = s.path("notify");
    write_file(script, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done >>\"" +
                           s.path("calls") + "\"\necho >>\"" + s.path("calls") + "\"\n");
    ::chmod(script.c_str(), 0700);
    write_file(s.config(), "[remind]\ncommand = [\"" + script + "\", \"--app-name=kint\"]\n");
}

std::string calls(const Sandbox& s) {
    return read_file(s.path("calls")).value_or("");
}

// How many notifications went out so far.
std::size_t sent(const Sandbox& s) {
    return count_of(calls(s), "[--app-name=kint][--]");
}

Env at(const char* clock, const char* day = "2026-11-20") {
    return {{"KINT_NOW", clock}, {"KINT_TODAY", day}};
}

// Intention 1 (the focus), cue 1: after I pour my coffee, write one sentence, at 08:00, daily.
void seed(Sandbox& s) {
    install_notifier(s);
    s.ok({"intent", "add", "I am open to learning new ways to cope"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence", "--at",
          "08:00"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"today"}); // the caches beside the store settle, so a snapshot compares the store
}

} // namespace

TEST_CASE("remind: before the time nothing, after it one notification, then none that day") {
    Sandbox s;
    seed(s);
    const auto early = s.run({"remind"}, at("07:59"));
    CHECK(early.code == 0);
    CHECK(early.out.empty());
    CHECK(early.err.empty());
    CHECK(sent(s) == 0);

    const auto due = s.run({"remind"}, at("08:00"));
    CHECK(due.code == 0);
    CHECK(due.out.empty()); // silent: it runs from a timer, and cron mails what it prints
    CHECK(due.err.empty());
    // The summary is the behavior; the body the cue and its time, the intention and kint log N.
    CHECK(calls(s) == "[--app-name=kint][--][write one sentence][after I pour my coffee · "
                      "08:00\nI am open to learning new ways to cope\nkint log 1]\n");

    // Every five minutes after: nothing more today.
    for (const char* clock : {"08:05", "12:00", "23:55", "03:59"}) {
        const auto again = s.run({"remind"}, at(clock));
        CHECK(again.code == 0);
        CHECK(again.out.empty());
        CHECK(again.err.empty());
    }
    CHECK(sent(s) == 1);
    // A dry run says so too.
    CHECK(s.ok({"remind", "--dry-run"}, at("12:00")).out == "No reminder is due at 12:00.\n");
    CHECK(parse(s.ok({"remind", "--json"}, at("12:00")).out).size() == 0);

    // The next day, again once its time has come.
    s.ok({"remind"}, at("07:00", "2026-11-21"));
    CHECK(sent(s) == 1);
    s.ok({"remind"}, at("08:10", "2026-11-21"));
    CHECK(sent(s) == 2);
    s.ok({"remind"}, at("08:15", "2026-11-21"));
    CHECK(sent(s) == 2);
}

TEST_CASE("remind: a cue logged before its time is never reminded that day, whatever the status") {
    for (const char* status : {"", "--skip", "--slip"}) {
        CAPTURE(status);
        Sandbox s;
        seed(s);
        std::vector<std::string> log = {"log", "1"};
        if (*status) log.push_back(status);
        s.ok(log, at("07:00"));
        for (const char* clock : {"08:00", "09:00", "23:00"})
            s.ok({"remind"}, at(clock));
        CHECK(sent(s) == 0);
        // The next day it is reminded again.
        s.ok({"remind"}, at("08:00", "2026-11-21"));
        CHECK(sent(s) == 1);
    }
}

TEST_CASE(
    "remind: paused, archived and if-then cues are never reminded, a weekday cue on its days") {
    Sandbox s;
    seed(s);
    const Env placed{{"KINT_TODAY", "2026-11-02"}};
    s.ok(
        {"cue", "add", "--if", "I feel anger rising", "--do", "five slow breaths", "--at", "07:00"},
        placed);                                                                               // 2
    s.ok({"cue", "add", "--after", "lunch", "--do", "a short walk", "--at", "12:00"}, placed); // 3
    s.ok({"cue", "add", "--after", "dinner", "--do", "read", "--at", "19:00"}, placed);        // 4
    s.ok({"cue", "add", "--time", "06:00", "--do", "stretch", "--days", "mon,wed"}, placed);   // 5
    s.ok({"cue", "pause", "1"}, {{"KINT_TODAY", "2026-11-18"}});
    s.ok({"cue", "archive", "3"}, {{"KINT_TODAY", "2026-11-19"}});
    s.ok({"today"});
    const auto r = s.ok({"remind", "--json"}, at("23:00")); // 2026-11-20, a Friday
    const auto doc = parse(r.out);
    REQUIRE(doc.size() == 1);
    CHECK(doc[0]["cue_id"].integer() == 4);
    CHECK(doc[0]["behavior"].str() == "read");
    CHECK(doc[0]["trigger"].str() == "dinner");
    CHECK(doc[0]["at"].str() == "19:00");
    CHECK(doc[0]["intention"].str() == "I am open to learning new ways to cope");
    CHECK(sent(s) == 1);
    CHECK(contains(calls(s), "[read][after dinner · 19:00\n"));
    // Monday: the weekday cue (a time cue: its trigger is its time) and the evening one again.
    const auto monday = parse(s.ok({"remind", "--json"}, at("23:00", "2026-11-23")).out);
    REQUIRE(monday.size() == 2);
    CHECK(monday[0]["cue_id"].integer() == 5);
    CHECK(monday[1]["cue_id"].integer() == 4);
    CHECK(contains(calls(s), "[stretch][at 06:00\n"));
    // Resumed: reminded again (from the day the pause ends).
    s.ok({"cue", "resume", "1"}, {{"KINT_TODAY", "2026-11-23"}});
    const auto resumed = parse(s.ok({"remind", "--json"}, at("09:00", "2026-11-24")).out);
    REQUIRE(resumed.size() == 1);
    CHECK(resumed[0]["cue_id"].integer() == 1);
}

TEST_CASE("remind: a --per cue whose week's target is met is not reminded") {
    Sandbox s;
    seed(s);
    s.ok({"cue", "add", "--after", "work", "--do", "a walk", "--at", "18:00", "--per", "2/week"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"log", "1"}, at("07:00"));
    s.ok({"log", "2", "--day", "2026-11-16"}, at("07:00"));
    s.ok({"remind"}, at("18:00"));
    CHECK(sent(s) == 1); // one of two this week: still open
    CHECK(contains(calls(s), "[a walk]"));
    s.ok({"log", "2", "--day", "2026-11-17"}, at("07:00", "2026-11-22"));
    s.ok({"remind"}, at("18:00", "2026-11-22"));
    CHECK(sent(s) == 2); // cue 1 only: the walk's week is met
    CHECK(count_of(calls(s), "[a walk]") == 1);
}

TEST_CASE("remind: --dry-run prints what it would send and changes nothing") {
    Sandbox s;
    seed(s);
    s.ok({"cue", "add", "--place", "at my desk", "--do", "drink <water> & rest", "--at", "07:30"});
    s.ok({"today"});
    const auto before = s.snapshot();
    const auto r = s.ok({"remind", "--dry-run"}, at("09:00"));
    CHECK(r.out == "At 09:00, kint remind would send 2 reminders (--dry-run: nothing is sent or "
                   "recorded):\n\n"
                   "drink <water> & rest\n  at my desk · 07:30\n"
                   "  I am open to learning new ways to cope\n  kint log 2\n\n"
                   "write one sentence\n  after I pour my coffee · 08:00\n"
                   "  I am open to learning new ways to cope\n  kint log 1\n");
    const auto json = parse(s.ok({"remind", "--dry-run", "--json"}, at("09:00")).out);
    REQUIRE(json.size() == 2);
    CHECK(json[0]["cue_id"].integer() == 2);
    CHECK(json[0]["trigger"].str() == "my desk");
    CHECK(sent(s) == 0);
    CHECK(s.snapshot() == before);
    // So the real run sends both; the body's markup characters escaped for the server.
    const auto real = parse(s.ok({"remind", "--json"}, at("09:00")).out);
    CHECK(real == json);
    CHECK(sent(s) == 2);
    CHECK(contains(calls(s), "[drink <water> & rest][at my desk · 07:30\n"));
    CHECK(contains(calls(s), "[--][write one sentence]"));
    CHECK_FALSE(s.snapshot() == before); // recorded
    CHECK(parse(s.ok({"remind", "--dry-run", "--json"}, at("09:05")).out).size() == 0);
}

TEST_CASE("remind: no notification shown is one line on stderr, exit 0, and tried again later") {
    Sandbox s;
    seed(s);
    SUBCASE("the command is not installed") {
        write_file(s.config(), "[remind]\ncommand = \"kint-test-no-such-notifier\"\n");
        s.ok({"today"});
        const auto before = s.snapshot();
        const auto r = s.run({"remind"}, at("09:00"));
        CHECK(r.code == 0);
        CHECK(r.out.empty());
        CHECK(is_error_line(r.err));
        CHECK(r.err == "kint: no reminder shown: 'kint-test-no-such-notifier' is not installed; "
                       "install it or set [remind] command in your config (kint tries again at "
                       "its next run)\n");
        CHECK(s.snapshot() == before); // not recorded
    }
    SUBCASE("the default notify-send where none is on PATH") {
        write_file(s.config(), "");
        s.ok({"today"});
        const auto r = s.run({"remind"}, {{"KINT_NOW", "09:00"}, {"PATH", s.path("empty")}});
        CHECK(r.code == 0);
        CHECK(r.out.empty());
        CHECK(r.err == "kint: no reminder shown: 'notify-send' is not installed (Debian: "
                       "libnotify-bin); install it or set [remind] command in your config (kint "
                       "tries again at its next run)\n");
    }
    SUBCASE("no notification server: the command exits 1, for every cue; one line all the same") {
        s.ok({"cue", "add", "--after", "lunch", "--do", "a short walk", "--at", "12:00"});
        write_file(s.path("no-server"), "#!/bin/sh\necho 'GDBus.Error: no server' >&2\nexit 1\n");
        ::chmod(s.path("no-server").c_str(), 0700);
        write_file(s.config(), "[remind]\ncommand = \"" + s.path("no-server") + "\"\n");
        s.ok({"today"});
        const auto before = s.snapshot();
        const auto r = s.run({"remind", "--json"}, at("13:00"));
        CHECK(r.code == 0);
        CHECK(parse(r.out).size() == 0); // nothing was sent
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, "ended with status 1"));
        CHECK(contains(r.err, "DBUS_SESSION_BUS_ADDRESS"));
        CHECK_FALSE(contains(r.err, "GDBus")); // the program's own words stay out
        CHECK(s.snapshot() == before);
    }
    // Once notifications can be shown, the reminder that could not goes out.
    install_notifier(s);
    s.ok({"remind"}, at("14:00"));
    CHECK(sent(s) >= 1);
    CHECK(contains(calls(s), "[write one sentence]"));
}

TEST_CASE("remind: a bad [remind] command is refused before anything runs") {
    Sandbox s;
    seed(s);
    for (const char* bad : {"command = \"\"", "command = []", "command = 7",
                            "command = [\"notify-send\", 1]", "command = \"a\\u0007b\""}) {
        CAPTURE(bad);
        write_file(s.config(), std::string("[remind]\n") + bad + "\n");
        const auto before = s.snapshot();
        const auto r = s.run({"remind"}, at("09:00"));
        CHECK(r.code == 1);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, s.config() + ":2:"));
        CHECK(contains(r.err, "remind.command"));
        CHECK(r.out.empty());
        CHECK(sent(s) == 0);
        CHECK(s.snapshot() == before);
    }
}

TEST_CASE("remind: without a store it is silent and creates nothing") {
    Sandbox s;
    install_notifier(s);
    const auto r = s.run({"remind"}, at("09:00"));
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK_FALSE(read_file(s.db()));
    CHECK(s.ok({"remind", "--json"}, at("09:00")).out == "[]\n");
    CHECK_FALSE(read_file(s.db()));
}

TEST_CASE("remind: a bad KINT_NOW is refused with exit 2") {
    Sandbox s;
    seed(s);
    const auto before = s.snapshot();
    const auto r = s.run({"remind"}, {{"KINT_NOW", "25:00"}});
    CHECK(r.code == 2);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, "KINT_NOW"));
    CHECK(s.snapshot() == before);
    CHECK(sent(s) == 0);
}
