// app::report_period and app::report: the span of the handout for a session, and what the store
// holds for it; render::report_* over it (safety first in every format, every section filled).
#include "app_fixture.hpp"
#include "kint/app/report.hpp"
#include "kint/core/error.hpp"
#include "kint/render/report.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

namespace {

const Day today = D("2026-11-20");

// A store with a bit of everything: an intention, a cue stepped in the span, ratings (a low
// stretch 10-12 Nov and an older one in October), a journal entry answering a prompt, sessions.
store::Store filled() {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-10-01"));
    const Id c = s.add_cue({i, CueKind::after, "I pour my coffee", std::nullopt, Schedule::daily(),
                            D("2026-10-01"), "write one sentence"});
    s.add_step(c, {D("2026-11-12"), "write two sentences", std::string("one felt easy")});
    s.add_step(c, {D("2026-10-10"), "write half a sentence", std::nullopt}); // before the span
    for (int d = 1; d <= 19; ++d)
        s.put_log({c, D("2026-11-01") + std::chrono::days{d},
                   d % 3 ? LogStatus::done : LogStatus::slip, std::nullopt});
    for (const char* day : {"2026-10-02", "2026-10-03", "2026-10-04"})
        s.put_rating({D(day), RatingKind::mood, 2, std::nullopt});
    for (const char* day : {"2026-11-10", "2026-11-11", "2026-11-12"})
        s.put_rating({D(day), RatingKind::mood, 2, std::string("heavy day")});
    s.put_rating({D("2026-11-14"), RatingKind::mood, 7, std::nullopt});
    s.put_rating({D("2026-11-14"), RatingKind::energy, 5, std::string("slept well")});
    s.add_journal({0,
                   D("2026-11-13"),
                   "what helped was the walk",
                   {"insight"},
                   std::nullopt,
                   std::string("quick.1")});
    s.add_journal({0, D("2026-10-20"), "before the span", {}, std::nullopt, std::nullopt});
    s.add_session({0, D("2026-10-15"), std::string("first")});
    s.add_session({0, D("2026-11-05"), std::string("second infusion")});
    return s;
}

} // namespace

TEST_CASE("app::report_period: --since-session, the default, --since/--until and refusals") {
    auto s = filled();
    // --since-session: from the latest session's day to today.
    CHECK(app::report_period(s, today, {.since = {}, .until = {}, .since_session = true}) ==
          review::Period{D("2026-11-05"), today});
    // The default is the same when a session is recorded.
    CHECK(app::report_period(s, today, {}) == review::Period{D("2026-11-05"), today});
    // With --until before the latest session: the latest session on or before it.
    CHECK(app::report_period(s, today,
                             {.since = {}, .until = D("2026-11-01"), .since_session = true}) ==
          review::Period{D("2026-10-15"), D("2026-11-01")});
    CHECK(app::report_period(s, today, {.since = D("2026-11-01"), .until = D("2026-11-10")}) ==
          review::Period{D("2026-11-01"), D("2026-11-10")});
    CHECK_THROWS_AS(app::report_period(
                        s, today, {.since = D("2026-11-01"), .until = {}, .since_session = true}),
                    UsageError);
    CHECK_THROWS_AS(
        app::report_period(s, today, {.since = D("2026-11-12"), .until = D("2026-11-01")}),
        UsageError);

    auto empty = store::Store::open_memory();
    // No session: the last 30 days by default, and --since-session says how to fix it.
    CHECK(app::report_period(empty, today, {}) == review::Period{D("2026-10-22"), today});
    try {
        app::report_period(empty, today, {.since = {}, .until = {}, .since_session = true});
        FAIL("no UsageError");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) ==
              "No session recorded yet: record one with kint session add, or give --since D");
    }
    CHECK_THROWS_AS(app::report_period(
                        s, today, {.since = {}, .until = D("2026-10-01"), .since_session = true}),
                    UsageError);
    // Only a planned session, after today: said as it is.
    auto planned = store::Store::open_memory();
    planned.add_session({0, D("2026-12-01"), std::nullopt});
    try {
        app::report_period(planned, today, {.since = {}, .until = {}, .since_session = true});
        FAIL("no UsageError");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "No session recorded on or before 2026-11-20: record one "
                                       "with kint session add, or give --since D");
    }
}

