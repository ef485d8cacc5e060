#pragma once
// What a review holds for the long view (SPEC §7.4), beside review::Report: the weeks of a span
// longer than seven days with their mean mood and energy, and each cue's mood link (in every
// review's JSON; in the words of month and long reviews only). Built by review::build.
#include "kint/domain/long_view.hpp"
#include "kint/domain/review.hpp"

#include <vector>

namespace kint::review {

struct LongView {
    bool by_week = false;                          // the span is longer than a week
    std::vector<Period> weeks;                     // long_view::weeks_in, when by_week
    std::vector<long_view::MoodWeek> mood, energy; // per week, when by_week
    std::vector<long_view::MoodLink> mood_links;   // one per Report::cues, in order
};

} // namespace kint::review
