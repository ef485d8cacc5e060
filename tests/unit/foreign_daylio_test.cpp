// Daylio's CSV export as kint records: golden expectations on every record of each fixture in
// tests/fixtures/import/daylio, and the bad files (exit 2, the file and the line named).
#include "kint/domain/validate.hpp"
#include "kint/foreign/daylio.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kint;
using foreign::DaylioOptions;
using test::D;

namespace {

const Day today = D("2026-12-02");

std::string fixture(std::string_view name) {
    return std::string(KINT_FIXTURES_DIR) + "/import/daylio/" + std::string(name);
}

foreign::Source read(std::string_view name, const DaylioOptions& options = {}) {
    return foreign::read_daylio(fixture(name), options, today);
}

struct Expected {
    std::string day;
    std::string text;
    std::vector<std::string> tags;
};

void check_journal(const foreign::Source& source, const std::vector<Expected>& expected) {
    REQUIRE(source.records.journal.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& e = source.records.journal[i];
        CAPTURE(i);
        CHECK(e.id == static_cast<Id>(i + 1));
        CHECK(format_day(e.day) == expected[i].day);
        CHECK(e.text == expected[i].text);
        CHECK(e.tags == expected[i].tags);
        CHECK_FALSE(e.kind);
        CHECK_FALSE(e.prompt);
    }
}

struct ExpectedRating {
    std::string day;
    int value;
    std::string note;
};

void check_ratings(const foreign::Source& source, const std::vector<ExpectedRating>& expected) {
    REQUIRE(source.records.ratings.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& r = source.records.ratings[i];
        CAPTURE(i);
        CHECK(format_day(r.day) == expected[i].day);
        CHECK(r.kind == RatingKind::mood);
        CHECK(r.value == expected[i].value);
        CHECK(r.note == expected[i].note);
    }
}

void check_only_ratings_and_journal(const foreign::Source& source) {
    CHECK(source.records.intentions.empty());
    CHECK(source.records.cues.empty());
    CHECK(source.records.logs.empty());
    CHECK(source.records.sessions.empty());
    CHECK_FALSE(source.records.focus);
    CHECK_FALSE(validate::snapshot_problem(source.records));
}

std::string problem(std::string_view text, const DaylioOptions& options = {}) {
    try {
        foreign::parse_daylio(text, "daylio.csv", options, today);
    } catch (const UsageError& e) {
        CHECK(e.exit_code() == 2);
        return e.what();
    }
    return "(imported)";
}

const std::string header = "full_date,date,weekday,time,mood,activities,note_title,note\n";

} // namespace

TEST_CASE("daylio: a current export (note_title, 12-hour times, BOM, CRLF, several a day)") {
    const auto source = read("export.csv");
    CHECK(source.tracker == "Daylio");
    CHECK(source.things == 8);
    CHECK(source.things_word == "entries");
    check_only_ratings_and_journal(source);
    // 11-28: good + GOOD = 7; 11-29: meh 5, bad 3, rad 9 = 17/3 = 5.67 -> 6. The entry at
    // 12:05 am stays on its full_date, 11-28.
    check_ratings(source, {{"2026-11-25", 7, "good"},
                           {"2026-11-26", 1, "awful"},
                           {"2026-11-27", 3, "bad"},
                           {"2026-11-28", 7, "good, good"},
                           {"2026-11-29", 6, "meh, bad, rad"}});
    check_journal(source,
                  {{"2026-11-25", "Ran 5 km\n- warm-up\n- intervals", {"sport"}},
                   {"2026-11-27",
                    "Hard day\n\nactivities: Caf\u00e9 \u2615",
                    {"work", "stressed-frustrated"}},
                   {"2026-11-28", "good at 00:05", {"friends", "party"}},
                   {"2026-11-28", "Long walk by the river.\nCold, but clear.", {}},
                   {"2026-11-29", "meh at 08:15", {"bad-sleep"}},
                   {"2026-11-29",
                    "Sunday, finally\n\nWe watched \"Paddington 2\", again.\nBest film \U0001F43B",
                    {"family", "movies-tv", "good-meal"}}});
    CHECK(source.notes ==
          std::vector<std::string>{
              "Daylio's moods became mood ratings from 0 to 10: rad=9, good=7, meh=5, bad=3, "
              "awful=1; give another number with --mood LABEL=N",
              "2 days had several entries; each such day's rating is the mean of its moods, "
              "rounded half up",
              "2 entries had activities but no note; each is a journal entry like 'good at "
              "20:15' with the activities as tags",
              "An activity cannot be a tag (one word of a-z, 0-9, - or _), so it is kept in the "
              "text of its entries: 'Caf\u00e9 \u2615'",
              "Daylio's note formatting (bold, lists and the like) became plain text"});
}

