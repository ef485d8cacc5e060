#include "kint/domain/trail.hpp"

#include <algorithm>

namespace kint::trail {

namespace {

using std::chrono::days;

std::optional<LogStatus> status_on(const std::map<Day, LogStatus>& trail, Day day) {
    const auto it = trail.find(day);
    if (it == trail.end()) return std::nullopt;
    return it->second;
}

bool gap_on(const std::map<Day, LogStatus>& trail, Day day) {
    const auto s = status_on(trail, day);
    return !s || *s == LogStatus::slip;
}

bool done_on(const std::map<Day, LogStatus>& trail, Day day) {
    return status_on(trail, day) == LogStatus::done;
}

// The last done day in [from, before), if any.
std::optional<Day> last_done(const std::map<Day, LogStatus>& trail, Day from, Day before) {
    for (auto it = trail.lower_bound(before); it != trail.begin();) {
        --it;
        if (it->first < from) break;
        if (it->second == LogStatus::done) return it->first;
    }
    return std::nullopt;
}

// A day that was due and went by without the behavior: a slip, or no entry on a day of a fixed
// schedule. Not a gap: a day of an if-then or --per plan (never due by itself, so `cue edit` to a
// schedule greets nobody for the days before), nor an at-most step's day without entry (within
// the limit, as its strength counts it).
bool real_gap(const Cue& cue, const std::map<Day, LogStatus>& trail, Day day) {
    const Plan plan = cue.plan_on(day);
    if (plan.kind == CueKind::if_ || plan.per) return false;
    const auto& measure = cue.step_on(day).measure;
    if (measure && measure->at_most) return status_on(trail, day) == LogStatus::slip;
    return gap_on(trail, day);
}

bool scheduled_comeback(const Cue& cue, const std::map<Day, LogStatus>& trail, Day day) {
    const auto prev = previous_scheduled(cue, day);
    if (!prev || !real_gap(cue, trail, *prev)) return false;
    const days rhythm{comeback_rhythm_days};
    // The rhythm: the done day before the gap, close by, was itself a return after a gap.
    const auto before_gap = last_done(trail, day - rhythm, *prev);
    if (!before_gap) return true;
    const auto its_prev = previous_scheduled(cue, *before_gap);
    const bool was_return = its_prev && real_gap(cue, trail, *its_prev) &&
                            last_done(trail, *before_gap - rhythm, *its_prev).has_value();
    return !was_return;
}

bool situation_comeback(const std::map<Day, LogStatus>& trail, Day day) {
    const Day from = day - days{situation_memory_days};
    for (auto it = trail.lower_bound(day); it != trail.begin();) {
        --it;
        if (it->first < from) break;
        if (it->second == LogStatus::skip) continue;
        return it->second == LogStatus::slip;
    }
    return false;
}

bool per_comeback(const Cue& cue, const std::map<Day, LogStatus>& trail, Day day, const Per& per) {
    const Day from = day - days{2 * per.days};
    if (from < cue.created) return false;
    for (Day d = from; d < day; d += days{1}) {
        const auto s = status_on(trail, d);
        if (!cue.active_on(d) || (s && *s != LogStatus::slip)) return false;
    }
    return true;
}

} // namespace

std::map<Day, LogStatus> effective(const std::vector<LogEntry>& entries, Id cue_id) {
    std::map<Day, LogStatus> out;
    for (const auto& e : entries) {
        if (e.cue_id != cue_id) continue;
        auto [it, inserted] = out.emplace(e.day, e.status);
        if (!inserted && rank(e.status) > rank(it->second)) it->second = e.status;
    }
    return out;
}

std::optional<Day> previous_scheduled(const Cue& cue, Day day) {
    for (Day d = day - days{1}; d >= cue.created; d -= days{1})
        if (cue.scheduled_on(d)) return d;
    return std::nullopt;
}

Day comeback_since(const Cue& cue, Day day) {
    const Plan plan = cue.plan_on(day);
    Day since = day;
    if (plan.kind == CueKind::if_) {
        since = day - days{situation_memory_days};
    } else if (plan.per) {
        since = day - days{2 * plan.per->days};
    } else {
        // The gap, the done day before it within the rhythm, and that day's own gap and rhythm.
        since = previous_scheduled(cue, day).value_or(day);
        const Day near = day - days{comeback_rhythm_days};
        since = std::min(since, previous_scheduled(cue, near).value_or(near));
        since = std::min(since, near - days{comeback_rhythm_days});
    }
    return std::max(std::min(since, day), std::min(cue.created, day));
}

bool is_comeback(const Cue& cue, const std::map<Day, LogStatus>& days, Day day) {
    if (!done_on(days, day) || !cue.active_on(day)) return false;
    const Plan plan = cue.plan_on(day);
    if (plan.kind == CueKind::if_) return situation_comeback(days, day);
    if (plan.per) return per_comeback(cue, days, day, *plan.per);
    if (!cue.scheduled_on(day)) return false;
    return scheduled_comeback(cue, days, day);
}

} // namespace kint::trail
