#pragma once
// What trail's renderers share (text, markdown and JSON in trail.cpp, HTML in trail_html.cpp).
#include "kint/core/day.hpp"
#include "kint/domain/trail_view.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::render::trail_parts {

using trail_view::Status;

// "3 Nov 2025".
inline std::string long_day(Day d) {
    const std::chrono::year_month_day ymd{d};
    // Compiled: a ten-year trail names about 400 days (its steps and pauses).
    return fmt::format(FMT_COMPILE("{} {} {}"), static_cast<unsigned>(ymd.day()),
                       month_name(d).substr(0, 3), static_cast<int>(ymd.year()));
}

// The heatmap's weeks: the first day of each week column, from the week holding `span.from` to
// the week holding `span.to`.
inline std::vector<Day> week_columns(const review::Period& span, int week_starts) {
    std::vector<Day> out;
    const Day last = review::week_of(span.to, week_starts).from;
    out.reserve(static_cast<std::size_t>(std::max(0, span.length())) / 7 + 2);
    for (Day d = review::week_of(span.from, week_starts).from; d <= last; d += std::chrono::days{7})
        out.push_back(d);
    return out;
}

// The first day of a month inside the week beginning on `week` (nullopt: none).
inline std::optional<Day> month_start_in(Day week) {
    // The week's last day is the k-th of its month: for k <= 7 its month began k - 1 days before,
    // inside the week; past 7, every day of the week is in that month and none is its first.
    const Day last = week + std::chrono::days{6};
    const auto k = static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day{last}.day()));
    if (k > 7) return std::nullopt;
    return last - std::chrono::days{k - 1};
}

struct StatusWords {
    std::string_view glyph, words, css;
};
inline StatusWords words(Status s) {
    switch (s) {
    case Status::done:
        return {"■", "done", "done"};
    case Status::skip:
        return {"□", "skipped", "skip"};
    case Status::slip:
        return {"▪", "slipped", "slip"};
    case Status::missed:
        return {"▫", "missed", "missed"};
    case Status::paused:
        return {"‖", "paused", "paused"};
    case Status::open:
        return {"○", "open today", "open"};
    case Status::not_scheduled:
        break;
    }
    return {"·", "not scheduled", "not_scheduled"};
}
inline constexpr Status legend_order[] = {Status::done,   Status::skip,   Status::slip,
                                          Status::missed, Status::paused, Status::not_scheduled,
                                          Status::open};

// The HTML page's pieces (trail_html.cpp): its head and header, one cue's card, and the rest
// (the sessions and the footer; the words for no cue when `any_cue` is false).
std::string html_begin(const trail_view::Frame& f);
// Appends to `out`, and calls `flush` (which writes `out` away) after each part of the heatmap.
void html_cue(std::string& out, const trail_view::CueTrail& c, const trail_view::Frame& f,
              const std::function<void()>& flush);
std::string html_end(const trail_view::Frame& f, bool any_cue);

} // namespace kint::render::trail_parts
