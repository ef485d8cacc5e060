#pragma once
// What the review's renderers share (text and markdown in review.cpp, HTML in review_html.cpp):
// the report's names and the short weekday and month names, all from the calendar day alone.
#include "kint/core/day.hpp"
#include "kint/domain/review.hpp"
#include "kint/domain/review_long.hpp"
#include "kint/render/json.hpp"
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

// The long view (month and long spans, SPEC §7.4), shared by text, markdown and HTML.
inline const review::LongView& long_of(const Report& r) {
    static const review::LongView none;
    return r.long_view ? *r.long_view : none;
}
inline bool long_span(const Report& r) {
    return long_of(r).by_week;
}
// The mood link of the cue at `index` in r.cues (a blank one for a report built without it).
inline const long_view::MoodLink& mood_link_of(const Report& r, std::size_t index) {
    static const long_view::MoodLink none;
    const auto& links = long_of(r).mood_links;
    return index < links.size() ? links[index] : none;
}

// The span a review covers, in words: "September 2026" (a whole calendar month), "9–30 November",
// "26 October – 20 November", "28 December 2026 – 3 January 2027" (years only across years).
inline std::string span_name(const review::Period& p) {
    using namespace std::chrono;
    const year_month_day a{p.from}, b{p.to};
    const auto name = [](Day d) { return std::string(month_name(d)); };
    if (a.day() == day{1} && a.year() == b.year() && a.month() == b.month() &&
        year_month_day_last{b.year(), month_day_last{b.month()}}.day() == b.day())
        return fmt::format("{} {}", name(p.from), static_cast<int>(a.year()));
    const auto d = [](const year_month_day& x) { return static_cast<unsigned>(x.day()); };
    if (a.year() != b.year())
        return fmt::format("{} {} {} – {} {} {}", d(a), name(p.from), static_cast<int>(a.year()),
                           d(b), name(p.to), static_cast<int>(b.year()));
    if (a.month() != b.month())
        return fmt::format("{} {} – {} {}", d(a), name(p.from), d(b), name(p.to));
    if (p.from == p.to) return fmt::format("{} {}", d(a), name(p.from));
    return fmt::format("{}–{} {}", d(a), d(b), name(p.to));
}

// Mood beside a habit in plain words: what goes together, never what causes what.
inline std::string mood_link_words(const long_view::MoodLink& m) {
    const auto& s = m.same_day;
    if (!m.enough || !s.done_mean || !s.other_mean || !s.difference || !s.low || !s.high)
        return fmt::format("Not enough days yet to set mood beside this habit ({} done, {} other; "
                           "{} each needed).",
                           s.done_days, s.other_days, long_view::enough_days);
    const bool apart = *s.low > 0 || *s.high < 0;
    return fmt::format("Mood on done days {:.1f} vs {:.1f} on other days ({:+.1f}, 95 % interval "
                       "{:+.1f} to {:+.1f}): {}",
                       *s.done_mean, *s.other_mean, *s.difference, *s.low, *s.high,
                       apart ? "they go together; this does not say one causes the other."
                             : "no clear difference yet.");
}

// A week of a long span that has not begun yet (after today): its figures are left blank.
inline bool week_ahead(const Report& r, const CueReport& c, const review::CueWeek& w) {
    const auto i = static_cast<std::size_t>((w.week.from - r.period.from).count());
    return i < c.calendar.size() && c.calendar[i].second == DayMark::future;
}

// A week row's label: the month and day it begins, "Sep  7".
inline std::string week_label(Day from) {
    return fmt::format("{} {:>2}", month_short(from),
                       static_cast<unsigned>(std::chrono::year_month_day{from}.day()));
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

// A cue's members as the review's and the handout's JSON both write them (review.cpp):
// id, intention_id, behavior (on `day`), trigger, kind, status;
void write_cue_names(json::Writer& w, const CueReport& c, Day day);
// scheduled_days, done_days, skipped_days, slipped_days, missed_days, occurrences, unmet_days;
void write_day_counts(json::Writer& w, const CueReport& c);
// per, target, unit, at_most;
void write_measure(json::Writer& w, const CueReport& c);
// steps_changed: [{day, behavior, before, note}].
void write_steps_changed(json::Writer& w, const CueReport& c);

} // namespace kint::render
