// kint import --from loop: the real binary reads Loop Habit Tracker's backups of every database
// version and its CSV export (a zip, a zip with a folder inside, the folder, its Habits.csv); a
// second import adds nothing; --dry-run writes nothing; the store's own data stays; a bad file is
// exit 2 with one line naming it, and the store byte-identical.
#include "harness.hpp"
#include "jsonlite.hpp"

#include <fmt/format.h>

using namespace kint::e2e;

namespace {

const std::string fixtures = std::string(KINT_FIXTURES_DIR) + "/import/loop/";

// The fixtures are from early March 2024 (the backup holds one entry on 2024-03-11, "tomorrow"),
// as the unit tests read them.
Sandbox& in_march(Sandbox& s) {
    s.env["KINT_TODAY"] = "2024-03-10";
    return s;
}

std::vector<std::string> loop(const std::string& file, const std::vector<std::string>& extra = {}) {
    return import_from("loop", fixtures + file, extra);
}

// The first `n` lines of `text`.
std::string head(const std::string& text, std::size_t n) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n && pos != std::string::npos; ++i) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    return pos == std::string::npos ? text : text.substr(0, pos);
}

// `kint --json cue list --all`, one line a cue: what the import decides about each habit.
std::string cues(const Sandbox& s) {
    std::string out;
    for (const auto& c : jsonlite::parse(s.ok({"--json", "cue", "list", "--all"}).out).items) {
        out += fmt::format(
            "{} {} '{}' at={} per={} {} created={}", c["behavior"].str(), c["kind"].str(),
            c["trigger"].str(), c["at"].is_null() ? "-" : c["at"].str(),
            c["per"].is_null() ? "-" : c["per"].str(), c["status"].str(), c["created"].str());
        if (!c["target"].is_null())
            out += fmt::format(" target={}{} {}",
                               c["at_most"].boolean() ? "<=" : ">=", c["target"].num(),
                               c["unit"].str());
        out += "\n";
    }
    return out;
}

std::size_t log_lines(const Sandbox& s) {
    return jsonlite::parse(s.ok({"--json", "log", "list"}).out).size();
}

// The "added" counts of an import's --json summary, as one line.
std::string added(const jsonlite::Value& summary) {
    const auto& a = summary["added"];
    return fmt::format("intentions={} cues={} logs={} ratings={} journal={} sessions={}",
                       a["intentions"].integer(), a["cues"].integer(), a["logs"].integer(),
                       a["ratings"].integer(), a["journal"].integer(), a["sessions"].integer());
}

const std::string nothing_added = "intentions=0 cues=0 logs=0 ratings=0 journal=0 sessions=0";

// The current backup (version 25) as cues; the CSV export has no reminders, so its Meditate and
// Screen time are `after` cues with no time.
std::string current_cues(bool from_csv) {
    return std::string(from_csv ? "Meditate after '(no cue yet)' at=- per=- active "
                                  "created=2024-03-01\n"
                                : "Meditate time '07:30' at=07:30 per=- active "
                                  "created=2024-03-01\n") +
           "Run after '(no cue yet)' at=- per=3/7d archived created=2024-02-20\n"
           "Read after '(no cue yet)' at=- per=- active created=2024-03-01 target=>=20 pages\n" +
           (from_csv ? "Screen time after '(no cue yet)' at=- per=- active created=2024-03-01 "
                       "target=<=60 min\n"
                     : "Screen time time '22:00' at=22:00 per=- active created=2024-03-01 "
                       "target=<=60 min\n") +
           "Call mum after '(no cue yet)' at=- per=1/31d active created=2024-03-10\n";
}

const std::string current_summary =
    "From Loop Habit Tracker: 5 habits → 1 intention, 5 cues, 9 done days, 2 skips and 1 slip.\n"
    "Under the new intention #1 \"Habits from Loop Habit Tracker\"; rename it with: kint intent "
    "edit 1 \"…\"\n"
    "· 'Call mum' asks for once in 45 days in Loop; kint keeps windows of up to 31 days, so it is "
    "1/31d\n"
    "· Loop's habits have no cue: give each one with kint cue edit ID --trigger \"...\"\n";

} // namespace

