#include "kint/domain/phases.hpp"

namespace kint::phases {

int habit_week(Day created, Day day) {
    const auto age = (day - created).count();
    return age < 0 ? 0 : static_cast<int>(age / 7) + 1;
}

const config::HabitPhase* habit_phase(const std::vector<config::HabitPhase>& phases, Day created,
                                      Day day) {
    const int week = habit_week(created, day);
    if (week < 1) return nullptr;
    for (const auto& p : phases)
        if (week >= p.from_week && (p.to_week == 0 || week <= p.to_week)) return &p;
    return nullptr;
}

std::optional<TimelinePosition>
timeline_position(const std::vector<config::TimelinePhase>& timeline,
                  const std::vector<Session>& sessions, Day day) {
    std::optional<Day> latest;
    for (const auto& s : sessions)
        if (s.day <= day && (!latest || s.day > *latest)) latest = s.day;
    if (!latest) return std::nullopt;
    const int since = static_cast<int>((day - *latest).count());
    for (const auto& p : timeline)
        if (since >= p.from && since <= p.to) return TimelinePosition{&p, since, *latest};
    return TimelinePosition{nullptr, since, *latest};
}

std::string phase_tag(const std::optional<TimelinePosition>& position,
                      const std::vector<Session>& sessions, Day day) {
    if (position && position->phase) return position->phase->key;
    for (const auto& s : sessions)
        if (s.day > day && (s.day - day).count() <= preparation_days) return "preparation";
    return "general";
}

} // namespace kint::phases
