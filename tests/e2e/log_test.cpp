// kint log: done/skip/slip, notes, backfill, undo, several statuses a day, list filters, comebacks.
#include "harness.hpp"

#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/stat.h>
#include <thread>

using namespace kint::e2e;

namespace {
const std::string comeback_text = "Welcome back. Returning is what counts.";
const std::string slip_text = "Slips are weather, not failure.";

// An intention with cue 1 ("breathe", daily) placed on 2026-11-10; today is 2026-11-20.
void with_cue(Sandbox& s) {
    s.ok({"intent", "add", "Be calmer"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, {{"KINT_TODAY", "2026-11-10"}});
}

// Runs SQL on the store with the sqlite3 shell (to give a cue a target before `cue step` can).
void sql(const Sandbox& s, const std::string& statement) {
    const auto file = s.path("edit.sql");
    write_file(file, statement);
    REQUIRE(std::system(fmt::format("sqlite3 '{}' < '{}'", s.db(), file).c_str()) == 0);
}

// Runs `args`, expects exit 2 with one error line holding `message`, and everything unchanged.
void refused(Sandbox& s, const std::vector<std::string>& args, std::string_view message) {
    const auto before = s.snapshot();
    const auto r = s.run(args);
    INFO("stderr: " << r.err);
    CHECK(r.code == 2);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, message));
    CHECK(s.snapshot() == before);
}
} // namespace

TEST_CASE("log: done is the default status, for today") {
    Sandbox s;
    with_cue(s);
    auto r = s.ok({"log", "1", "--json"}).out;
    CHECK(contains(r, kv("cue_id", "1")));
    CHECK(contains(r, kv("day", quoted("2026-11-20"))));
    CHECK(contains(r, kv("status", quoted("done"))));
    CHECK(contains(r, kv("note", "null")));
    CHECK(contains(r, kv("counts_as", quoted("done"))));
    auto list = s.ok({"log", "list", "--json"}).out;
    CHECK(count_of(list, "\"cue_id\": ") == 1);
    CHECK(contains(list, kv("status", quoted("done"))));
    auto text = s.ok({"log", "list"}).out;
    CHECK(contains(text, "2026-11-20"));
    CHECK(contains(text, "done"));
    CHECK(contains(text, "breathe"));
}

TEST_CASE("log: --skip and --slip with a --note") {
    Sandbox s;
    with_cue(s);
    auto skip = s.ok({"log", "1", "--skip", "--day", "yesterday", "--note", "fever", "--json"}).out;
    CHECK(contains(skip, kv("status", quoted("skip"))));
    CHECK(contains(skip, kv("day", quoted("2026-11-19"))));
    CHECK(contains(skip, kv("note", quoted("fever"))));

    auto slip = s.ok({"log", "1", "--slip", "--note", "overslept"}).out;
    CHECK(contains(slip, slip_text));
    CHECK_FALSE(contains(slip, "What got in the way?"));
    auto bare_slip = s.ok({"log", "1", "--slip", "--day", "-2"}).out;
    CHECK(contains(bare_slip, "What got in the way?"));

    auto list = s.ok({"log", "list", "--json"}).out;
    CHECK(contains(list, kv("note", quoted("overslept"))));
    CHECK(count_of(list, kv("status", quoted("slip"))) == 2);
    CHECK(count_of(list, kv("status", quoted("skip"))) == 1);

    auto both = s.run({"log", "1", "--skip", "--slip"});
    CHECK(both.code == 2);
    CHECK(is_error_line(both.err));
}

TEST_CASE("log: --day backfills yesterday, -N and YYYY-MM-DD, not before the cue") {
    Sandbox s;
    with_cue(s);
    CHECK(contains(s.ok({"log", "1", "--day", "yesterday", "--json"}).out,
                   kv("day", quoted("2026-11-19"))));
    CHECK(
        contains(s.ok({"log", "1", "--day", "-3", "--json"}).out, kv("day", quoted("2026-11-17"))));
    CHECK(contains(s.ok({"log", "1", "--day", "2026-11-10", "--json"}).out,
                   kv("day", quoted("2026-11-10"))));
    CHECK(contains(s.ok({"log", "1", "--day", "TODAY", "--json"}).out,
                   kv("day", quoted("2026-11-20"))));
    auto before = s.run({"log", "1", "--day", "2026-11-09"});
    CHECK(before.code == 2);
    CHECK(is_error_line(before.err));
    CHECK(contains(before.err, "2026-11-10"));
    CHECK(count_of(s.ok({"log", "list", "--json"}).out, "\"cue_id\": ") == 4);
}

