// kint import --from daylio: the real binary reads Daylio's CSV exports into mood ratings (a day's
// rating the mean of its moods, rounded half up) and journal entries with the activities as tags;
// --mood gives a mood its number; a rating the store already has is kept and reported; bad files
// and bad --mood values are exit 2 with one line, and the store byte-identical.
#include "harness.hpp"
#include "jsonlite.hpp"

#include <fmt/format.h>

using namespace kint::e2e;

namespace {

const std::string fixtures = std::string(KINT_FIXTURES_DIR) + "/import/daylio/";

// The fixtures go up to 2026-11-30, after the sandbox's today (2026-11-20).
Sandbox& in_december(Sandbox& s) {
    s.env["KINT_TODAY"] = "2026-12-02";
    return s;
}

std::vector<std::string> daylio(const std::string& file,
                                const std::vector<std::string>& extra = {}) {
    return import_from("daylio", fixtures + file, extra);
}

// `kint --json rate list` as "DAY VALUE NOTE" lines.
std::string ratings(const Sandbox& s) {
    std::string out;
    for (const auto& r : jsonlite::parse(s.ok({"--json", "rate", "list"}).out).items)
        out += fmt::format("{} {} {} {}\n", r["day"].str(), r["kind"].str(), r["value"].integer(),
                           r["note"].is_null() ? "-" : r["note"].str());
    return out;
}

// `kint --json journal list` as "DAY [TAGS] TEXT" lines.
std::string journal(const Sandbox& s) {
    std::string out;
    for (const auto& e : jsonlite::parse(s.ok({"--json", "journal", "list"}).out).items) {
        std::string tags;
        for (const auto& t : e["tags"].items)
            tags += (tags.empty() ? "" : ",") + t.str();
        out += fmt::format("{} [{}] {}\n", e["day"].str(), tags, e["text"].str());
    }
    return out;
}

std::string added(const jsonlite::Value& summary) {
    const auto& a = summary["added"];
    return fmt::format("intentions={} cues={} logs={} ratings={} journal={} sessions={}",
                       a["intentions"].integer(), a["cues"].integer(), a["logs"].integer(),
                       a["ratings"].integer(), a["journal"].integer(), a["sessions"].integer());
}

const std::string nothing_added = "intentions=0 cues=0 logs=0 ratings=0 journal=0 sessions=0";

const std::string export_ratings = "2026-11-25 mood 7 good\n"
                                   "2026-11-26 mood 1 awful\n"
                                   "2026-11-27 mood 3 bad\n"
                                   "2026-11-28 mood 7 good, good\n"
                                   "2026-11-29 mood 6 meh, bad, rad\n";

const std::string export_journal =
    "2026-11-25 [sport] Ran 5 km\n- warm-up\n- intervals\n"
    "2026-11-27 [work,stressed-frustrated] Hard day\n\nactivities: Caf\u00e9 \u2615\n"
    "2026-11-28 [friends,party] good at 00:05\n"
    "2026-11-28 [] Long walk by the river.\nCold, but clear.\n"
    "2026-11-29 [bad-sleep] meh at 08:15\n"
    "2026-11-29 [family,movies-tv,good-meal] Sunday, finally\n\nWe watched \"Paddington 2\", "
    "again.\nBest film \U0001F43B\n";

} // namespace

TEST_CASE("import --from daylio: the export, its summary, ratings and journal") {
    Sandbox s;
    in_december(s);
    const auto r = s.ok(daylio("export.csv"));
    CHECK(r.out.starts_with(
        "From Daylio: 8 entries → 5 ratings and 6 journal entries.\n"
        "· Daylio's moods became mood ratings from 0 to 10: rad=9, good=7, meh=5, bad=3, "
        "awful=1; give another number with --mood LABEL=N\n"
        "· 2 days had several entries; each such day's rating is the mean of its moods, rounded "
        "half up\n"));
    CHECK(r.out.ends_with("Into " + s.db() + ".\n"));
    CHECK_EQ(ratings(s), export_ratings);
    CHECK_EQ(journal(s), export_journal);
    // Daylio makes no intentions, cues or logs.
    CHECK(jsonlite::parse(s.ok({"--json", "cue", "list", "--all"}).out).size() == 0);
    CHECK(jsonlite::parse(s.ok({"--json", "intent", "list", "--all"}).out).size() == 0);

    const auto before = s.snapshot();
    const auto again = jsonlite::parse(s.ok(daylio("export.csv", {"--json"})).out);
    CHECK(again["source"].str() == "Daylio");
    CHECK(added(again) == nothing_added);
    CHECK(again["skipped"]["ratings"].integer() == 5);
    CHECK(again["skipped"]["journal"].integer() == 6);
    CHECK(again["conflicts"].size() == 0);
    CHECK(s.snapshot().listings == before.listings);
    CHECK(s.ok(daylio("export.csv")).out.starts_with("From Daylio: 8 entries → nothing new.\n"));
}

