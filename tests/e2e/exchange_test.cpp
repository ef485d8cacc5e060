// kint export / import: everything out, back into an empty store, byte-identical; refusals
// leave nothing behind.
#include "harness.hpp"
#include "jsonlite.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

using namespace kint::e2e;

namespace {

// Two intentions (one archived), two cues with a step history and a pause, every log status with
// notes, mood and energy, journal entries with tags, a kind and a prompt, and sessions.
void seed(Sandbox& s) {
    const Env early{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "--from", "anxiety.5"}, early);
    s.ok({"intent", "add", "Rest when tired, \"really\" rest"}, early);
    s.ok({"cue", "add", "--intent", "1", "--after", "coffee", "--do", "three slow breaths", "--at",
          "08:00"},
         early);
    s.ok({"cue", "add", "--intent", "2", "--time", "21:30", "--do", "phone in the kitchen",
          "--days", "mon,wed,fri"},
         early);
    s.ok({"cue", "step", "1", "one slow breath", "--note", "smaller after a busy week"},
         {{"KINT_TODAY", "2026-11-09"}});
    s.ok({"cue", "pause", "2"}, {{"KINT_TODAY", "2026-11-12"}});
    s.ok({"cue", "resume", "2"}, {{"KINT_TODAY", "2026-11-15"}}); // scheduled again from the 16th
    s.ok({"log", "1", "--day", "2026-11-03", "--note", "easy, with tea"});
    s.ok({"log", "1", "--skip", "--day", "2026-11-04", "--note", "travel"});
    s.ok({"log", "1", "--slip", "--day", "2026-11-05"});
    s.ok({"log", "2", "--day", "2026-11-06"});
    for (int d = 1; d <= 9; ++d) {
        const auto day = fmt::format("2026-11-1{}", d);
        s.ok({"rate", std::to_string(d), "--day", day});
        s.ok({"rate", "--energy", std::to_string(10 - d), "--day", day, "--note", "after a walk"});
    }
    s.ok({"journal", "add", "Noticed the old groove,\nand came back", "--tag", "win", "--kind",
          "acceptance", "--day", "2026-11-07"});
    s.ok({"journal", "add", "Who am I becoming?", "--prompt", "quick.1"});
    s.ok({"session", "add", "2026-11-01", "--note", "first session"});
    s.ok({"session", "add", "2026-11-15"});
    s.ok({"intent", "archive", "2"});
    s.ok({"intent", "focus", "1"});
}

// Runs SQL on the store with the sqlite3 shell (as a later kint's `cue add --per`, `--target`,
// `cue edit` and `log --amount` leave it, whichever commands make them). Those commands clear the
// strength checkpoints their changes move; another program writing the store does it so.
void sql(const Sandbox& s, const std::string& statement) {
    const auto file = s.path("edit.sql");
    write_file(file, statement + "\nDELETE FROM strength_checkpoint;\n");
    REQUIRE(std::system(fmt::format("sqlite3 '{}' < '{}'", s.db(), file).c_str()) == 0);
}