TEST_CASE("import --from loop: the current backup, its summary, cues and logs") {
    Sandbox s;
    in_march(s);
    const auto r = s.ok(loop("backup-v25.db"));
    CHECK_EQ(head(r.out, 4), current_summary);
    CHECK(contains(r.out, "· 1 entry after today was left out\n"));
    CHECK(contains(r.out, "Into " + s.db() + ".\n"));
    CHECK_EQ(cues(s), current_cues(false));
    CHECK(log_lines(s) == 12);
    const auto logs = s.ok({"log", "list"}).out;
    CHECK(count_of(logs, " done ") == 9);
    CHECK(count_of(logs, " skip ") == 2);
    CHECK(count_of(logs, " slip ") == 1);
    CHECK(contains(logs, "2024-03-04  #3   done  Read  12.5 of 20 pages  — on the train\n"));
    CHECK(contains(logs, "2024-03-03  #4   done  Screen time  90 of at most 60 min  — a film\n"));
    CHECK_FALSE(contains(logs, "2024-03-11"));
    const auto intents = jsonlite::parse(s.ok({"--json", "intent", "list", "--all"}).out);
    REQUIRE(intents.size() == 1);
    CHECK(intents[0]["text"].str() == "Habits from Loop Habit Tracker");
}

TEST_CASE("import --from loop: the same backup again adds nothing") {
    Sandbox s;
    in_march(s);
    s.ok(loop("backup-v25.db"));
    const auto before = s.snapshot();
    const auto again = jsonlite::parse(s.ok(loop("backup-v25.db", {"--json"})).out);
    CHECK(again["source"].str() == "Loop Habit Tracker");
    CHECK(added(again) == nothing_added);
    CHECK(again["skipped"]["cues"].integer() == 5);
    CHECK(again["skipped"]["logs"].integer() == 12);
    CHECK(again["new_intentions"].size() == 0);
    CHECK(s.snapshot().listings == before.listings);
    const auto text = s.ok(loop("backup-v25.db")).out;
    CHECK_EQ(head(text, 2), "From Loop Habit Tracker: 5 habits → nothing new.\n"
                            "Already there, left as they were: 1 intention, 5 cues and 12 log "
                            "entries.\n");
    CHECK(s.snapshot().listings == before.listings);
}

TEST_CASE("import --from loop: every backup version") {
    struct Case {
        std::string file, first_line, cues;
        std::size_t logs;
    };
    const std::vector<Case> cases{
        {"backup-v15.db",
         "From Loop Habit Tracker: 2 habits → 1 intention, 2 cues and 5 done days.\n",
         "Floss time '21:05' at=21:05 per=- active created=2024-03-01\n"
         "Gym after '(no cue yet)' at=- per=2/7d active created=2024-02-27\n",
         5},
        {"backup-v18.db",
         "From Loop Habit Tracker: 2 habits → 1 intention, 2 cues and 4 done days.\n",
         "Water after '(no cue yet)' at=- per=- active created=2024-03-05 target=>=8 glasses\n"
         "Stretch time '08:00' at=08:00 per=- archived created=2024-03-01\n",
         4},
        {"backup-v24.db",
         "From Loop Habit Tracker: 2 habits → 1 intention, 2 cues, 2 done days, 1 skip and 1 "
         "slip.\n",
         "Journal after '(no cue yet)' at=- per=- active created=2024-03-01\n"
         "Call a friend after '(no cue yet)' at=- per=4/30d active created=2024-02-10\n",
         4},
        // One habit: "1 habit", not "1 habits".
        {"backup-v26.db", "From Loop Habit Tracker: 1 habit → 1 intention, 1 cue and 1 done day.\n",
         "Make the bed after '(no cue yet)' at=- per=- active created=2024-03-09\n", 1},
        {"csv-v1", "From Loop Habit Tracker: 2 habits → 1 intention, 2 cues and 5 done days.\n",
         "Floss after '(no cue yet)' at=- per=- active created=2024-03-01\n"
         "Gym after '(no cue yet)' at=- per=2/7d active created=2024-02-27\n",
         5},
    };
    for (const auto& c : cases) {
        CAPTURE(c.file);
        Sandbox s;
        in_march(s);
        CHECK_EQ(head(s.ok(loop(c.file)).out, 1), c.first_line);
        CHECK_EQ(cues(s), c.cues);
        CHECK(log_lines(s) == c.logs);
        const auto before = s.snapshot();
        CHECK(added(jsonlite::parse(s.ok(loop(c.file, {"--json"})).out)) == nothing_added);
        CHECK(s.snapshot().listings == before.listings);
    }
}

