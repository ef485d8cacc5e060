// kint review: the weekly glance over a realistic store built through the real binary, day by day.
//
// Golden files: tests/e2e/golden/review.txt (text, NO_COLOR) and review.md (markdown) hold the
// review of that store under KINT_TODAY=2026-11-20, compared byte for byte. After an intended
// change to the review's layout, regenerate them and read the diff before keeping it:
//
//     KINT_UPDATE_GOLDEN=1 ./build/dev/tests/kint_e2e_tests -tc='review: golden*'
//     git diff tests/e2e/golden/
#include "harness.hpp"
#include "jsonlite.hpp"
#include "pty.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <sstream>

using namespace kint::e2e;
using jsonlite::parse;
using jsonlite::Value;

namespace {

const std::string safety_message = "For unusual agitation or several days of low mood or thoughts "
                                   "of harming self or others contact your clinic or seek urgent "
                                   "care.";

std::string day_after(std::string_view day, int n) {
    // Enough calendar for the fixture: October and November 2026.
    int y = 0, m = 0, d = 0;
    std::sscanf(std::string(day).c_str(), "%d-%d-%d", &y, &m, &d);
    d += n;
    while (true) {
        const int len = m == 10 ? 31 : 30;
        if (d <= len) break;
        d -= len;
        ++m;
    }
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// Runs `args` as if it were `day`.
void on(const Sandbox& s, const std::string& day, const std::vector<std::string>& args) {
    s.ok(args, {{"KINT_TODAY", day}});
}

// Logs cue `cue` each day from `from` as of that day: d done, k skip, s slip, '.' nothing.
void log_days(const Sandbox& s, const std::string& cue, std::string_view from,
              std::string_view marks) {
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const std::string day = day_after(from, static_cast<int>(i));
        if (marks[i] == 'd') on(s, day, {"log", cue});
        if (marks[i] == 'k') on(s, day, {"log", cue, "--skip"});
        if (marks[i] == 's') on(s, day, {"log", cue, "--slip"});
    }
}

// The store of a person some weeks into the practice. Today is Friday 2026-11-20; the default
// review period is the last complete week, Monday 9 to Sunday 15 November.
void build_store(const Sandbox& s) {
    on(s, "2026-10-26", {"intent", "add", "--from", "anxiety.3"}); // #1
    on(s, "2026-10-26",
       {"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence", "--at",
        "08:00"}); // #1, daily
    // Before the period: 26 Oct .. 8 Nov.
    log_days(s, "1", "2026-10-26", "ddd.ddddkdd.dd");
    on(s, "2026-10-29", {"log", "1", "--slip", "--note", "late night, slept in"});
    on(s, "2026-11-03", {"session", "add", "--note", "second infusion"});
    on(s, "2026-11-01", {"intent", "add", "I am open to learning new ways to cope"}); // #2, focus

    // A mon,wed,fri cue placed on Wednesday 11 Nov, in the middle of the period.
    on(s, "2026-11-11",
       {"cue", "add", "--place", "journal on my pillow", "--do", "write three lines", "--days",
        "mon,wed,fri"}); // #2

    // The period. Cue 1: done, slip, missed, paused 12-13, done (a comeback), skip.
    on(s, "2026-11-09", {"log", "1", "--note", "wrote about the rain"});
    on(s, "2026-11-10", {"log", "1", "--slip", "--note", "overslept, rushed out"});
    on(s, "2026-11-12", {"cue", "pause", "1"});
    on(s, "2026-11-14", {"cue", "resume", "1"});
    on(s, "2026-11-14", {"log", "1"});
    on(s, "2026-11-15", {"log", "1", "--skip", "--note", "fever, resting"});
    // Cue 2: done on the 11th, a slip on the 13th.
    on(s, "2026-11-11", {"log", "2", "--note", "felt lighter after writing"});
    on(s, "2026-11-13", {"log", "2", "--slip", "--note", "left the journal at work"});
    // This week, up to yesterday.
    log_days(s, "1", "2026-11-16", "ddds");
    on(s, "2026-11-16", {"log", "2"});
    on(s, "2026-11-18", {"log", "2"});

    // Mood and energy for two weeks and this week, with a low run on 10-12 November. Energy is
    // not rated on the 13th.
    const int mood[] = {6, 5, 7, 6, 5, 6, 7, 6, 3, 2, 3, 5, 6, 7, 6, 7, 6, 7};
    const int energy[] = {5, 4, 6, 5, 5, 6, 6, 5, 3, 3, 4, -1, 5, 6, 5, 6, 5, 6};
    for (int i = 0; i < 18; ++i) {
        const std::string day = day_after("2026-11-02", i);
        std::vector<std::string> args{"rate", std::to_string(mood[i])};
        if (energy[i] >= 0) args.insert(args.end(), {"--energy", std::to_string(energy[i])});
        on(s, day, args);
    }

    // A note with a rating, and a new step for cue 2, both in the period.
    on(s, "2026-11-11", {"rate", "2", "--energy", "3", "--note", "heavy, and I said so"});
    on(s, "2026-11-13", {"cue", "step", "2", "write four lines", "--note", "three came easily"});

    on(s, "2026-11-05", {"journal", "add", "Told my sister about the session", "--tag", "win"});
    on(s, "2026-11-09", {"journal", "add", "Walked to work and noticed the trees", "--tag", "win"});
    on(s, "2026-11-12", {"journal", "add", "Hard meeting, skipped lunch", "--tag", "obstacle"});
    on(s, "2026-11-14",
       {"journal", "add", "Rest is part of the practice", "--kind", "understanding"});
    on(s, "2026-11-16", {"journal", "add", "Slept eight hours", "--tag", "win"});
}

// One sandbox with the store, built once per process for the review tests (about 90 runs).
const Sandbox& store() {
    static const Sandbox s;
    static const bool built = (build_store(s), true);
    (void)built;
    return s;
}

Value review_json(const std::vector<std::string>& extra_args = {}, const Env& env = {}) {
    std::vector<std::string> args{"review", "--json"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    return parse(store().ok(args, env).out);
}

const Value& cue(const Value& review, int id) {
    for (const auto& c : review["cues"].items)
        if (c["id"].integer() == id) return c;
    FAIL("no cue ", id, " in the review");
    throw std::logic_error("unreachable");
}

void check_counts(const Value& c, int scheduled, int done, int skipped, int slipped, int missed) {
    CHECK(c["scheduled_days"].integer() == scheduled);
    CHECK(c["done_days"].integer() == done);
    CHECK(c["skipped_days"].integer() == skipped);
    CHECK(c["slipped_days"].integer() == slipped);
    CHECK(c["missed_days"].integer() == missed);
}

std::vector<std::string> marks(const Value& c) {
    std::vector<std::string> out;
    for (const auto& d : c["calendar"].items)
        out.push_back(d["mark"].str());
    return out;
}

// Strength as SPEC §5 defines it, over scheduled days: d done, s slip or missed, k skip.
// kint writes fractions with three decimals: equal to `x` within that rounding.
doctest::Approx r3(double x) {
    return doctest::Approx(x).epsilon(0.0005 / (1 + std::abs(x))).scale(1);
}

double strength(std::string_view days) {
    const double m = std::pow(0.5, 1.0 / 13.0);
    double s = 0;
    for (char c : days) {
        if (c == 'd') s = s * m + (1 - m);
        if (c == 's') s = s * m;
    }
    return s;
}

std::filesystem::path golden_dir() {
    return std::filesystem::path(__FILE__).parent_path() / "golden";
}

// Compares `actual` with the golden file byte for byte, or rewrites it with KINT_UPDATE_GOLDEN=1.
void check_golden(const std::string& name, const std::string& actual) {
    const auto path = golden_dir() / name;
    if (const char* update = std::getenv("KINT_UPDATE_GOLDEN"); update && *update == '1') {
        std::filesystem::create_directories(golden_dir());
        write_file(path.string(), actual);
        MESSAGE("updated ", path.string());
        return;
    }
    const auto expected = read_file(path.string());
    INFO("golden file ", path.string(), " (regenerate with KINT_UPDATE_GOLDEN=1)");
    REQUIRE(expected.has_value());
    if (*expected == actual) return;
    // Point at the first line that differs; the whole texts follow.
    std::size_t line = 1, i = 0;
    for (; i < expected->size() && i < actual.size() && (*expected)[i] == actual[i]; ++i)
        if (actual[i] == '\n') ++line;
    INFO("first difference on line ", line);
    CHECK(actual == *expected);
}

} // namespace

TEST_CASE("review: the default period is the last complete week") {
    const auto r = review_json();
    CHECK(r["period"]["from"].str() == "2026-11-09");
    CHECK(r["period"]["to"].str() == "2026-11-15");
    for (const char* key : {"period", "intentions", "cues", "mood", "energy", "wins", "obstacles",
                            "phase", "prompts", "safety"})
        CHECK_MESSAGE(r.has(key), key);
    CHECK(r == review_json({"--week", "last"}));
    CHECK(r == review_json({"--format", "json"}));
    CHECK(r == review_json({"--week", "2026-W46"}));

    REQUIRE(r["intentions"].size() == 2);
    CHECK(r["intentions"][0]["text"].str() == "Cultivate calm even when anxiety rises.");
    CHECK(r["intentions"][1]["focus"].boolean());

    REQUIRE(r["cues"].size() == 2);
    const auto& c1 = cue(r, 1);
    CHECK(c1["behavior"].str() == "write one sentence");
    CHECK(c1["trigger"].str() == "I pour my coffee");
    CHECK(c1["kind"].str() == "after");
    // 9, 10, 11, 14, 15 (12 and 13 paused): done 9 and 14, skip 15, slip 10, missed 11.
    check_counts(c1, 5, 2, 1, 1, 1);
    CHECK(c1["consistency"].num() == r3(0.5)); // 2 / (5 - 1)
    CHECK(c1["previous_consistency"].num() == r3(5.0 / 6.0));
    CHECK(c1["comebacks"].integer() == 1); // the 14th, after the missed 11th across the pause
    CHECK(c1["mood_on_done_days"].num() == r3(6.0));  // 9: 6, 14: 6
    CHECK(c1["mood_on_other_days"].num() == r3(4.0)); // 10: 3, 11: 2, 15: 7
    CHECK(c1["suggestion"].str() == "keep");          // 0.5 is not below 0.5
    CHECK(c1["phase"]["name"].str() == "Stability");
    CHECK(c1["phase"]["week"].integer() == 3);
    CHECK(marks(c1) ==
          std::vector<std::string>{"done", "slip", "missed", "paused", "paused", "done", "skip"});
    // 26 Oct .. 15 Nov: d d d s d d d d k d d (missed) d d | d s (missed) (paused x2) d k
    CHECK(c1["strength"].num() == r3(strength("dddsddddkddsdd"
                                              "dssdk")));
    CHECK(c1["previous_strength"].num() == r3(strength("dddsddddkddsdd")));

    const auto& c2 = cue(r, 2);
    CHECK(c2["kind"].str() == "place");
    CHECK(c2["trigger"].str() == "journal on my pillow");
    CHECK(c2["intention_id"].integer() == 2);
    check_counts(c2, 2, 1, 0, 1, 0); // created Wednesday: Monday the 9th does not count
    CHECK(c2["consistency"].num() == r3(0.5));
    CHECK(c2["comebacks"].integer() == 0);
    CHECK(c2["mood_on_done_days"].num() == r3(2.0));
    CHECK(c2["mood_on_other_days"].num() == r3(5.0));
    CHECK(c2["previous_consistency"].is_null());
    CHECK(c2["phase"]["name"].str() == "Establishment");
    CHECK(c2["strength"].num() == r3(strength("ds")));
    CHECK(marks(c2) == std::vector<std::string>{"not_scheduled", "not_scheduled", "done",
                                                "not_scheduled", "slip", "not_scheduled",
                                                "not_scheduled"});

    const auto& mood = r["mood"];
    CHECK(mood["days_rated"].integer() == 7);
    CHECK(mood["average"].num() == r3(32.0 / 7));
    CHECK(mood["min"].integer() == 2);
    CHECK(mood["max"].integer() == 7);
    CHECK(mood["previous_average"].num() == r3(6.0));
    REQUIRE(mood["values"].size() == 7);
    CHECK(mood["values"][1]["day"].str() == "2026-11-10");
    CHECK(mood["values"][1]["value"].integer() == 3);
    const auto& energy = r["energy"];
    CHECK(energy["days_rated"].integer() == 6); // not rated on the 13th
    CHECK(energy["average"].num() == r3(26.0 / 6));
    CHECK(energy["min"].integer() == 3);
    CHECK(energy["max"].integer() == 6);
    CHECK(energy["previous_average"].num() == r3(37.0 / 7));

    REQUIRE(r["wins"].size() == 3);
    CHECK(r["wins"][0]["text"].str() == "Walked to work and noticed the trees");
    CHECK(r["wins"][1]["text"].str() == "wrote about the rain");
    CHECK(r["wins"][1]["cue_id"].integer() == 1);
    CHECK(r["wins"][2]["text"].str() == "felt lighter after writing");
    REQUIRE(r["obstacles"].size() == 3);
    CHECK(r["obstacles"][0]["text"].str() == "overslept, rushed out");
    CHECK(r["obstacles"][1]["text"].str() == "Hard meeting, skipped lunch");
    CHECK(r["obstacles"][2]["text"].str() == "left the journal at work");

    CHECK(r["phase"]["name"].str() == "Days 4-14");
    CHECK(r["phase"]["day"].integer() == 12);
    CHECK(r["phase"]["guidance"].size() >= 1);
    REQUIRE(r["prompts"].size() == 3);
    for (const auto& p : r["prompts"].items) {
        CHECK_FALSE(p["id"].str().empty());
        CHECK_FALSE(p["text"].str().empty());
    }
}

TEST_CASE("review: safety comes first when a low run overlaps the period") {
    const auto r = review_json();
    CHECK(r.keys().front() == "safety");
    CHECK(r["safety"]["triggered"].boolean());
    REQUIRE(r["safety"]["days"].size() == 3);
    CHECK(r["safety"]["days"][0].str() == "2026-11-10");
    CHECK(r["safety"]["days"][2].str() == "2026-11-12");
    CHECK(r["safety"]["message"].str().starts_with(safety_message));
    CHECK(r["safety"].has("contact"));

    const auto text = store().ok({"review"}).out;
    CHECK(text.starts_with("Your mood has been 3 or lower for 3 days in a row (2026-11-10 to "
                           "2026-11-12).\n" +
                           safety_message));
    // Markdown (what cron mails): the note before anything else, the title after it.
    const auto md = store().ok({"review", "--format", "markdown"}).out;
    CHECK(md.starts_with("> **Safety note.** Your mood has been 3 or lower for 3 days in a row "
                         "(2026-11-10 to 2026-11-12).\n>\n> " +
                         safety_message));
    CHECK(contains(md, "\n\n# kint weekly review: 2026-11-09 to 2026-11-15 (week 2026-W46)\n"));

    // Not in a week the run does not touch.
    const auto this_week = review_json({"--week", "this"});
    CHECK_FALSE(this_week["safety"]["triggered"].boolean());
    CHECK(this_week.keys().front() == "safety"); // the key is always there, and always first
    CHECK_FALSE(contains(store().ok({"review", "--week", "this"}).out, safety_message));
    CHECK_FALSE(
        contains(store().ok({"review", "--week", "this", "--format", "markdown"}).out, "Safety"));
}

TEST_CASE("review: --week this, an ISO week, and --since/--until") {
    SUBCASE("this week counts up to today; later days are future, never missed") {
        const auto r = review_json({"--week", "this"});
        CHECK(r["period"]["from"].str() == "2026-11-16");
        CHECK(r["period"]["to"].str() == "2026-11-22");
        // 16-19 logged d d d s; today the 20th has no entry yet: open, counted nowhere.
        check_counts(cue(r, 1), 4, 3, 0, 1, 0);
        CHECK(cue(r, 1)["consistency"].num() == r3(0.75));
        CHECK(marks(cue(r, 1)) ==
              std::vector<std::string>{"done", "done", "done", "slip", "open", "future", "future"});
        check_counts(cue(r, 2), 2, 2, 0, 0, 0); // 16, 18 done; 20 open
        CHECK(r["mood"]["days_rated"].integer() == 4);
        CHECK(r["mood"]["average"].num() == r3(6.5));
        CHECK(r["mood"]["previous_average"].num() == r3(32.0 / 7));
        CHECK(r["phase"]["day"].integer() == 19);
        CHECK(r["phase"]["name"].str() != "Days 4-14"); // past the timeline
        REQUIRE(r["wins"].size() == 1);
        CHECK(r["wins"][0]["text"].str() == "Slept eight hours");
    }
    SUBCASE("2026-W45 is 2 to 8 November; the cue placed later is not in it") {
        const auto r = review_json({"--week", "2026-W45"});
        CHECK(r["period"]["from"].str() == "2026-11-02");
        CHECK(r["period"]["to"].str() == "2026-11-08");
        REQUIRE(r["cues"].size() == 1);
        check_counts(cue(r, 1), 7, 5, 1, 0, 1);
        // The 7th after the missed 6th; the 4th after the skipped 3rd is not a comeback.
        CHECK(cue(r, 1)["comebacks"].integer() == 1);
        CHECK(r["mood"]["average"].num() == r3(6.0));
        CHECK_FALSE(r["safety"]["triggered"].boolean());
        REQUIRE(r["wins"].size() == 1);
        CHECK(r["wins"][0]["text"].str() == "Told my sister about the session");
        CHECK(r == review_json({"--week", "2026w45"}));
        CHECK(r == review_json({"--week", "2026-11-05"}));
    }
    SUBCASE("--since/--until: any range, inclusive") {
        const auto r = review_json({"--since", "2026-11-01", "--until", "2026-11-15"});
        CHECK(r["period"]["from"].str() == "2026-11-01");
        CHECK(r["period"]["to"].str() == "2026-11-15");
        // 13 scheduled days (12 and 13 paused): done 1,2,4,5,7,8,9,14; skip 3,15; slip 10;
        // missed 6,11.
        check_counts(cue(r, 1), 13, 8, 2, 1, 2);
        CHECK(cue(r, 1)["comebacks"].integer() == 2);
        CHECK(cue(r, 1)["consistency"].num() == r3(8.0 / 11));
        check_counts(cue(r, 2), 2, 1, 0, 1, 0);
        CHECK(r["mood"]["days_rated"].integer() == 14);
        CHECK(r["safety"]["triggered"].boolean());
        CHECK(cue(r, 1)["calendar"].size() == 15);
        // A lone --until reviews the 7 days ending there.
        const auto week = review_json({"--until", "2026-11-15"});
        CHECK(week["period"]["from"].str() == "2026-11-09");
        CHECK(week == review_json());
        // Seven days from a Friday are no one ISO week: the title names no week.
        const auto friday = store().ok({"review", "--until", "2026-11-12"}).out;
        CHECK(contains(friday, "2026-11-06 to 2026-11-12\n"));
        CHECK_FALSE(contains(friday, "(week"));
        CHECK(contains(store().ok({"review", "--until", "2026-11-15"}).out,
                       "2026-11-09 to 2026-11-15 (week 2026-W46)"));
    }
}

TEST_CASE("review: week_starts = sunday in the user config moves the week") {
    Sandbox s;
    build_store(s);
    write_file(s.config(), "[day]\nweek_starts = \"sunday\"\n");
    const auto r = parse(s.ok({"review", "--json"}).out);
    CHECK(r["period"]["from"].str() == "2026-11-08");
    CHECK(r["period"]["to"].str() == "2026-11-14");
    // 8, 9, 10, 11, 14 scheduled: 8 done, 9 done, 10 slip, 11 missed, 14 done.
    check_counts(cue(r, 1), 5, 3, 0, 1, 1);
    const auto this_week = parse(s.ok({"review", "--json", "--week", "this"}).out);
    CHECK(this_week["period"]["from"].str() == "2026-11-15");
    CHECK(this_week["period"]["to"].str() == "2026-11-21");
    // An ISO week names the sunday-week holding its Monday.
    const auto iso = parse(s.ok({"review", "--json", "--week", "2026-W46"}).out);
    CHECK(iso["period"]["from"].str() == "2026-11-08");
    const auto text = s.ok({"review"}).out;
    // Named by the ISO week of its Monday (the 9th), not of the Sunday it starts on.
    CHECK(contains(text, "2026-11-08 to 2026-11-14 (week 2026-W46)"));
    CHECK(contains(s.ok({"review", "--week", "2026-W46"}).out, "(week 2026-W46)"));
    // Every format names it alike (the page once took the Sunday's week, W45).
    CHECK(contains(s.ok({"review", "--format", "html"}).out, "week 2026-W46</span>"));
    CHECK(contains(s.ok({"review", "--format", "markdown"}).out, "(week 2026-W46)"));
    CHECK(contains(text, "Su Mo Tu We Th Fr Sa"));
}

TEST_CASE("review: markdown has no colour, text has it only when asked") {
    const auto md = store().ok({"review", "--format", "markdown", "--color", "always"}).out;
    CHECK_FALSE(contains(md, "\x1b"));
    CHECK(md == store().ok({"review", "--format", "markdown"}).out);
    const auto coloured = store().ok({"review", "--color", "always"}).out;
    CHECK(contains(coloured, "\x1b["));
    // NO_COLOR and pipes give plain text; plain text has no escape at all.
    CHECK_FALSE(contains(store().ok({"review"}).out, "\x1b"));
    CHECK_FALSE(contains(store().ok({"review"}, {{"NO_COLOR", std::nullopt}}).out, "\x1b"));
}

TEST_CASE("review: --out writes the file (0600) and nothing to stdout") {
    const Sandbox& s = store();
    const auto md_path = s.path("review.md");
    const auto r = s.ok({"review", "--format", "markdown", "--out", md_path});
    CHECK(r.out.empty());
    CHECK(mode_of(md_path) == 0600);
    CHECK(read_file(md_path) == s.ok({"review", "--format", "markdown"}).out);

    // Text into a file is plain, even with --color always; an existing file is replaced.
    const auto txt_path = s.path("review.txt");
    write_file(txt_path, "old contents that are longer than nothing");
    const auto t = s.ok({"review", "--color", "always", "--out", txt_path});
    CHECK(t.out.empty());
    const auto written = read_file(txt_path);
    REQUIRE(written);
    CHECK_FALSE(contains(*written, "\x1b"));
    CHECK(*written == s.ok({"review"}).out);
    CHECK(mode_of(txt_path) == 0600);

    const auto json_path = s.path("review.json");
    CHECK(s.ok({"review", "--json", "--out", json_path}).out.empty());
    const auto json = read_file(json_path);
    REQUIRE(json);
    CHECK(parse(*json) == review_json());

    // A missing folder is not made (a typo leaves nothing behind): exit 1, one line naming it.
    const auto missing = s.run({"review", "--out", s.path("new/dir/review.md")});
    CHECK(missing.code == 1);
    CHECK(is_error_line(missing.err));
    CHECK(contains(missing.err, "the folder " + s.path("new/dir") + " does not exist"));
    CHECK(mode_of(s.path("new")) == -1);
    // A path that cannot be a folder is exit 1, one line.
    const auto bad = s.run({"review", "--out", s.path("review.json/review.md")});
    CHECK(bad.code == 1);
    CHECK(is_error_line(bad.err));
    CHECK(bad.out.empty());
}

TEST_CASE("review: bad periods are usage errors on one line") {
    const Sandbox& s = store();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--week", "2026-W60"},
             {"--week", "2026-W00"},
             {"--week", "lastweek"},
             {"--week", "last", "--since", "2026-11-01"},
             {"--week", "this", "--until", "2026-11-15"},
             {"--since", "2026-11-15", "--until", "2026-11-01"},
             {"--since", "2026-02-30"},
             {"--format", "pdf"},
             {"--json", "--format", "markdown"},
             {"--format", "html", "--json"},
         }) {
        std::vector<std::string> full{"review"};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = s.run(full);
        CAPTURE(args.front() + " " + args.back());
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(r.out.empty());
    }
    CHECK(s.run({"review", "--json", "--format", "text"}).err ==
          "kint: --json and --format text ask for two formats; give one of them\n");
    CHECK(s.ok({"review", "--json", "--format", "json"}).out == s.ok({"review", "--json"}).out);
    const auto w60 = s.run({"review", "--week", "2026-W60"});
    CHECK(contains(w60.err, "2026-W60"));
    CHECK(contains(w60.err, "2026-W53")); // 2026 has 53 ISO weeks
    // A slip of the keys (found by fuzz_cli: thousands of years drawn day by day took minutes).
    const auto far =
        s.run({"review", "--since", "2026-11-01", "--until", "9197-11-20", "--format", "html"});
    CHECK(far.code == 2);
    CHECK(far.out.empty());
    CHECK(far.err == "kint: --since 2026-11-01 to --until 9197-11-20 is 2619174 days; a review "
                     "covers up to 100 years (36525 days): choose days closer together\n");
    // A hundred years is still a review.
    CHECK(s.run({"review", "--since", "1926-11-21", "--until", "2026-11-20"}).code == 0);
}

