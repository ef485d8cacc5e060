#pragma once
// harsh (github.com/wakatara/harsh), the terminal habit tracker: the folder holding its `habits`
// and `log` files, as kint's records.
//
// habits: `# comment` lines, blank lines, `! Category` headings and `Name: F` lines, F being
//   1 (daily), N/M (N times in any M days), N (every N days: 1 in N) or 0 (tracked only).
// log: `YYYY-MM-DD : habit : y|n|s : comment : amount` (comment and amount optional), `#`
//   comments and blank lines.
//
// What kint makes of them (each decision the person may want to revisit is a Source note):
// - each category is an intention; habits before any category go under "Habits from harsh";
// - each habit is a cue: behavior = its name, kind `after` with trigger "(no cue yet)"; F 0 is kind
//   `if` (never counted as missed); 1 and N/N are daily; N/M is --per N/Md; a window longer than
//   31 days keeps its rate in 31 days (1 in 90 becomes 1 in 31, 4 in 60 becomes 2 in 31);
// - created = the day of the habit's first log line (today when it has none);
// - y/s/n are done/skip/slip; the comment is the log note; an amount (harsh writes 0 or nothing
//   when there is none) stays on a done entry, and a habit with amounts becomes a measured cue
//   whose target is the smallest amount logged (harsh has no target: every day harsh counted still
//   counts); amounts on skip and slip lines are left out (kint keeps an amount only with done);
// - several lines for one habit and day: the last one counts, as in harsh;
// - a log line naming a habit that is not in `habits` (harsh shows it nowhere, but keeps it): kept,
//   as an archived cue of kind `if` under "Habits from harsh", so that history is not lost;
// - lines dated after `today` are left out; control characters are left out of every text.
// A line that is neither (bad day, unknown status, a habit line without ':', a frequency harsh
// refuses) is bad_file naming the file and the line.
#include "kint/foreign/source.hpp"

#include <string>
#include <string_view>

namespace kint::foreign {

// DIR is the folder with `habits` and `log` (or either file in it). A missing `log` is an empty
// one; a missing `habits` is bad_file.
Source read_harsh(const std::string& dir, Day today);

// The same from the two files' texts; messages name the files by `habits_file` and `log_file`.
Source parse_harsh(std::string_view habits, std::string_view log, std::string_view habits_file,
                   std::string_view log_file, Day today);

} // namespace kint::foreign
