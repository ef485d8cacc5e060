// review --month and the long view of a review (SPEC §7.4): the month's period, each cue's weeks
// (cut at the month's edges, strength at each week's end), steps changed, sessions, mood weeks.
#include "kint/config/config.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/review.hpp"
#include "kint/domain/review_long.hpp"
#include "kint/domain/strength.hpp"
#include "kint/render/render.hpp"
#include "kint/render/review_render.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace kint;
using kint::test::D;
using review::Period;

namespace {

Period P(std::string_view from, std::string_view to) {
    return Period{D(from), D(to)};
}

Cue daily_cue(Id id, std::string_view created) {
    Cue c;
    c.id = id;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.days = Schedule::parse("daily");
    c.created = D(created);
    c.steps = {Step{c.created, "write one sentence", std::nullopt}};
    return c;
}

// Entries of cue `id` from `from`: d done, s slip, k skip, '.' none.
std::vector<LogEntry> days_of(Id id, std::string_view from, std::string_view marks) {
    std::vector<LogEntry> out;
    Day d = D(from);
    for (char c : marks) {
        if (c == 'd') out.push_back(LogEntry{id, d, LogStatus::done, {}});
        if (c == 's') out.push_back(LogEntry{id, d, LogStatus::slip, {}});
        if (c == 'k') out.push_back(LogEntry{id, d, LogStatus::skip, {}});
        d += std::chrono::days{1};
    }
    return out;
}

bool contains_text(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

const config::Config& config_with(int week_starts) {
    static const config::Config monday = config::parse();
    static const config::Config sunday = config::parse("[day]\nweek_starts = \"sunday\"\n");
    return week_starts == 0 ? monday : sunday;
}

} // namespace

TEST_CASE("review month: this, last and YYYY-MM, across the year's end") {
    CHECK(review::month_period("this", D("2026-11-20")) == P("2026-11-01", "2026-11-30"));
    CHECK(review::month_period("last", D("2026-11-20")) == P("2026-10-01", "2026-10-31"));
    CHECK(review::month_period(" LAST ", D("2026-11-01")) == P("2026-10-01", "2026-10-31"));
    CHECK(review::month_period("2026-09", D("2026-11-20")) == P("2026-09-01", "2026-09-30"));
    // December to January, and back.
    CHECK(review::month_period("last", D("2027-01-05")) == P("2026-12-01", "2026-12-31"));
    CHECK(review::month_period("this", D("2026-12-31")) == P("2026-12-01", "2026-12-31"));
    CHECK(review::month_period("2027-01", D("2026-12-31")) == P("2027-01-01", "2027-01-31"));
    // February of a leap year, and of another.
    CHECK(review::month_period("2028-02", D("2026-11-20")) == P("2028-02-01", "2028-02-29"));
    CHECK(review::month_period("2027-02", D("2026-11-20")) == P("2027-02-01", "2027-02-28"));
    // A month in the future is allowed, as --week allows a future week.
    CHECK(review::month_period("2030-05", D("2026-11-20")) == P("2030-05-01", "2030-05-31"));
}

TEST_CASE("review month: bad values are usage errors with a fix") {
    for (const char* bad : {"2026-13", "2026-00", "lastmonth", "2026-9", "202609", "2026-09-01", "",
                            "sept", "2026-W40"}) {
        CAPTURE(bad);
        try {
            (void)review::month_period(bad, D("2026-11-20"));
            FAIL("no error");
        } catch (const UsageError& e) {
            const std::string what = e.what();
            CHECK(what.find("2026-11") != std::string::npos); // the fix names a month
            CHECK(what.find('\n') == std::string::npos);
        }
    }
    CHECK_THROWS_AS((void)review::month_period("1850-01", D("2026-11-20")), UsageError);
    // --month excludes --week and --since/--until.
    const std::optional<std::string> none;
    CHECK_THROWS_AS((void)review::resolve_period(std::string("last"), std::string("last"),
                                                 std::nullopt, std::nullopt, D("2026-11-20"), 0),
                    UsageError);
    CHECK_THROWS_AS((void)review::resolve_period(none, std::string("last"), D("2026-10-01"),
                                                 std::nullopt, D("2026-11-20"), 0),
                    UsageError);
    CHECK_THROWS_AS((void)review::resolve_period(none, std::string("last"), std::nullopt,
                                                 D("2026-10-01"), D("2026-11-20"), 0),
                    UsageError);
    CHECK(review::resolve_period(none, std::string("2026-09"), std::nullopt, std::nullopt,
                                 D("2026-11-20"), 0) == P("2026-09-01", "2026-09-30"));
    // Without --month, as before.
    CHECK(review::resolve_period(none, none, std::nullopt, std::nullopt, D("2026-11-20"), 0) ==
          P("2026-11-09", "2026-11-15"));
}

TEST_CASE("review month: each cue's weeks, cut at the month's edges") {
    // September 2026 begins on a Tuesday and ends on a Wednesday.
    const Cue cue = daily_cue(1, "2026-08-01");
    auto logs = days_of(1, "2026-08-01", std::string(31, 'd'));
    const auto sept = days_of(1, "2026-09-01", "ddsd.ddkddd.sdddddd.dddsdd.ddd");
    logs.insert(logs.end(), sept.begin(), sept.end());
    for (const int week_starts : {0, 6}) {
        CAPTURE(week_starts);
        const auto& cfg = config_with(week_starts);
        review::Input in{.period = P("2026-09-01", "2026-09-30"),
                         .today = D("2026-10-10"),
                         .config = cfg,
                         .cues = {cue},
                         .logs = logs};
        const auto r = review::build(in);
        REQUIRE(r.long_view);
        CHECK(r.long_view->by_week);
        REQUIRE(r.cues.size() == 1);
        const auto& weeks = r.cues[0].weeks;
        if (week_starts == 0) {
            REQUIRE(weeks.size() == 5);
            CHECK(weeks[0].week == P("2026-09-01", "2026-09-06"));
            CHECK(weeks[1].week == P("2026-09-07", "2026-09-13"));
            CHECK(weeks[4].week == P("2026-09-28", "2026-09-30"));
        } else {
            REQUIRE(weeks.size() == 5);
            CHECK(weeks[0].week == P("2026-09-01", "2026-09-05")); // Tuesday to Saturday
            CHECK(weeks[1].week == P("2026-09-06", "2026-09-12"));
            CHECK(weeks[4].week == P("2026-09-27", "2026-09-30"));
        }
        CHECK(r.long_view->weeks.size() == weeks.size());
        // The weeks add up to the month, and each one's strength is the strength at its end.
        int scheduled = 0, done = 0;
        const auto trail = strength::trail_of(logs, 1);
        for (const auto& w : weeks) {
            scheduled += w.scheduled_days;
            done += w.done_days;
            CHECK(w.strength ==
                  doctest::Approx(strength::on(cue, trail, cue.created, in.today, w.week.to))
                      .epsilon(1e-12));
        }
        CHECK(scheduled == r.cues[0].scheduled_days);
        CHECK(done == r.cues[0].done_days);
        CHECK(weeks.back().strength == doctest::Approx(r.cues[0].strength).epsilon(1e-12));
    }
}

TEST_CASE("review month: a week still going has its strength at today") {
    const Cue cue = daily_cue(1, "2026-11-01");
    const auto logs = days_of(1, "2026-11-01", "dddddddddddddddddddd");
    const review::Input in{.period = P("2026-11-01", "2026-11-30"),
                           .today = D("2026-11-20"),
                           .config = config_with(0),
                           .cues = {cue},
                           .logs = logs};
    const auto r = review::build(in);
    const auto trail = strength::trail_of(logs, 1);
    const double at_today = strength::on(cue, trail, cue.created, in.today, in.today);
    REQUIRE(r.cues[0].weeks.size() == 6);
    CHECK(r.cues[0].weeks[3].week == P("2026-11-16", "2026-11-22"));
    CHECK(r.cues[0].weeks[3].strength == doctest::Approx(at_today));
    CHECK(r.cues[0].weeks[5].strength == doctest::Approx(at_today));
    CHECK(r.cues[0].weeks[5].scheduled_days == 0); // 30 Nov: still ahead
}

TEST_CASE("review month: mood and energy by week, sessions and steps in the period") {
    Cue cue = daily_cue(1, "2026-08-01");
    cue.steps.push_back(Step{D("2026-09-14"), "write two sentences", std::string("felt easy")});
    cue.steps.push_back(Step{D("2026-10-02"), "write a page", std::nullopt}); // after
    std::vector<Rating> ratings;
    for (int i = 0; i < 14; ++i) // 1-14 Sep: mood 4 then 6 from the 7th on; energy on even days
        ratings.push_back(
            Rating{D("2026-09-01") + std::chrono::days{i}, RatingKind::mood, i < 6 ? 4 : 6, {}});
    ratings.push_back(Rating{D("2026-09-02"), RatingKind::energy, 7, {}});
    const review::Input in{
        .period = P("2026-09-01", "2026-09-30"),
        .today = D("2026-10-10"),
        .config = config_with(0),
        .cues = {cue},
        .logs = days_of(1, "2026-09-01", "dddddddddddddd"),
        .ratings = ratings,
        .sessions = {Session{2, D("2026-10-03"), {}}, Session{1, D("2026-09-10"), "third"},
                     Session{3, D("2026-08-31"), {}}},
    };
    const auto r = review::build(in);
    const auto& lv = *r.long_view;
    REQUIRE(lv.mood.size() == 5);
    CHECK(lv.mood[0].days_rated == 6);
    CHECK(*lv.mood[0].average == doctest::Approx(4.0));
    CHECK(*lv.mood[1].average == doctest::Approx(6.0));
    CHECK(lv.mood[2].days_rated == 1); // 14 Sep
    CHECK_FALSE(lv.mood[3].average);
    CHECK(*lv.energy[0].average == doctest::Approx(7.0));
    REQUIRE(r.sessions.size() == 1);
    CHECK(r.sessions[0].day == D("2026-09-10"));
    REQUIRE(r.cues[0].steps_changed.size() == 1);
    CHECK(r.cues[0].steps_changed[0].step.behavior == "write two sentences");
    REQUIRE(lv.mood_links.size() == 1);
    CHECK(lv.mood_links[0].same_day.done_days == 14);
}

TEST_CASE("review month: a week is no long view, but keeps its steps and sessions") {
    Cue cue = daily_cue(1, "2026-08-01");
    cue.steps.push_back(Step{D("2026-11-11"), "write two sentences", std::nullopt});
    const review::Input in{.period = P("2026-11-09", "2026-11-15"),
                           .today = D("2026-11-20"),
                           .config = config_with(0),
                           .cues = {cue},
                           .sessions = {Session{1, D("2026-11-12"), {}}}};
    const auto r = review::build(in);
    REQUIRE(r.long_view);
    CHECK_FALSE(r.long_view->by_week);
    CHECK(r.long_view->weeks.empty());
    CHECK(r.cues[0].weeks.empty());
    CHECK(r.long_view->mood_links.size() == 1);
    CHECK(r.cues[0].steps_changed.size() == 1);
    CHECK(r.sessions.size() == 1);
    // Eight days are a long span.
    const review::Input eight{.period = P("2026-11-08", "2026-11-15"),
                              .today = D("2026-11-20"),
                              .config = config_with(0),
                              .cues = {cue}};
    const auto r8 = review::build(eight);
    CHECK(r8.long_view->by_week);
    CHECK(r8.cues[0].weeks.size() == 2);
}

TEST_CASE("review month: mood beside a habit in words, only in a long span") {
    const Cue cue = daily_cue(1, "2026-08-01");
    std::string marks(30, 'd');
    for (int i = 0; i < 30; i += 3)
        marks[static_cast<std::size_t>(i)] = 's';
    std::vector<Rating> ratings;
    for (int i = 0; i < 31; ++i)
        ratings.push_back(Rating{D("2026-09-01") + std::chrono::days{i},
                                 RatingKind::mood,
                                 i % 3 == 0 ? 4 + i % 2 : 6 + i % 2,
                                 {}});
    review::Input in{.period = P("2026-09-01", "2026-09-30"),
                     .today = D("2026-10-10"),
                     .config = config_with(0),
                     .cues = {cue},
                     .logs = days_of(1, "2026-09-01", marks),
                     .ratings = ratings};
    const auto r = review::build(in);
    const auto& link = r.long_view->mood_links.at(0);
    REQUIRE(link.enough);
    const std::string text = render::review_text(r, in.config, render::Paint(false));
    const auto& s = link.same_day;
    CHECK(contains_text(text,
                        fmt::format("Mood on done days {:.1f} vs {:.1f} on other days ({:+.1f}, "
                                    "95 % interval {:+.1f} to {:+.1f}): they go together; this "
                                    "does not say one causes the other.",
                                    *s.done_mean, *s.other_mean, *s.difference, *s.low, *s.high)));
    CHECK(text.find("causes") == text.rfind("causes")); // only in "does not say one causes"
    const std::string md = render::review_markdown(r, in.config);
    CHECK(contains_text(md, "they go together"));
    CHECK(contains_text(render::review_html(r, in.config), "they go together"));

    // Too few days on a side: the words say so and no more.
    in.logs = days_of(1, "2026-09-01", std::string(30, 'd').replace(0, 3, "sss"));
    const auto few = review::build(in);
    CHECK(contains_text(render::review_text(few, in.config, render::Paint(false)),
                        "Not enough days yet to set mood beside this habit (27 done, 3 other; 7 "
                        "each needed)."));
    // A week shows no mood link in words.
    in.period = P("2026-09-07", "2026-09-13");
    const auto week = review::build(in);
    CHECK_FALSE(
        contains_text(render::review_text(week, in.config, render::Paint(false)), "mood beside"));
}
