#pragma once
// The safety rule (SPEC §5): at least `low_mood_days` consecutive calendar days, each with a mood
// rating <= `low_mood_max`. Pure: ratings and days in, a verdict out.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::safety {

// Maximal runs of consecutive low-mood days that are at least `min_days` long, oldest first.
std::vector<std::vector<Day>> low_runs(const std::vector<Rating>& ratings, int max_value,
                                       int min_days);

struct Verdict {
    bool triggered = false;
    std::vector<Day> days; // the run that triggered it (the latest, when several)
};

// For rate and today: a qualifying run that ends today or yesterday.
Verdict check_recent(const std::vector<Rating>& ratings, const config::Safety& rule, Day today);
// Reading mood ratings newest first from `today`, which ones check_recent needs: today's and
// yesterday's, then each earlier day while it continues a low run without a gap. `take` says
// whether to keep a rating and read on; what it keeps gives check_recent the same verdict as the
// whole history, after a handful of rows instead of a year of them.
class RecentRun {
  public:
    RecentRun(const config::Safety& rule, Day today) : m_max(rule.low_mood_max), m_today(today) {}
    bool take(const Rating& r);

  private:
    int m_max;
    Day m_today;
    std::optional<Day> m_low_from; // the earliest day of the low run read so far
};

// For review: a qualifying run that overlaps from..to.
Verdict check_period(const std::vector<Rating>& ratings, const config::Safety& rule, Day from,
                     Day to);

// Why the note shows, in the person's own numbers: "Your mood has been 3 or lower for 3 days in a
// row (2026-11-14 to 2026-11-16)." Empty when not triggered.
std::string reason(const Verdict& verdict, const config::Safety& rule);

} // namespace kint::safety
