#include "kint/domain/trail.hpp"

namespace kint::trail {

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
    for (Day d = day - std::chrono::days{1}; d >= cue.created; d -= std::chrono::days{1})
        if (cue.scheduled_on(d)) return d;
    return std::nullopt;
}

bool is_comeback(const Cue& cue, const std::map<Day, LogStatus>& days, Day day) {
    if (!cue.scheduled_on(day)) return false;
    auto it = days.find(day);
    if (it == days.end() || it->second != LogStatus::done) return false;
    const auto prev = previous_scheduled(cue, day);
    if (!prev) return false;
    auto p = days.find(*prev);
    return p == days.end() || p->second == LogStatus::slip;
}

} // namespace kint::trail