TEST_CASE("import --from daylio: the older export and the one with scales") {
    Sandbox s;
    in_december(s);
    s.ok(daylio("older_24h.csv",
                {"--mood", "happy=8", "--mood", " ok but SLEEPY =4", "--mood", "Anxious=3"}));
    // 10-11: 4, 4, 3 = 3.67 -> 4; 10-12: 7 and 8 = 7.5 -> 8 (half up).
    CHECK_EQ(ratings(s), "2026-10-10 mood 7 good\n"
                         "2026-10-11 mood 4 ok but sleepy, ok but sleepy, anxious\n"
                         "2026-10-12 mood 8 good, happy\n");
    s.ok(daylio("scales.csv"));
    CHECK(contains(ratings(s), "2026-11-30 mood 7 meh, rad\n"));
    CHECK_EQ(journal(s), "2026-10-10 [reading] Chapter 3 \u2014 \"The Sea\"\n"
                         "2026-10-11 [sleeping] ok but sleepy at 07:31\n"
                         "2026-10-12 [work,coffee] good at 15:40\n"
                         "2026-10-12 [work] Shipped it, finally.\n"
                         "2026-11-30 [reading] meh at 08:50\n"
                         "2026-11-30 [] Slept well & woke early.\n");
}

TEST_CASE("import --from daylio --mood: the numbers change the ratings") {
    Sandbox s;
    in_december(s);
    const auto r = s.ok(daylio("export.csv", {"--mood", "good=10", "--mood", "Awful=0", "--mood",
                                              "meh=4", "--mood", "good=9"}));
    CHECK(contains(r.out, "ratings from 0 to 10: good=9, rad=9, meh=4, bad=3, awful=0;"));
    // The last --mood for a label wins; 11-29: 4 + 3 + 9 = 5.33 -> 5.
    CHECK_EQ(ratings(s), "2026-11-25 mood 9 good\n"
                         "2026-11-26 mood 0 awful\n"
                         "2026-11-27 mood 3 bad\n"
                         "2026-11-28 mood 9 good, good\n"
                         "2026-11-29 mood 5 meh, bad, rad\n");
}

TEST_CASE("import --from daylio --dry-run: writes nothing, counts what the import adds") {
    Sandbox s;
    in_december(s);
    s.ok({"journal", "add", "already here"});
    const auto before = s.snapshot();
    const auto dry = jsonlite::parse(s.ok(daylio("export.csv", {"--dry-run", "--json"})).out);
    CHECK(dry["dry_run"].boolean());
    CHECK(s.snapshot() == before);
    CHECK(s.ok(daylio("export.csv", {"--dry-run"}))
              .out.ends_with("Nothing was written "
                             "(--dry-run).\n"));
    CHECK(s.snapshot() == before);
    const auto real = jsonlite::parse(s.ok(daylio("export.csv", {"--json"})).out);
    CHECK(added(dry) == added(real));
    CHECK(added(real) == "intentions=0 cues=0 logs=0 ratings=5 journal=6 sessions=0");
}

TEST_CASE("import --from daylio: a rating the store has is kept, and said so") {
    Sandbox s;
    in_december(s);
    s.ok({"rate", "4", "--day", "2026-11-29", "--note", "my own"});
    s.ok({"rate", "7", "--day", "2026-11-28"}); // the same number as Daylio's: no conflict
    s.ok({"rate", "2", "--kind", "energy", "--day", "2026-11-27"});
    const auto dry = jsonlite::parse(s.ok(daylio("export.csv", {"--dry-run", "--json"})).out);
    const auto r = s.ok(daylio("export.csv"));
    CHECK(contains(r.out, "From Daylio: 8 entries → 3 ratings and 6 journal entries.\n"
                          "Already there, left as they were: 2 ratings.\n"
                          "The mood on 2026-11-29 stays 4 as it is here (the file says 6).\n"
                          "· Daylio's moods"));
    CHECK_FALSE(contains(r.out, "2026-11-28 stays"));
    CHECK_EQ(ratings(s), "2026-11-25 mood 7 good\n"
                         "2026-11-26 mood 1 awful\n"
                         "2026-11-27 mood 3 bad\n"
                         "2026-11-27 energy 2 -\n"
                         "2026-11-28 mood 7 -\n"
                         "2026-11-29 mood 4 my own\n");
    REQUIRE(dry["conflicts"].size() == 1);
    const auto& c = dry["conflicts"][0];
    CHECK(c["day"].str() == "2026-11-29");
    CHECK(c["kind"].str() == "mood");
    CHECK(c["kept"].integer() == 4);
    CHECK(c["offered"].integer() == 6);
    // Again: the conflict stays, and is said again.
    const auto again = jsonlite::parse(s.ok(daylio("export.csv", {"--json"})).out);
    CHECK(added(again) == nothing_added);
    CHECK(again["conflicts"] == dry["conflicts"]);
}

