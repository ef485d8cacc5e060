// kint report: the handout for a session with a therapist or coach, over a small store built
// through the real binary.
//
// Golden file: tests/e2e/golden/report.md holds `kint report` (markdown, from the latest session)
// of that store under KINT_TODAY=2026-11-20. After an intended change, regenerate and read the
// diff before keeping it:
//
//     KINT_UPDATE_GOLDEN=1 ./build/dev/tests/kint_e2e_tests -tc='report: golden*'
#include "harness.hpp"
#include "jsonlite.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

using namespace kint::e2e;
using jsonlite::parse;

namespace {

void on(const Sandbox& s, const std::string& day, const std::vector<std::string>& args) {
    s.ok(args, {{"KINT_TODAY", day}});
}

// Three weeks of a person's practice: a session on 2026-11-05, a cue stepped after it, a low
// stretch 10-12 November, notes everywhere.
void build_store(const Sandbox& s) {
    on(s, "2026-10-26", {"intent", "add", "I am open to learning new ways to cope"});
    on(s, "2026-10-26",
       {"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence"});
    on(s, "2026-10-26", {"session", "add", "--note", "first session"});
    on(s, "2026-11-05", {"session", "add", "--note", "talked about mornings"});
    for (int d = 27; d <= 31; ++d)
        on(s, fmt::format("2026-10-{:02}", d), {"log", "1"});
    for (int d = 1; d <= 19; ++d) {
        const std::string day = fmt::format("2026-11-{:02}", d);
        if (d % 4 == 0)
            on(s, day, {"log", "1", "--slip", "--note", "overslept"});
        else
            on(s, day, {"log", "1"});
        const int mood = d >= 10 && d <= 12 ? 2 : 5 + d % 3;
        on(s, day, {"rate", std::to_string(mood)});
    }
    on(s, "2026-11-11", {"rate", "2", "--note", "a heavy day"});
    on(s, "2026-11-14", {"rate", "6", "--kind", "energy", "--note", "slept well"});
    on(s, "2026-11-12", {"cue", "step", "1", "write two sentences", "--note", "one felt easy"});
    on(s, "2026-11-13",
       {"journal", "add", "--prompt", "quick.1", "--tag", "insight", "mornings, mostly"});
    on(s, "2026-11-16", {"journal", "add", "the walk helped"});
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

TEST_CASE("report: golden markdown from the latest session") {
    const Sandbox& s = store();
    const auto md = s.ok({"report"}).out;
    CHECK(md == s.ok({"report", "--since-session"}).out);
    CHECK(md == s.ok({"report", "--format", "markdown"}).out);
    check_golden("report.md", md);
}

TEST_CASE("report: markdown holds every section, the safety note first") {
    const auto md = store().ok({"report", "--since-session"}).out;
    CHECK(md.rfind("> **Safety note.** Your mood has been 3 or lower for 3 days in a row "
                   "(2026-11-10 to 2026-11-12).",
                   0) == 0);
    std::size_t at = 0;
    for (const char* part :
         {"# kint report: 2026-11-05 to 2026-11-20 (16 days), from your last session",
          "## Intentions", "I am open to learning new ways to cope", "## Cues",
          "### #1 after I pour my coffee → write two sentences",
          "step changed on 2026-11-12: write two sentences (before: write one sentence): one felt "
          "easy",
          "## Ratings", "2026-11-11 mood 2: a heavy day", "2026-11-14 energy 6: slept well",
          "## Journal", "2026-11-13 (insight): mornings, mostly",
          "*Answering: What wants more of my time this week?*", "the walk helped", "## Sessions",
          "2026-11-05: talked about mornings"}) {
        const auto next = md.find(part, at);
        INFO(part);
        REQUIRE(next != std::string::npos);
        at = next;
    }
    CHECK_FALSE(contains(md, "first session")); // before the span
    CHECK(contains(md, "Not enough days yet"));
}

TEST_CASE("report: JSON shape") {
    const Sandbox& s = store();
    const auto j = parse(s.ok({"report", "--json"}).out);
    CHECK(j["period"]["from"].str() == "2026-11-05");
    CHECK(j["period"]["to"].str() == "2026-11-20");
    CHECK(j["safety"]["triggered"].boolean());
    REQUIRE(j["safety"]["windows"].size() == 1);
    CHECK(j["safety"]["windows"][0]["from"].str() == "2026-11-10");
    CHECK(j["safety"]["windows"][0]["to"].str() == "2026-11-12");
    CHECK(j["safety"]["windows"][0]["days"].size() == 3);
    CHECK(j["intentions"].size() == 1);
    REQUIRE(j["cues"].size() == 1);
    const auto& c = j["cues"][0];
    CHECK(c["id"].integer() == 1);
    CHECK(c["behavior"].str() == "write two sentences");
    CHECK(c["scheduled_days"].integer() == 15); // today unlogged is open, not counted
    CHECK(c["done_days"].integer() == 12);
    CHECK(c["slipped_days"].integer() == 3);
    CHECK(c["strength"].num() > 0);
    CHECK(c["strength_at_start"].num() > 0);
    REQUIRE(c["steps_changed"].size() == 1);
    CHECK(c["steps_changed"][0]["day"].str() == "2026-11-12");
    CHECK(c["steps_changed"][0]["note"].str() == "one felt easy");
    CHECK(c["mood_link"]["enough"].boolean() == false);
    CHECK(c["mood_link"]["same_day"]["done_days"].integer() == 12);
    CHECK(j["ratings"].size() == 16);
    REQUIRE(j["journal"].size() == 2);
    CHECK(j["journal"][0]["prompt"].str() == "quick.1");
    CHECK(j["journal"][0]["prompt_text"].str() == "What wants more of my time this week?");
    CHECK(j["journal"][1]["prompt"].is_null());
    REQUIRE(j["sessions"].size() == 1);
    CHECK(j["sessions"][0]["note"].str() == "talked about mornings");
    CHECK(s.ok({"report", "--format", "json"}).out == s.ok({"report", "--json"}).out);
    // --since/--until: both windows of a wider span? Only one low stretch exists; the span moves.
    const auto wide =
        parse(s.ok({"report", "--since", "2026-10-20", "--until", "2026-11-09", "--json"}).out);
    CHECK(wide["period"]["from"].str() == "2026-10-20");
    CHECK(wide["period"]["to"].str() == "2026-11-09");
    CHECK(wide["safety"]["windows"].size() == 0);
    CHECK_FALSE(wide["safety"]["triggered"].boolean());
    CHECK(wide["sessions"].size() == 2);
}

TEST_CASE("report: html holds the sections in order, and --out FILE.html picks html") {
    const Sandbox& s = store();
    const auto html = s.ok({"report", "--format", "html"}).out;
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    std::size_t at = 0;
    for (const char* part :
         {R"(<aside class="safety")", "Your mood has been 3 or lower for 3 days in a row", "<h1>",
          R"(id="intentions-title")", R"(id="cues-title")", "write two sentences",
          R"(id="ratings-title")", R"(id="journal-title")",
          "Answering: What wants more of my time this week?", R"(id="sessions-title")",
          "</html>"}) {
        const auto next = html.find(part, at);
        INFO(part);
        REQUIRE(next != std::string::npos);
        at = next;
    }
    CHECK(contains(html, "break-inside:avoid"));
    CHECK(contains(html, "@page"));
    CHECK_FALSE(contains(html, "<script"));

    const auto file = s.path("handout.html");
    const auto r = s.ok({"report", "--out", file});
    CHECK(r.out.empty());
    CHECK(read_file(file) == html);
    CHECK(mode_of(file) == 0600);
    const auto md = s.path("handout.md");
    s.ok({"report", "--out", md});
    CHECK(read_file(md) == s.ok({"report"}).out);
}

TEST_CASE("report: the default span without a session is the last 30 days") {
    Sandbox s;
    const auto j = parse(s.ok({"report", "--json"}).out);
    CHECK(j["period"]["from"].str() == "2026-10-22");
    CHECK(j["period"]["to"].str() == "2026-11-20");
    CHECK(j["cues"].size() == 0);
    CHECK_FALSE(std::filesystem::exists(s.db())); // it only reads: no store created
    CHECK(contains(s.ok({"report"}).out, "No low stretch in this span"));
}

TEST_CASE("report: bad input is a usage error on one line, and the store stays as it was") {
    const Sandbox& s = store();
    const auto before = s.snapshot();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--since", "2026-11-01", "--since-session"},
             {"--since", "2026-02-30"},
             {"--until", "soon"},
             {"--since", "2026-11-15", "--until", "2026-11-01"},
             {"--format", "pdf"},
             {"--format", "text"},
             {"--json", "--format", "html"},
             {"--since-session", "--until", "2026-10-01"},
         }) {
        std::vector<std::string> full{"report"};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = s.run(full);
        CAPTURE(args.front() + " " + args.back());
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(r.out.empty());
    }
    CHECK(s.run({"report", "--since", "2026-11-01", "--since-session"}).err ==
          "kint: --since and --since-session both say where the report begins; give one of "
          "them\n");
    CHECK(s.snapshot() == before);

    // No session recorded, and no store yet: the fix in plain words, and no store created.
    Sandbox empty;
    const auto r = empty.run({"report", "--since-session"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "kint: No session recorded yet: record one with kint session add, or give --since D\n");
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(empty.db()));
    // With a store but no session: byte-identical after.
    empty.ok({"intent", "add", "Rest"});
    const auto kept = empty.snapshot();
    CHECK(empty.run({"report", "--since-session"}).code == 2);
    CHECK(empty.run({"report", "--since", "2026-02-30"}).code == 2);
    CHECK(empty.snapshot() == kept);
}
