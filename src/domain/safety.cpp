#include "kint/domain/safety.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

namespace kint::safety {

namespace {

using std::chrono::days;

// One mood per day up to `until` (the later rating of a day counts), ordered by day.
std::map<Day, int> moods(const std::vector<Rating>& ratings, Day until) {
    std::map<Day, int> out;
    for (const auto& r : ratings)
        if (r.kind == RatingKind::mood && r.day <= until) out[r.day] = r.value;
    return out;
}

std::vector<std::vector<Day>> stretches(const std::map<Day, int>& mood,
                                        const config::Safety& rule) {
    std::vector<Day> low;
    for (const auto& [day, value] : mood)
        if (value <= rule.low_mood_max) low.push_back(day);
    // Every window's low days are those of the window starting at its first low day, or fewer:
    // the windows starting at each low day are all there is to count.
    const auto need = static_cast<std::size_t>(std::max(rule.low_mood_days, 1));
    const days window{std::max(rule.low_mood_window, 1)};
    std::vector<std::vector<Day>> out;
    std::size_t from = 0, to = 0; // the open stretch: low[from, to); none while to == 0
    std::size_t end = 0;          // the window at i holds low[i, end)
    for (std::size_t i = 0; i < low.size(); ++i) {
        while (end < low.size() && low[end] < low[i] + window)
            ++end;
        if (end - i < need) continue;
        if (to == 0 || i >= to) { // shares no low day with the open stretch: a new one
            if (to != 0) out.emplace_back(low.begin() + from, low.begin() + to);
            from = i;
        }
        to = end;
    }
    if (to != 0) out.emplace_back(low.begin() + from, low.begin() + to);
    return out;
}

} // namespace

std::vector<std::vector<Day>> low_stretches(const std::vector<Rating>& ratings,
                                            const config::Safety& rule) {
    return stretches(moods(ratings, Day::max()), rule);
}

Verdict check_recent(const std::vector<Rating>& ratings, const config::Safety& rule, Day today) {
    const auto mood = moods(ratings, today);
    const auto all = stretches(mood, rule);
    if (all.empty()) return {};
    const Day last = all.back().back();
    const auto since = (today - last).count();
    const bool better_since = std::any_of(mood.upper_bound(last), mood.end(), [&](const auto& m) {
        return m.second > rule.low_mood_max;
    });
    if (since <= 1 || (since <= quiet_days && !better_since)) return Verdict{true, all.back()};
    return {};
}

RecentRun::RecentRun(const config::Safety& rule, Day today)
    : m_rule(rule), m_today(today),
      m_horizon(today - days{quiet_days} - days{std::max(rule.low_mood_window, 1) - 1}) {}

bool RecentRun::take(const Rating& r) {
    if (r.day > m_today || r.kind != RatingKind::mood) return true; // not asked for; read on
    const bool first = std::exchange(m_first, false);
    if (m_done) return false;
    const days window{std::max(m_rule.low_mood_window, 1)};
    const bool low = r.value <= m_rule.low_mood_max;
    // How many low days read so far the window starting at r.day holds (all of them are read).
    auto in_window = [&] {
        std::size_t n = 0;
        for (auto it = m_lows.rbegin(); it != m_lows.rend() && *it < r.day + window; ++it)
            ++n;
        return n;
    };
    const auto need = static_cast<std::size_t>(std::max(m_rule.low_mood_days, 1));
    if (m_stretch_from) {
        // An earlier window can join the stretch only while it reaches the stretch's first day.
        if (r.day + window <= *m_stretch_from) return false;
        if (low) {
            m_lows.push_back(r.day);
            if (in_window() >= need) m_stretch_from = r.day;
        }
        return true;
    }
    if (r.day < m_horizon) return first; // no window from here on ends recently enough
    if (!low) {
        if (!m_latest_better) m_latest_better = r.day;
        return true;
    }
    m_lows.push_back(r.day);
    const auto n = in_window();
    if (n < need) return true;
    // The first window found reading back is the latest: its last low day decides, as in
    // check_recent (every rating after it is read).
    const Day last = m_lows[m_lows.size() - n];
    const bool better_since = m_latest_better && *m_latest_better > last;
    if (last < m_today - days{quiet_days} || (last < m_today - days{1} && better_since)) {
        m_done = true; // the note does not stand: the stretch's earlier days do not matter
        return first;
    }
    m_stretch_from = r.day;
    return true;
}

Verdict check_period(const std::vector<Rating>& ratings, const config::Safety& rule, Day from,
                     Day to) {
    Verdict v;
    for (auto& stretch : low_stretches(ratings, rule))
        if (stretch.front() <= to && stretch.back() >= from) v = Verdict{true, std::move(stretch)};
    return v;
}

std::optional<CheckIn> check_in(const std::vector<Rating>& ratings, const config::Safety& rule,
                                Day today) {
    const auto mood = moods(ratings, today);
    if (mood.empty()) return std::nullopt;
    const auto& [day, value] = *mood.rbegin();
    if (value > rule.low_mood_max || (today - day).count() < check_in_after_days)
        return std::nullopt;
    if (check_recent(ratings, rule, today).triggered) return std::nullopt;
    return CheckIn{day, value};
}

bool in_a_row(const Verdict& verdict) {
    const auto& d = verdict.days;
    return !d.empty() && (d.back() - d.front()).count() + 1 == static_cast<long>(d.size());
}

std::string reason(const Verdict& verdict, const config::Safety& rule) {
    if (!verdict.triggered || verdict.days.empty()) return {};
    const auto& d = verdict.days;
    if (in_a_row(verdict))
        return fmt::format("Your mood has been {} or lower for {} days in a row ({} to {}).",
                           rule.low_mood_max, d.size(), format_day(d.front()),
                           format_day(d.back()));
    return fmt::format("Your mood has been {} or lower on {} days between {} and {}.",
                       rule.low_mood_max, d.size(), format_day(d.front()), format_day(d.back()));
}

} // namespace kint::safety
