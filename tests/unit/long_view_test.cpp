// The long view's pure pieces (SPEC §7.4): weeks cut to a span, weekly means, and mood beside a
// habit with Welch's interval, each on data whose answer is worked out by hand.
#include "kint/domain/long_view.hpp"
#include "test_day.hpp"

#include <array>
#include <doctest/doctest.h>
#include <random>

using namespace kint;
using kint::test::D;
using long_view::compare;
using long_view::mood_link;
using review::DayMark;
using review::Period;
using std::chrono::days;

namespace {

using Calendar = std::vector<std::pair<Day, DayMark>>;

// Consecutive days from `first`, one mark each.
Calendar calendar(std::string_view first, const std::vector<DayMark>& marks) {
    Calendar c;
    Day d = D(first);
    for (auto m : marks) {
        c.emplace_back(d, m);
        d += days{1};
    }
    return c;
}

} // namespace

TEST_CASE("weeks_in cuts the first and last weeks to the span") {
    // September 2026 begins on a Tuesday and ends on a Wednesday.
    const auto weeks = long_view::weeks_in({D("2026-09-01"), D("2026-09-30")}, 0);
    REQUIRE(weeks.size() == 5);
    CHECK(weeks[0] == Period{D("2026-09-01"), D("2026-09-06")});
    CHECK(weeks[1] == Period{D("2026-09-07"), D("2026-09-13")});
    CHECK(weeks[4] == Period{D("2026-09-28"), D("2026-09-30")});
    // Sunday weeks: the month opens with Tuesday-Saturday, then Sunday-Saturday weeks.
    const auto sunday = long_view::weeks_in({D("2026-09-01"), D("2026-09-30")}, 6);
    REQUIRE(sunday.size() == 5);
    CHECK(sunday[0] == Period{D("2026-09-01"), D("2026-09-05")});
    CHECK(sunday[1] == Period{D("2026-09-06"), D("2026-09-12")});
    CHECK(sunday[4] == Period{D("2026-09-27"), D("2026-09-30")});
    // One day is one (cut) week; a whole week is itself.
    CHECK(long_view::weeks_in({D("2026-09-02"), D("2026-09-02")}, 0).size() == 1);
    CHECK(long_view::weeks_in({D("2026-09-07"), D("2026-09-13")}, 0) ==
          std::vector<Period>{{D("2026-09-07"), D("2026-09-13")}});
}

TEST_CASE("by_week: longer than seven days") {
    CHECK_FALSE(long_view::by_week({D("2026-09-07"), D("2026-09-13")}));
    CHECK(long_view::by_week({D("2026-09-07"), D("2026-09-14")}));
}

TEST_CASE("mood_weeks: the mean of the days rated in each week, none for a week without") {
    const review::DayValues mood{
        {D("2026-09-01"), 4}, {D("2026-09-06"), 7}, {D("2026-09-07"), 5}, {D("2026-09-20"), 9}};
    const auto weeks = long_view::weeks_in({D("2026-09-01"), D("2026-09-20")}, 0);
    const auto w = long_view::mood_weeks(mood, weeks);
    REQUIRE(w.size() == 3);
    CHECK(w[0].days_rated == 2);
    CHECK(*w[0].average == doctest::Approx(5.5));
    CHECK(w[1].days_rated == 1);
    CHECK(*w[1].average == doctest::Approx(5.0));
    CHECK(w[2].days_rated == 1);
    CHECK(*w[2].average == doctest::Approx(9.0));
    const auto empty = long_view::mood_weeks({}, weeks);
    CHECK_FALSE(empty[0].average.has_value());
    CHECK(empty[0].days_rated == 0);
}

TEST_CASE("compare: Welch's 95 % interval on a worked example") {
    // Equal spread and size: the Welch-Satterthwaite degrees of freedom are 2n - 2 = 12, and
    // t(0.975, 12) = 2.178813. Means 7 and 5, variances 4/6, standard error sqrt(2 * (4/6) / 7).
    const auto c = compare({6, 7, 8, 6, 7, 8, 7}, {4, 5, 6, 4, 5, 6, 5});
    CHECK(c.done_days == 7);
    CHECK(c.other_days == 7);
    CHECK(*c.done_mean == doctest::Approx(7.0));
    CHECK(*c.other_mean == doctest::Approx(5.0));
    CHECK(*c.difference == doctest::Approx(2.0));
    CHECK(*c.low == doctest::Approx(2.0 - 0.950913).epsilon(1e-5));
    CHECK(*c.high == doctest::Approx(2.0 + 0.950913).epsilon(1e-5));
}

