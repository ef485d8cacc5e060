#pragma once
// A cue's trail strength (SPEC §7.1), the one rule every view uses: Loop Habit Tracker's score
// (ScoreList.recompute), S = S·m + v·(1 − m) with m = 0.5^(sqrt(f)/13), stepped day by day by the
// plan and the step in force on each day. Pure: plain records and days in, numbers out.
#include "kint/core/model.hpp"

#include <map>
#include <optional>
#include <vector>

namespace kint::strength {

// One day of a cue's log as the strength and the tallies read it: the status that counts
// (done > skip > slip) and the amount of the day's done entry (nullopt: none given).
struct Logged {
    LogStatus status = LogStatus::done;
    std::optional<double> amount;
};
using Trail = std::map<Day, Logged>;
// `cue_id`'s entries by day.
Trail trail_of(const std::vector<LogEntry>& entries, Id cue_id);
// Adds one entry to `trail` (entries in day order are added at the end, in constant time).
void add(Trail& trail, Day day, LogStatus status, std::optional<double> amount);

// m = 0.5^(sqrt(f)/13): 13 steps of v = 0 halve S for a daily cue (f = 1).
double multiplier(double frequency);

// The amount a logged day counts with for a measured step: the done entry's amount, or the
// target itself when the done entry gave none (done means the step was met); 0 without a done
// entry.
double amount_on(const Trail& trail, Day day, const Measure& measure);
// A measured day met its step: at least the target, or at most the limit.
bool meets(const Measure& measure, double amount);

// S at the end of `day`, kept so that a later reading need not replay what came before it.
struct Checkpoint {
    Day day;
    double value = 0;
    bool operator==(const Checkpoint&) const = default;
};
// The days checkpoints are kept for: each week's end (Sunday) from `from` to `until`.
std::vector<Day> checkpoint_days(Day from, Day until);
// The last checkpoint day before `today` (the latest day whose S no later entry of today moves).
Day last_checkpoint_day(Day today);
// The longest look-back of `cue`'s rules: 2M days for the longest --per N/Md plan it has had
// (now or in any earlier plan), none without one (a daily, weekday or if-then day reads its own
// entry only).
int window(const Cue& cue);
// The first day whose entry `cue`'s rule for the days from `begin` on can read.
Day reads_from(const Cue& cue, Day begin);

// S at the end of each of `days` (ascending), in one pass from `start` (the cue's creation, or
// the first day of a loaded window: S before it is taken as 0, or 1 for an at-most step) up to
// the last of `days`. A day before `start` gives that initial value; a day after `today` gives
// S at today (nothing steps in the future). The rule for each day by the plan in force that day:
//   - not active (before creation, paused, archived): no step;
//   - today without an entry: no step (today is open until it is over);
//   - if-then plan: a step only on a day with an entry (done v = 1, slip v = 0, skip none);
//   - daily or weekday plan (f = 1): a step on each day of the schedule (done 1, slip or no entry
//     0, skip none);
//   - --per N/M (M = 7 for a week; f = N/M): a step on every active day but a skipped one, with
//     v = min(1, done days in the last 2M days, this one included, / 2N).
// Measured steps (the step in force has a measure; A = amount_on): daily, weekday and if-then
// v = min(1, A/X) at least or clamp(1 − (A − X)/X, 0, 1) at most on the day (a slip is v = 0, a
// day without entry is A = 0); --per: A summed over the last M days against N·X, f = N/M.
//
// From a checkpoint `from` (S at the end of from->day, before `today`): the pass begins the day
// after it with that S, and `days` must not come before from->day; `trail` needs the entries from
// reads_from(cue, from->day + 1) on. The figures are the same, to the last bit, as from `start`.
std::vector<double> at(const Cue& cue, const Trail& trail, Day start, Day today,
                       const std::vector<Day>& days,
                       const std::optional<Checkpoint>& from = std::nullopt);
// S at the end of `day`.
double on(const Cue& cue, const Trail& trail, Day start, Day today, Day day);

} // namespace kint::strength