TEST_CASE("log: --undo removes that day's entries") {
    Sandbox s;
    with_cue(s);
    s.ok({"log", "1", "--day", "-1"});
    s.ok({"log", "1", "--day", "-1", "--slip", "--note", "late"});
    s.ok({"log", "1"});

    // --undo --slip removes only the slip.
    auto only = s.ok({"log", "1", "--undo", "--slip", "--day", "yesterday", "--json"}).out;
    CHECK(contains(only, kv("removed", "1")));
    auto list = s.ok({"log", "list", "--json"}).out;
    CHECK_FALSE(contains(list, "slip"));
    CHECK(count_of(list, "\"cue_id\": ") == 2);

    auto undo = s.ok({"log", "1", "--undo"}).out;
    CHECK(contains(undo, "Removed the done entry of cue #1 on 2026-11-20."));
    list = s.ok({"log", "list", "--json"}).out;
    CHECK(count_of(list, "\"cue_id\": ") == 1);
    CHECK(contains(list, kv("day", quoted("2026-11-19"))));

    auto nothing = s.run({"log", "1", "--undo"});
    CHECK(nothing.code == 1);
    CHECK(is_error_line(nothing.err));
    auto with_note = s.run({"log", "1", "--undo", "--day", "-1", "--note", "x"});
    CHECK(with_note.code == 2);
    CHECK(is_error_line(with_note.err));
    CHECK(count_of(s.ok({"log", "list", "--json"}).out, "\"cue_id\": ") == 1);
}

TEST_CASE("log: two statuses on one day keep both entries and done counts") {
    Sandbox s;
    with_cue(s);
    auto slip = s.ok({"log", "1", "--slip", "--note", "busy morning", "--json"}).out;
    CHECK(contains(slip, kv("counts_as", quoted("slip"))));
    auto done = s.ok({"log", "1", "--note", "did it at night", "--json"}).out;
    CHECK(contains(done, kv("status", quoted("done"))));
    CHECK(contains(done, kv("counts_as", quoted("done"))));
    auto skip = s.ok({"log", "1", "--skip"}).out;
    CHECK(contains(skip, "already has a done entry"));

    auto list = s.ok({"log", "list", "--json"}).out;
    CHECK(count_of(list, "\"cue_id\": ") == 3);
    CHECK(contains(list, kv("note", quoted("busy morning"))));
    CHECK(contains(list, kv("note", quoted("did it at night"))));
    // done is listed first within a day.
    CHECK(list.find("\"done\"") < list.find("\"slip\""));

    // The same status again updates that entry, says so, and a bare repeat keeps its note.
    auto replaced = s.ok({"log", "1", "--slip", "--note", "phone"}).out;
    CHECK(contains(replaced, "This day already had a slip entry; its note now reads \"phone\" (it "
                             "was \"busy morning\")."));
    auto kept = s.ok({"log", "1", "--slip"}).out;
    CHECK(contains(kept, "This day already had a slip entry; it is kept as it was."));
    CHECK_FALSE(contains(kept, "What got in the way?")); // it has its note
    auto again = s.ok({"log", "1", "--slip", "--json"}).out;
    CHECK(contains(again, kv("again", "true")));
    CHECK(contains(again, kv("note", quoted("phone"))));
    CHECK(contains(done, kv("again", "false")));
    list = s.ok({"log", "list", "--json"}).out;
    CHECK(count_of(list, "\"cue_id\": ") == 3);
    CHECK(contains(list, kv("note", quoted("phone"))));
    CHECK_FALSE(contains(list, "busy morning"));
}

TEST_CASE("log: done again on a comeback day says it is kept, not welcome back twice") {
    Sandbox s;
    with_cue(s);
    auto first = s.ok({"log", "1"}).out; // 11-19 was missed: a return
    CHECK(contains(first, comeback_text));
    auto noted = s.ok({"log", "1", "--note", "before work"}).out;
    CHECK(contains(noted, "This day already had a done entry; your note is added to it."));
    CHECK_FALSE(contains(noted, comeback_text));
    CHECK(contains(s.ok({"log", "1", "--json"}).out, kv("note", quoted("before work"))));
}

