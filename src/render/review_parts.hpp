#pragma once
// What the review's renderers share (text and markdown in review.cpp, HTML in review_html.cpp):
// the report's names and the short weekday and month names, all from the calendar day alone.
#include "kint/core/day.hpp"
#include "kint/domain/review.hpp"

#include <string_view>

namespace kint::render {

using review::CueReport;
using review::DayMark;
using review::Report;
using review::Stats;
using review::Suggestion;

// "Mo" ... "Su", "Mon" ... "Sun", "Jan" ... "Dec".
inline std::string_view weekday_two(Day d) {
    return weekday_name(d).substr(0, 2);
}
inline std::string_view weekday_short(Day d) {
    return weekday_name(d).substr(0, 3);
}
inline std::string_view month_short(Day d) {
    return month_name(d).substr(0, 3);
}

} // namespace kint::render
