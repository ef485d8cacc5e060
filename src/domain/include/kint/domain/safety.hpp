#pragma once
// The safety rule (SPEC §7.6): at least `low_mood_days` mood ratings <= `low_mood_max` within
// `low_mood_window` consecutive calendar days. Unrated days count as days, so one gap does not
// hide a low stretch; with low_mood_window = low_mood_days it is the old rule of consecutive low
// days. Pure: ratings and days in, a verdict out.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::safety {

// rate and today keep the note this many days after the last low day while no better mood is
// rated since.
inline constexpr int quiet_days = 7;

// The low stretches: the low days (mood <= low_mood_max, one mood per day, the later rating of a
// day counting) of the qualifying windows, windows that share a low day joined into one stretch;
// oldest first. A window is measured from its first to its last low day: it overlaps a period,
// or holds a day, by those.
std::vector<std::vector<Day>> low_stretches(const std::vector<Rating>& ratings,
                                            const config::Safety& rule);

struct Verdict {
    bool triggered = false;
    std::vector<Day>
        days; // the low days of the stretch that triggered it (the latest, when several)
};

// For rate and today: the latest stretch, when it ends today or yesterday, or ended within the
// last `quiet_days` days with no mood above low_mood_max rated since. Ratings after `today` are
// not counted.
Verdict check_recent(const std::vector<Rating>& ratings, const config::Safety& rule, Day today);

// Reading mood ratings newest first from `today`, which ones check_recent (and check_in) need:
// the newest rating; every rating back to the last day a window ending in the last `quiet_days`
// days could start (today - quiet_days - (window - 1)), or to the latest window when the note
// does not stand by it; and while the stretch shown goes on, back to `window` days before its
// earliest low day. `take` says whether to keep a rating and
// read on; what it keeps gives the same verdict as the whole history, after a few weeks of rows
// at most (more only while a stretch goes on) instead of a year of them.
class RecentRun {
  public:
    RecentRun(const config::Safety& rule, Day today);
    bool take(const Rating& r);

  private:
    config::Safety m_rule;
    Day m_today;
    Day m_horizon;                      // no latest window starting before this day can count
    bool m_first = true;                // the newest rating is kept (check_in needs it)
    bool m_done = false;                // the note does not stand: nothing more to find
    std::vector<Day> m_lows;            // the low days read so far, newest first
    std::optional<Day> m_latest_better; // the newest mood above low_mood_max read
    std::optional<Day> m_stretch_from;  // the earliest low day of the latest stretch so far
};

// For review: the latest stretch overlapping from..to.
Verdict check_period(const std::vector<Rating>& ratings, const config::Safety& rule, Day from,
                     Day to);

// A check-in, not an alarm: the latest mood rating (up to `today`) was at or below low_mood_max,
// nothing has been rated for 2 or more days since, and the rule is not met.
struct CheckIn {
    Day last_day;
    int last_value = 0;
    bool operator==(const CheckIn&) const = default;
};
inline constexpr int check_in_after_days = 2;
std::optional<CheckIn> check_in(const std::vector<Rating>& ratings, const config::Safety& rule,
                                Day today);

// Why the note shows, in the person's own numbers: "Your mood has been 3 or lower for 3 days in a
// row (2026-11-14 to 2026-11-16)." when the low days are consecutive, else "Your mood has been 3
// or lower on 3 days between 2026-11-14 and 2026-11-18." Empty when not triggered.
std::string reason(const Verdict& verdict, const config::Safety& rule);
// Whether the low days of a triggered verdict follow one another (the words "in a row" fit).
bool in_a_row(const Verdict& verdict);

} // namespace kint::safety
