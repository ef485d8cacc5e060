// The edges of issue 11: days outside 1900-01-01..9999-12-31, rows another tool wrote, import
// keeping the commands' rules, control characters on the way in and out, text spanning lines.
#include "harness.hpp"
#include "jsonlite.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <map>

using namespace kint::e2e;

namespace {

// Runs `args`, expects exit `code` with one error line holding `message`, and the store, config
// and listings exactly as before.
void refused(Sandbox& s, const std::vector<std::string>& args, int code, std::string_view message,
             const Env& extra = {}) {
    const auto before = s.snapshot(extra);
    const auto r = s.run(args, extra);
    INFO("stderr: " << r.err);
    CHECK(r.code == code);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, message));
    CHECK(s.snapshot(extra) == before);
}

// Runs SQL on the store with the sqlite3 shell, as another tool would.
void sql(const Sandbox& s, const std::string& statement) {
    const auto file = s.path("edit.sql");
    write_file(file, statement);
    const auto command = fmt::format("sqlite3 '{}' < '{}'", s.db(), file);
    REQUIRE(std::system(command.c_str()) == 0);
}

bool has_raw_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return true; // U+0080..U+009F
        }
        if (text.substr(i, 3) == "\xE2\x80\xAE") return true; // U+202E
    }
    return false;
}

} // namespace

TEST_CASE("edges: a derived day outside 1900-01-01..9999-12-31 is refused before any write") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"rate", "5"});
    refused(s, {"--today", "1950-01-01", "rate", "5", "--day", "-36600"}, 2,
            "'-36600' falls before 1900-01-01; kint keeps days from 1900-01-01 to 9999-12-31");
    refused(s, {"--today", "1900-01-01", "journal", "add", "x", "--day", "yesterday"}, 2,
            "'yesterday' falls before 1900-01-01");
    refused(s, {"--today", "1900-01-01", "session", "add", "yesterday"}, 2,
            "'yesterday' falls before 1900-01-01");
    refused(s, {"--today", "1900-01-01", "log", "1", "--day", "yesterday"}, 2, "falls before");
    refused(s, {"review", "--week", "9999-W52"}, 2, "--week '9999-W52' falls after 9999-12-31");
    refused(s, {"review", "--until", "1900-01-03"}, 2, "a week before --until falls before");
    // The first and last days themselves are kept.
    s.ok({"--today", "1900-01-02", "rate", "4", "--day", "yesterday"});
    CHECK(contains(s.ok({"rate", "list", "--json"}).out, quoted("1900-01-01")));
}

TEST_CASE("edges: a pause that would begin after 9999-12-31 is refused") {
    Sandbox s;
    const Env last{{"KINT_TODAY", "9999-12-31"}};
    s.ok({"intent", "add", "Rest"}, last);
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath"}, last);
    s.ok({"log", "1"}, last); // done today: the pause would begin tomorrow
    refused(s, {"cue", "pause", "1"}, 2, "a pause that begins tomorrow falls after 9999-12-31",
            last);
}

TEST_CASE("edges: rows another tool wrote with a bad day lock nobody out") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath"});
    s.ok({"rate", "6"});
    s.ok({"journal", "add", "kept"});
    // An older kint wrote days out of range; the sqlite3 shell wrote one that is no date at all.
    sql(s, "INSERT INTO rating (day, kind, value) VALUES ('1849-10-20', 'mood', 5);"
           "INSERT INTO rating (day, kind, value) VALUES ('2026-02-30', 'energy', 5);"
           "INSERT INTO journal (day, text) VALUES ('10000-01-01', 'far ahead');"
           "INSERT INTO log (cue_id, day, status) VALUES (1, '2026-13-45', 'done');");
    for (const std::vector<std::string> args : {std::vector<std::string>{"today"},
                                                {"rate", "list"},
                                                {"journal", "list"},
                                                {"log", "list"},
                                                {"cue", "list"},
                                                {"review"},
                                                {"report", "--since", "2026-01-01"}}) {
        CAPTURE(args.front());
        const auto r = s.run(args);
        CHECK(r.code == 0);
    }
    const auto r = s.run({"export"});
    CHECK(r.code == 0);
    // The rows that are days are exported as they are; the others are named and left out.
    CHECK(contains(r.out, quoted("1849-10-20")));
    CHECK(contains(r.out, quoted("10000-01-01")));
    CHECK(contains(r.out, quoted("kept")));
    CHECK_FALSE(contains(r.out, "2026-02-30"));
    CHECK(
        contains(r.err, "kint: left out a rating with the day '2026-02-30', which is not a date"));
    CHECK(contains(r.err, "a log entry with the day '2026-13-45'"));
    CHECK(count_of(r.err, "\n") == 2);
    CHECK(jsonlite::parse(r.out)["ratings"].size() == 2);
}

