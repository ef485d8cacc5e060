#pragma once
// The long view (SPEC §7.4): a span longer than a week summarised by week, and mood beside a habit
// with an honest interval. Pure: days, marks and ratings in, numbers out. Used by
// `review --month` (and long --since/--until spans), `kint trail` and `kint report`.
#include "kint/domain/review.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace kint::long_view {

using review::Period;

// A span longer than seven days is summarised by week; a week stays as it is.
bool by_week(const Period& p);

// The weeks (each beginning on `week_starts`, 0 = Monday ... 6 = Sunday) that touch `p`, each cut
// to `p`, in order. A span that begins mid-week opens with that week's tail.
std::vector<Period> weeks_in(const Period& p, int week_starts);

// A week's mean of one rating kind: the days rated in it (one per day, see review::mood_by_day)
// and their mean (nullopt when none).
struct MoodWeek {
    Period week;
    int days_rated = 0;
    std::optional<double> average;
};
std::vector<MoodWeek> mood_weeks(const review::DayValues& values, const std::vector<Period>& weeks);

// One side-by-side comparison of mood: the days a cue was done against its other scheduled days
// (skipped, slipped, missed, or short of a measured step). `difference` = done_mean - other_mean
// and [low, high] its 95 % interval by Welch's t (unequal variances; Welch-Satterthwaite degrees of
// freedom, Boost.Math's Student's t quantile). Means need a day on their side; the difference and
// its interval need two days on each side (a variance).
struct Comparison {
    int done_days = 0, other_days = 0;
    std::optional<double> done_mean, other_mean;
    std::optional<double> difference, low, high;
};
// One side's days as the comparison reads them: how many, and the sum of their moods and of
// their squares. Whole numbers: the same days give the same figures in any order, to the bit.
struct Tally {
    long long n = 0, sum = 0, squares = 0;
    void add(int x) { add_times(x, 1); }
    // `times` days of mood `x`.
    void add_times(int x, long long times) {
        n += times;
        sum += times * x;
        squares += times * x * x;
    }
};
Comparison compare_tallies(const Tally& done, const Tally& other);
Comparison compare(const std::vector<int>& done, const std::vector<int>& other);

// Mood beside a habit. same_day: the mood of the done days against the other scheduled days;
// next_day: the mood of the day after each of them (where that day was rated; the day after the
// span's last day counts when `values` holds it). `enough` is false while either side of the
// same-day comparison has fewer than `enough_days` days: then the words say there are not enough
// days yet, and never more than that the two go together.
inline constexpr int enough_days = 7;
struct MoodLink {
    Comparison same_day, next_day;
    bool enough = false;
};
// The mood of each day of a span by its place, read once for every cue of a trail: 0 unrated,
// 1 + the mood for 0-10. `counted` is false when a mood lies outside 0-10 (no kint store holds
// one; another tool's row might): then `values` holds each day's own (-1 unrated).
struct MoodRow {
    MoodRow(const review::DayValues& mood, Day first, Day last);
    Day first;
    bool counted = true;
    std::vector<std::uint8_t> places;
    std::vector<int> values;
};
// `marks`: the mark of each day from `first` on, one a day (review::day_marks). `mood` holds
// first .. the day after the last mark.
MoodLink mood_link(Day first, std::span<const review::DayMark> marks, const MoodRow& mood);
MoodLink mood_link(Day first, std::span<const review::DayMark> marks,
                   const review::DayValues& mood);
// `calendar` goes forward by day (review::calendar's order; gaps are fine: a day it does not hold
// is on neither side).
MoodLink mood_link(const std::vector<std::pair<Day, review::DayMark>>& calendar,
                   const review::DayValues& mood);

} // namespace kint::long_view