TEST_CASE("daylio: an older export (no note_title, 24-hour times) with custom moods") {
    const DaylioOptions options{{{"happy", 8}, {" ok but SLEEPY ", 4}, {"Anxious", 3}}};
    const auto source = read("older_24h.csv", options);
    CHECK(source.things == 6);
    check_only_ratings_and_journal(source);
    // 10-11: 4, 4, 3 = 3.67 -> 4; 10-12: 7 and 8 = 7.5 -> 8 (half up).
    check_ratings(source, {{"2026-10-10", 7, "good"},
                           {"2026-10-11", 4, "ok but sleepy, ok but sleepy, anxious"},
                           {"2026-10-12", 8, "good, happy"}});
    check_journal(source, {{"2026-10-10", "Chapter 3 \u2014 \"The Sea\"", {"reading"}},
                           {"2026-10-11", "ok but sleepy at 07:31", {"sleeping"}},
                           {"2026-10-12", "good at 15:40", {"work", "coffee"}},
                           {"2026-10-12", "Shipped it, finally.", {"work"}}});
    CHECK(source.notes.front() == "Daylio's moods became mood ratings from 0 to 10: happy=8, "
                                  "good=7, ok but sleepy=4, anxious=3; give another number with "
                                  "--mood LABEL=N");
}

TEST_CASE("daylio: --mood overrides a default, and the last one for a label wins") {
    const DaylioOptions options{{{"good", 10}, {"GOOD ", 8}}};
    const auto source = read("export.csv", options);
    CHECK(source.records.ratings[0].value == 8);
    CHECK(source.records.ratings[3].value == 8);
}

TEST_CASE("daylio: a 2026 export with the scales column, and an entity in a note") {
    const auto source = read("scales.csv");
    check_only_ratings_and_journal(source);
    check_ratings(source, {{"2026-11-30", 7, "meh, rad"}});
    check_journal(source, {{"2026-11-30", "meh at 08:50", {"reading"}},
                           {"2026-11-30", "Slept well & woke early.", {}}});
}

TEST_CASE("daylio: the same file gives the same records") {
    const auto a = read("export.csv"), b = read("export.csv");
    REQUIRE(a.records.journal.size() == b.records.journal.size());
    for (std::size_t i = 0; i < a.records.journal.size(); ++i)
        CHECK(a.records.journal[i].text == b.records.journal[i].text);
}

TEST_CASE("daylio: times, activities and notes") {
    auto one = [](std::string_view time, std::string_view activities, std::string_view note) {
        const auto s = foreign::parse_daylio(header + "2026-11-29,x,y," + std::string(time) +
                                                 ",good,\"" + std::string(activities) +
                                                 "\",\"\",\"" + std::string(note) + "\"\n",
                                             "daylio.csv", {}, today);
        REQUIRE(s.records.journal.size() == 1);
        return s.records.journal.front();
    };
    CHECK(one("12:00 am", "a", "").text == "good at 00:00");
    CHECK(one("12:30 pm", "a", "").text == "good at 12:30");
    CHECK(one("8:15PM", "a", "").text == "good at 20:15");
    CHECK(one("08:15 a.m.", "a", "").text == "good at 08:15");
    CHECK(one("8:15 P.M.", "a", "").text == "good at 20:15");
    CHECK(one("23:59", "a", "").text == "good at 23:59");
    CHECK(one("1:00", "Don't smoke | Movies & TV | tea_time | -x- | a || b", "").tags ==
          std::vector<std::string>{"dont-smoke", "movies-and-tv", "tea_time", "x", "a", "b"});
    CHECK(one("1:00", "", "a<br/>b<BR />c<p>d</p>e").text == "a\nb\nc\nd\ne");
    CHECK(one("1:00", "", "x < y and <3 and <blink>").text == "x < y and <3 and <blink>");
    CHECK(one("1:00", "", "&lt;br&gt; &quot;q&quot; &#39;s&#39; a&nbsp;b &copy;").text ==
          "<br> \"q\" 's' a b &copy;");
    CHECK(one("1:00", "", "  tabs\tstay  \r\n\r\n  ").text == "tabs\tstay");
    CHECK(one("1:00", "", "bell\x07 and \xc2\x9b").text == "bell\xEF\xBF\xBD and \xEF\xBF\xBD");
    const std::string long_activity(41, 'a');
    const auto s = foreign::parse_daylio(header + "2026-11-29,x,y,1:00,good,\"" + long_activity +
                                             " | ok\",\"\",\"\"\n",
                                         "daylio.csv", {}, today);
    CHECK(s.records.journal.front().tags == std::vector<std::string>{"ok"});
    CHECK(s.records.journal.front().text == "good at 01:00\n\nactivities: " + long_activity);
}

