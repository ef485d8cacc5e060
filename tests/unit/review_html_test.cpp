// kint review --format html on hand-built reports: escaping, nothing external, the chart's points,
// the calendar's cells, the safety note first, the same bytes every time.
#include "kint/config/config.hpp"
#include "kint/domain/review.hpp"
#include "kint/render/render.hpp"
#include "kint/render/review_render.hpp"
#include "test_day.hpp"

#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <stdexcept>
#include <string>
#include <string_view>

using namespace kint;
using kint::test::D;
using review::DayMark;

namespace {

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + needle.size()))
        ++n;
    return n;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const std::string hostile = R"(<script>alert("x")</script> & 'quoted')";
const std::string hostile_escaped =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;";

config::Config make_config() {
    auto cfg = config::parse();
    cfg.safety.contact = R"(Dr. O'Neil & "the clinic" <on call>)";
    return cfg;
}

Cue make_cue(Id id, std::string_view created, std::string_view days, std::string trigger,
             std::string behavior) {
    Cue c;
    c.id = id;
    c.intention_id = 1;
    c.trigger = std::move(trigger);
    c.days = Schedule::parse(days);
    c.created = D(created);
    c.steps = {Step{c.created, std::move(behavior), std::nullopt}};
    return c;
}

// The week of 2026-11-09 (Monday) to 2026-11-15: two cues, six mood ratings, four energy ratings,
// a win and an obstacle with hostile text, a session 20 days back.
review::Report make_report(const config::Config& cfg) {
    review::Report r;
    r.period = {D("2026-11-09"), D("2026-11-15")};
    r.intentions.push_back(Intention{
        1, "Open to " + hostile, std::nullopt, std::nullopt, D("2026-10-26"), false, {}, true});

    review::CueReport a;
    a.cue = make_cue(1, "2026-10-26", "daily", "I pour my coffee & sit", "write " + hostile);
    a.cue.at = 8 * 60;
    const DayMark marks[] = {DayMark::done, DayMark::slip, DayMark::done,  DayMark::missed,
                             DayMark::skip, DayMark::done, DayMark::future};
    for (int i = 0; i < 7; ++i)
        a.calendar.emplace_back(r.period.from + std::chrono::days{i}, marks[i]);
    a.scheduled_days = 6;
    a.done_days = 3;
    a.skipped_days = 1;
    a.slipped_days = 1;
    a.missed_days = 1;
    a.consistency = 0.6;
    a.previous_consistency = 0.8;
    a.comebacks = 1;
    a.mood_on_done_days = 6.5;
    a.mood_on_other_days = 4.0;
    a.suggestion = review::Suggestion::keep;
    a.strength = 0.4123;
    a.previous_strength = 0.31;
    a.phase = &cfg.habit_phases.at(1);
    a.week = 3;
    r.cues.push_back(a);

    // Paused from Wednesday to Saturday: Wednesday and Friday would have been scheduled.
    review::CueReport b;
    b.cue = make_cue(2, "2026-10-27", "mon,wed,fri", "the bookshelf", "read one page");
    b.cue.kind = CueKind::place;
    b.cue.pauses.push_back(Pause{D("2026-11-11"), D("2026-11-14")});
    const DayMark b_marks[] = {
        DayMark::done,   DayMark::not_scheduled, DayMark::paused, DayMark::not_scheduled,
        DayMark::paused, DayMark::not_scheduled, DayMark::extra};
    for (int i = 0; i < 7; ++i)
        b.calendar.emplace_back(r.period.from + std::chrono::days{i}, b_marks[i]);
    b.scheduled_days = 1;
    b.done_days = 1;
    b.consistency = 1.0;
    b.strength = 0.1;
    b.suggestion = review::Suggestion::shrink;
    b.phase = &cfg.habit_phases.at(1);
    b.week = 3;
    r.cues.push_back(b);

    const int moods[] = {5, 6, -1, 4, 6, 7, 6};
    for (int i = 0; i < 7; ++i)
        if (moods[i] >= 0)
            r.mood.values.emplace_back(r.period.from + std::chrono::days{i}, moods[i]);
    r.mood.days_rated = 6;
    r.mood.average = 34.0 / 6;
    r.mood.min = 4;
    r.mood.max = 7;
    r.mood.previous_average = 4.9;
    r.mood.previous_days_rated = 7;
    for (const char* day : {"2026-11-09", "2026-11-10", "2026-11-13", "2026-11-14"})
        r.energy.values.emplace_back(D(day), 5);
    r.energy.days_rated = 4;
    r.energy.average = 5;
    r.energy.min = 5;
    r.energy.max = 5;

    r.wins.push_back(review::Note{D("2026-11-14"), "win: " + hostile, std::nullopt, 3, "journal"});
    r.obstacles.push_back(
        review::Note{D("2026-11-10"), "slip: " + hostile, 1, std::nullopt, "log"});
    r.phase = phases::TimelinePosition{nullptr, 20, D("2026-10-26")};
    r.prompts.push_back(config::Prompt{"quick.1", "What " + hostile + "?", "quick", {}});
    return r;
}

} // namespace