TEST_CASE("compare: unequal spreads widen the interval around the difference") {
    const auto c = compare({9, 2, 8, 3, 9, 4}, {5, 5, 6, 5});
    REQUIRE(c.difference);
    CHECK(*c.difference == doctest::Approx(35.0 / 6 - 5.25));
    CHECK(*c.low < *c.difference);
    CHECK(*c.high > *c.difference);
    CHECK(*c.high - *c.difference == doctest::Approx(*c.difference - *c.low));
    // The interval holds 0: these two do not clearly go together.
    CHECK(*c.low < 0);
    CHECK(*c.high > 0);
}

TEST_CASE("compare: what one or two days can and cannot say") {
    const auto none = compare({}, {});
    CHECK_FALSE(none.done_mean);
    CHECK_FALSE(none.difference);
    const auto one = compare({6}, {4, 5});
    CHECK(*one.done_mean == doctest::Approx(6.0));
    CHECK_FALSE(one.difference); // a variance needs two days
    const auto flat = compare({6, 6}, {4, 4});
    CHECK(*flat.difference == doctest::Approx(2.0));
    CHECK(*flat.low == doctest::Approx(2.0));
    CHECK(*flat.high == doctest::Approx(2.0));
}

TEST_CASE("mood_link: done days against the other scheduled days, and the day after each") {
    // Seven done days rated 7, seven other scheduled days (missed, slipped, skipped, unmet)
    // rated 4; days off the schedule, extras and open days are neither side.
    std::vector<DayMark> marks;
    for (int i = 0; i < 7; ++i) {
        marks.push_back(DayMark::done);
        marks.push_back(i % 4 == 0   ? DayMark::missed
                        : i % 4 == 1 ? DayMark::slip
                        : i % 4 == 2 ? DayMark::skip
                                     : DayMark::unmet);
    }
    marks.push_back(DayMark::not_scheduled);
    marks.push_back(DayMark::extra);
    marks.push_back(DayMark::open);
    const auto cal = calendar("2026-09-01", marks);
    review::DayValues mood;
    for (const auto& [day, mark] : cal)
        mood[day] = mark == DayMark::done ? 7 : 4;
    const auto link = mood_link(cal, mood);
    CHECK(link.enough);
    CHECK(link.same_day.done_days == 7);
    CHECK(link.same_day.other_days == 7);
    CHECK(*link.same_day.difference == doctest::Approx(3.0));
    // The day after a done day is an other day here (4), the day after an other day a done day
    // (7) except the last one, followed by a day off the schedule rated 4.
    CHECK(link.next_day.done_days == 7);
    CHECK(*link.next_day.done_mean == doctest::Approx(4.0));
    CHECK(link.next_day.other_days == 7);
    CHECK(*link.next_day.other_mean == doctest::Approx((6 * 7 + 4) / 7.0));
}

TEST_CASE("mood_link: not enough below seven days on either side") {
    std::vector<DayMark> marks(7, DayMark::done);
    for (int i = 0; i < 6; ++i)
        marks.push_back(DayMark::missed);
    const auto cal = calendar("2026-09-01", marks);
    review::DayValues mood;
    for (const auto& [day, mark] : cal)
        mood[day] = 5;
    auto link = mood_link(cal, mood);
    CHECK_FALSE(link.enough);
    CHECK(link.same_day.other_days == 6);
    // An unrated day does not count toward either side.
    marks.push_back(DayMark::missed);
    const auto cal7 = calendar("2026-09-01", marks);
    link = mood_link(cal7, mood);
    CHECK_FALSE(link.enough);
    mood[cal7.back().first] = 5;
    CHECK(mood_link(cal7, mood).enough);
}

TEST_CASE("mood_link: the next day across gaps and past the span's last day") {
    // Done on 1, 3 and 5 September; 2 September unrated (a gap), 4 rated 8, 6 (after the span's
    // last day) rated 3.
    const auto cal = calendar("2026-09-01", {DayMark::done, DayMark::not_scheduled, DayMark::done,
                                             DayMark::not_scheduled, DayMark::done});
    const review::DayValues mood{{D("2026-09-01"), 5}, {D("2026-09-04"), 8}, {D("2026-09-06"), 3}};
    const auto link = mood_link(cal, mood);
    CHECK(link.same_day.done_days == 1); // only 1 September was rated
    CHECK(link.next_day.done_days == 2); // 2 September unrated: the 4th and the 6th count
    CHECK(*link.next_day.done_mean == doctest::Approx(5.5));
    CHECK(link.next_day.other_days == 0);
    CHECK_FALSE(link.next_day.difference);
}