TEST_CASE("edges: C1 controls and bidi overrides are refused on input, naming the character") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    refused(s,
            {"intent", "add",
             "a\xc2\x9b"
             "2Jb"},
            2, "the intention holds a control character (U+009B, character 2); use plain text");
    refused(s,
            {"journal", "add",
             "x\xc2\x9d"
             "0;t\x07"},
            2, "U+009D, character 2");
    refused(s, {"intent", "add", "evil \xe2\x80\xae txt"}, 2, "U+202E, character 6");
    refused(s, {"intent", "add", "isolate \xe2\x81\xa6 x"}, 2, "U+2066");
    refused(s, {"rate", "5", "--note", "n\xc2\x85"}, 2,
            "the note holds a control character (U+0085");
    refused(s, {"cue", "add", "--after", "two\nlines", "--do", "x"}, 2,
            "the --after cue holds a line break (U+000A, character 4); keep it to one line");
}

TEST_CASE("edges: control characters a store or a config holds never reach the terminal") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath"});
    sql(s, "UPDATE intention SET text = 'Rest' || char(155) || '2J' || char(27) || "
           "'[31m now' || char(8238);"
           "UPDATE step SET behavior = 'one' || char(157) || '0;title' || char(7) || ' breath';");
    write_file(s.config(), "[safety]\nlow_mood_max = 3\nlow_mood_days = 1\n"
                           "contact = \"Clinic \\u001b]0;pwned\\u0007 555\"\n");
    s.ok({"rate", "1"});
    for (const std::vector<std::string> args : {std::vector<std::string>{"today"},
                                                {"intent", "list"},
                                                {"cue", "list"},
                                                {"review"},
                                                {"review", "--format", "markdown"},
                                                {"report"},
                                                {"report", "--format", "html"},
                                                {"rate", "1"},
                                                {"hook", "prompt"}}) {
        CAPTURE(args);
        const auto r = s.run(args);
        CHECK(r.code == 0);
        CHECK_FALSE(has_raw_control(r.out));
        CHECK_FALSE(has_raw_control(r.err));
    }
    CHECK(contains(s.ok({"today"}).out, "Rest\xef\xbf\xbd"
                                        "2J"));
    // JSON escapes them instead, so the data stays whole.
    const auto json = s.ok({"intent", "list", "--json"}).out;
    CHECK(contains(json, "Rest\\u009b2J\\u001b[31m now\\u202e"));
    CHECK_FALSE(has_raw_control(json));
}

TEST_CASE("edges: a multi-line note stays inside its entry in the text and markdown reviews") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"journal", "add", "first line\n# not a heading\n- not an item\n2. not a list\n> quoted",
          "--tag", "win", "--day", "-8"});
    const auto text = s.ok({"review"}).out;
    CHECK(contains(text, "first line\n              # not a heading\n              - not an item"));
    const auto md = s.ok({"review", "--format", "markdown"}).out;
    CHECK(contains(md, "first line\n  \\# not a heading\n  \\- not an item\n  2\\. not a list\n"
                       "  \\> quoted"));
}

TEST_CASE("edges: import keeps every rule the commands keep") {
    Sandbox s;
    const Env early{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "Rest"}, early);
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath"}, early);
    s.ok({"cue", "pause", "1"}, {{"KINT_TODAY", "2026-11-05"}});
    s.ok({"cue", "resume", "1"}, {{"KINT_TODAY", "2026-11-08"}}); // the pause ends on the 9th
    s.ok({"journal", "add", "kept", "--kind", "acceptance"});
    s.ok({"rate", "5", "--note", "fine"});
    const auto good = s.ok({"export"}).out;
    {
        // The export itself imports.
        const auto file = s.path("good.json");
        write_file(file, good);
        s.ok({"import", file}, {{"KINT_DB", s.path("copy/kint.db")}});
    }
    const auto with = [&](std::string_view from, std::string_view to) {
        std::string t = good;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    struct Case {
        std::string name, text, message;
    };
    const std::vector<Case> cases = {
        {"C1 control", with("\"Rest\"", "\"Rest\\u009b2J\""),
         "intentions[0].text holds a control character (U+009B, character 5)"},
        {"bidi override", with("\"coffee\"", "\"cof\\u202efee\""), "cues[0].trigger holds a"},
        {"newline in a trigger", with("\"coffee\"", "\"cof\\nfee\""),
         "cues[0].trigger holds a line break"},
        {"tab in a behavior", with("\"one breath\"", "\"one\\tbreath\""),
         "cues[0].steps[0].behavior holds a tab"},
        {"only spaces", with("\"Rest\"", "\"   \""), "intentions[0].text is empty"},
        {"over the limit", with("\"kept\"", quoted(std::string(70000, 'a'))),
         "journal[0].text is 70000 bytes long; keep it under 65536 bytes"},
        {"journal kind feeling", with("\"acceptance\"", "\"feeling\""),
         "journal[0].kind 'feeling' should be actionable, understanding or acceptance"},
        {"paused with no open pause", with("\"status\": \"active\"", "\"status\": \"paused\""),
         "cues[0].status is paused but no pause is open"},
        {"archived without archived_on", with("\"status\": \"active\"", "\"status\": \"archived\""),
         "cues[0].status is archived but archived_on is null"},
        {"archived_on before created",
         with("\"status\": \"active\",\n      \"archived_on\": null",
              "\"status\": \"archived\",\n      \"archived_on\": \"2026-11-01\""),
         "cues[0].archived_on 2026-11-01 is before its created 2026-11-02"},
        {"open pause on an active cue", with("\"until\": \"2026-11-09\"", "\"until\": null"),
         "cues[0].status is active but the last pause never ended"},
        {"step before its cue",
         with("\"day\": \"2026-11-02\",\n          \"behavior\"",
              "\"day\": \"2026-10-30\",\n          \"behavior\""),
         "cues[0].steps[0].day 2026-10-30 is before the cue's created 2026-11-02"},
        {"overlapping pauses",
         with("\"pauses\": [\n", "\"pauses\": [\n        {\"from\": \"2026-11-03\", \"until\": "
                                 "\"2026-11-06\"},\n"),
         "cues[0].pauses[1].from 2026-11-05 is before the end of the pause before, 2026-11-06"},
        {"duplicate key", with("\"value\": 5", "\"value\": 5, \"value\": 9"),
         "the key \"value\" is given twice in one object"},
        {"a day before 1900", with("\"created\": \"2026-11-02\"", "\"created\": \"1899-12-31\""),
         "not a day"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto file = s.path("in.json");
        write_file(file, c.text);
        const auto target = s.path("fresh/kint.db");
        const auto r = s.run({"import", file}, {{"KINT_DB", target}});
        INFO("stderr: " << r.err);
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, c.message));
        CHECK(mode_of(s.path("fresh")) == -1);
    }
}

