// kint review --month and long --since/--until spans (SPEC §7.4): summarised by week in every
// format, the heading naming the span, and bad months refused with a fix.
//
// Golden file: tests/e2e/golden/review_month.txt (text, NO_COLOR) holds `review --month 2026-09`
// of the small store below under KINT_TODAY=2026-10-05. Regenerate after an intended change:
//
//     KINT_UPDATE_GOLDEN=1 ./build/dev/tests/kint_e2e_tests -tc='review month: golden*'
#include "harness.hpp"
#include "jsonlite.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

using namespace kint::e2e;
using jsonlite::parse;

namespace {

// 2026-09-01 + n days, for n within September and the first days of October.
std::string sept(int n) {
    return n < 30 ? fmt::format("2026-09-{:02}", n + 1) : fmt::format("2026-10-{:02}", n - 29);
}

// Logs cue `cue` in September by `marks` (d done, s slip, k skip, '.' nothing), one run each.
void log_month(const Sandbox& s, const std::string& cue, std::string_view marks) {
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const std::string day = sept(static_cast<int>(i));
        if (marks[i] == '.') continue;
        std::vector<std::string> args{"log", cue, "--day", day};
        if (marks[i] == 's') args.push_back("--slip");
        if (marks[i] == 'k') args.push_back("--skip");
        s.ok(args, {{"KINT_TODAY", "2026-10-01"}});
    }
}

// A small store: an intention, two cues placed in August, September's logs, a step change on
// 14 September, a session on the 10th, mood for every day and energy on some.
void small_store(const Sandbox& s) {
    const Env aug{{"KINT_TODAY", "2026-08-20"}};
    s.ok({"intent", "add", "I can be kind to myself"}, aug);
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence"}, aug);
    s.ok({"cue", "add", "--after", "lunch", "--do", "walk five minutes", "--days", "mon,wed,fri"},
         aug);
    log_month(s, "1", "ddsdd.dddkdddddsddddd.ddddddd.d");
    log_month(s, "2", ".d.d..d.d.d..d...d..d.s.d..d.d");
    s.ok({"cue", "step", "1", "write two sentences", "--note", "felt easy"},
         {{"KINT_TODAY", "2026-09-14"}});
    s.ok({"session", "add", "2026-09-10", "--note", "third session"},
         {{"KINT_TODAY", "2026-09-10"}});
    for (int i = 0; i < 30; ++i) {
        std::vector<std::string> args{"rate", std::to_string(3 + (i * 7) % 6), "--day", sept(i)};
        if (i % 3 == 0) args.insert(args.end(), {"--energy", std::to_string(4 + i % 4)});
        s.ok(args, {{"KINT_TODAY", "2026-10-01"}});
    }
}

const Sandbox& store() {
    static const Sandbox s;
    static const bool built = (small_store(s), true);
    (void)built;
    return s;
}

const Env october{{"KINT_TODAY", "2026-10-05"}};

std::filesystem::path golden_dir() {
    return std::filesystem::path(__FILE__).parent_path() / "golden";
}

void check_golden(const std::string& name, const std::string& actual) {
    const auto path = golden_dir() / name;
    if (std::getenv("KINT_UPDATE_GOLDEN")) write_file(path.string(), actual);
    const auto expected = read_file(path.string());
    INFO("golden file ", path.string(), " (regenerate with KINT_UPDATE_GOLDEN=1)");
    REQUIRE(expected);
    CHECK(actual == *expected);
}