// The kinds of cue issue 13 adds, on top of seed(): cue 1 counted 3/week; cue 2 edited twice (a
// 2/5d plan, then a weekday time plan); an if-then cue 3 with a done and a "not this time"; a
// measured cue 4 (10 min, then 15) with amounts; an at-most cue 5 (20 min of scrolling). Each row
// with its uid and clock, as a kint of store schema 5 writes it.
void seed_new_kinds(Sandbox& s) {
    sql(s, R"sql(
UPDATE cue SET per = '3/week' WHERE id = 1;
INSERT INTO cue_plan (cue_id, until, kind, trigger, at, days, per) VALUES
    (2, '2026-11-05', 'after', 'dinner', NULL, 127, '2/5d'),
    (2, '2026-11-09', 'time', '21:00', 1260, 31, NULL);
INSERT INTO cue (id, intention_id, kind, trigger, at, days, created) VALUES
    (3, 1, 'if', 'I feel anger rising', NULL, 127, '2026-11-02'),
    (4, 1, 'after', 'dinner', NULL, 127, '2026-11-02'),
    (5, 2, 'place', 'the phone on the shelf', 1320, 127, '2026-11-04');
INSERT INTO step (cue_id, day, behavior, note, target, unit, at_most) VALUES
    (3, '2026-11-02', 'five slow breaths', NULL, NULL, NULL, 0),
    (4, '2026-11-02', 'read', NULL, 10, 'min', 0),
    (4, '2026-11-10', 'read', 'adjust the size, not the direction', 15, 'min', 0),
    (5, '2026-11-04', 'scroll', NULL, 20, 'min', 1);
INSERT INTO log (cue_id, day, status, note, amount) VALUES
    (3, '2026-11-07', 'done', NULL, NULL),
    (3, '2026-11-08', 'slip', 'snapped first', NULL),
    (4, '2026-11-05', 'done', NULL, 12.5),
    (4, '2026-11-12', 'done', 'a long chapter', 15),
    (4, '2026-11-13', 'skip', NULL, NULL),
    (5, '2026-11-06', 'done', NULL, 35.25),
    (5, '2026-11-09', 'done', NULL, 0);
UPDATE cue SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
UPDATE step SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
UPDATE cue SET hlc = '019a0000000000000123456789abcdef' WHERE hlc = '';
UPDATE step SET hlc = '019a0000000000000123456789abcdef' WHERE hlc = '';
UPDATE cue_plan SET hlc = '019a0000000000000123456789abcdef' WHERE hlc = '';
UPDATE log SET hlc = '019a0000000000000123456789abcdef' WHERE hlc = '';
)sql");
}

} // namespace