TEST_CASE("review: an archived cue shows in the weeks it ran, closed, and not after") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, {{"KINT_TODAY", "2026-10-26"}});
    for (int d = 2; d <= 15; ++d)
        s.ok({"log", "1", "--day", fmt::format("2026-11-{:02}", d)});
    s.ok({"cue", "archive", "1"}, {{"KINT_TODAY", "2026-11-16"}});
    // The week before it was archived: every day done, yet no "room to grow" for a closed cue.
    const auto last = parse(s.ok({"review", "--week", "2026-W46", "--json"}).out);
    REQUIRE(last["cues"].size() == 1);
    CHECK(last["cues"][0]["suggestion"].str() == "keep");
    CHECK(last["cues"][0]["suggestion_text"].str() ==
          "Archived on 2026-11-16: its history stays, nothing to adjust.");
    for (const char* format : {"text", "markdown", "html"})
        CHECK(contains(s.ok({"review", "--week", "2026-W46", "--format", format}).out,
                       "Archived on 2026-11-16: its history stays, nothing to adjust."));
    // The week it was archived on its first day: nothing of it to show.
    CHECK(parse(s.ok({"review", "--week", "2026-W47", "--json"}).out)["cues"].size() == 0);
}

TEST_CASE("review: a first week's review says the cues began after the period") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}); // on 2026-11-20, a Friday
    const auto text = s.ok({"review"}).out;                       // last week: 11-09 to 11-15
    CHECK(contains(text, "No cues in this period: yours began after it. This week so far: kint "
                         "review --week this"));
    CHECK_FALSE(contains(text, "Place one"));
    CHECK(contains(s.ok({"review", "--format", "markdown"}).out,
                   "No cues in this period: yours began after it."));
    CHECK(contains(s.ok({"review", "--format", "html"}).out, "yours began after it"));
    CHECK(parse(s.ok({"review", "--week", "this", "--json"}).out)["cues"].size() == 1);
}