TEST_CASE("edges: the README's JSON example imports (with the session id it needs)") {
    Sandbox s;
    const std::string example = R"({
  "format": "kint-export", "version": 1,
  "focus": 1,
  "intentions": [{"id": 1, "text": "...", "group": "anxiety", "catalogue_id": "anxiety.5",
                  "created": "2026-11-02", "archived_on": null}],
  "cues": [{"id": 1, "intention_id": 1, "kind": "after", "trigger": "coffee", "at": "08:00",
            "days": "daily", "created": "2026-11-02", "status": "active", "archived_on": null,
            "steps": [{"day": "2026-11-02", "behavior": "three slow breaths", "note": null}],
            "pauses": [{"from": "2026-11-12", "until": "2026-11-14"}]}],
  "logs": [{"cue_id": 1, "day": "2026-11-03", "status": "done", "note": "easy"}],
  "ratings": [{"day": "2026-11-03", "kind": "mood", "value": 6, "note": null}],
  "journal": [{"id": 1, "day": "2026-11-07", "text": "...", "tags": ["win"], "kind": null,
               "prompt": "quick.1"}],
  "sessions": [{"id": 1, "day": "2026-11-01", "note": "first session"}]
})";
    const auto file = s.path("example.json");
    write_file(file, example);
    s.ok({"import", file});
    CHECK(contains(s.ok({"cue", "list"}).out, "coffee"));
}

TEST_CASE("edges: rows with days past the four-digit years keep their clocks in an export") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath"});
    s.ok({"log", "1"});
    s.ok({"rate", "6"});
    // An older kint wrote days out of range: they sort otherwise as text than as days.
    sql(s, "INSERT INTO log (cue_id, day, status, hlc) VALUES (1, '10000-01-01', 'done', "
           "'clock-far'), (1, '1849-10-20', 'skip', 'clock-old'), (1, '2026-11-01', 'slip', "
           "'clock-mid');"
           "INSERT INTO rating (day, kind, value, hlc) VALUES ('10000-01-01', 'mood', 5, "
           "'clock-rfar'), ('2026-11-02', 'energy', 4, 'clock-rmid');"
           // Two rows that name one day (a five-digit year with a leading zero): each its own.
           "INSERT INTO log (cue_id, day, status, note, hlc) VALUES (1, '01849-10-20', 'slip', "
           "'alias', 'clock-alias'), (1, '1849-10-20', 'slip', 'canon', 'clock-canon');");
    const auto out = jsonlite::parse(s.ok({"export"}).out);
    std::map<std::string, std::string> clocks;
    for (const auto& e : out["logs"].items)
        clocks[e["day"].str() + " " + e["status"].str() +
               (e["note"].type == jsonlite::Value::Type::string ? " " + e["note"].str() : "")] =
            e["hlc"].str();
    for (const auto& r : out["ratings"].items)
        clocks[r["day"].str() + " " + r["kind"].str()] = r["hlc"].str();
    CHECK(clocks.at("1849-10-20 slip alias") == "clock-alias");
    CHECK(clocks.at("1849-10-20 slip canon") == "clock-canon");
    CHECK(clocks.at("10000-01-01 done") == "clock-far");
    CHECK(clocks.at("1849-10-20 skip") == "clock-old");
    CHECK(clocks.at("2026-11-01 slip") == "clock-mid");
    CHECK(clocks.at("10000-01-01 mood") == "clock-rfar");
    CHECK(clocks.at("2026-11-02 energy") == "clock-rmid");
    CHECK(clocks.at("2026-11-20 done").size() == 32);
    CHECK(clocks.at("2026-11-20 mood").size() == 32);
}