TEST_CASE("exchange: export, import into a new store, export again is byte-identical") {
    Sandbox s;
    seed(s);
    seed_new_kinds(s);
    const auto first = s.ok({"export"}).out;
    // Every table made it into the file.
    const auto doc = jsonlite::parse(first);
    CHECK(doc["format"].str() == "kint-export");
    CHECK(doc["version"].integer() == 3);
    CHECK(doc["intentions"].size() == 2);
    CHECK(doc["cues"].size() == 5);
    CHECK(doc["cues"][0]["steps"].size() == 2);
    CHECK(doc["cues"][1]["pauses"].size() == 1);
    CHECK(doc["logs"].size() == 11);
    // Issue 13's keys: per, the current step's measure on the cue, each step's, plans, amounts.
    CHECK(contains(first, R"("days": "daily",
      "per": "3/week",
      "target": null,
      "unit": null,
      "at_most": false,
      "created": "2026-11-02",)"));
    CHECK(contains(first, R"("plans": [
        {
          "until": "2026-11-05",
          "kind": "after",
          "trigger": "dinner",
          "at": null,
          "days": "daily",
          "per": "2/5d",
          "hlc": )"));
    CHECK(contains(first, R"(
        {
          "until": "2026-11-09",
          "kind": "time",
          "trigger": "21:00",
          "at": "21:00",
          "days": "weekdays",
          "per": null,
          "hlc": )"));
    // Version 3: every record's clock, the uids of those that have one, and the removals.
    CHECK(doc["cues"][1]["plans"].size() == 2);
    for (const auto* kind : {"intentions", "cues", "journal"})
        for (std::size_t i = 0; i < doc[kind].size(); ++i) {
            CAPTURE(kind);
            CHECK(doc[kind][i].has("uid"));
            CHECK(doc[kind][i].has("hlc"));
        }
    for (const auto* kind : {"logs", "ratings", "sessions"}) {
        CAPTURE(kind);
        CHECK(doc[kind][0].has("hlc"));
        CHECK_FALSE(doc[kind][0].has("uid"));
    }
    CHECK(doc["cues"][0]["steps"][0].has("uid"));
    CHECK(doc["cues"][1]["pauses"][0].has("hlc"));
    CHECK(doc.has("removals"));
    CHECK(doc["cues"][2]["kind"].str() == "if");
    CHECK(doc["cues"][2]["plans"].size() == 0);
    CHECK(contains(first, R"("per": null,
      "target": 15,
      "unit": "min",
      "at_most": false,)"));
    CHECK(contains(first, R"("behavior": "read",
          "note": "adjust the size, not the direction",
          "target": 15,
          "unit": "min",
          "at_most": false)"));
    CHECK(contains(first, R"("target": 20,
      "unit": "min",
      "at_most": true,)"));
    CHECK(contains(first, R"("status": "done",
      "note": null,
      "amount": 12.5)"));
    CHECK(contains(first, R"("status": "done",
      "note": null,
      "amount": 0)"));
    CHECK(contains(first, R"("status": "skip",
      "note": null,
      "amount": null)"));
    CHECK(doc["ratings"].size() == 18);
    CHECK(doc["journal"].size() == 2);
    CHECK(doc["sessions"].size() == 2);

    const auto file = s.path("kint-export.json");
    s.ok({"export", "--out", file});
    CHECK(read_file(file) == first);
    CHECK(mode_of(file) == 0600);

    const Env fresh{{"KINT_DB", s.path("new/kint.db")}};
    const auto imported = s.ok({"--json", "import", file}, fresh);
    CHECK(jsonlite::parse(imported.out)["added"]["ratings"].integer() == 18);
    CHECK(jsonlite::parse(imported.out)["added"]["cues"].integer() == 5);
    CHECK(jsonlite::parse(imported.out)["skipped"]["cues"].integer() == 0);
    CHECK(s.ok({"export"}, fresh).out == first);
    CHECK(mode_of(s.path("new/kint.db")) == 0600);
    CHECK(mode_of(s.path("new")) == 0700);
    // The new store works as the old one: the same listings, the same review.
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--json", "cue", "list", "--all"},
          std::vector<std::string>{"--json", "intent", "list", "--all"},
          std::vector<std::string>{"--json", "today"},
          std::vector<std::string>{"review", "--week", "last", "--format", "markdown"}}) {
        CAPTURE(args[1]);
        CHECK(s.ok(args, fresh).out == s.ok(args).out);
    }
    // "-" reads the export from standard input: kint export | kint --db NEW import -
    const Env piped{{"KINT_DB", s.path("piped/kint.db")}};
    const auto saved = s.wrapper;
    s.wrapper = {"/bin/sh", "-c", "f=$1; shift; exec \"$@\" < \"$f\"", "sh", file};
    const auto from_stdin = s.run({"import", "-"}, piped);
    s.wrapper = saved;
    CHECK(from_stdin.code == 0);
    CHECK(from_stdin.err.empty());
    CHECK(from_stdin.out.starts_with("From a kint export: 2 intentions, 5 cues, "));
    CHECK(s.ok({"export"}, piped).out == first);
    // CSV: one table, a header and one row per record, the same either side.
    const auto csv = s.ok({"export", "--format", "csv"}).out;
    CHECK(csv == s.ok({"export", "--format", "csv"}, fresh).out);
    CHECK(contains(csv, "\"Rest when tired, \"\"really\"\" rest\""));
    CHECK(contains(csv, "\"Noticed the old groove,\nand came back\""));
    // A column per field, none reused: everything the JSON holds is there.
    CHECK(csv.starts_with("record,id,ref,day,until,kind,status,group,catalogue_id,trigger,at,days,"
                          "value,text,note,tags,prompt,amount,per,target,unit,at_most\n"));
    CHECK(contains(csv, "\nintention,1,,2026-11-02,,,focus,anxiety,anxiety.5,,,,,"));
    CHECK(contains(csv, "\nintention,2,,2026-11-02,2026-11-20,,archived,,,,,,,"));
    CHECK(
        contains(csv, "\ncue,1,1,2026-11-02,,after,active,,,coffee,08:00,daily,,,,,,,3/week,,,\n"));
    CHECK(contains(csv,
                   "\ncue,2,2,2026-11-02,,time,active,,,21:30,21:30,\"mon,wed,fri\",,,,,,,,,,\n"));
    CHECK(contains(
        csv, "\nstep,,1,2026-11-09,,,,,,,,,,one slow breath,smaller after a busy week,,,,,,,\n"));
    CHECK(contains(csv, "\npause,,2,2026-11-12,2026-11-16,"));
    CHECK(contains(csv, "\nplan,,2,,2026-11-05,after,,,,dinner,,daily,,,,,,,2/5d,,,\n"));
    CHECK(contains(csv, "\nplan,,2,,2026-11-09,time,,,,21:00,21:00,weekdays,,,,,,,,,,\n"));
    CHECK(
        contains(csv, "\ncue,4,1,2026-11-02,,after,active,,,dinner,,daily,,,,,,,,15,min,false\n"));
    CHECK(contains(csv, "\nstep,,4,2026-11-02,,,,,,,,,,read,,,,,,10,min,false\n"));
    CHECK(contains(csv, "\nstep,,5,2026-11-04,,,,,,,,,,scroll,,,,,,20,min,true\n"));
    CHECK(contains(csv, "\nlog,,1,2026-11-04,,,skip,,,,,,,,travel,,,,,,,\n"));
    CHECK(contains(csv, "\nlog,,4,2026-11-05,,,done,,,,,,,,,,,12.5,,,,\n"));
    CHECK(contains(csv, "\nlog,,5,2026-11-06,,,done,,,,,,,,,,,35.25,,,,\n"));
    CHECK(contains(csv, "\nrating,,,2026-11-11,,energy,,,,,,,9,,after a walk,,,,,,,\n"));
    CHECK(contains(
        csv, ",acceptance,,,,,,,,\"Noticed the old groove,\nand came back\",,win insight,,,,,,\n"));
    CHECK(contains(csv, ",,,,,,,,,Who am I becoming?,,,quick.1,,,,,\n"));
    CHECK(contains(csv, "\nsession,1,,2026-11-01,,,,,,,,,,,first session,,,,,,,\n"));
}

TEST_CASE("exchange: --json is the JSON export, with --format csv it is refused") {
    Sandbox s;
    seed(s);
    CHECK(s.ok({"export", "--json"}).out == s.ok({"export"}).out);
    CHECK(s.ok({"export", "--json", "--format", "json"}).out == s.ok({"export"}).out);
    const auto both = s.run({"export", "--format", "csv", "--json"});
    CHECK(both.code == 2);
    CHECK(both.out.empty());
    CHECK(both.err == "kint: --json and --format csv ask for two formats; give one of them\n");
}

TEST_CASE("exchange: text a spreadsheet would run as a formula stays text in the CSV") {
    Sandbox s;
    s.ok({"intent", "add", "=HYPERLINK(\"http://x\",\"y\")"});
    s.ok({"cue", "add", "--after", "+coffee", "--do", "@breathe"});
    s.ok({"log", "1", "--note", "-2 minutes, fine"});
    const auto csv = s.ok({"export", "--format", "csv"}).out;
    CHECK(contains(csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    CHECK(contains(csv, ",'+coffee,"));
    CHECK(contains(csv, ",'@breathe,"));
    CHECK(contains(csv, ",\"'-2 minutes, fine\","));
    // The JSON export keeps the text exactly.
    CHECK(contains(s.ok({"export"}).out, "\"-2 minutes, fine\""));
}

TEST_CASE("exchange: an empty store exports and imports too") {
    Sandbox s;
    const auto empty = s.ok({"export"}).out;
    const auto file = s.path("empty.json");
    write_file(file, empty);
    const Env fresh{{"KINT_DB", s.path("other.db")}};
    CHECK(s.ok({"import", file}, fresh).out ==
          fmt::format("From a kint export: nothing new.\nInto {}.\n", s.path("other.db")));
    CHECK(s.ok({"export"}, fresh).out == empty);

    // One of each is said in the singular.
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    s.ok({"log", "1"});
    s.ok({"rate", "5"});
    s.ok({"journal", "add", "calm"});
    s.ok({"session", "add"});
    write_file(file, s.ok({"export"}).out);
    CHECK(contains(s.ok({"import", file}, {{"KINT_DB", s.path("third.db")}}).out,
                   "From a kint export: 1 intention, 1 cue, 1 done day, 1 rating, 1 journal "
                   "entry and 1 session.\n"));
}

TEST_CASE("exchange: a malformed or foreign file is refused with exit 2 and nothing written") {
    Sandbox s;
    seed(s);
    const auto good = s.ok({"export"}).out;
    auto with = [&](std::string_view from, std::string_view to) {
        auto text = good;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    struct Case {
        std::string name, text, message;
    };
    const std::vector<Case> cases = {
        {"empty file", "", "not a kint export"},
        {"not JSON", "hello", "not a kint export"},
        // Cut between two values ("unterminated string" would read as std::terminate here).
        {"truncated", good.substr(0, good.find("\"ratings\"")), "not a kint export"},
        {"trailing comma", with("\n}", ",\n}"), "not a kint export"},
        {"another format", with("kint-export", "habits"), "not a kint export"},
        {"a newer version", with("\"version\": 3", "\"version\": 9"), "version 9"},
        {"version 0", with("\"version\": 3", "\"version\": 0"), "version 0"},
        {"a uid that is not one", with("\"uid\": ", "\"uid\": \"ABC\", \"was\": "),
         "intentions[0].uid 'ABC' should be 32 lowercase hex digits or null"},
        {"a clock that is not one", with("\"hlc\": ", "\"hlc\": \"soon\", \"x\": "),
         "intentions[0].hlc 'soon' should be a clock of 32 lowercase hex digits or null"},
        {"a removal of no record",
         with("\"removals\": [", "\"removals\": [{\"uid\": \"x\"}], \"was\": ["),
         "removals[0].uid 'x' should be a record's uid"},
        {"rating out of range", with("\"value\": 9", "\"value\": 11"), "0-10"},
        {"impossible day", with("2026-11-03", "2026-02-30"), "not a day"},
        {"log of an unknown cue", with("\"cue_id\": 1", "\"cue_id\": 99"), "names no cue"},
        // What the commands refuse, import refuses too.
        {"log on a future day", with("\"day\": \"2026-11-03\"", "\"day\": \"2027-01-01\""),
         "logs[0].day 2027-01-01 is after today (2026-11-20)"},
        {"rating on a future day", with("\"day\": \"2026-11-19\"", "\"day\": \"2026-12-19\""),
         "is after today"},
        {"log before its cue", with("\"day\": \"2026-11-03\"", "\"day\": \"2026-11-01\""),
         "logs[0].day 2026-11-01 is before cue 1 was placed (2026-11-02)"},
        {"pause ending before it begins",
         with("\"until\": \"2026-11-16\"", "\"until\": \"2026-11-10\""),
         "cues[1].pauses[0].until 2026-11-10 is before its from 2026-11-12"},
        {"tag of two words", with("\"win\"", "\"two words\""),
         "tags holds 'two words'; a tag is one word"},
        {"NUL byte", with("first session", std::string("first\0session", 13)), "not a kint export"},
        {"escaped NUL", with("first session", "first\\u0000session"), "control character"},
        {"escaped terminal escape", with("first session", "\\u001b[2J"), "control character"},
        {"invalid UTF-8", with("first session", "caf\xc3 session"), "UTF-8"},
        {"1 MB of noise", std::string(1 << 20, '\x9c'), "not a kint export"},
        {"the CSV export", s.ok({"export", "--format", "csv"}).out,
         "it is kint's CSV export, which is for spreadsheets; import reads the JSON export"},
        {"deeply nested", std::string(100000, '['), "not a kint export"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto file = s.path("in.json");
        write_file(file, c.text);
        const Env fresh{{"KINT_DB", s.path("fresh/kint.db")}};
        const auto r = s.run({"import", file}, fresh);
        INFO("stderr: " << r.err);
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, c.message));
        CHECK(contains(r.err, "nothing was imported"));
        CHECK(mode_of(s.path("fresh")) == -1); // no store, not even its folder
        CHECK(read_file(file) == c.text);
    }
}

TEST_CASE("exchange: an export of version 1 (before per, measures, amounts and plans) imports") {
    Sandbox s;
    const auto file = s.path("v1.json");
    write_file(file, R"({
  "format": "kint-export", "version": 1,
  "focus": 1,
  "intentions": [{"id": 1, "text": "Be gentle", "group": null, "catalogue_id": null,
                  "created": "2026-11-02", "archived_on": null}],
  "cues": [{"id": 1, "intention_id": 1, "kind": "after", "trigger": "coffee", "at": "08:00",
            "days": "daily", "created": "2026-11-02", "status": "active", "archived_on": null,
            "steps": [{"day": "2026-11-02", "behavior": "three slow breaths", "note": null}],
            "pauses": []}],
  "logs": [{"cue_id": 1, "day": "2026-11-03", "status": "done", "note": "easy"}],
  "ratings": [], "journal": [], "sessions": []
})");
    s.ok({"import", file});
    const auto out = s.ok({"export"}).out;
    const auto doc = jsonlite::parse(out);
    CHECK(doc["version"].integer() == 3);
    CHECK(contains(out, R"("days": "daily",
      "per": null,
      "target": null,
      "unit": null,
      "at_most": false,)"));
    CHECK(contains(out, R"("note": null,
          "target": null,
          "unit": null,
          "at_most": false)"));
    CHECK(contains(out, R"("plans": [])"));
    CHECK(contains(out, R"("note": "easy",
      "amount": null)"));
    // And the new export reads back to the same bytes.
    write_file(file, out);
    s.ok({"import", file}, {{"KINT_DB", s.path("again.db")}});
    CHECK(s.ok({"export"}, {{"KINT_DB", s.path("again.db")}}).out == out);
}

TEST_CASE("exchange: a bad per, target, amount or plan is refused with exit 2, nothing written") {
    Sandbox s;
    seed(s);
    seed_new_kinds(s);
    const auto good = s.ok({"export"}).out;
    auto with = [&](std::string_view from, std::string_view to) {
        auto text = good;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    struct Case {
        std::string name, text, message;
    };
    const std::vector<Case> cases = {
        {"per of 8 a week", with(R"("per": "3/week")", R"("per": "8/week")"),
         "cues[0].per '8/week' should be N/week (N from 1 to 7), N/Md (M from 2 to 31, N from 1 "
         "to M) or null"},
        {"per of weeks", with(R"("per": "3/week")", R"("per": "3/weeks")"),
         "cues[0].per '3/weeks' should be"},
        {"per in 1 day", with(R"("per": "2/5d")", R"("per": "1/1d")"),
         "cues[1].plans[0].per '1/1d' should be"},
        {"per as a number", with(R"("per": "3/week")", R"("per": 3)"),
         "cues[0].per should be a string"},
        {"per on weekdays",
         with("\"days\": \"mon,wed,fri\",\n      \"per\": null",
              "\"days\": \"mon,wed,fri\",\n      \"per\": \"2/week\""),
         "cues[1].days is mon,wed,fri but per is set"},
        {"target 0", with(R"("target": 10,)", R"("target": 0,)"),
         "cues[3].steps[0].target 0 should be more than 0"},
        {"negative target", with(R"("target": 10,)", R"("target": -10,)"),
         "cues[3].steps[0].target -10 should be more than 0"},
        {"target rounding to 0", with(R"("target": 10,)", R"("target": 0.0001,)"),
         "cues[3].steps[0].target 0 should be more than 0"},
        {"target as text", with(R"("target": 10,)", R"("target": "10",)"),
         "cues[3].steps[0].target should be a number"},
        {"unit without target", with(R"("unit": null)", R"("unit": "min")"),
         "cues[0].unit is set but target is null"},
        {"at_most as text", with(R"("at_most": true)", R"("at_most": "yes")"),
         "cues[4].at_most should be true or false"},
        {"cue measure unlike its step's", with(R"("at_most": true)", R"("at_most": false)"),
         "cues[4].target, unit and at_most differ from its current step's (steps[0])"},
        {"negative amount", with(R"("amount": 12.5)", R"("amount": -1)"),
         "logs[3].amount -1 should be 0 or more"},
        {"amount as text", with(R"("amount": 12.5)", R"("amount": "12.5")"),
         "logs[3].amount should be a number"},
        {"plan before creation", with(R"("until": "2026-11-05")", R"("until": "2026-11-02")"),
         "cues[1].plans[0].until 2026-11-02 should be after the cue's created 2026-11-02"},
        {"plans out of order", with(R"("until": "2026-11-09")", R"("until": "2026-11-04")"),
         "cues[1].plans[1].until 2026-11-04 should be after the plan before, until 2026-11-05"},
        {"plan of an unknown kind",
         with(R"("kind": "after",
          "trigger": "dinner")",
              R"("kind": "whenever",
          "trigger": "dinner")"),
         "cues[1].plans[0].kind should be after, if, place or time"},
        {"plan without days", with(R"("days": "weekdays",)", R"("days": "someday",)"),
         "cues[1].plans[1].days should be daily"},
        {"plans not a list", with(R"("plans": [])", R"("plans": {})"),
         "cues[0].plans should be a list"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto file = s.path("in.json");
        write_file(file, c.text);
        const Env fresh{{"KINT_DB", s.path("fresh/kint.db")}};
        const auto r = s.run({"import", file}, fresh);
        INFO("stderr: " << r.err);
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, c.message));
        CHECK(contains(r.err, "nothing was imported"));
        CHECK(mode_of(s.path("fresh")) == -1);
    }
}

TEST_CASE("exchange: a store's own export imports into it as nothing new, and changes nothing") {
    Sandbox s;
    seed(s);
    const auto file = s.path("mine.json");
    s.ok({"export", "--out", file});
    const auto before = s.snapshot();
    const auto mine = jsonlite::parse(read_file(file).value_or(""));
    for (const auto* dry : {"--dry-run", ""}) {
        std::vector<std::string> args{"--json", "import", file};
        if (*dry) args.push_back(dry);
        const auto doc = jsonlite::parse(s.ok(args).out);
        CHECK(doc["added"]["logs"].integer() == 0);
        CHECK(doc["added"]["intentions"].integer() == 0);
        for (const auto* kind : {"intentions", "cues", "logs", "ratings", "journal", "sessions"}) {
            CAPTURE(kind);
            CHECK(doc["skipped"][kind].integer() == static_cast<long long>(mine[kind].size()));
        }
        CHECK(s.snapshot().listings == before.listings);
    }
    const auto text = s.ok({"import", file}).out;
    CHECK(text.starts_with("From a kint export: nothing new.\nAlready there, left as they were: "));
    // A file that is not there is a runtime failure, like a missing id.
    const auto missing = s.run({"import", s.path("missing.json")});
    CHECK(missing.code == 1);
    CHECK(contains(missing.err, "cannot read"));
    CHECK(s.snapshot() == before);
}

// Until the store keeps uids (schema v5) every uid here is null; the checks hold either way.
TEST_CASE("exchange: export --canonical has no store ids, is ordered, and is the same elsewhere") {
    Sandbox s;
    seed(s);
    seed_new_kinds(s);
    const auto text = s.ok({"export", "--canonical"}).out;
    const auto doc = jsonlite::parse(text);
    CHECK(doc["format"].str() == "kint-export");
    CHECK(doc["version"].integer() == 3);
    CHECK(doc["canonical"].boolean());
    CHECK(doc.keys() == std::vector<std::string>{"format", "version", "canonical", "intentions",
                                                 "cues", "logs", "ratings", "journal", "sessions",
                                                 "removals"});
    // No per-store numbers: records name each other by uid.
    CHECK_FALSE(contains(text, "\"id\":"));
    CHECK_FALSE(contains(text, "\"cue_id\":"));
    CHECK_FALSE(contains(text, "\"intention_id\":"));
    CHECK(doc["intentions"].size() == 2);
    CHECK(doc["cues"].size() == 5);
    CHECK(doc["logs"].size() == 11);
    CHECK(doc["cues"][0].keys()[0] == "uid");
    CHECK(doc["cues"][0].keys()[1] == "intention");
    CHECK(doc["logs"][0].keys()[0] == "cue");
    // The store gives every record its uid and clock (schema 5); a log names its cue's.
    const auto is_hex32 = [](const jsonlite::Value& v) {
        return !v.is_null() && v.str().size() == 32 &&
               v.str().find_first_not_of("0123456789abcdef") == std::string::npos;
    };
    std::vector<std::string> cue_uids;
    for (const auto* kind : {"intentions", "cues", "journal"})
        for (std::size_t i = 0; i < doc[kind].size(); ++i) {
            CAPTURE(kind);
            CHECK(is_hex32(doc[kind][i]["uid"]));
            CHECK(is_hex32(doc[kind][i]["hlc"]));
            if (std::string_view(kind) == "cues") cue_uids.push_back(doc[kind][i]["uid"].str());
        }
    for (std::size_t i = 0; i < doc["cues"].size(); ++i)
        for (std::size_t k = 0; k < doc["cues"][i]["steps"].size(); ++k)
            CHECK(is_hex32(doc["cues"][i]["steps"][k]["uid"]));
    for (const auto* kind : {"logs", "ratings", "sessions"})
        for (std::size_t i = 0; i < doc[kind].size(); ++i) {
            CAPTURE(kind);
            CHECK(is_hex32(doc[kind][i]["hlc"]));
        }
    for (std::size_t i = 0; i < doc["logs"].size(); ++i)
        CHECK(std::ranges::count(cue_uids, doc["logs"][i]["cue"].str()) == 1);
    // Ordered by uid; records named by their content by day (a rating's energy before its mood).
    const auto key = [](const jsonlite::Value& v) { return v.is_null() ? std::string() : v.str(); };
    for (const auto* kind : {"intentions", "cues", "journal"})
        for (std::size_t i = 1; i < doc[kind].size(); ++i) {
            CAPTURE(kind);
            CHECK(key(doc[kind][i - 1]["uid"]) <= key(doc[kind][i]["uid"]));
        }
    REQUIRE(doc["ratings"].size() == 18);
    CHECK(doc["ratings"][0]["day"].str() == "2026-11-11");
    CHECK(doc["ratings"][0]["kind"].str() == "energy");
    CHECK(doc["ratings"][1]["kind"].str() == "mood");
    CHECK(doc["ratings"][17]["day"].str() == "2026-11-19");
    CHECK(doc["sessions"][0]["day"].str() == "2026-11-01");
    CHECK(doc["sessions"][1]["day"].str() == "2026-11-15");
    // The same records in another store, through a plain export and import: the same bytes.
    const auto file = s.path("plain.json");
    s.ok({"export", "--out", file});
    const Env fresh{{"KINT_DB", s.path("other/kint.db")}};
    s.ok({"import", file}, fresh);
    CHECK(s.ok({"export", "--canonical"}, fresh).out == text);
    // --out, as the plain export; --json is the JSON either way.
    const auto out = s.path("canonical.json");
    s.ok({"export", "--canonical", "--out", out});
    CHECK(read_file(out) == text);
    CHECK(mode_of(out) == 0600);
    CHECK(s.ok({"--json", "export", "--canonical"}).out == text);
}

TEST_CASE("exchange: export --canonical is JSON only, and import refuses it") {
    Sandbox s;
    seed(s);
    for (const auto* format : {"csv", "ics"}) {
        CAPTURE(format);
        const auto r = s.run({"export", "--canonical", "--format", format});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == fmt::format("kint: --canonical is a form of the JSON export; leave out "
                                   "--format {} or --canonical\n",
                                   format));
    }
    const auto file = s.path("canonical.json");
    s.ok({"export", "--canonical", "--out", file});
    const auto before = s.snapshot();
    for (const auto& db : {std::string(), s.path("fresh/kint.db")}) {
        const Env env = db.empty() ? Env{} : Env{{"KINT_DB", db}};
        const auto r = s.run({"import", file}, env);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == fmt::format("kint: {} is a canonical export, for comparing stores; import "
                                   "reads a plain 'kint export'; nothing was imported\n",
                                   file));
    }
    CHECK(s.snapshot() == before);
    CHECK(mode_of(s.path("fresh")) == -1);
}