TEST_CASE("log: list filters by --since, --until and --cue") {
    Sandbox s;
    with_cue(s);
    s.ok({"cue", "add", "--after", "lunch", "--do", "walk"}, {{"KINT_TODAY", "2026-11-10"}});
    for (const char* day : {"2026-11-12", "2026-11-15", "2026-11-18"}) {
        s.ok({"log", "1", "--day", day});
        s.ok({"log", "2", "--day", day, "--slip"});
    }
    auto since = s.ok({"log", "list", "--since", "2026-11-15", "--json"}).out;
    CHECK(count_of(since, "\"cue_id\": ") == 4);
    CHECK_FALSE(contains(since, "2026-11-12"));

    auto until = s.ok({"log", "list", "--until", "2026-11-15", "--json"}).out;
    CHECK(count_of(until, "\"cue_id\": ") == 4);
    CHECK_FALSE(contains(until, "2026-11-18"));

    auto both = s.ok({"log", "list", "--since", "2026-11-13", "--until", "-5", "--json"}).out;
    CHECK(count_of(both, "\"cue_id\": ") == 2);
    CHECK(contains(both, "2026-11-15"));

    auto cue = s.ok({"log", "list", "--cue", "2", "--json"}).out;
    CHECK(count_of(cue, "\"cue_id\": 2") == 3);
    CHECK_FALSE(contains(cue, "\"cue_id\": 1"));

    auto relative = s.ok({"log", "list", "--since", "-2", "--json"}).out;
    CHECK(count_of(relative, "\"cue_id\": ") == 2);

    CHECK(s.ok({"log", "list", "--since", "2026-11-19", "--json"}).out == "[]\n");
    CHECK(contains(s.ok({"log", "list", "--since", "2026-11-19"}).out, "No entries"));
    auto swapped = s.run({"log", "list", "--since", "2026-11-18", "--until", "2026-11-12"});
    CHECK(swapped.code == 2);
    CHECK(is_error_line(swapped.err));
    auto unknown = s.run({"log", "list", "--cue", "7"});
    CHECK(unknown.code == 1);
    CHECK(is_error_line(unknown.err));
}

TEST_CASE("log: returning after a slip or a missed day is a comeback") {
    Sandbox s;
    with_cue(s);
    // 11-10 done, 11-11 done: no comeback.
    CHECK(
        contains(s.ok({"log", "1", "--day", "2026-11-10", "--json"}).out, kv("comeback", "false")));
    auto steady = s.ok({"log", "1", "--day", "2026-11-11"}).out;
    CHECK_FALSE(contains(steady, comeback_text));
    // 11-12 slipped, 11-13 done: a comeback.
    s.ok({"log", "1", "--day", "2026-11-12", "--slip"});
    auto after_slip = s.ok({"log", "1", "--day", "2026-11-13"}).out;
    CHECK(contains(after_slip, comeback_text));
    // 11-14 missed, 11-15 done: the on-and-off rhythm goes on (the 13th was itself a return
    // within 7 days), so no second welcome (trail::is_comeback).
    CHECK(
        contains(s.ok({"log", "1", "--day", "2026-11-15", "--json"}).out, kv("comeback", "false")));
    // 11-16 skipped (excused), 11-17 done: not a comeback.
    s.ok({"log", "1", "--day", "2026-11-16", "--skip"});
    CHECK(
        contains(s.ok({"log", "1", "--day", "2026-11-17", "--json"}).out, kv("comeback", "false")));
}

TEST_CASE("log: a comeback follows the schedule, not the calendar") {
    Sandbox s;
    s.ok({"intent", "add", "Move"});
    // 2026-11-09 is a Monday.
    s.ok({"cue", "add", "--after", "work", "--do", "stretch", "--days", "mon,wed,fri"},
         {{"KINT_TODAY", "2026-11-09"}});
    s.ok({"log", "1", "--day", "2026-11-09"});
    // Wednesday after a done Monday: Tuesday is not scheduled, so no comeback.
    CHECK(
        contains(s.ok({"log", "1", "--day", "2026-11-11", "--json"}).out, kv("comeback", "false")));
    // Monday 16th after a missed Friday 13th: a comeback.
    CHECK(
        contains(s.ok({"log", "1", "--day", "2026-11-16", "--json"}).out, kv("comeback", "true")));
}