TEST_CASE("import --from loop: the CSV export, zipped, zipped in a folder, unpacked") {
    for (const std::string file :
         {"Loop Habits CSV 2024-03-10.zip", "in-a-folder.zip", "csv", "csv/Habits.csv"}) {
        CAPTURE(file);
        Sandbox s;
        in_march(s);
        CHECK_EQ(head(s.ok(loop(file)).out, 4), current_summary);
        CHECK_EQ(cues(s), current_cues(true));
        CHECK(log_lines(s) == 12);
        const auto before = s.snapshot();
        CHECK(added(jsonlite::parse(s.ok(loop(file, {"--json"})).out)) == nothing_added);
        CHECK(s.snapshot().listings == before.listings);
    }
}

TEST_CASE("import --from loop: the backup and the CSV export of the same habits are the same "
          "records, but for the reminders") {
    Sandbox backup, csv;
    in_march(backup);
    in_march(csv);
    backup.ok(loop("backup-v25.db"));
    csv.ok(loop("Loop Habits CSV 2024-03-10.zip"));
    // Every log is the same, note and amount included.
    CHECK_EQ(backup.ok({"--json", "log", "list"}).out, csv.ok({"--json", "log", "list"}).out);
    CHECK_EQ(backup.ok({"--json", "intent", "list", "--all"}).out,
             csv.ok({"--json", "intent", "list", "--all"}).out);
    // The cues differ only where the backup has a reminder time and the export has none.
    CHECK_EQ(cues(backup), current_cues(false));
    CHECK_EQ(cues(csv), current_cues(true));

    // The export after the backup adds nothing: a habit still waiting for its cue is the same
    // habit as the timed one of the same name (the export has no reminders).
    const auto r = jsonlite::parse(backup.ok(loop("csv", {"--json"})).out);
    CHECK(added(r) == "intentions=0 cues=0 logs=0 ratings=0 journal=0 sessions=0");
    CHECK(r["skipped"]["cues"].integer() == 5);
    CHECK(r["skipped"]["logs"].integer() == 12);
}

TEST_CASE("import --from loop: a cue given its trigger since the import is still the same cue") {
    Sandbox s;
    in_march(s);
    s.ok(loop("backup-v25.db"));
    const auto cues = jsonlite::parse(s.ok({"--json", "cue", "list", "--all"}).out);
    REQUIRE(cues.size() == 5);
    // Every habit gets a trigger of its own, the way the import's note suggests (a day later,
    // so the old plan is kept).
    for (std::size_t i = 0; i < cues.size(); ++i) {
        const auto id = std::to_string(cues[i]["id"].integer());
        if (cues[i]["kind"].str() == "time" || cues[i]["status"].str() == "archived") continue;
        s.ok({"cue", "edit", id, "--kind", "after", "--trigger", "I sit down " + id},
             {{"KINT_TODAY", "2024-03-11"}});
    }
    const auto again = jsonlite::parse(
        s.ok(loop("backup-v25.db", {"--json"}), {{"KINT_TODAY", "2024-03-11"}}).out);
    // Only the entry of 2024-03-11 is new: it was after the first import's today.
    CHECK(added(again) == "intentions=0 cues=0 logs=1 ratings=0 journal=0 sessions=0");
    CHECK(again["skipped"]["cues"].integer() == 5);
}

TEST_CASE("import --from loop --dry-run: writes nothing and counts what the import adds") {
    Sandbox s;
    in_march(s);
    s.ok({"rate", "6", "--day", "2024-03-01"});
    const auto before = s.snapshot();
    const auto dry = s.ok(loop("backup-v25.db", {"--dry-run"})).out;
    CHECK_EQ(head(dry, 1), "From Loop Habit Tracker: 5 habits → would add 1 intention, 5 cues, 9 "
                           "done days, 2 skips and 1 slip.\n");
    CHECK(dry.ends_with("Nothing was written (--dry-run).\n"));
    CHECK(s.snapshot() == before);
    const auto dry_json = jsonlite::parse(s.ok(loop("backup-v25.db", {"--dry-run", "--json"})).out);
    CHECK(dry_json["dry_run"].boolean());
    CHECK(s.snapshot() == before);
    const auto real = jsonlite::parse(s.ok(loop("backup-v25.db", {"--json"})).out);
    CHECK_FALSE(real["dry_run"].boolean());
    CHECK(added(dry_json) == added(real));
    CHECK(dry_json["logs_added"] == real["logs_added"]);
    CHECK(dry_json["new_intentions"] == real["new_intentions"]);
    CHECK(added(real) == "intentions=1 cues=5 logs=12 ratings=0 journal=0 sessions=0");
    // A dry run over a store that has it all: nothing would be added.
    const auto after = s.snapshot();
    const auto dry_again = jsonlite::parse(s.ok(loop("csv", {"--dry-run", "--json"})).out);
    CHECK(added(dry_again) == "intentions=0 cues=0 logs=0 ratings=0 journal=0 sessions=0");
    CHECK(s.snapshot() == after);
}

