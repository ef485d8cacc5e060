// kint trail: a cue's whole life through the real binary, in every format.
//
// Golden files: tests/e2e/golden/trail.txt (text, NO_COLOR) and trail.md (markdown) hold the trail
// of the store below under KINT_TODAY=2026-11-20. After an intended change of the layout,
// regenerate them and read the diff before keeping it:
//     KINT_UPDATE_GOLDEN=1 ./build/dev/tests/kint_e2e_tests -tc='trail: golden*'
#include "harness.hpp"
#include "jsonlite.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace kint::e2e;
using jsonlite::parse;

namespace {

std::string day_after(const std::string& day, int n) {
    // Days of September to November 2026 as text, without a calendar library.
    int y = 2026, m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2)) + n;
    const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    while (d > lengths[m - 1]) {
        d -= lengths[m - 1];
        ++m;
    }
    char buf[11];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Two cues from September: a daily one with a step, a pause and a session, and an if-then one;
// mood on most days.
void build_store(const Sandbox& s) {
    const Env early{{"KINT_TODAY", "2026-09-01"}};
    s.ok({"intent", "add", "I am steady"}, early);
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "stretch"}, early);
    s.ok({"cue", "add", "--if", "I feel angry", "--do", "breathe out slowly"}, early);
    for (int i = 0; i < 80; ++i) {
        const std::string d = day_after("2026-09-01", i);
        if (i >= 40 && i < 47) continue; // the pause
        if (i % 5 == 3)
            s.ok({"log", "1", "--day", d, "--slip"});
        else if (i % 11 == 6)
            s.ok({"log", "1", "--day", d, "--skip"});
        else if (i % 7 != 2)
            s.ok({"log", "1", "--day", d});
        if (i % 9 == 4) s.ok({"log", "2", "--day", d, i % 2 ? "--slip" : "--note=calm"});
        if (i % 4 != 1)
            s.ok({"rate", std::to_string(4 + (i % 7 == 2 ? 0 : (i * 3) % 5)), "--day", d});
    }
    s.ok({"cue", "pause", "1"}, {{"KINT_TODAY", "2026-10-11"}});
    s.ok({"cue", "resume", "1"}, {{"KINT_TODAY", "2026-10-18"}});
    s.ok({"cue", "step", "1", "stretch for five minutes", "--note", "felt easy"},
         {{"KINT_TODAY", "2026-10-26"}});
    s.ok({"session", "add", "2026-10-14", "--note", "looked at the mornings"});
}

const Sandbox& store() {
    static Sandbox s;
    static const bool built = (build_store(s), true);
    (void)built;
    return s;
}

std::filesystem::path golden_dir() {
    return std::filesystem::path(__FILE__).parent_path() / "golden";
}

void check_golden(const std::string& name, const std::string& actual) {
    const auto path = golden_dir() / name;
    if (const char* update = std::getenv("KINT_UPDATE_GOLDEN"); update && *update == '1') {
        write_file(path.string(), actual);
        MESSAGE("updated ", path.string());
        return;
    }
    const auto expected = read_file(path.string());
    INFO("golden file ", path.string(), " (regenerate with KINT_UPDATE_GOLDEN=1)");
    REQUIRE(expected.has_value());
    CHECK(actual == *expected);
}

} // namespace

TEST_CASE("trail: golden text and markdown") {
    check_golden("trail.txt", store().ok({"trail"}).out);
    check_golden("trail.md", store().ok({"trail", "--format", "markdown"}).out);
}