TEST_CASE("review: an empty store reviews calmly") {
    Sandbox s;
    const auto r = parse(s.ok({"review", "--json"}).out);
    CHECK(r["cues"].size() == 0);
    CHECK(r["mood"]["days_rated"].integer() == 0);
    CHECK(r["mood"]["average"].is_null());
    CHECK(r["phase"].is_null());
    CHECK_FALSE(r["safety"]["triggered"].boolean());
    const auto text = s.ok({"review"}).out;
    CHECK(contains(text, "2026-11-09 to 2026-11-15"));
    CHECK(contains(text, "No cues in this period yet"));
}

TEST_CASE("review: a low run that began weeks before the period is shown whole") {
    // The review reads a month of ratings; a low mood on that month's first day makes it read
    // 400 days either side instead, so the note names the run from its first day.
    Sandbox s;
    for (int i = 0; i < 41; ++i)
        s.ok({"rate", "2", "--day", day_after("2026-10-01", i)});
    s.ok({"rate", "6", "--day", "2026-11-11"});
    const auto before = s.snapshot();
    const auto r = parse(s.ok({"review", "--json"}).out);
    REQUIRE(r["safety"]["triggered"].boolean());
    REQUIRE(r["safety"]["days"].size() == 41);
    CHECK(r["safety"]["days"][0].str() == "2026-10-01");
    CHECK(r["safety"]["days"][40].str() == "2026-11-10");
    CHECK(s.ok({"review"})
              .out.starts_with("Your mood has been 3 or lower for 41 days in a row (2026-10-01 to "
                               "2026-11-10).\n"));
    // The period's own figures still count only the period and the one before.
    CHECK(r["mood"]["days_rated"].integer() == 3);
    CHECK(r["mood"]["previous_average"].num() == 2.0);
    s.forget_views(); // a cache beside the store
    CHECK(s.snapshot() == before);
}