TEST_CASE("import --from loop: into a store with data of its own, that data stays") {
    Sandbox s;
    in_march(s);
    s.ok({"intent", "add", "I am open to calmer mornings"});
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "Meditate"});
    s.ok({"log", "1", "--day", "2024-03-10"});
    s.ok({"rate", "6", "--day", "2024-03-01", "--note", "my own"});
    s.ok({"journal", "add", "already here"});
    const auto own_cue = jsonlite::parse(s.ok({"--json", "cue", "list", "--all"}).out)[0];
    const auto own_rates = s.ok({"--json", "rate", "list"}).out;
    const auto own_journal = s.ok({"--json", "journal", "list"}).out;

    const auto r = jsonlite::parse(s.ok(loop("backup-v25.db", {"--json"})).out);
    // Its own Meditate (after coffee) is another cue than Loop's (at 07:30).
    CHECK(added(r) == "intentions=1 cues=5 logs=12 ratings=0 journal=0 sessions=0");
    REQUIRE(r["new_intentions"].size() == 1);
    CHECK(r["new_intentions"][0]["id"].integer() == 2);

    const auto all = jsonlite::parse(s.ok({"--json", "cue", "list", "--all"}).out);
    REQUIRE(all.size() == 6);
    CHECK(all[0] == own_cue);
    for (std::size_t i = 1; i < all.size(); ++i)
        CHECK(all[i]["intention_id"].integer() == 2);
    CHECK_EQ(s.ok({"--json", "rate", "list"}).out, own_rates);
    CHECK_EQ(s.ok({"--json", "journal", "list"}).out, own_journal);
    CHECK(log_lines(s) == 13);
    CHECK(contains(s.ok({"log", "list"}).out, "2024-03-10  #1   done  Meditate\n"));
    const auto intents = jsonlite::parse(s.ok({"--json", "intent", "list", "--all"}).out);
    REQUIRE(intents.size() == 2);
    CHECK(intents[0]["text"].str() == "I am open to calmer mornings");
}

TEST_CASE("import --from loop: bad files change nothing") {
    Sandbox s;
    in_march(s);
    s.ok({"journal", "add", "already here"});
    s.ok({"rate", "6"});
    const auto before = s.snapshot();
    struct Case {
        std::string file, message;
    };
    const std::vector<Case> cases{
        {"bad/truncated.db", "bad/truncated.db: its table 'Repetitions' cannot be read; the file "
                             "may be cut short or damaged"},
        {"bad/newer.db", "bad/newer.db: it is a Loop backup of database version 27; kint reads "
                         "versions up to 26"},
        {"bad/not-loop.db", "bad/not-loop.db: it has no table 'Repetitions'; it is not a backup "
                            "of Loop Habit Tracker"},
        {"bad/unreadable.zip", "bad/unreadable.zip: its table of contents cannot be found; it is "
                               "not a zip file that can be read"},
        {"bad/missing-column", "bad/missing-column/Habits.csv: it has no column 'Interval'"},
        {"bad/latin1", "bad/latin1/Habits.csv: it is not UTF-8 text"},
        {"make.sh", "make.sh: it is neither a Loop backup (an SQLite .db file) nor Loop's CSV "
                    "export (a zip, or its folder)"},
    };
    for (const auto& c : cases) {
        for (const bool dry : {false, true}) {
            CAPTURE(c.file);
            CAPTURE(dry);
            const auto r = s.run(loop(c.file, dry ? std::vector<std::string>{"--dry-run"}
                                                  : std::vector<std::string>{}));
            CAPTURE(r.err);
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, fixtures + c.message + "; nothing was imported\n"));
            CHECK(s.snapshot() == before);
        }
    }
}

TEST_CASE("import --from loop: a bad file before there is a store makes none") {
    Sandbox s;
    in_march(s);
    const auto before = s.snapshot();
    REQUIRE_FALSE(before.store);
    const auto r = s.run(loop("bad/truncated.db"));
    CHECK(r.code == 2);
    CHECK(is_error_line(r.err));
    CHECK(s.snapshot() == before);
}
