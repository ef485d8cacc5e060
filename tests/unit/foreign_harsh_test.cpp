// harsh's habits and log files as kint's records: the fixture golden on every record, each
// frequency, and a table of bad files.
#include "foreign_describe.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/validate.hpp"
#include "kint/foreign/harsh.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace kint;
using test::D;

namespace {
const std::string harsh_dir = std::string(KINT_FIXTURES_DIR) + "/import/harsh";

foreign::Source parse(std::string_view habits, std::string_view log = "") {
    return foreign::parse_harsh(habits, log, "habits", "log", D("2026-11-20"));
}
std::string problem(std::string_view habits, std::string_view log = "") {
    try {
        parse(habits, log);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(imported)";
}
} // namespace

TEST_CASE("harsh: the fixture, golden on every record") {
    const auto source = foreign::read_harsh(harsh_dir, D("2026-11-20"));
    CHECK_FALSE(validate::snapshot_problem(source.records));
    CHECK(test::describe(source) ==
          R"G(harsh: 9 habits
intention 1 "Habits from harsh" created 2026-10-01
intention 2 "Health" created 2026-10-01
intention 3 "Mind" created 2026-10-03
cue 1 in 1 after "(no cue yet)" daily created 2026-10-01 active | step 2026-10-01 "Meditated"
cue 2 in 2 after "(no cue yet)" per 3/7d created 2026-10-01 active | step 2026-10-01 "Gymmed"
cue 3 in 2 after "(no cue yet)" daily created 2026-10-01 active | step 2026-10-01 "Water intake" target 6 ""
cue 4 in 2 after "(no cue yet)" per 1/7d created 2026-10-07 active | step 2026-10-07 "Called Mom"
cue 5 in 2 after "(no cue yet)" per 1/31d created 2026-11-20 active | step 2026-11-20 "New Skill"
cue 6 in 3 after "(no cue yet)" per 1/2d created 2026-10-03 active | step 2026-10-03 "Read"
cue 7 in 3 if "(no cue yet)" daily created 2026-10-03 active | step 2026-10-03 "Too much coffee"
cue 8 in 3 after "(no cue yet)" daily created 2026-11-20 active | step 2026-11-20 "Journaled"
cue 9 in 3 after "(no cue yet)" per 2/31d created 2026-11-20 active | step 2026-11-20 "Tracked Finances"
cue 10 in 1 if "(no cue yet)" daily created 2026-10-05 archived on 2026-10-05 | step 2026-10-05 "Old habit"
log 1 2026-10-01 done
log 1 2026-10-03 skip note "travelling 🚆"
log 1 2026-10-04 slip
log 1 2026-10-05 done note "again, the last counts"
log 2 2026-10-01 done note "Leg day"
log 2 2026-10-02 slip note "Too tired"
log 3 2026-10-01 done note "8 glasses" amount 8
log 3 2026-10-02 done amount 6
log 3 2026-10-04 slip note "forgot"
log 3 2026-10-06 done note "bottle" amount 7.5
log 4 2026-10-07 skip note "she called me"
log 6 2026-10-03 done note "Dune, ch. 3"
log 6 2026-10-05 done note "notes : 10:30"
log 7 2026-10-03 done
log 10 2026-10-05 done note "renamed since"
note: harsh's habits have no cue: give each one with kint cue edit ID --trigger "..."
note: 'New Skill' asks for 1 in 90 days; kint keeps windows of up to 31 days, so it asks for 1 in 31 (change it with kint cue edit ID --per N/Md)
note: 'Tracked Finances' asks for 4 in 60 days; kint keeps windows of up to 31 days, so it asks for 2 in 31 (change it with kint cue edit ID --per N/Md)
note: 1 log line dated after today was left out; import again once the day has come
note: 1 log line repeated a habit and day already logged; the last line counts, as in harsh
note: 1 amount on skip or slip lines was left out: kint keeps an amount only with done
note: habits outside any '! Category' are under the intention "Habits from harsh"; rename it with kint intent edit ID
note: harsh keeps amounts but no targets: 'Water intake' (6) is now measured against the smallest amount you logged (in brackets), so every day harsh counted still counts; set your own with kint cue step ID --target N --unit U
note: the log names 'Old habit', which is not in the habits file (harsh shows it nowhere); kint kept it as an archived cue so its history stays
)G");
}

TEST_CASE("harsh: the same folder twice gives the same records, the habits file names it too") {
    const auto a = foreign::read_harsh(harsh_dir, D("2026-11-20"));
    const auto b = foreign::read_harsh(harsh_dir + "/habits", D("2026-11-20"));
    CHECK(test::describe(a) == test::describe(b));
}

TEST_CASE("harsh: every frequency") {
    const auto source = parse("A: 1\nB: 7\nC: 3/7\nD: 0\nE: 31\nF: 1/1\nG: 2/31\nH: 32\nI: 0/5\n"
                              "J: 30/32\nK: 7/7\n");
    std::vector<std::string> got;
    for (const auto& c : source.records.cues)
        got.push_back(fmt::format("{} {} {}", c.behavior(), to_string(c.kind),
                                  c.per ? format_per(*c.per) : c.days.to_string()));
    CHECK(got == std::vector<std::string>{"A after daily", "B after 1/7d", "C after 3/7d",
                                          "D if daily", "E after 1/31d", "F after daily",
                                          "G after 2/31d", "H after 1/31d", "I if daily",
                                          "J after 29/31d", "K after daily"});
    CHECK_FALSE(validate::snapshot_problem(source.records));
}

TEST_CASE("harsh: headings, comments, blank lines, CRLF and a byte-order mark") {
    const auto s = parse("\xEF\xBB\xBF# c\r\n\r\n!Work\r\nStandup: 1\r\n!   \r\n  Tea : 1\r\n",
                         "2026-11-01 : Standup : y : quick :\r\n");
    CHECK(test::describe(s) == R"G(harsh: 2 habits
intention 1 "Habits from harsh" created 2026-11-20
intention 2 "Work" created 2026-11-01
cue 1 in 2 after "(no cue yet)" daily created 2026-11-01 active | step 2026-11-01 "Standup"
cue 2 in 1 after "(no cue yet)" daily created 2026-11-20 active | step 2026-11-20 "Tea"
log 1 2026-11-01 done note "quick"
note: harsh's habits have no cue: give each one with kint cue edit ID --trigger "..."
note: habits outside any '! Category' are under the intention "Habits from harsh"; rename it with kint intent edit ID
)G");
}

TEST_CASE("harsh: control characters are left out, with a note") {
    const auto s = parse("Tea\x1b[31m: 1\n", "2026-11-01 : Tea\x1b[31m : y : hot\x07\ttea : \n");
    REQUIRE(s.records.cues.size() == 1);
    CHECK(s.records.cues[0].behavior() == "Tea[31m");
    REQUIRE(s.records.logs.size() == 1);
    CHECK(s.records.logs[0].note == "hot\ttea");
    CHECK(s.notes.back() == "2 control characters (invisible characters that would rewrite a "
                            "terminal) were left out");
    CHECK_FALSE(validate::snapshot_problem(s.records));
}

TEST_CASE("harsh: an empty folder's files give no records") {
    const auto s = parse("", "");
    CHECK(test::describe(s) == "harsh: 0 habits\n");
}

TEST_CASE("harsh: bad files name the file and the line") {
    const auto tail = "; nothing was imported";
    struct Case {
        std::string habits, log, message;
    };
    const std::vector<Case> cases{
        {"# c\n\nGym 3/7\n", "",
         "habits: line 3: this is neither a habit (Name: frequency), a '! Category' heading nor "
         "a '#' comment"},
        {"Gym: 8/7\n", "",
         "habits: line 1: 'Gym' has the frequency '8/7' (more times than days); harsh takes 1 "
         "(daily), 7 (every 7 days), 3/7 (3 times in 7 days) or 0 (tracked only)"},
        {"Gym: often\n", "",
         "habits: line 1: 'Gym' has the frequency 'often'; harsh takes 1 (daily), 7 (every 7 "
         "days), 3/7 (3 times in 7 days) or 0 (tracked only)"},
        {"Gym: 3/0\n", "",
         "habits: line 1: 'Gym' has the frequency '3/0' (no days); harsh takes 1 (daily), 7 "
         "(every 7 days), 3/7 (3 times in 7 days) or 0 (tracked only)"},
        {"Gym: -1/7\n", "",
         "habits: line 1: 'Gym' has the frequency '-1/7'; harsh takes 1 (daily), 7 (every 7 "
         "days), 3/7 (3 times in 7 days) or 0 (tracked only)"},
        {": 1\n", "", "habits: line 1: the habit has no name before ':'"},
        {"\x1b: 1\n", "",
         "habits: line 1: the habit's name is empty (or only invisible characters)"},
        {std::string(1001, 'a') + ": 1\n", "",
         "habits: line 1: the habit's name is 1001 bytes long; kint keeps up to 1000"},
        {"Gym: 1\n", "# c\n\n2026-10-01 Gym y\n",
         "log: line 3: this is not a harsh log line (YYYY-MM-DD : habit : y|n|s : comment : "
         "amount)"},
        {"Gym: 1\n", "2026-13-01 : Gym : y\n",
         "log: line 1: '2026-13-01' is not a day kint keeps (YYYY-MM-DD, from 1900-01-01 to "
         "9999-12-31)"},
        {"Gym: 1\n", "1899-12-31 : Gym : y\n",
         "log: line 1: '1899-12-31' is not a day kint keeps (YYYY-MM-DD, from 1900-01-01 to "
         "9999-12-31)"},
        {"Gym: 1\n", "2026-10-01 : Gym : maybe\n", "log: line 1: 'maybe' is not y, n or s"},
        {"Gym: 1\n", "2026-10-01 :   : y\n", "log: line 1: the line names no habit"},
        {"Gym: 1\n", "2026-10-01 : Gym : y : c : lots\n",
         "log: line 1: the amount 'lots' is not a number from 0 to 1000000000"},
        {"Gym: 1\n", "2026-10-01 : Gym : y : c : -2\n",
         "log: line 1: the amount '-2' is not a number from 0 to 1000000000"},
        {"Gym: 1\n", "2026-10-01 : Gym : y : c : nan\n",
         "log: line 1: the amount 'nan' is not a number from 0 to 1000000000"},
        {"Gym: 1\n", "2026-10-01 : Gym : y : " + std::string(70000, 'c') + " : \n",
         "log: line 1: the comment is 70000 bytes long; kint keeps up to 65536"},
        {"Gym: 1\xff\n", "", "habits: it is not UTF-8 text"},
        {"Gym: 1\n", "2026-10-01 : Gym : y : caf\xe9\n", "log: it is not UTF-8 text"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.habits.substr(0, 60));
        CAPTURE(c.log.substr(0, 60));
        CHECK(problem(c.habits, c.log) == c.message + tail);
    }
}

TEST_CASE("harsh: a folder without a habits file") {
    CHECK_THROWS_WITH_AS(foreign::read_harsh(harsh_dir + "/nowhere", D("2026-11-20")),
                         (harsh_dir +
                          "/nowhere: it holds no harsh 'habits' file (harsh keeps its habits and "
                          "log files in ~/.config/harsh); nothing was imported")
                             .c_str(),
                         UsageError);
}

TEST_CASE("harsh: a folder with habits and no log yet") {
    const auto dir = std::filesystem::temp_directory_path() / "kint_harsh_no_log";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    { std::ofstream(dir / "habits") << "Walked: 1\n"; }
    const auto s = foreign::read_harsh(dir.string(), D("2026-11-20"));
    std::filesystem::remove_all(dir);
    REQUIRE(s.records.cues.size() == 1);
    CHECK(s.records.cues[0].created == D("2026-11-20"));
    CHECK(s.records.logs.empty());
}