TEST_CASE("daylio: an entry with only a mood rates the day and writes no journal entry") {
    const auto s = foreign::parse_daylio(header + "2026-11-29,x,y,1:00,meh,\"\",\"\",\"\"\n",
                                         "daylio.csv", {}, today);
    CHECK(s.records.journal.empty());
    CHECK(s.records.ratings.size() == 1);
    CHECK(s.notes.size() == 1);
    const auto empty = foreign::parse_daylio(header, "daylio.csv", {}, today);
    CHECK(empty.things == 0);
    CHECK(empty.records.ratings.empty());
    CHECK(empty.notes.empty());
}

TEST_CASE("daylio: bad files are exit 2 naming the file, the line and what is wrong") {
    auto file_problem = [](std::string_view name) {
        try {
            read(name);
        } catch (const UsageError& e) {
            return std::string(e.what());
        }
        return std::string("(imported)");
    };
    const auto path = fixture("");
    CHECK(file_problem("missing_column.csv") ==
          path + "missing_column.csv: it has no column 'mood'; nothing was imported");
    CHECK(file_problem("unknown_labels.csv") ==
          path + "unknown_labels.csv: 3 moods have no number: 'ecstatic' (line 2), 'numb' "
                 "(line 6), 'so-so' (line 3); give each one a number with --mood LABEL=N (N "
                 "from 0 to 10); nothing was imported");
    CHECK(file_problem("bad_date.csv") ==
          path + "bad_date.csv: line 4: full_date '2026-02-30' is not a day like 2026-11-30; "
                 "nothing was imported");
    CHECK(file_problem("not_utf8.csv") ==
          path + "not_utf8.csv: it is not UTF-8 text; nothing was imported");

    const std::string row = "2026-11-29,x,y,9:00 pm,good,\"\",\"\",\"\"\n";
    struct Case {
        std::string text;
        std::string message;
    };
    const std::vector<Case> cases{
        {"", "daylio.csv: it is empty; nothing was imported"},
        {"full_date,time,mood,activities\n",
         "daylio.csv: it has no column 'note'; nothing was imported"},
        {header + row + "2026-11-28,x,y,25:00,good,\"\",\"\",\"\"\n",
         "daylio.csv: line 3: time '25:00' is not a time like 20:15 or 8:15 pm; nothing was "
         "imported"},
        {header + "2026-11-28,x,y,13:00 pm,good,\"\",\"\",\"\"\n",
         "daylio.csv: line 2: time '13:00 pm' is not a time like 20:15 or 8:15 pm; nothing was "
         "imported"},
        {header + "2026-11-28,x,y,,good,\"\",\"\",\"\"\n",
         "daylio.csv: line 2: time '' is not a time like 20:15 or 8:15 pm; nothing was imported"},
        {header + "28/11/2026,x,y,9:00,good,\"\",\"\",\"\"\n",
         "daylio.csv: line 2: full_date '28/11/2026' is not a day like 2026-11-30; nothing was "
         "imported"},
        {header + "2026-12-03,x,y,9:00,good,\"\",\"\",\"\"\n",
         "daylio.csv: line 2: 2026-12-03 is after today (2026-12-02); nothing was imported"},
        {header + "2026-11-28,x,y,9:00,  ,\"\",\"\",\"\"\n",
         "daylio.csv: line 2: the mood is empty; nothing was imported"},
        {header + "2026-11-28,x,y,9:00,great,\"\",\"\",\"\"\n",
         "daylio.csv: the mood 'great' (line 2) has no number; give it one with --mood LABEL=N "
         "(N from 0 to 10); nothing was imported"},
        {header + "2026-11-28,x,y,9:00,good,\"\",\"\"\n",
         "daylio.csv: line 2: 7 fields where the header has 8; nothing was imported"},
        {header + "2026-11-28,x,y,9:00,good,\"\",\"\",\"open\n",
         "daylio.csv: line 2: a quoted field is never closed; nothing was imported"},
        {header + "2026-11-28,x,y,9:00,good,\"\",\"\",\"" + std::string(70000, 'a') + "\"\n",
         "daylio.csv: line 2: the journal entry's text is 70000 bytes long; keep it under 65536 "
         "bytes; nothing was imported"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message);
        CHECK(problem(c.text) == c.message);
    }
}

TEST_CASE("daylio: --mood LABEL=N") {
    CHECK(foreign::parse_mood_option("rad=10") == std::pair<std::string, int>{"rad", 10});
    CHECK(foreign::parse_mood_option(" so = so = 0 ") == std::pair<std::string, int>{"so = so", 0});
    for (std::string_view bad :
         {"rad", "rad=", "=3", "rad=11", "rad=-1", "rad=x", "rad=3.5", " =4"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(foreign::parse_mood_option(bad),
                             doctest::Contains("should be LABEL=N with N from 0 to 10"),
                             UsageError);
    }
    CHECK(problem(header, DaylioOptions{{{"rad", 11}}}) ==
          "--mood 'rad=11' should be LABEL=N with N from 0 to 10");
    CHECK(problem(header, DaylioOptions{{{"  ", 3}}}) ==
          "--mood '  =3' should be LABEL=N with N from 0 to 10");
}
