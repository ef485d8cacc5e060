#include "kint/domain/long_view.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>

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
    const boost::math::students_t t(df);
    const double half = boost::math::quantile(boost::math::complement(t, 0.025)) * se;
    c.low = *c.difference - half;
    c.high = *c.difference + half;
    return c;
}

MoodLink mood_link(const std::vector<std::pair<Day, review::DayMark>>& calendar,
                   const review::DayValues& mood) {
    using review::DayMark;
    Tally same_done, same_other, next_done, next_other;
    if (!calendar.empty()) {
        // The calendar goes forward by day (years of them): each day's mood, and the next day's,
        // is found by its place in one row of the span's days (-1: not rated).
        const Day first = calendar.front().first, last = calendar.back().first + days{1};
        std::vector<int> by_day(static_cast<std::size_t>((last - first).count()) + 1, -1);
        for (auto it = mood.lower_bound(first); it != mood.end() && it->first <= last; ++it)
            by_day[static_cast<std::size_t>((it->first - first).count())] = it->second;
        for (const auto& [day, mark] : calendar) {
            const bool done = mark == DayMark::done;
            const bool other = mark == DayMark::skip || mark == DayMark::slip ||
                               mark == DayMark::missed || mark == DayMark::unmet;
            if (!done && !other) continue;
            const auto at = static_cast<std::size_t>((day - first).count());
            if (by_day[at] >= 0) (done ? same_done : same_other).add(by_day[at]);
            if (by_day[at + 1] >= 0) (done ? next_done : next_other).add(by_day[at + 1]);
        }
    }
    MoodLink link{.same_day = compare_tallies(same_done, same_other),
                  .next_day = compare_tallies(next_done, next_other)};
    link.enough = link.same_day.done_days >= enough_days && link.same_day.other_days >= enough_days;
    return link;
}

} // namespace kint::long_view
