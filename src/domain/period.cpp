#include "kint/domain/period.hpp"

#include "kint/domain/strength.hpp"

#include <algorithm>

namespace kint::period {

Day counted_from(const Per& per, Day today, int week_starts) {
    if (per.week) {
        const int start = ((week_starts % 7) + 7) % 7;
        return today - std::chrono::days{(weekday_index(today) - start + 7) % 7};
    }
    return today - std::chrono::days{std::max(per.days, 1) - 1};
}

int done_in(const Per& per, const std::vector<Day>& done_days, Day today, int week_starts) {
    const Day from = counted_from(per, today, week_starts);
    return static_cast<int>(std::count_if(done_days.begin(), done_days.end(),
                                          [&](Day d) { return d >= from && d <= today; }));
}

int prorated(const Per& per, int available) {
    if (available <= 0) return 0;
    return std::max(1, (2 * per.times * available + per.days) / (2 * per.days));
}

int target(const Per& per, Day today, int week_starts, Day since) {
    const Day from = counted_from(per, today, week_starts);
    if (!per.week || since <= from) return per.times;
    const int available = 7 - static_cast<int>((since - from).count());
    return prorated(per, available);
}

int remaining(const Per& per, const std::vector<Day>& done_days, Day today, int week_starts,
              Day since) {
    const Day from = std::max(counted_from(per, today, week_starts), since);
    const int done = static_cast<int>(std::count_if(
        done_days.begin(), done_days.end(), [&](Day d) { return d >= from && d <= today; }));
    return std::max(0, target(per, today, week_starts, since) - done);
}

bool counts_done(const LogEntry& entry, const std::optional<Measure>& measure) {
    if (entry.status != LogStatus::done) return false;
    if (!measure || !entry.amount) return true;
    return strength::meets(*measure, *entry.amount);
}

} // namespace kint::period