TEST_CASE("app::report: every section from the store, only the span's") {
    auto s = filled();
    const auto& cfg = default_config();
    const review::Period span{D("2026-11-05"), today};
    const auto r = app::report(s, cfg, today, span);
    CHECK(r.period == span);
    REQUIRE(r.from_session);
    CHECK(r.from_session->day == D("2026-11-05"));
    // The low stretch in the span, not October's.
    REQUIRE(r.safety_windows.size() == 1);
    CHECK(r.safety_windows[0].front() == D("2026-11-10"));
    CHECK(r.safety_windows[0].back() == D("2026-11-12"));
    CHECK(r.safety.triggered);
    REQUIRE(r.intentions.size() == 1);
    REQUIRE(r.cues.size() == 1);
    const auto& c = r.cues[0];
    CHECK(c.figures.done_days > 0);
    CHECK(c.figures.slipped_days > 0);
    REQUIRE(c.figures.steps_changed.size() == 1);
    CHECK(c.figures.steps_changed[0].step.behavior == "write two sentences");
    CHECK(c.figures.steps_changed[0].step.note == std::optional<std::string>("one felt easy"));
    CHECK_FALSE(c.mood_link.enough); // four rated days
    REQUIRE(r.ratings.size() == 5);
    CHECK(r.ratings[3].kind == RatingKind::mood); // mood first on a day
    CHECK(r.ratings[4].note == std::optional<std::string>("slept well"));
    REQUIRE(r.journal.size() == 1);
    CHECK(r.journal[0].prompt == std::optional<std::string>("quick.1"));
    REQUIRE(r.sessions.size() == 1);
    CHECK(r.sessions[0].note == std::optional<std::string>("second infusion"));

    // Every window overlapping a wider span, oldest first.
    const auto wide = app::report(s, cfg, today, {D("2026-10-01"), today});
    CHECK(wide.safety_windows.size() == 2);
    CHECK(wide.safety_windows[0].front() == D("2026-10-02"));
    // A span that begins on an earlier session does not begin "from your last session".
    CHECK_FALSE(app::report(s, cfg, today, {D("2026-10-15"), today}).from_session);
    CHECK(app::report(s, cfg, today, {D("2026-10-15"), D("2026-11-01")}).from_session);
}

TEST_CASE("render::report_*: the safety windows first, then every section in order") {
    auto s = filled();
    const auto& cfg = default_config();
    const auto r = app::report(s, cfg, today, {D("2026-10-01"), today});

    const std::string md = render::report_markdown(r, cfg);
    CHECK(md.rfind("> **Safety note.** Your mood has been 3 or lower", 0) == 0);
    std::size_t at = 0;
    for (const char* part :
         {"2026-10-02", "2026-11-10", "# kint report", "## Intentions", "## Cues",
          "write two sentences", "one felt easy", "## Ratings", "slept well", "## Journal",
          "what helped was the walk", "*Answering: What wants more of my time this week?*",
          "## Sessions", "second infusion"}) {
        const auto next = md.find(part, at);
        INFO(part);
        REQUIRE(next != std::string::npos);
        at = next;
    }

    const std::string html = render::report_html(r, cfg);
    at = 0;
    for (const char* part : {R"(class="safety")", "<h1>", R"(id="intentions-title")",
                             R"(id="cues-title")", R"(id="ratings-title")", R"(id="journal-title")",
                             "Answering: ", R"(id="sessions-title")"}) {
        const auto next = html.find(part, at);
        INFO(part);
        REQUIRE(next != std::string::npos);
        at = next;
    }

    const std::string json = render::report_json(r, cfg).dump();
    CHECK(json.find("\"period\"") < json.find("\"safety\""));
    CHECK(json.find("\"safety\"") < json.find("\"intentions\""));
    CHECK(json.find("\"windows\"") != std::string::npos);
    CHECK(json.find("\"steps_changed\"") != std::string::npos);
    CHECK(json.find("\"mood_link\"") != std::string::npos);
    CHECK(json.find("\"prompt_text\"") != std::string::npos);
}

TEST_CASE("render::report_*: no control character from stored text reaches any format") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("open\x1b[31m red", std::nullopt, std::nullopt, D("2026-11-01"));
    (void)i;
    s.add_session({0, D("2026-11-10"), std::string("note\x07 bell\xc2\x9b csi")});
    s.add_journal(
        {0, D("2026-11-11"), "<script>x</script>\x1b]0;t\x07", {}, std::nullopt, std::nullopt});
    const auto& cfg = default_config();
    const auto r = app::report(s, cfg, today, {D("2026-11-01"), today});
    for (const std::string out : {render::report_markdown(r, cfg), render::report_html(r, cfg),
                                  render::report_json(r, cfg).dump()}) {
        CHECK(out.find('\x1b') == std::string::npos);
        CHECK(out.find('\x07') == std::string::npos);
        CHECK(out.find("\xc2\x9b") == std::string::npos);
    }
    CHECK(render::report_html(r, cfg).find("<script>") == std::string::npos);
}

TEST_CASE("render::mood_link_text: goes together, never causes, not enough days yet") {
    long_view::MoodLink few;
    few.same_day.done_days = 3;
    few.same_day.other_days = 2;
    CHECK(render::mood_link_text(few).rfind("Not enough days yet", 0) == 0);
    long_view::MoodLink link;
    link.enough = true;
    link.same_day = {.done_days = 9,
                     .other_days = 8,
                     .done_mean = 6.0,
                     .other_mean = 4.5,
                     .difference = 1.5,
                     .low = 0.2,
                     .high = 2.8};
    const auto text = render::mood_link_text(link);
    CHECK(text.find("They go together; this does not say one causes the other.") !=
          std::string::npos);
    CHECK(text.find("+1.5 (95% interval +0.2 to +2.8)") != std::string::npos);
    CHECK(text.find("cause") == text.find("causes"));
}