TEST_CASE("import --from daylio: moods without a number name every one, and nothing is written") {
    Sandbox s;
    in_december(s);
    s.ok({"rate", "6"});
    const auto before = s.snapshot();
    auto r = s.run(daylio("unknown_labels.csv"));
    CAPTURE(r.err);
    CHECK(r.code == 2);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, fixtures + "unknown_labels.csv: 3 moods have no number: 'ecstatic' "
                                     "(line 2), 'numb' (line 6), 'so-so' (line 3); give each one "
                                     "a number with --mood LABEL=N (N from 0 to 10); nothing was "
                                     "imported\n"));
    CHECK(s.snapshot() == before);
    r = s.run(daylio("unknown_labels.csv", {"--mood", "ecstatic=10"}));
    CHECK(r.code == 2);
    CHECK(contains(r.err, "2 moods have no number: 'numb' (line 6), 'so-so' (line 3);"));
    CHECK(s.snapshot() == before);
    s.ok(daylio("unknown_labels.csv",
                {"--mood", "ecstatic=10", "--mood", "NUMB=2", "--mood", "so-so=4"}));
    // 11-29: 10 and 4 = 7; 11-28: meh 5 and 10 = 7.5 -> 8 (the moods in the note by time).
    CHECK(contains(ratings(s), "2026-11-27 mood 2 numb\n"
                               "2026-11-28 mood 8 meh, ecstatic\n"
                               "2026-11-29 mood 7 so-so, ecstatic\n"));
}

TEST_CASE("import --mood: only with --from daylio, and only LABEL=N with N from 0 to 10") {
    Sandbox s;
    in_december(s);
    s.ok({"journal", "add", "already here"});
    const auto before = s.snapshot();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::string loop_backup = std::string(KINT_FIXTURES_DIR) + "/import/loop/backup-v25.db";
    const std::vector<Case> cases{
        {{"import", "--from", "loop", loop_backup, "--mood", "rad=10"},
         "--mood is for Daylio's moods; give it with --from daylio"},
        {{"import", "--from", "jrnl", fixtures + "export.csv", "--mood", "rad=10"},
         "--mood is for Daylio's moods; give it with --from daylio"},
        {{"import", fixtures + "export.csv", "--mood", "rad=10"},
         "--mood is for Daylio's moods; give it with --from daylio"},
        {daylio("export.csv", {"--mood", "rad=11"}),
         "--mood 'rad=11' should be LABEL=N with N from 0 to 10"},
        {daylio("export.csv", {"--mood", "=5"}),
         "--mood '=5' should be LABEL=N with N from 0 to 10"},
        {daylio("export.csv", {"--mood", "rad"}),
         "--mood 'rad' should be LABEL=N with N from 0 to 10"},
        {daylio("export.csv", {"--mood", "good=7", "--mood", "rad=-1"}),
         "--mood 'rad=-1' should be LABEL=N with N from 0 to 10"},
        {daylio("export.csv", {"--mood", "rad=3.5", "--dry-run"}),
         "--mood 'rad=3.5' should be LABEL=N with N from 0 to 10"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message);
        const auto r = s.run(c.args);
        CAPTURE(r.err);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, c.message));
        CHECK(s.snapshot() == before);
    }
}

TEST_CASE("import --from daylio: bad files change nothing") {
    Sandbox s;
    in_december(s);
    s.ok({"journal", "add", "already here"});
    s.ok({"rate", "6", "--day", "2026-11-29"});
    write_file(s.path("empty.csv"), "");
    write_file(s.path("after.csv"), "full_date,date,weekday,time,mood,activities,note_title,note\n"
                                    "2026-12-03,x,y,9:00,good,\"\",\"\",\"\"\n");
    const auto before = s.snapshot();
    struct Case {
        std::string file, message;
    };
    const std::vector<Case> cases{
        {fixtures + "missing_column.csv", fixtures + "missing_column.csv: it has no column 'mood'"},
        {fixtures + "not_utf8.csv", fixtures + "not_utf8.csv: it is not UTF-8 text"},
        {fixtures + "bad_date.csv",
         fixtures + "bad_date.csv: line 4: full_date '2026-02-30' is not a day like 2026-11-30"},
        {s.path("empty.csv"), s.path("empty.csv") + ": it is empty"},
        {s.path("after.csv"),
         s.path("after.csv") + ": line 2: 2026-12-03 is after today (2026-12-02)"},
    };
    for (const auto& c : cases) {
        for (const bool dry : {false, true}) {
            CAPTURE(c.file);
            CAPTURE(dry);
            std::vector<std::string> args{"import", "--from", "daylio", c.file};
            if (dry) args.push_back("--dry-run");
            const auto r = s.run(args);
            CAPTURE(r.err);
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, c.message + "; nothing was imported\n"));
            CHECK(s.snapshot() == before);
        }
    }
}
