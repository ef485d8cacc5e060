#pragma once
// A cue's trail day by day: which status counts on a day, and whether a done day is a comeback.
#include "kint/core/model.hpp"

#include <map>
#include <optional>
#include <vector>

namespace kint::trail {

// The status that counts per day for `cue_id` (done > skip > slip).
std::map<Day, LogStatus> effective(const std::vector<LogEntry>& entries, Id cue_id);

// The latest scheduled day of `cue` before `day`, back to its creation.
std::optional<Day> previous_scheduled(const Cue& cue, Day day);

// How far back `is_comeback` looks for `day`: read the cue's entries from this day on.
inline constexpr int comeback_rhythm_days = 7;
inline constexpr int situation_memory_days = 28;
Day comeback_since(const Cue& cue, Day day);

// A done `day` that returns after a real gap ("welcome back"), by the plan in force that day:
//   - daily or weekday: the previous scheduled day was slipped or missed (a skip or a pause is
//     no gap), unless the day only continues an on-and-off rhythm: the last done day before the
//     gap lies within 7 days before `day` and was itself a return (its previous scheduled day
//     was slipped or missed after a done day in the 7 days before it). So a cue done every other
//     day is welcomed back once, at the first return, not at every log.
//   - if-then: the previous occurrence (an entry other than a skip, within 28 days) was a slip;
//     a day without entry is a situation that did not arise, never a gap.
//   - --per N/M: no done day in the 2M days before (the strength's v had fallen to 0), all of
//     them after the creation, active and not skipped.
// A day off the schedule (or paused) is an extra, never a comeback.
bool is_comeback(const Cue& cue, const std::map<Day, LogStatus>& days, Day day);

} // namespace kint::trail