TEST_CASE("render: a change of trail strength in whole points") {
    using kint::render::strength_change;
    CHECK(strength_change(0.0) == "no change");
    CHECK(strength_change(0.004) == "no change"); // rounds to 0 points
    CHECK(strength_change(-0.004) == "no change");
    CHECK(strength_change(0.01) == "+1 point");
    CHECK(strength_change(-0.01) == "−1 point");
    CHECK(strength_change(0.1) == "+10 points");
    CHECK(strength_change(-0.456) == "−46 points");
    CHECK(strength_change(1.0) == "+100 points");
}

TEST_CASE("review html: html_escape") {
    CHECK(render::html_escape(R"(<a href="x">Tom & 'Jerry'</a>)") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    CHECK(render::html_escape("&amp;") == "&amp;amp;");
    CHECK(render::html_escape("line one\nline\ttwo") == "line one\nline\ttwo");
    CHECK(render::html_escape(std::string("bell\x07 esc\x1b[31m del\x7f nul") + '\0' + "!") ==
          "bell esc[31m del nul!");
    CHECK(render::html_escape("Grüße ✓ 🌱") == "Grüße ✓ 🌱");
}

TEST_CASE("review html: a self-contained page with every stored text escaped") {
    const auto cfg = make_config();
    const auto r = make_report(cfg);
    const std::string html = render::review_html(r, cfg);
    INFO(html);

    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.ends_with("</html>\n"));
    CHECK(
        contains(html, R"(<meta name="viewport" content="width=device-width, initial-scale=1">)"));
    CHECK(contains(html, "@media print"));

    // Stored text: escaped wherever it lands, never raw.
    CHECK_FALSE(contains(html, hostile));
    CHECK_FALSE(contains(lower(html), "<script"));
    CHECK(contains(html, "Open to " + hostile_escaped)); // intention
    CHECK(contains(html, "write " + hostile_escaped));   // behavior
    CHECK(contains(html, "after I pour my coffee &amp; sit"));
    CHECK(contains(html, "win: " + hostile_escaped));
    CHECK(contains(html, "slip: " + hostile_escaped));
    CHECK(contains(html, "What " + hostile_escaped + "?"));

    // Nothing to fetch, nothing to run.
    for (const char* outside : {"http://", "https://", " src=", " href=", "<link", "url(",
                                "@import", "@font-face", "//fonts"})
        CHECK_MESSAGE(!contains(lower(html), outside), outside);
    CHECK(contains(html, "Content-Security-Policy\" content=\"default-src 'none';"));
}

TEST_CASE("review html: every figure of the text review is on the page") {
    const auto cfg = make_config();
    const auto r = make_report(cfg);
    const std::string html = render::review_html(r, cfg);
    INFO(html);
    CHECK(contains(html, "<h1>Your weekly review</h1>"));
    CHECK(contains(html, "week 2026-W46"));
    CHECK(contains(html, "cue #1 · daily at 08:00 · week 3 · " + cfg.habit_phases.at(1).name));
    CHECK(contains(html, "<dt>Done</dt><dd><b>3</b> of 6 scheduled days"));
    CHECK(contains(html, "<dt>Consistency</dt><dd><b>60%</b><small>the week before: 80%</small>"));
    CHECK(contains(html, "<dt>Comebacks</dt><dd><b>1</b>"));
    CHECK(contains(html,
                   "<dt>Trail strength</dt><dd><b>41%</b><small>+10 points since the week before"));
    CHECK(contains(html, "<b>6.5</b> on done days · <b>4.0</b> on other days"));
    CHECK(contains(html, "Other scheduled days: 1 skipped, 1 slipped, 1 missed."));
    CHECK(contains(html, "You came back once after a slip or a miss."));
    CHECK(contains(html, render::html_escape(cfg.guidance.keep)));
    CHECK(contains(html, render::html_escape(cfg.guidance.shrink)));
    CHECK(contains(html, render::html_escape(cfg.habit_phases.at(1).guidance)));
    CHECK(contains(html, "average 5.7 · range 4–7 · 6 of 7 days rated · the week before: 4.9"));
    CHECK(contains(html, "average 5.0 · every rating 5 · 4 of 7 days rated</li>"));
    CHECK(contains(html, ">Wins</h2>"));
    CHECK(contains(html, ">Obstacles</h2>"));
    CHECK(contains(html, "<span class=\"src\">cue #1, write "));
    CHECK(contains(html, "day 20 after your session on"));
    CHECK(contains(html, ">For the week ahead</h2>"));
    for (const auto& word : {"failed", "broken", "streak"})
        CHECK_FALSE(contains(lower(html), word));
}