TEST_CASE("review: markdown escapes the person's own text and keeps a note in its item") {
    Sandbox s;
    s.ok({"intent", "add", "Be <b>bold</b> [kind](javascript:alert(1))"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"cue", "add", "--after", "my_coffee", "--do", "write *one* line"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"journal", "add", "A `good` day\n# not a heading\n<script>x</script>", "--tag", "win",
          "--day", "2026-11-12"});
    const auto before = s.snapshot();
    const auto md = s.ok({"review", "--format", "markdown"}).out;
    CHECK(contains(md, "- Be \\<b\\>bold\\</b\\> \\[kind\\](javascript:alert(1)) *(focus)*\n"));
    CHECK(contains(md, "### #1 after my\\_coffee: write \\*one\\* line\n"));
    // A later line never starts a heading inside the item (issue 11).
    CHECK(contains(md, "- 2026-11-12: A \\`good\\` day\n  \\# not a heading\n  "
                       "\\<script\\>x\\</script\\>\n"));
    CHECK_FALSE(contains(md, "<script>"));
    // Text and JSON show the words as typed.
    CHECK(contains(s.ok({"review"}).out, "# not a heading"));
    CHECK(contains(s.ok({"review", "--json"}).out, "<script>x</script>"));
    s.forget_views(); // a cache beside the store
    CHECK(s.snapshot() == before);
}

