#pragma once
// What the review's renderers share (text and markdown in review.cpp, HTML in review_html.cpp):
// the report's names and the short weekday and month names, all from the calendar day alone.
#include "kint/core/day.hpp"
#include "kint/domain/review.hpp"
#include "kint/render/measure.hpp"

#include <chrono>
#include <fmt/format.h>
#include <string>
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

// An amount as the person wrote it (35, 2.5, 0.25), and with its unit: measure.hpp's words.
inline std::string amount(double a) {
    return format_amount(a);
}
inline std::string with_unit(double a, const Measure& m) {
    return render::with_unit(a, m.unit);
}

// "2 of 3 this week", "1 of 3 so far, week of 16 Nov", "3 of 3 in these 7 days (2 per 5 days)".
inline std::string target_part(const review::PerTarget& t, const Per& per,
                               const std::optional<Measure>& m, bool only) {
    std::string out = fmt::format("{} of {}", t.done, t.target);
    if (m) out = fmt::format("{} of {}", amount(t.amount), with_unit(t.target * m->target, *m));
    if (!per.week)
        return out + fmt::format(" in these {} days ({} per {} days)", (t.to - t.from).count() + 1,
                                 per.times, per.days);
    if (t.unfinished) out += " so far";
    out += only ? " this week"
                : fmt::format(", week of {} {}",
                              static_cast<unsigned>(std::chrono::year_month_day{t.from}.day()),
                              month_short(t.from));
    return out;
}

// "We 18 Nov".
inline std::string short_day(Day d) {
    return fmt::format("{} {} {}", weekday_two(d),
                       static_cast<unsigned>(std::chrono::year_month_day{d}.day()), month_short(d));
}

// A step change in the period: "new step on We 18 Nov: take five breaths (before: take three)".
inline std::string step_change_words(const CueReport::StepChange& s) {
    return fmt::format("new step on {}: {} (before: {})", short_day(s.step.day), s.step.behavior,
                       s.before);
}

// A rating's note: "mood 3 · rough day".
inline std::string rating_note_words(const Rating& r) {
    return fmt::format("{} {} · {}", to_string(r.kind), r.value, r.note.value_or(""));
}

} // namespace kint::render