TEST_CASE("log: a day off the schedule or paused is an extra, never a comeback") {
    Sandbox s;
    s.ok({"intent", "add", "Move"});
    s.ok({"cue", "add", "--after", "work", "--do", "stretch", "--days", "mon,wed,fri"},
         {{"KINT_TODAY", "2026-11-09"}});
    // Tuesday 10th is not scheduled: kept, said plainly.
    auto tue = s.ok({"log", "1", "--day", "2026-11-10"}).out;
    CHECK_FALSE(contains(tue, comeback_text));
    CHECK(contains(tue, "2026-11-10 is not on cue 1's schedule: kept as an extra day."));
    CHECK(
        contains(s.ok({"log", "1", "--day", "2026-11-10", "--json"}).out, kv("comeback", "false")));
    // Paused from Friday 13th: a done Monday 16th is an extra, with the way back named.
    s.ok({"cue", "pause", "1"}, {{"KINT_TODAY", "2026-11-13"}});
    const auto paused = s.ok({"log", "1", "--day", "2026-11-16"}).out;
    CHECK_FALSE(contains(paused, comeback_text));
    CHECK(contains(paused, "Cue 1 is paused: kept as an extra day. 'kint cue resume 1' puts it "
                           "back on the schedule."));
    // Resumed on Wednesday 18th: paused days are not scheduled, so the scheduled day before it
    // is Wednesday 11th, missed. Returning is what counts.
    s.ok({"cue", "resume", "1"}, {{"KINT_TODAY", "2026-11-18"}});
    const auto back = s.ok({"log", "1", "--day", "2026-11-18"}).out;
    CHECK(contains(back, comeback_text));
    CHECK_FALSE(contains(back, "extra day"));
    // The paused Monday, logged again later, says it was paused then.
    CHECK(contains(s.ok({"log", "1", "--day", "2026-11-16", "--note", "anyway"}).out,
                   "Cue 1 was paused on 2026-11-16: kept as an extra day."));
}

TEST_CASE("log: an archived cue and a missing cue id are refused") {
    Sandbox s;
    with_cue(s);
    s.ok({"cue", "archive", "1"});
    auto archived = s.run({"log", "1"});
    CHECK(archived.code == 2);
    CHECK(is_error_line(archived.err));
    auto none = s.run({"log"});
    CHECK(none.code == 2);
    CHECK(is_error_line(none.err));
    CHECK(s.ok({"log", "list", "--json"}).out == "[]\n");
}

TEST_CASE("log: --amount on a measured cue, replaced the same day, in kind words") {
    Sandbox s;
    with_cue(s);
    s.ok({"cue", "add", "--after", "dinner", "--do", "scroll", "--target", "20", "--unit", "min",
          "--at-most"},
         {{"KINT_TODAY", "2026-11-10"}});
    // Cue 1's target from its first day (cue step would set it from today on).
    sql(s, "UPDATE step SET target = 15, unit = 'min' WHERE cue_id = 1;");

    auto r = s.ok({"log", "1", "--amount", "10"}).out;
    CHECK(contains(r, "10 of 15 min — "));
    CHECK_FALSE(contains(r, "reached"));
    r = s.ok({"log", "1", "--amount", "20"}).out;
    CHECK(contains(r, "20 of 15 min — reached."));
    CHECK(contains(r, "now 20 min (was 10)"));
    auto j = s.ok({"log", "1", "--amount", "15.5", "--json"}).out;
    CHECK(contains(j, kv("amount", "15.5")));
    CHECK(contains(j, kv("was_amount", "20")));
    CHECK(contains(s.ok({"log", "list", "--json"}).out, kv("amount", "15.5")));
    CHECK(contains(s.ok({"log", "list"}).out, "15.5 of 15 min"));

    r = s.ok({"log", "2", "--amount", "12"}).out;
    CHECK(contains(r, "12 of at most 20 min — within your limit."));
    r = s.ok({"log", "2", "--amount", "25", "--day", "-1"}).out;
    CHECK(contains(r, "25 of at most 20 min — above the limit this time."));
    CHECK_FALSE(contains(r, "fail"));
    CHECK(contains(s.ok({"log", "2", "--amount", "0", "--day", "-2"}).out, "0 of at most 20 min"));
    // Done without an amount: kept, with a word on how to add it.
    CHECK(contains(s.ok({"log", "1", "--day", "-3"}).out,
                   "How much, when you like: kint log 1 --day 2026-11-17 --amount N (the step's "
                   "target is 15 min)"));
}