TEST_CASE("trail: JSON has SPEC's shape, a status for every day and a strength per week end") {
    const auto j = parse(store().ok({"trail", "--json"}).out);
    CHECK(j.keys() == std::vector<std::string>{"cues", "sessions", "mood_weeks"});
    REQUIRE(j["cues"].size() == 2);
    const auto& c = j["cues"][0];
    CHECK(c.keys() == std::vector<std::string>{"id", "behavior", "created", "days", "strength",
                                               "steps", "pauses", "mood_link"});
    CHECK(c["id"].n == 1);
    CHECK(c["behavior"].s == "stretch for five minutes");
    CHECK(c["created"].s == "2026-09-01");
    REQUIRE(c["days"].size() == 81); // 1 September to 20 November
    CHECK(c["days"][0]["day"].s == "2026-09-01");
    CHECK(c["days"][80]["day"].s == "2026-11-20");
    CHECK(c["days"][80]["status"].s == "open");
    CHECK(c["days"][41]["status"].s == "paused"); // 12 October
    CHECK(c["days"][3]["status"].s == "slip");
    CHECK(c["days"][2]["status"].s == "missed");
    const std::vector<std::string> known{"done",   "skip",          "slip", "missed",
                                         "paused", "not_scheduled", "open"};
    for (const auto& d : c["days"].items)
        CHECK(std::find(known.begin(), known.end(), d["status"].s) != known.end());
    REQUIRE(c["strength"].size() == 11); // Sundays 6 September .. 15 November
    CHECK(c["strength"][0]["day"].s == "2026-09-06");
    CHECK(c["strength"][10]["day"].s == "2026-11-15");
    for (const auto& p : c["strength"].items)
        CHECK((p["value"].n >= 0 && p["value"].n <= 1));
    REQUIRE(c["steps"].size() == 2);
    CHECK(c["steps"][1]["day"].s == "2026-10-26");
    CHECK(c["steps"][1]["note"].s == "felt easy");
    REQUIRE(c["pauses"].size() == 1);
    CHECK(c["pauses"][0]["from"].s == "2026-10-11");
    CHECK(c["pauses"][0]["until"].s == "2026-10-18");
    CHECK(c["mood_link"].keys() == std::vector<std::string>{"same_day", "next_day", "enough"});
    CHECK(c["mood_link"]["same_day"].keys() ==
          std::vector<std::string>{"done_days", "other_days", "done_mean", "other_mean",
                                   "difference", "low", "high"});
    // If-then: never missed.
    for (const auto& d : j["cues"][1]["days"].items)
        CHECK(d["status"].s != "missed");
    REQUIRE(j["sessions"].size() == 1);
    CHECK(j["sessions"][0]["day"].s == "2026-10-14");
    REQUIRE(j["mood_weeks"].size() == 12); // the week of 31 Aug .. the week of 16 Nov
    CHECK(j["mood_weeks"][0]["from"].s == "2026-09-01");
    CHECK(j["mood_weeks"][11]["to"].s == "2026-11-20");

    // --format json is --json; one cue; a span.
    CHECK(store().ok({"trail", "--format", "json"}).out == store().ok({"trail", "--json"}).out);
    const auto one = parse(store().ok({"trail", "2", "--json"}).out);
    REQUIRE(one["cues"].size() == 1);
    CHECK(one["cues"][0]["id"].n == 2);
    const auto span = parse(
        store().ok({"trail", "1", "--since", "2026-10-01", "--until", "2026-10-31", "--json"}).out);
    CHECK(span["cues"][0]["days"].size() == 31);
    CHECK(span["cues"][0]["strength"].size() == 4); // 4, 11, 18, 25 October
    // From a checkpoint, the same figures as the whole life.
    for (const auto& p : span["cues"][0]["strength"].items)
        for (const auto& q : c["strength"].items)
            if (q["day"].s == p["day"].s) CHECK(q["value"].n == p["value"].n);
}

TEST_CASE("trail: HTML is one self-contained page with a heatmap, a curve and a mood band") {
    const auto html = store().ok({"trail", "--format", "html"}).out;
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(contains(html, "default-src 'none'"));
    CHECK(count_of(html, "<svg class=\"heat\"") == 2);
    CHECK(count_of(html, "<svg class=\"curve chart\"") == 2);
    CHECK(contains(html, ">step 2</text>"));
    CHECK(contains(html, ">session</text>"));
    CHECK(contains(html, "class=\"band\""));
    CHECK(contains(html, "break-inside:avoid"));
    CHECK_FALSE(contains(html, "http://"));
    CHECK_FALSE(contains(html, "<script"));
    // The same store gives the same bytes; --out writes them without colour.
    const auto page = store().path("trail.html");
    store().ok({"trail", "--format", "html", "--color", "always", "--out", page});
    CHECK(read_file(page) == html);
    const auto text_file = store().path("trail.txt");
    store().ok({"trail", "--color", "always", "--out", text_file});
    CHECK(read_file(text_file) == store().ok({"trail"}).out);
    CHECK_FALSE(contains(*read_file(text_file), "\x1b["));
}

