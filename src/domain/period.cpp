#include "kint/domain/period.hpp"

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

int remaining(const Per& per, const std::vector<Day>& done_days, Day today, int week_starts) {
    return std::max(0, per.times - done_in(per, done_days, today, week_starts));
}

bool counts_done(const LogEntry& entry, const std::optional<Measure>& measure) {
    if (entry.status != LogStatus::done) return false;
    if (!measure || !entry.amount) return true;
    return measure->at_most ? *entry.amount <= measure->target : *entry.amount >= measure->target;
}

} // namespace kint::period