TEST_CASE("review html: an inline SVG chart with one point per rated day") {
    const auto cfg = make_config();
    const auto r = make_report(cfg);
    const std::string html = render::review_html(r, cfg);
    INFO(html);
    const auto svg_at = html.find("<svg class=\"chart\"");
    REQUIRE(svg_at != std::string::npos);
    const auto svg_end = html.find("</svg>", svg_at);
    REQUIRE(svg_end != std::string::npos);
    const std::string_view svg(html.data() + svg_at, svg_end - svg_at);
    CHECK(count(html, "<svg") == 1);
    CHECK(count(svg, R"(class="pt-mood" data-day=)") == r.mood.values.size());
    CHECK(count(svg, R"(class="pt-energy" data-day=)") == r.energy.values.size());
    for (const auto& [day, value] : r.mood.values)
        CHECK(contains(svg, fmt::format(R"(class="pt-mood" data-day="{}")", format_day(day))));
    CHECK_FALSE(contains(svg, R"(data-day="2026-11-11")")); // Wednesday: no rating, no point
    // Mood Mon-Tue and Thu-Sun are two runs: two lines with a gap for Wednesday.
    CHECK(count(svg, R"(<polyline class="line mood")") == 2);
    // Energy: Mon-Tue and Fri-Sat.
    CHECK(count(svg, R"(<polyline class="line energy")") == 2);
    CHECK(contains(svg,
                   "<title id=\"chart-title\">Mood and energy, 2026-11-09 to 2026-11-15</title>"));

    // No ratings: an empty chart that says so, no points, no lines.
    auto empty = r;
    empty.mood = {};
    empty.energy = {};
    const std::string none = render::review_html(empty, cfg);
    CHECK(contains(none, "No ratings in this period yet"));
    CHECK_FALSE(contains(none, "data-day=\"2026-11-09\" cx="));
    CHECK_FALSE(contains(none, "<polyline"));
    CHECK(contains(none, "<strong>Mood</strong> no ratings this period"));
}