TEST_CASE("trail: colour only on request, and the blocks fit the terminal's width") {
    const auto loud = store().ok({"trail", "--color", "always"}).out;
    CHECK(contains(loud, "\x1b[32m■"));
    const auto narrow = store().ok({"trail", "1"}, {{"COLUMNS", "24"}}).out;
    // 12 weeks do not fit 24 columns (9 do): two blocks, each with its month labels.
    CHECK(count_of(narrow, "\n  Mo ") == 2);
    CHECK(count_of(store().ok({"trail", "1"}).out, "\n  Mo ") == 1);
    for (std::size_t at = 0, end; (end = narrow.find('\n', at)) != std::string::npos;
         at = end + 1) {
        const auto line = narrow.substr(at, end - at);
        if (line.starts_with("  Mo ")) CHECK(line.size() <= 24 * 3);
    }
}

TEST_CASE("trail: a store from before the weeks were kept (schema 5) shows the same trail, "
          "before and after the write that upgrades it") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed, so no old store can be made");
        return;
    }
    Sandbox s;
    build_store(s);
    const Env later{{"KINT_TODAY", "2026-11-20"}};
    const auto now = s.ok({"trail", "--format", "json"}, later).out;
    REQUIRE(sqlite3(s, s.db(), schema_v5_sql) == 0);
    CHECK(s.ok({"trail", "--format", "json"}, later).out == now); // read as it is
    s.ok({"journal", "add", "a write that upgrades the store"}, later);
    CHECK(sqlite3(s, s.db(),
                  sql_true("(SELECT user_version FROM pragma_user_version) = 8 AND (SELECT "
                           "count(*) FROM strength_checkpoint WHERE marks IS NOT NULL) = 22 AND "
                           "(SELECT count(*) FROM state WHERE key LIKE 'mood %') = 1 AND (SELECT "
                           "length(value) FROM state WHERE key = 'mood 2026-10-18') = 364")) ==
          0); // two cues, eleven Sundays each; the mood's block of 52 weeks to 18 October

    CHECK(s.ok({"trail", "--format", "json"}, later).out == now);
    CHECK(s.ok({"trail"}, later).out == store().ok({"trail"}).out);
}

TEST_CASE("trail: a mood rated again on a day of a kept block shows at once, the same as read a "
          "row a day") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed, so the store cannot be looked into");
        return;
    }
    Sandbox s;
    build_store(s);
    // 1 September (rated 4) lies in the block of 52 weeks from 20 October 2025 to 18 October 2026,
    // kept since the week ended.
    const auto before = s.ok({"trail", "--format", "json"}).out;
    s.ok({"rate", "10", "--day", "2026-09-01"});
    CHECK(sqlite3(s, s.db(),
                  sql_true("substr((SELECT value FROM state WHERE key = 'mood 2026-10-18'), "
                           "julianday('2026-09-01') - julianday('2025-10-20') + 1, 1) = 'k'")) ==
          0);
    const auto after = s.ok({"trail", "--format", "json"}).out;
    CHECK(after != before);
    // The week of 1 September: 10, 4, 8 and 6.
    CHECK(parse(after)["mood_weeks"][0]["average"].n == doctest::Approx(7));
    // Without the block, the rows a day each say the same.
    REQUIRE(sqlite3(s, s.db(), KINT_E2E_UNDO_V8) == 0);
    CHECK(s.ok({"trail", "--format", "json"}).out == after);
}

// The month a heatmap label names, as year * 12 + month: "Mar" in a line of 2017, "Jan'18".
int label_month(const std::string& label, int year) {
    static const std::vector<std::string> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto at = std::find(names.begin(), names.end(), label.substr(0, 3));
    REQUIRE(at != names.end());
    if (label.size() > 3) {
        REQUIRE(label.size() == 6);
        year = 2000 + std::stoi(label.substr(4));
    }
    return year * 12 + static_cast<int>(at - names.begin());
}

