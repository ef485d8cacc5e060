#include "kint/domain/safety.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace kint::safety {

std::vector<std::vector<Day>> low_runs(const std::vector<Rating>& ratings, int max_value,
                                       int min_days) {
    std::map<Day, int> mood; // one mood per day; ordered by day
    for (const auto& r : ratings)
        if (r.kind == RatingKind::mood) mood[r.day] = r.value;
    std::vector<std::vector<Day>> runs;
    std::vector<Day> current;
    auto close = [&] {
        if (static_cast<int>(current.size()) >= min_days) runs.push_back(current);
        current.clear();
    };
    for (const auto& [day, value] : mood) {
        if (value > max_value) {
            close();
            continue;
        }
        if (!current.empty() && day != current.back() + std::chrono::days{1}) close();
        current.push_back(day);
    }
    close();
    return runs;
}

Verdict check_recent(const std::vector<Rating>& ratings, const config::Safety& rule, Day today) {
    Verdict v;
    for (const auto& run : low_runs(ratings, rule.low_mood_max, rule.low_mood_days)) {
        const Day last = run.back();
        if (last == today || last == today - std::chrono::days{1}) v = Verdict{true, run};
    }
    return v;
}

bool RecentRun::take(const Rating& r) {
    const std::chrono::days one{1};
    if (r.day > m_today) return true; // not asked for; read on
    const bool low = r.value <= m_max;
    if (r.day >= m_today - one) { // today and yesterday: always kept
        if (low && (!m_low_from || *m_low_from == r.day + one))
            m_low_from = r.day;
        else if (!low && r.day == m_today - one)
            m_low_from.reset();
        return true;
    }
    // Earlier days matter only as the continuation of a low run that reaches yesterday or today.
    if (!low || !m_low_from || *m_low_from != r.day + one) return false;
    m_low_from = r.day;
    return true;
}

Verdict check_period(const std::vector<Rating>& ratings, const config::Safety& rule, Day from,
                     Day to) {
    Verdict v;
    for (const auto& run : low_runs(ratings, rule.low_mood_max, rule.low_mood_days))
        if (run.front() <= to && run.back() >= from) v = Verdict{true, run};
    return v;
}

std::string reason(const Verdict& verdict, const config::Safety& rule) {
    if (!verdict.triggered || verdict.days.empty()) return {};
    return fmt::format("Your mood has been {} or lower for {} days in a row ({} to {}).",
                       rule.low_mood_max, verdict.days.size(), format_day(verdict.days.front()),
                       format_day(verdict.days.back()));
}

} // namespace kint::safety
