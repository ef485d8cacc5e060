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
// How many more the period's target asks for (0: met).
int remaining(const Per& per, const std::vector<Day>& done_days, Day today, int week_starts);

// A measured step counts a day as done when its amount reaches the target (at least) or stays
// within it (at most); an entry without an amount counts as done.
bool counts_done(const LogEntry& entry, const std::optional<Measure>& measure);

} // namespace kint::period