TEST_CASE("review: golden text and markdown") {
    const Sandbox& s = store();
    check_golden("review.txt", s.ok({"review"}).out);
    check_golden("review.md", s.ok({"review", "--format", "markdown"}).out);
}

TEST_CASE("review: an if-then cue shows occurrences, never misses") {
    Sandbox s;
    s.ok({"intent", "add", "Calm"});
    s.ok({"cue", "add", "--if", "my jaw clenches", "--do", "five slow breaths"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"log", "1", "--day", "2026-11-10"});
    s.ok({"log", "1", "--day", "2026-11-12", "--slip"});
    s.ok({"log", "1", "--day", "2026-11-14"});
    const auto r = parse(s.ok({"review", "--json"}).out); // 9 to 15 November
    REQUIRE(r["cues"].size() == 1);
    const auto& c = r["cues"][0];
    CHECK(c["occurrences"].integer() == 3);
    check_counts(c, 3, 2, 0, 1, 0);
    CHECK(c["consistency"].num() == r3(2.0 / 3.0));
    CHECK(c["comebacks"].integer() == 1);
    CHECK(c["per"].is_null());
    CHECK(c["target"].is_null());
    CHECK_FALSE(c["at_most"].boolean());
    CHECK(marks(c) == std::vector<std::string>{"not_scheduled", "done", "not_scheduled", "slip",
                                               "not_scheduled", "done", "not_scheduled"});
    const auto text = s.ok({"review"}).out;
    CHECK(contains(text, "came up 3 times: done 2, not this time 1 · consistency 67%"));
    CHECK_FALSE(contains(text, "missed,"));
    CHECK_FALSE(contains(text, "after a miss"));
    // This week: nothing arose yet; today is not open for a situation.
    const auto now = parse(s.ok({"review", "--week", "this", "--json"}).out);
    CHECK(now["cues"][0]["occurrences"].integer() == 0);
    CHECK(now["cues"][0]["missed_days"].integer() == 0);
    CHECK(now["cues"][0]["consistency"].is_null());
    CHECK(contains(s.ok({"review", "--week", "this"}).out, "did not come up this period"));
}