TEST_CASE("mood_link: the same sides as looking each day up, on random calendars with gaps") {
    // mood_link counts the ratings beside the calendar; each day looked up on its own is the
    // plain reading it must equal, to the bit, whatever the gaps in the calendar and in the
    // ratings.
    std::mt19937 rng(20261204);
    constexpr std::array all{DayMark::done,   DayMark::skip,          DayMark::slip,
                             DayMark::missed, DayMark::unmet,         DayMark::extra,
                             DayMark::open,   DayMark::not_scheduled, DayMark::paused};
    for (int round = 0; round < 200; ++round) {
        Calendar cal;
        review::DayValues mood;
        Day d = D("2025-12-20") + days{static_cast<int>(rng() % 20)};
        const int n = static_cast<int>(rng() % 60);
        for (int i = 0; i < n; ++i) {
            cal.emplace_back(d, all[rng() % all.size()]);
            d += days{1 + static_cast<int>(rng() % 3)};
        }
        for (Day r = D("2025-12-15"); r < D("2026-04-01"); r += days{1})
            // Every fourth round, moods past 10 too (no kint store holds one; another tool's
            // row might): they are tallied day by day, not counted by value.
            if (rng() % 3 != 0) mood[r] = static_cast<int>(rng() % (round % 4 == 3 ? 26 : 11));
        std::vector<int> same_done, same_other, next_done, next_other;
        for (const auto& [day, mark] : cal) {
            const bool done = mark == DayMark::done;
            const bool other = mark == DayMark::skip || mark == DayMark::slip ||
                               mark == DayMark::missed || mark == DayMark::unmet;
            if (!done && !other) continue;
            if (mood.count(day)) (done ? same_done : same_other).push_back(mood.at(day));
            if (mood.count(day + days{1}))
                (done ? next_done : next_other).push_back(mood.at(day + days{1}));
        }
        const auto link = mood_link(cal, mood);
        const auto same = compare(same_done, same_other), next = compare(next_done, next_other);
        CAPTURE(round);
        CHECK(link.same_day.done_days == same.done_days);
        CHECK(link.same_day.other_days == same.other_days);
        CHECK(link.same_day.done_mean == same.done_mean);
        CHECK(link.same_day.low == same.low);
        CHECK(link.next_day.done_days == next.done_days);
        CHECK(link.next_day.other_days == next.other_days);
        CHECK(link.next_day.other_mean == next.other_mean);
        CHECK(link.next_day.high == next.high);
    }
}

TEST_CASE("DayValues: by day, one value a day, the later one kept, as a map would") {
    const review::DayValues sorted(std::vector<std::pair<Day, int>>{
        {D("2026-09-01"), 5}, {D("2026-09-03"), 7}, {D("2026-09-04"), 2}});
    CHECK(sorted.size() == 3);
    CHECK(sorted.find(D("2026-09-03"))->second == 7);
    CHECK(sorted.find(D("2026-09-02")) == sorted.end());
    CHECK(sorted.lower_bound(D("2026-09-02"))->first == D("2026-09-03"));
    CHECK(sorted.lower_bound(D("2026-09-05")) == sorted.end());
    // Out of order, a day twice: sorted, the later of the two kept.
    const review::DayValues mixed(std::vector<std::pair<Day, int>>{
        {D("2026-09-04"), 2}, {D("2026-09-01"), 9}, {D("2026-09-03"), 7}, {D("2026-09-01"), 5}});
    CHECK(mixed == sorted);
    review::DayValues built;
    built[D("2026-09-04")] = 2;
    built[D("2026-09-01")] = 9; // before the last: in its place
    built[D("2026-09-03")] = 7;
    built[D("2026-09-01")] = 5; // again: replaced
    CHECK(built == sorted);
    CHECK(built.count(D("2026-09-01")) == 1);
    CHECK(built.at(D("2026-09-04")) == 2);
    CHECK_THROWS_AS((void)built.at(D("2026-09-02")), std::out_of_range);
    std::map<Day, int> tree;
    for (const auto& [day, value] : built)
        tree.emplace(day, value);
    CHECK(tree.size() == 3);
    CHECK(std::is_sorted(built.begin(), built.end()));
}
