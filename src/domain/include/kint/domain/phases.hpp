#pragma once
// Where a person is: the integration timeline (days since the latest session) and a habit's phase
// (weeks since its cue was placed). Pure functions over config data.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"

#include <optional>
#include <vector>

namespace kint::phases {

// The habit phase for a cue created on `created`, as of `day` (week 1 = days 0-6).
const config::HabitPhase* habit_phase(const std::vector<config::HabitPhase>& phases, Day created,
                                      Day day);
// 1-based week of a cue's life on `day`.
int habit_week(Day created, Day day);

struct TimelinePosition {
    const config::TimelinePhase* phase; // the configured phase, or nullptr past the timeline
    int day;                            // days since the latest session (0 = the session day)
    Day session;
};

// The latest session on or before `day`, and the timeline phase it puts `day` in; nullopt when
// no session applies.
std::optional<TimelinePosition>
timeline_position(const std::vector<config::TimelinePhase>& timeline,
                  const std::vector<Session>& sessions, Day day);

// The tag prompts are chosen by on `day`, given its timeline `position`: the timeline phase key;
// else "preparation" in the week before a planned session (within `preparation_days`); else
// "general".
inline constexpr int preparation_days = 7;
std::string phase_tag(const std::optional<TimelinePosition>& position,
                      const std::vector<Session>& sessions, Day day);

} // namespace kint::phases