TEST_CASE("review: step changes, rating notes, and no comparison for a cue that did not exist") {
    const auto r = review_json();
    const auto& c2 = cue(r, 2);
    REQUIRE(c2["steps_changed"].items.size() == 1);
    CHECK(c2["steps_changed"][0]["day"].str() == "2026-11-13");
    CHECK(c2["steps_changed"][0]["behavior"].str() == "write four lines");
    CHECK(c2["steps_changed"][0]["before"].str() == "write three lines");
    CHECK(c2["steps_changed"][0]["note"].str() == "three came easily");
    CHECK(cue(r, 1)["steps_changed"].items.empty());
    // Cue 2 was placed on the 11th: there was no week before to compare its strength with.
    CHECK(c2["previous_strength"].is_null());
    CHECK(cue(r, 1)["previous_strength"].num() > 0);
    REQUIRE(r["rating_notes"].items.size() == 1);
    CHECK(r["rating_notes"][0]["day"].str() == "2026-11-11");
    CHECK(r["rating_notes"][0]["kind"].str() == "mood");
    CHECK(r["rating_notes"][0]["value"].integer() == 2);
    CHECK(r["rating_notes"][0]["note"].str() == "heavy, and I said so");
    // Paused days say so in every format: JSON above (marks), text, markdown and HTML.
    CHECK(contains(store().ok({"review", "--format", "html"}).out, "m-paused"));
    CHECK(contains(store().ok({"review", "--format", "markdown"}).out, "‖\u00a0paused"));
}