TEST_CASE("log: --amount refuses bad numbers, a cue without a target, a skip or a slip") {
    Sandbox s;
    with_cue(s);
    s.ok({"cue", "add", "--after", "dinner", "--do", "read", "--target", "15", "--unit", "min"},
         {{"KINT_TODAY", "2026-11-10"}});
    s.ok({"log", "2", "--amount", "5"});
    refused(s, {"log", "1", "--amount", "10"}, "kint cue step 1 --target X");
    for (const char* bad : {"-1", "abc", "1e3", "nan", "inf", "", "1,5", "+3", "0x10", "1.2.3"}) {
        CAPTURE(bad);
        refused(s, {"log", "2", "--amount", bad}, "--amount");
    }
    refused(s, {"log", "2", "--amount", "5", "--skip"}, "--amount goes with a done entry");
    refused(s, {"log", "2", "--amount", "5", "--slip"}, "--amount goes with a done entry");
    refused(s, {"log", "2", "--amount", "5", "--undo"}, "--amount");
}

TEST_CASE("log: --not-this-time is --slip, in the words of a situation") {
    Sandbox s;
    with_cue(s);
    s.ok({"cue", "add", "--if", "anger rises", "--do", "five breaths"},
         {{"KINT_TODAY", "2026-11-10"}});
    auto r = s.ok({"log", "2", "--not-this-time"}).out;
    CHECK(contains(r, "the situation came; not this time"));
    CHECK(contains(r, "--not-this-time"));
    CHECK(contains(s.ok({"log", "list", "--json"}).out, kv("status", quoted("slip"))));
    r = s.ok({"log", "2", "--skip", "--day", "-1"}).out;
    CHECK_FALSE(contains(r, "Rest"));
    CHECK_FALSE(contains(r, "rest"));
    // A plain cue keeps its words.
    CHECK(contains(s.ok({"log", "1", "--not-this-time"}).out, "Noted a slip"));
    CHECK(contains(s.ok({"log", "1", "--skip", "--day", "-1"}).out, "Rest counts too"));
    refused(s, {"log", "2", "--not-this-time", "--skip", "--day", "-2"}, "--skip");
}

TEST_CASE("log: --undo removes the entry that counts and says which, --all removes every one") {
    Sandbox s;
    with_cue(s);
    s.ok({"log", "1"});
    s.ok({"log", "1", "--skip"});
    s.ok({"log", "1", "--slip"});
    auto r = s.ok({"log", "1", "--undo"}).out;
    CHECK(contains(r, "Removed the done entry of cue #1 on 2026-11-20; the skip and slip stay, and "
                      "the skip now counts."));
    CHECK(contains(r, "kint log 1 --undo --all --day 2026-11-20"));
    r = s.ok({"log", "1", "--undo", "--json"}).out;
    CHECK(contains(r, kv("removed", "1")));
    CHECK(contains(r, "\"removed_statuses\": [\n    \"skip\"\n  ]"));
    CHECK(contains(r, "\"kept\": [\n    \"slip\"\n  ]"));
    s.ok({"log", "1"});
    r = s.ok({"log", "1", "--undo", "--all"}).out;
    CHECK(contains(r, "Removed the done and slip entries of cue #1 on 2026-11-20."));
    CHECK(count_of(s.ok({"log", "list", "--json"}).out, "\"cue_id\": ") == 0);
    s.ok({"log", "1"});
    refused(s, {"log", "1", "--all"}, "--undo");
    refused(s, {"log", "1", "--undo", "--all", "--skip"}, "--all");
}

// A log reads only the config's settings from the parsed config kept beside the store (the lists
// are left undecoded): the guidance's words are the config's, and an edit shows at once.
TEST_CASE("log: the guidance as the config says, from the config's cache and after an edit") {
    Sandbox s;
    write_file(s.config(), "[guidance]\ncomeback = \"Back again: one step.\"\n");
    with_cue(s);
    // The cache is trusted only 2 seconds after the config last changed.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    s.ok({"log", "1", "--day", "2026-11-12", "--slip"}); // parses the config and keeps it
    const auto inode = [&] {
        struct stat st {};
        return ::stat((s.db() + ".config-cache").c_str(), &st) == 0 ? st.st_ino : 0;
    };
    const auto kept = inode();
    REQUIRE(kept != 0);
    const auto back = s.ok({"log", "1", "--day", "2026-11-13"}).out;
    CHECK(contains(back, "Back again: one step."));
    CHECK_FALSE(contains(back, comeback_text));
    CHECK(inode() == kept); // read from the cache, not parsed and kept again
    write_file(s.config(), "[guidance]\ncomeback = \"Returning counts.\"\n");
    s.ok({"log", "1", "--day", "2026-11-14", "--slip"});
    CHECK(contains(s.ok({"log", "1", "--day", "2026-11-15"}).out, "Returning counts."));
}
