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

// A done scheduled `day` whose previous scheduled day was slipped or missed: returning is what
// counts. A day off the schedule (or paused) is an extra, never a comeback.
bool is_comeback(const Cue& cue, const std::map<Day, LogStatus>& days, Day day);

} // namespace kint::trail