TEST_CASE("review: on a narrow terminal lines wrap at spaces, never inside a word") {
    const Sandbox& s = store();
    const std::string piped = s.ok({"review"}).out;
    Pty pty(s, {"review"}, {{"NO_COLOR", "1"}}, 50);
    REQUIRE(pty.wait() == 0);
    std::string shown = pty.output();
    std::erase(shown, '\r');
    // Every line fits in 50 columns (kint's symbols are one column each).
    std::istringstream lines(shown);
    for (std::string line; std::getline(lines, line);) {
        std::size_t columns = 0;
        for (const unsigned char c : line)
            columns += (c & 0xC0) != 0x80;
        CHECK_MESSAGE(columns <= 50, line);
    }
    // The same words in the same order: nothing cut, nothing lost ("seek urgent care").
    const auto words = [](const std::string& text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string w; in >> w;)
            out.push_back(w);
        return out;
    };
    CHECK(words(shown) == words(piped));
    CHECK(contains(shown, "urgent"));
    // Piped, the text is as it was: the safety note on one long line.
    CHECK(contains(piped, "seek urgent care. Pair medical support with your plan.\n"));
}

TEST_CASE("review: --since alone names today, not an --until nobody typed") {
    const auto r = store().run({"review", "--since", "2026-12-30"});
    CHECK(r.code == 2);
    CHECK(r.err == "kint: --since 2026-12-30 is after today (2026-11-20); give a day up to today, "
                   "or an --until on or after it\n");
    CHECK_FALSE(contains(store().run({"review", "--since", "1900-01-01"}).err, "--until"));
}
