#pragma once
// What is still open of a --per cue's target today: N times per week (weeks from
// day.week_starts) or N times in the last M days (the rolling window, today included). Shared by
// `today` and the prompt segment, so both say the same.
#include "kint/core/model.hpp"

#include <vector>

namespace kint::period {

// The first day counted for `today`: the week's first day, or today - (M - 1).
Day counted_from(const Per& per, Day today, int week_starts);
// Done days (each once, in any order) from counted_from(...) up to `today`.
int done_in(const Per& per, const std::vector<Day>& done_days, Day today, int week_starts);
// The target of the period holding `today` for a plan counted from `since` (the cue's creation, or
// the day `cue edit` gave it this plan): N, or for a week that began before `since` the review's
// share of it, N x the week's days from `since` / 7 rounded half up, at least 1 (so `today` and
// the review agree on a first week). A rolling window is always N.
int target(const Per& per, Day today, int week_starts, Day since);
// How many more the period's target asks for (0: met), counting done days from `since` on.
int remaining(const Per& per, const std::vector<Day>& done_days, Day today, int week_starts,
              Day since);
// N x available / M, rounded half up; at least 1 when any day is available (a target of 0
// would read "1 of 0").
int prorated(const Per& per, int available);

// A measured step counts a day as done when its amount reaches the target (at least) or stays
// within it (at most); an entry without an amount counts as done.
bool counts_done(const LogEntry& entry, const std::optional<Measure>& measure);

} // namespace kint::period
