#pragma once
// The safety rule (SPEC §5): at least `low_mood_days` consecutive calendar days, each with a mood
// rating <= `low_mood_max`. Pure: ratings and days in, a verdict out.
#include "kint/config.hpp"
#include "kint/model.hpp"

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
// For review: a qualifying run that overlaps from..to.
Verdict check_period(const std::vector<Rating>& ratings, const config::Safety& rule, Day from,
                     Day to);

// Why the note shows, in the person's own numbers: "Your mood has been 3 or lower for 3 days in a
// row (2026-11-14 to 2026-11-16)." Empty when not triggered.
std::string reason(const Verdict& verdict, const config::Safety& rule);

} // namespace kint::safety