TEST_CASE("review html: the calendar has a cell per day, paused days apart") {
    const auto cfg = make_config();
    const auto r = make_report(cfg);
    const std::string html = render::review_html(r, cfg);
    INFO(html);
    CHECK(count(html, "<ol class=\"cal\">") == 2);
    CHECK(count(html, "<li class=\"m-") == 14);
    for (const auto* cell :
         {R"(<li class="m-done" data-day="2026-11-09" title="Mon 9 Nov: done">)",
          R"(<li class="m-slip" data-day="2026-11-10" title="Tue 10 Nov: slipped">)",
          R"(<li class="m-missed" data-day="2026-11-12" title="Thu 12 Nov: missed">)",
          R"(<li class="m-skip" data-day="2026-11-13" title="Fri 13 Nov: skipped">)",
          R"(<li class="m-future" data-day="2026-11-15" title="Sun 15 Nov: still ahead">)",
          // cue 2: Wednesday and Friday paused, Tuesday and Thursday simply off its schedule.
          R"(<li class="m-paused" data-day="2026-11-11" title="Wed 11 Nov: paused">)",
          R"(<li class="m-not_scheduled" data-day="2026-11-12" title="Thu 12 Nov: not scheduled">)",
          R"(<li class="m-paused" data-day="2026-11-13" title="Fri 13 Nov: paused">)",
          R"(<li class="m-extra" data-day="2026-11-15" title="Sun 15 Nov: done on an extra day">)"})
        CHECK_MESSAGE(contains(html, cell), cell);
    // Every cell says its mark in words for a screen reader, not by colour alone.
    CHECK(contains(
        html,
        R"(<span class="mk" aria-hidden="true">~</span><span class="dn">10</span><span class="sr">slipped</span>)"));
    // The key lists the marks in use and no others.
    CHECK(contains(html, R"(<span class="mk m-paused" aria-hidden="true">‖</span>paused)"));
    CHECK(contains(html,
                   R"(<span class="mk m-extra" aria-hidden="true">+</span>done on an extra day)"));
    CHECK(contains(html,
                   R"(<span class="mk m-not_scheduled" aria-hidden="true">·</span>not scheduled)"));

    // A one-week period is one row; a longer one starts on the configured first weekday.
    auto longer = r;
    longer.period = {D("2026-11-11"), D("2026-11-20")}; // a Wednesday
    const std::string wide = render::review_html(longer, cfg);
    CHECK(count(html, "<li class=\"pad\"") == 0);
    CHECK(count(wide, "<li class=\"pad\"") == 2 * 2); // Monday and Tuesday, for both cues

    // Past two weeks the chart labels the first day of each week, not every day.
    auto month = r;
    month.period = {D("2026-10-28"), D("2026-11-20")};
    const std::string month_html = render::review_html(month, cfg);
    CHECK(count(month_html, "text-anchor=\"middle\">") == 3);
    for (const char* label : {">2 Nov</text>", ">9 Nov</text>", ">16 Nov</text>"})
        CHECK_MESSAGE(contains(month_html, label), label);
}

TEST_CASE("review html: the key leaves out marks no calendar uses") {
    const auto cfg = make_config();
    auto r = make_report(cfg);
    r.cues.pop_back();
    const std::string html = render::review_html(r, cfg);
    CHECK_FALSE(contains(html, "mk m-paused"));
    CHECK_FALSE(contains(html, "mk m-extra"));
    CHECK(contains(html, "mk m-future"));
}

TEST_CASE("review html: the safety note comes first, before the title, only when the rule is met") {
    const auto cfg = make_config();
    auto r = make_report(cfg);
    const std::string calm = render::review_html(r, cfg);
    CHECK_FALSE(contains(calm, "class=\"safety\""));
    CHECK_FALSE(contains(calm, render::html_escape(cfg.safety.message)));

    r.safety.triggered = true;
    r.safety.days = {D("2026-11-10"), D("2026-11-11"), D("2026-11-12")};
    const std::string html = render::review_html(r, cfg);
    INFO(html);
    const auto note = html.find("<aside class=\"safety\"");
    const auto title = html.find("<h1>");
    REQUIRE(note != std::string::npos);
    REQUIRE(title != std::string::npos);
    CHECK(note < title);
    CHECK(html.find("<main>\n<aside class=\"safety\"") !=
          std::string::npos); // the very first thing
    CHECK(contains(html, "Your mood has been 3 or lower for 3 days in a row"));
    CHECK(contains(html, render::html_escape(cfg.safety.message)));
    {
        // Low days with a gap (the window rule): the words of safety::reason, not "in a row".
        auto gaps = r;
        gaps.safety.days = {D("2026-11-08"), D("2026-11-10"), D("2026-11-12")};
        const auto spaced = render::review_html(gaps, cfg);
        CHECK(contains(spaced, "Your mood has been 3 or lower on 3 days between"));
        CHECK_FALSE(contains(spaced, "in a row"));
    }
    CHECK(contains(html, "Dr. O&#39;Neil &amp; &quot;the clinic&quot; &lt;on call&gt;"));
    CHECK_FALSE(contains(html, cfg.safety.contact));

    // Without a contact configured, no contact line.
    auto quiet = cfg;
    quiet.safety.contact.clear();
    CHECK_FALSE(contains(render::review_html(r, quiet), "Contact:"));
}

TEST_CASE("review html: the same report gives the same bytes") {
    const auto cfg = make_config();
    const auto r = make_report(cfg);
    const std::string first = render::review_html(r, cfg);
    CHECK(render::review_html(r, cfg) == first);
    const auto copy = r;
    CHECK(render::review_html(copy, cfg) == first);
    const auto other_cfg = make_config();
    CHECK(render::review_html(make_report(other_cfg), other_cfg) == first);
}
