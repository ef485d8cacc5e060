// Loop Habit Tracker's backups of every schema version and its CSV export (zip and folder), read
// into kint's records: golden expectations on every record, and the bad files.
#include "kint/core/error.hpp"
#include "kint/domain/loop.hpp"
#include "kint/domain/validate.hpp"
#include "kint/foreign/loop.hpp"

#include "test_day.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string>

using namespace kint;
namespace fs = std::filesystem;

namespace {

// Each record on its own line, so that a golden comparison that differs shows where.
std::string lines(const std::vector<std::string>& records) {
    std::string s;
    for (const auto& r : records)
        s += "\n" + r;
    return s;
}

const std::string dir = std::string(KINT_FIXTURES_DIR) + "/import/loop/";
const Day today = kint::test::D("2024-03-10");

std::string describe(const LogEntry& l) {
    std::string s = fmt::format("{} {} {}", l.cue_id, format_day(l.day), to_string(l.status));
    if (l.amount) s += fmt::format(" amount={}", *l.amount);
    if (l.note) s += fmt::format(" note={}", *l.note);
    return s;
}

std::string describe(const Cue& c) {
    const auto& step = c.steps.front();
    std::string s = fmt::format("{} {} '{}' {} created={} {}", c.id, to_string(c.kind), c.trigger,
                                c.per ? format_per(*c.per) : std::string("daily"),
                                format_day(c.created), to_string(c.status));
    if (c.archived_on) s += " archived_on=" + format_day(*c.archived_on);
    s += fmt::format(" behavior='{}' step_day={}", step.behavior, format_day(step.day));
    if (step.note) s += fmt::format(" note='{}'", *step.note);
    if (step.measure)
        s += fmt::format(" target={}{} {}",
                         step.measure->at_most ? "<=" : ">=", step.measure->target,
                         step.measure->unit);
    return s;
}

std::vector<std::string> cues(const foreign::Source& s) {
    std::vector<std::string> out;
    for (const auto& c : s.records.cues)
        out.push_back(describe(c));
    return out;
}
std::vector<std::string> logs(const foreign::Source& s) {
    std::vector<std::string> out;
    for (const auto& l : s.records.logs)
        out.push_back(describe(l));
    return out;
}

void check_common(const foreign::Source& s) {
    CHECK(s.tracker == "Loop Habit Tracker");
    CHECK(s.things_word == "habits");
    REQUIRE(s.records.intentions.size() == 1);
    CHECK(s.records.intentions[0].id == 1);
    CHECK(s.records.intentions[0].text == "Habits from Loop Habit Tracker");
    for (const auto& c : s.records.cues)
        CHECK(c.intention_id == 1);
    CHECK_FALSE(validate::snapshot_problem(s.records));
    // The summary names the new intention and how to rename it; no note repeats that.
    for (const auto& n : s.notes)
        CHECK(n.find("rename") == std::string::npos);
}

// The rich fixture: the current backup (version 25) and the CSV export hold the same habits.
void check_current(const foreign::Source& s, bool from_csv) {
    check_common(s);
    CHECK(s.things == 5);
    CHECK(s.records.intentions[0].created == kint::test::D("2024-02-20"));
    // The CSV export has no reminders.
    const std::vector<std::string> expected_cues{
        from_csv ? "1 after '(no cue yet)' daily created=2024-03-01 active behavior='Meditate' "
                   "step_day=2024-03-01 note='Did you meditate this morning?\nTen minutes, on the "
                   "cushion'"
                 : "1 time '07:30' daily created=2024-03-01 active behavior='Meditate' "
                   "step_day=2024-03-01 note='Did you meditate this morning?\nTen minutes, on the "
                   "cushion'",
        "2 after '(no cue yet)' 3/7d created=2024-02-20 archived archived_on=2024-02-24 "
        "behavior='Run' step_day=2024-02-20 note='Did you run?'",
        "3 after '(no cue yet)' daily created=2024-03-01 active behavior='Read' "
        "step_day=2024-03-01 note='How many pages did you read?' target=>=20 pages",
        from_csv ? "4 after '(no cue yet)' daily created=2024-03-01 active behavior='Screen time' "
                   "step_day=2024-03-01 target=<=60 min"
                 : "4 time '22:00' daily created=2024-03-01 active behavior='Screen time' "
                   "step_day=2024-03-01 target=<=60 min",
        "5 after '(no cue yet)' 1/31d created=2024-03-10 active behavior='Call mum' "
        "step_day=2024-03-10",
    };
    CHECK_EQ(lines(cues(s)), lines(expected_cues));
    const std::vector<std::string> expected_logs{
        "1 2024-03-01 done note=felt calm",
        "1 2024-03-02 skip",
        "1 2024-03-03 slip note=overslept",
        "1 2024-03-06 done",
        "2 2024-02-20 done",
        "2 2024-02-22 done",
        "3 2024-03-01 done amount=25",
        "3 2024-03-03 skip",
        "3 2024-03-04 done amount=12.5 note=on the train",
        "4 2024-03-01 done amount=45",
        "4 2024-03-02 done amount=0",
        "4 2024-03-03 done amount=90 note=a film",
    };
    CHECK_EQ(lines(logs(s)), lines(expected_logs));
    const std::vector<std::string> expected_notes{
        "'Call mum' asks for once in 45 days in Loop; kint keeps windows of up to 31 days, so it "
        "is 1/31d",
        "Loop's habits have no cue: give each one with kint cue edit ID --trigger \"...\"",
        "2 days Loop checked by itself (its frequency allowed a rest) were left out: kint's N/Md "
        "schedules count them the same way",
        "1 note on days without a check or a skip was left out",
        "1 entry after today was left out",
    };
    CHECK_EQ(lines(s.notes), lines(expected_notes));
}

std::string message_of(const std::string& path) {
    try {
        (void)foreign::read_loop(path, today);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("loop: the current backup (version 25), every record") {
    check_current(foreign::read_loop(dir + "backup-v25.db", today), false);
}

TEST_CASE("loop: the CSV export, as its zip and unpacked, reads as the backup does") {
    check_current(foreign::read_loop(dir + "Loop Habits CSV 2024-03-10.zip", today), true);
    check_current(foreign::read_loop(dir + "in-a-folder.zip", today), true);
    check_current(foreign::read_loop(dir + "csv", today), true);
    check_current(foreign::read_loop(dir + "csv/Habits.csv", today), true);
}

TEST_CASE("loop: an old backup (version 15): checks without values, the question in the "
          "description") {
    const auto s = foreign::read_loop(dir + "backup-v15.db", today);
    check_common(s);
    CHECK_EQ(lines(cues(s)),
             lines(std::vector<std::string>{
                 "1 time '21:05' daily created=2024-03-01 active behavior='Floss' "
                 "step_day=2024-03-01 note='Did you floss tonight?'",
                 "2 after '(no cue yet)' 2/7d created=2024-02-27 active behavior='Gym' "
                 "step_day=2024-02-27"}));
    CHECK_EQ(lines(logs(s)), lines(std::vector<std::string>{
                                 "1 2024-03-01 done", "1 2024-03-02 done", "1 2024-03-04 done",
                                 "2 2024-02-27 done", "2 2024-03-03 done"}));
}

TEST_CASE("loop: the CSV export of Loop 1.x (no header in Checkmarks.csv, 0 is an unchecked "
          "day)") {
    const auto s = foreign::read_loop(dir + "csv-v1", today);
    check_common(s);
    CHECK_EQ(lines(cues(s)),
             lines(std::vector<std::string>{
                 "1 after '(no cue yet)' daily created=2024-03-01 active behavior='Floss' "
                 "step_day=2024-03-01 note='Did you floss tonight?'",
                 "2 after '(no cue yet)' 2/7d created=2024-02-27 active behavior='Gym' "
                 "step_day=2024-02-27"}));
    CHECK_EQ(lines(logs(s)), lines(std::vector<std::string>{
                                 "1 2024-03-01 done", "1 2024-03-02 done", "1 2024-03-04 done",
                                 "2 2024-02-27 done", "2 2024-03-03 done"}));
}

TEST_CASE("loop: version 18, a numerical habit and an archived one with a reminder") {
    const auto s = foreign::read_loop(dir + "backup-v18.db", today);
    check_common(s);
    CHECK_EQ(lines(cues(s)),
             lines(std::vector<std::string>{
                 "1 after '(no cue yet)' daily created=2024-03-05 active behavior='Water' "
                 "step_day=2024-03-05 note='How many glasses of water?' target=>=8 "
                 "glasses",
                 "2 time '08:00' daily created=2024-03-01 archived archived_on=2024-03-03 "
                 "behavior='Stretch' step_day=2024-03-01 note='Did you stretch?'"}));
    CHECK_EQ(lines(logs(s)), lines(std::vector<std::string>{
                                 "1 2024-03-05 done amount=8", "1 2024-03-06 done amount=6.5",
                                 "2 2024-03-01 done", "2 2024-03-02 done"}));
}

TEST_CASE("loop: version 24, question and description apart, skip and no") {
    const auto s = foreign::read_loop(dir + "backup-v24.db", today);
    check_common(s);
    CHECK_EQ(lines(cues(s)),
             lines(std::vector<std::string>{
                 "1 after '(no cue yet)' daily created=2024-03-01 active behavior='Journal' "
                 "step_day=2024-03-01 note='Did you write?\nBefore breakfast'",
                 "2 after '(no cue yet)' 4/30d created=2024-02-10 active behavior='Call a friend' "
                 "step_day=2024-02-10"}));
    CHECK_EQ(lines(logs(s)),
             lines(std::vector<std::string>{"1 2024-03-01 done", "1 2024-03-02 skip",
                                            "1 2024-03-03 slip", "2 2024-02-10 done"}));
}

TEST_CASE("loop: version 26, a habit in a group") {
    const auto s = foreign::read_loop(dir + "backup-v26.db", today);
    check_common(s);
    CHECK_EQ(lines(cues(s)),
             lines(std::vector<std::string>{
                 "1 after '(no cue yet)' daily created=2024-03-09 active behavior='Make the "
                 "bed' step_day=2024-03-09 note='Bed made?'"}));
    CHECK_EQ(lines(logs(s)), lines(std::vector<std::string>{"1 2024-03-09 done note=first try"}));
}

TEST_CASE("loop: the same file gives the same records") {
    const auto a = foreign::read_loop(dir + "backup-v25.db", today);
    const auto b = foreign::read_loop(dir + "backup-v25.db", today);
    CHECK_EQ(lines(cues(a)), lines(cues(b)));
    CHECK_EQ(lines(logs(a)), lines(logs(b)));
}

TEST_CASE("loop: the backup is never changed, and nothing is made beside it") {
    const auto before = fs::last_write_time(dir + "backup-v25.db");
    (void)foreign::read_loop(dir + "backup-v25.db", today);
    CHECK(fs::last_write_time(dir + "backup-v25.db") == before);
    CHECK_FALSE(fs::exists(dir + "backup-v25.db-wal"));
    CHECK_FALSE(fs::exists(dir + "backup-v25.db-journal"));
}

TEST_CASE("loop: bad files are exit 2, naming the file and what is wrong") {
    struct Case {
        std::string file;
        std::string message;
    };
    const std::vector<Case> cases{
        {"bad/newer.db", "bad/newer.db: it is a Loop backup of database version 27; kint reads "
                         "versions up to 26; nothing was imported"},
        {"bad/not-loop.db", "bad/not-loop.db: it has no table 'Repetitions'; it is not a backup of "
                            "Loop Habit Tracker; nothing was imported"},
        {"bad/truncated.db",
         "bad/truncated.db: its table 'Repetitions' cannot be read; the file may "
         "be cut short or damaged; nothing was imported"},
        {"bad/unreadable.zip", "bad/unreadable.zip: its table of contents cannot be found; it is "
                               "not a zip file that can be read; nothing was imported"},
        {"bad/missing-column", "bad/missing-column/Habits.csv: it has no column 'Interval'; "
                               "nothing was imported"},
        {"bad/latin1", "bad/latin1/Habits.csv: it is not UTF-8 text; nothing was imported"},
        {"make.sh", "make.sh: it is neither a Loop backup (an SQLite .db file) nor Loop's CSV "
                    "export (a zip, or its folder); nothing was imported"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.file);
        CHECK(message_of(dir + c.file) == dir + c.message);
    }
    CHECK_THROWS_AS(foreign::read_loop(dir + "no-such-file.db", today), NotFound);
}

TEST_CASE("loop: CSV rows that are not Loop's, by file and line") {
    const foreign::LoopCsvFile habits{"Habits.csv",
                                      "Position,Name,NumRepetitions,Interval\n001,Read,1,1\n"};
    const auto read = [&](std::string text) {
        try {
            (void)foreign::parse_loop_csv(habits, {{1, {"001 Read/Checkmarks.csv", text}}});
        } catch (const UsageError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    CHECK(read("Date,Value\n2024-03-01,2\n") == "(no error)");
    CHECK(read("Date,Value\n2024-03-01,2\n2024-13-01,2\n") ==
          "001 Read/Checkmarks.csv: line 3: '2024-13-01' is not a date (YYYY-MM-DD); nothing was "
          "imported");
    CHECK(read("Date,Value\n2024-03-01,MAYBE\n") ==
          "001 Read/Checkmarks.csv: line 2: the value 'MAYBE' is none of YES_MANUAL, YES_AUTO, "
          "NO, SKIP, UNKNOWN or a number; nothing was imported");
    CHECK(read("Date,Notes\n2024-03-01,x\n") ==
          "001 Read/Checkmarks.csv: it has no column 'Value'; nothing was imported");
    const foreign::LoopCsvFile bad_freq{"Habits.csv",
                                        "Position,Name,NumRepetitions,Interval\n001,Read,x,1\n"};
    CHECK_THROWS_WITH_AS(foreign::parse_loop_csv(bad_freq, {}),
                         "Habits.csv: line 2: NumRepetitions 'x' is not a whole number; nothing "
                         "was imported",
                         UsageError);
}

TEST_CASE("loop: the mapping's edges: shared names, control characters, odd frequencies, a "
          "numerical habit without a target") {
    loop::Backup b;
    loop::Habit read;
    read.id = 7;
    read.name = "Read";
    b.habits.push_back(read);
    read.id = 8;
    read.name = "Re\x1b[2Jad\n";
    read.freq_num = 0;
    b.habits.push_back(read);
    loop::Habit pages;
    pages.id = 9;
    pages.name = "   ";
    pages.numerical = true;
    pages.unit = "pages";
    pages.freq_num = 5;
    pages.freq_den = 3;
    b.habits.push_back(pages);
    const auto at = [](const char* day) {
        return kint::test::D(day).time_since_epoch().count() * std::int64_t{86'400'000};
    };
    b.entries = {
        {7, at("2024-03-02"), loop::no, "first"},
        {7, at("2024-03-02"), loop::yes_manual, ""},   // the same day twice: done counts
        {8, -6'000'000'000'000, loop::yes_manual, ""}, // 1779: outside kint's days
        {9, at("2024-03-05"), 1500, "\x07"},
    };
    const auto r = loop::to_records(b, today);
    CHECK_FALSE(validate::snapshot_problem(r.records));
    std::vector<std::string> got;
    for (const auto& c : r.records.cues)
        got.push_back(describe(c));
    CHECK_EQ(lines(got),
             lines(std::vector<std::string>{
                 "1 after '(no cue yet)' daily created=2024-03-02 active behavior='Read' "
                 "step_day=2024-03-02",
                 "2 after '(no cue yet)' daily created=2024-03-10 active "
                 "behavior='Re\xEF\xBF\xBD[2Jad' step_day=2024-03-10",
                 "3 after '(no cue yet)' daily created=2024-03-05 active behavior='Loop "
                 "habit 3' step_day=2024-03-05"}));
    std::vector<std::string> got_logs;
    for (const auto& l : r.records.logs)
        got_logs.push_back(describe(l));
    CHECK_EQ(lines(got_logs),
             lines(std::vector<std::string>{"1 2024-03-02 done note=first",
                                            "3 2024-03-05 done note=1.5 pages\n\xEF\xBF\xBD"}));
    CHECK_EQ(lines(r.notes),
             lines(std::vector<std::string>{
                 "'Re\xEF\xBF\xBD[2Jad' has no frequency in Loop (0/1); kint counts it "
                 "every day",
                 "'Loop habit 3' has no target in Loop; its amounts are kept and kint "
                 "measures nothing against them",
                 "Loop's habits have no cue: give each one with kint cue edit ID --trigger "
                 "\"...\""}));
}