TEST_CASE("trail: month labels fit the width and name each block's year, across New Year") {
    Sandbox s;
    s.ok({"intent", "add", "I am steady"}, {{"KINT_TODAY", "2016-03-20"}});
    // Three years at 80 columns: 37 weeks a block. The first cue's second block ends a week
    // before January (a label there would pass the width); the second cue's begins on Monday
    // 26 December 2016, so its first label is January 2017.
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "stretch"},
         {{"KINT_TODAY", "2016-03-20"}});
    s.ok({"cue", "add", "--after", "I close the laptop", "--do", "breathe"},
         {{"KINT_TODAY", "2016-04-16"}});
    const auto out = s.ok({"trail"}, {{"KINT_TODAY", "2019-03-18"}, {"COLUMNS", "80"}}).out;
    std::vector<std::string> lines;
    for (std::size_t at = 0, end; (end = out.find('\n', at)) != std::string::npos; at = end + 1)
        lines.push_back(out.substr(at, end - at));
    int blocks = 0, last = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        std::size_t columns = 0;
        for (const char ch : line)
            columns += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        INFO(line);
        CHECK(columns <= 80);
        if (line.starts_with("#")) last = 0; // a new cue starts its months again
        if (line.size() < 5 || !std::isdigit(static_cast<unsigned char>(line[0]))) continue;
        // A label line: its year, then its months in order, each after the one before, and
        // seven weekday rows under it (no label wrapped onto a line of its own).
        ++blocks;
        const int year = std::stoi(line.substr(0, 4));
        std::vector<std::string> labels;
        for (std::size_t at = 5; at < line.size();) {
            const auto end = std::min(line.find(' ', at), line.size());
            if (end > at) labels.push_back(line.substr(at, end - at));
            at = end + 1;
        }
        REQUIRE_FALSE(labels.empty());
        int month = label_month(labels.front(), year);
        CHECK(month >= last);
        for (std::size_t l = 1; l < labels.size(); ++l) {
            const int next = label_month(labels[l], month / 12);
            CHECK(next > month);
            month = next;
        }
        last = month;
        REQUIRE(i + 7 < lines.size());
        CHECK(lines[i + 1].starts_with("  Mo "));
        CHECK(lines[i + 7].starts_with("  Su "));
    }
    CHECK(blocks == 10); // 157 and 153 weeks: five blocks each
    CHECK(contains(out, "\n2017 Jan       Feb"));
}

TEST_CASE("trail: an unknown cue or a backwards span is refused and changes nothing") {
    Sandbox s;
    s.ok({"intent", "add", "I am steady"});
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "stretch"});
    const auto before = s.snapshot();
    const auto missing = s.run({"trail", "7"});
    CHECK(missing.code == 1);
    CHECK(is_error_line(missing.err));
    CHECK(contains(missing.err, "there is no cue 7"));
    CHECK(missing.out.empty());
    const auto backwards = s.run({"trail", "--since", "2026-11-10", "--until", "2026-11-01"});
    CHECK(backwards.code == 2);
    CHECK(is_error_line(backwards.err));
    const auto zero = s.run({"trail", "0"});
    CHECK(zero.code == 2);
    const auto format = s.run({"trail", "--format", "pdf"});
    CHECK(format.code == 2);
    // Into a file, a refused trail leaves neither the file nor the temp file it was written to.
    const auto page = s.path("trail.html");
    const auto into_file = s.run({"trail", "7", "--format", "html", "--out", page});
    CHECK(into_file.code == 1);
    CHECK(contains(into_file.err, "there is no cue 7"));
    for (const auto& entry : std::filesystem::directory_iterator(s.path(".")))
        CHECK_FALSE(entry.path().filename().string().starts_with("trail.html"));
    CHECK(s.snapshot() == before);
}

TEST_CASE("trail: an empty store shows nothing to trail in every format") {
    Sandbox s;
    for (const char* f : {"text", "markdown", "json", "html"}) {
        CAPTURE(f);
        const auto r = s.run({"trail", "--format", f});
        CHECK(r.code == 0);
    }
    const auto j = parse(s.ok({"trail", "--json"}).out);
    CHECK(j["cues"].size() == 0);
}
