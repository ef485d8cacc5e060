#include "kint/domain/long_view.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace kint::long_view {

using std::chrono::days;

bool by_week(const Period& p) {
    return p.length() > 7;
}

std::vector<Period> weeks_in(const Period& p, int week_starts) {
    std::vector<Period> weeks;
    for (Day from = p.from; from <= p.to;) {
        const Period week = review::week_of(from, week_starts);
        weeks.push_back({from, std::min(week.to, p.to)});
        from = week.to + days{1};
    }
    return weeks;
}

std::vector<MoodWeek> mood_weeks(const review::DayValues& values,
                                 const std::vector<Period>& weeks) {
    std::vector<MoodWeek> out;
    out.reserve(weeks.size());
    for (const auto& week : weeks) {
        MoodWeek w;
        w.week = week;
        double sum = 0;
        for (auto it = values.lower_bound(week.from); it != values.end() && it->first <= week.to;
             ++it) {
            sum += it->second;
            ++w.days_rated;
        }
        if (w.days_rated > 0) w.average = sum / w.days_rated;
        out.push_back(w);
    }
    return out;
}

namespace {

struct Sample {
    int n = 0;
    double mean = 0, variance = 0; // the unbiased sample variance (n - 1)
};

Sample sample_of(const Tally& t) {
    Sample s{.n = static_cast<int>(t.n)};
    if (s.n == 0) return s;
    s.mean = static_cast<double>(t.sum) / static_cast<double>(t.n);
    if (s.n < 2) return s;
    // n·Σx² − (Σx)² is a whole number, exact: no rounding before the one division.
    s.variance =
        static_cast<double>(t.n * t.squares - t.sum * t.sum) / static_cast<double>(t.n * (t.n - 1));
    return s;
}

} // namespace

Comparison compare(const std::vector<int>& done, const std::vector<int>& other) {
    Tally a, b;
    for (int x : done)
        a.add(x);
    for (int x : other)
        b.add(x);
    return compare_tallies(a, b);
}

Comparison compare_tallies(const Tally& done, const Tally& other) {
    const Sample a = sample_of(done), b = sample_of(other);
    Comparison c;
    c.done_days = a.n;
    c.other_days = b.n;
    if (a.n > 0) c.done_mean = a.mean;
    if (b.n > 0) c.other_mean = b.mean;
    if (a.n < 2 || b.n < 2) return c;
    c.difference = a.mean - b.mean;
    const double va = a.variance / a.n, vb = b.variance / b.n;
    const double se = std::sqrt(va + vb);
    if (se == 0) { // every rating the same on each side: no spread, the interval is the point
        c.low = c.high = c.difference;
        return c;
    }
    // Welch-Satterthwaite degrees of freedom. With no spread on one side its term is 0 and the
    // other side's n - 1 remains.
    const double df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
    // Worked in double, not promoted to long double (Boost's default): the quantile is as exact
    // as a double holds, and the x87 arithmetic of long double was most of a comparison's cost.
    using InDouble = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
    const boost::math::students_t_distribution<double, InDouble> t(df);
    const double half = boost::math::quantile(boost::math::complement(t, 0.025)) * se;
    c.low = *c.difference - half;
    c.high = *c.difference + half;
    return c;
}

MoodLink mood_link(const std::vector<std::pair<Day, review::DayMark>>& calendar,
                   const review::DayValues& mood) {
    if (calendar.empty()) return mood_link(Day{}, {}, mood);
    // Its days by place, a day it does not hold on neither side.
    const Day first = calendar.front().first;
    std::vector<review::DayMark> marks(
        static_cast<std::size_t>((calendar.back().first - first).count()) + 1,
        review::DayMark::not_scheduled);
    for (const auto& [day, mark] : calendar)
        marks[static_cast<std::size_t>((day - first).count())] = mark;
    return mood_link(first, marks, mood);
}

// A place for each mood 0-10, and one for unrated.
constexpr int mood_places = 12;

MoodRow::MoodRow(const review::DayValues& mood, Day from, Day last) : first(from) {
    const auto size =
        static_cast<std::size_t>(std::max(0, static_cast<int>((last - from).count()) + 1));
    places.assign(size, 0);
    for (auto it = mood.lower_bound(from); it != mood.end() && it->first <= last; ++it) {
        counted = counted && it->second >= 0 && it->second < mood_places - 1;
        places[static_cast<std::size_t>((it->first - from).count())] =
            static_cast<std::uint8_t>(it->second + 1);
    }
    if (counted) return;
    places.clear();
    values.assign(size, -1);
    for (auto it = mood.lower_bound(from); it != mood.end() && it->first <= last; ++it)
        values[static_cast<std::size_t>((it->first - from).count())] = it->second;
}

MoodLink mood_link(Day first, std::span<const review::DayMark> marks,
                   const review::DayValues& mood) {
    return mood_link(first, marks,
                     MoodRow(mood, first, first + days{static_cast<int>(marks.size())}));
}

MoodLink mood_link(Day first, std::span<const review::DayMark> marks, const MoodRow& mood) {
    using review::DayMark;
    // Each day's side by its mark (0: neither, 1: done, 2: the other scheduled days), and each
    // side's tallies taking a day's mood with weight 1 when rated, 0 when not: years of days
    // with no branch on either.
    static constexpr auto side = [] {
        std::array<std::uint8_t, static_cast<std::size_t>(DayMark::unmet) + 1> t{};
        t[static_cast<std::size_t>(DayMark::done)] = 1;
        for (const auto m : {DayMark::skip, DayMark::slip, DayMark::missed, DayMark::unmet})
            t[static_cast<std::size_t>(m)] = 2;
        return t;
    }();
    std::array<Tally, 3> same{}, next{};
    // Years of days: each day's mood, and the next day's, is found by its place in the row. Each
    // side's days are counted by mood, and its tallies made from the counts, exactly.
    // (A row that does not hold the marks' days and the day after counts none: callers give one
    // that does.)
    const auto offset =
        static_cast<std::size_t>(std::max(0, static_cast<int>((first - mood.first).count())));
    const bool held = !marks.empty() && first >= mood.first &&
                      offset + marks.size() + 1 <= std::max(mood.places.size(), mood.values.size());
    if (held && mood.counted) {
        const std::uint8_t* place = mood.places.data() + offset;
        std::array<std::array<std::uint32_t, mood_places>, 3> same_count{}, next_count{};
        for (std::size_t at = 0; at < marks.size(); ++at) {
            const std::size_t s = side[static_cast<std::size_t>(marks[at])];
            ++same_count[s][place[at]];
            ++next_count[s][place[at + 1]];
        }
        for (std::size_t s = 1; s < 3; ++s)
            for (int p = 1; p < mood_places; ++p) {
                same[s].add_times(p - 1, same_count[s][static_cast<std::size_t>(p)]);
                next[s].add_times(p - 1, next_count[s][static_cast<std::size_t>(p)]);
            }
    } else if (held) {
        const int* value = mood.values.data() + offset;
        for (std::size_t at = 0; at < marks.size(); ++at) {
            const std::size_t s = side[static_cast<std::size_t>(marks[at])];
            if (value[at] >= 0) same[s].add(value[at]);
            if (value[at + 1] >= 0) next[s].add(value[at + 1]);
        }
    }
    MoodLink link{.same_day = compare_tallies(same[1], same[2]),
                  .next_day = compare_tallies(next[1], next[2])};
    link.enough = link.same_day.done_days >= enough_days && link.same_day.other_days >= enough_days;
    return link;
}

} // namespace kint::long_view