std::size_t lines_of(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("review month: golden text of a small store") {
    const auto r = store().ok({"review", "--month", "2026-09"}, october);
    check_golden("review_month.txt", r.out);
    CHECK(contains(r.out, "Review · September 2026"));
    CHECK_FALSE(contains(r.out, "Weekly review"));
    CHECK(contains(r.out, "Sep  7"));
    CHECK(count_of(r.out, "Mo Tu We Th Fr Sa Su") == 2); // one header per cue, not per week
    // `last` on 5 October is September.
    CHECK(store().ok({"review", "--month", "last"}, october).out == r.out);
}

TEST_CASE("review month: markdown and html name the month and show the weeks") {
    const auto md = store().ok({"review", "--month", "2026-09", "--format", "markdown"}, october);
    CHECK(contains(md.out, "# kint review: September 2026\n"));
    CHECK(contains(md.out, "| Week of | Mo | Tu | We | Th | Fr | Sa | Su | Done | Strength |"));
    CHECK(contains(md.out, "| Sep 28 |"));
    CHECK(contains(md.out,
                   "new step on Mo 14 Sep: write two sentences (before: write one sentence)"));
    CHECK(contains(md.out, "- ◆ 2026-09-10: third session"));
    CHECK(contains(md.out, "| Week of | Mood | Energy |"));
    const auto html = store().ok({"review", "--month", "2026-09", "--format", "html"}, october);
    CHECK(contains(html.out, "<title>kint review · September 2026</title>"));
    CHECK(contains(html.out, "<h1>Your review · September 2026</h1>"));
    CHECK(contains(html.out, R"(<span class="dn mon">1 Sep</span>)"));
    CHECK(contains(html.out, R"(<table class="weeks">)"));
    CHECK(contains(html.out, "a new step"));
    CHECK_FALSE(contains(html.out, "http://"));
    CHECK_FALSE(contains(html.out, "https://"));
}

TEST_CASE("review month: the JSON has weeks, steps, sessions, mood weeks and mood links") {
    const auto r = store().ok({"review", "--month", "2026-09", "--json"}, october);
    const auto doc = parse(r.out);
    CHECK(doc["period"]["from"].str() == "2026-09-01");
    CHECK(doc["period"]["to"].str() == "2026-09-30");
    const auto& cue = doc["cues"][0];
    REQUIRE(cue["weeks"].size() == 5);
    CHECK(cue["weeks"][0]["from"].str() == "2026-09-01");
    CHECK(cue["weeks"][0]["to"].str() == "2026-09-06");
    CHECK(cue["weeks"][4]["from"].str() == "2026-09-28");
    CHECK(cue["weeks"][4]["to"].str() == "2026-09-30");
    int scheduled = 0, done = 0;
    for (std::size_t i = 0; i < cue["weeks"].size(); ++i) {
        scheduled += static_cast<int>(cue["weeks"][i]["scheduled_days"].num());
        done += static_cast<int>(cue["weeks"][i]["done_days"].num());
        CHECK(cue["weeks"][i]["strength"].num() >= 0);
    }
    CHECK(scheduled == static_cast<int>(cue["scheduled_days"].num()));
    CHECK(done == static_cast<int>(cue["done_days"].num()));
    CHECK(cue["weeks"][4]["strength"].num() == doctest::Approx(cue["strength"].num()));
    REQUIRE(cue["steps_changed"].size() == 1);
    CHECK(cue["steps_changed"][0]["day"].str() == "2026-09-14");
    CHECK(cue["steps_changed"][0]["behavior"].str() == "write two sentences");
    CHECK(cue["steps_changed"][0]["note"].str() == "felt easy");
    CHECK(doc["cues"][1]["steps_changed"].size() == 0);
    REQUIRE(doc["sessions"].size() == 1);
    CHECK(doc["sessions"][0]["day"].str() == "2026-09-10");
    CHECK(doc["sessions"][0]["note"].str() == "third session");
    REQUIRE(doc["mood"]["weeks"].size() == 5);
    CHECK(doc["mood"]["weeks"][0]["from"].str() == "2026-09-01");
    CHECK(doc["mood"]["weeks"][0]["average"].type == jsonlite::Value::Type::number);
    CHECK(doc["energy"]["weeks"].size() == 5);
    const auto& link = cue["mood_link"];
    for (const char* side : {"same_day", "next_day"})
        for (const char* key :
             {"done_days", "other_days", "done_mean", "other_mean", "difference", "low", "high"})
            CHECK(link[side].has(key));
    CHECK(link["enough"].type == jsonlite::Value::Type::boolean);
    CHECK(link["same_day"]["done_days"].num() + link["same_day"]["other_days"].num() == 30);
}

TEST_CASE("review month: a week's JSON has steps and sessions too, and no weeks") {
    const auto r = store().ok({"review", "--week", "2026-09-14", "--json"}, october);
    const auto doc = parse(r.out);
    CHECK(doc["cues"][0]["weeks"].size() == 0);
    CHECK(doc["cues"][0]["steps_changed"].size() == 1);
    CHECK(doc["cues"][0]["mood_link"].has("enough"));
    CHECK(doc["sessions"].size() == 0);
    CHECK(doc["mood"]["weeks"].size() == 0);
    const auto text = store().ok({"review", "--week", "2026-09-14"}, october);
    CHECK(contains(text.out, "Weekly review · 2026-09-14 to 2026-09-20"));
    CHECK_FALSE(contains(text.out, "Mood on done days"));
}

TEST_CASE("review month: a long --since/--until span is summarised by week and named") {
    const auto r =
        store().ok({"review", "--since", "2026-09-09", "--until", "2026-09-30"}, october);
    CHECK(contains(r.out, "Review · 9–30 September\n"));
    CHECK(contains(r.out, "Sep  9"));
    const auto across =
        store().ok({"review", "--since", "2026-08-25", "--until", "2026-09-30"}, october);
    CHECK(contains(across.out, "Review · 25 August – 30 September\n"));
    const auto years =
        store().ok({"review", "--since", "2025-12-29", "--until", "2026-01-11"}, october);
    CHECK(contains(years.out, "Review · 29 December 2025 – 11 January 2026\n"));
    const auto doc = parse(
        store()
            .ok({"review", "--since", "2026-09-09", "--until", "2026-09-30", "--json"}, october)
            .out);
    CHECK(doc["cues"][0]["weeks"].size() == 4);
    CHECK(doc["cues"][0]["weeks"][0]["from"].str() == "2026-09-09");
    CHECK(doc["cues"][0]["weeks"][0]["to"].str() == "2026-09-13");
}

TEST_CASE("review month: a month's text with five cues stays under 100 lines") {
    Sandbox s;
    small_store(s);
    const Env aug{{"KINT_TODAY", "2026-08-20"}};
    s.ok({"cue", "add", "--after", "dinner", "--do", "stretch", "--per", "3/week"}, aug);
    s.ok({"cue", "add", "--if", "I feel the urge", "--do", "breathe slowly"}, aug);
    s.ok({"cue", "add", "--after", "I get into bed", "--do", "read a page", "--at", "22:00"}, aug);
    log_month(s, "3", "d..d...d.d..d...d..d.d...d..d.");
    log_month(s, "4", ".d....s..d......d....d.....d..");
    log_month(s, "5", "ddddd.ddddddd.ddddddd.dddddd.d");
    for (const char* day : {"2026-09-03", "2026-09-11", "2026-09-19"})
        s.ok({"journal", "add", fmt::format("A good day, {}", day), "--tag", "win", "--day", day},
             {{"KINT_TODAY", "2026-10-01"}});
    const auto r = s.ok({"review", "--month", "2026-09"}, october);
    INFO(r.out);
    CHECK(count_of(r.out, "\n#") + (r.out.starts_with("#") ? 1 : 0) == 5);
    CHECK(lines_of(r.out) < 100);
}

TEST_CASE("review month: bad months are usage errors that change nothing") {
    const Sandbox& s = store();
    const auto before = s.snapshot(october);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"review", "--month", "2026-13"},
          {"review", "--month", "lastmonth"},
          {"review", "--month", "2026-9"},
          {"review", "--month", ""},
          {"review", "--month", "last", "--week", "last"},
          {"review", "--month", "last", "--since", "2026-09-01"},
          {"review", "--month", "last", "--until", "2026-09-01"}}) {
        CAPTURE(args);
        const auto r = s.run(args, october);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(is_error_line(r.err));
        CHECK((contains(r.err, "--month") || contains(r.err, "month like")));
    }
    const auto r = s.run({"review", "--month", "2026-13"}, october);
    CHECK(contains(r.err,
                   "'2026-13' is not a month; use --month this, last or a month like 2026-10"));
    CHECK(s.snapshot(october) == before);
}

TEST_CASE("review month: this month's weeks still ahead have no figures yet") {
    const Env mid{{"KINT_TODAY", "2026-09-17"}};
    const auto r = store().ok({"review", "--month", "this"}, mid);
    CHECK(contains(r.out, "Review · September 2026\n"));
    CHECK(contains(r.out, "\n    Sep 21\n    Sep 28\n"));
    const auto doc = parse(store().ok({"review", "--month", "this", "--json"}, mid).out);
    REQUIRE(doc["cues"][0]["weeks"].size() == 5);
    CHECK(doc["cues"][0]["weeks"][4]["scheduled_days"].num() == 0);
    // The strength of a week not over is the strength today.
    CHECK(doc["cues"][0]["weeks"][2]["strength"].num() ==
          doctest::Approx(doc["cues"][0]["strength"].num()));
}
