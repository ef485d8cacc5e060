#pragma once
// kint trail for people (a heatmap per cue in text, markdown or one HTML page) and programs (JSON).
#include "kint/config/config.hpp"
#include "kint/domain/trail_view.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>
#include <string_view>

namespace kint::render {

// SPEC §7.4: {"cues": [{id, behavior, created, days, strength, steps, pauses, mood_link}],
// "sessions": [...], "mood_weeks": [{from, to, average}]}.
json::Value trail_json(const trail_view::View& v);
// mood_link as the review's JSON has it: {same_day: {...}, next_day: {...}, enough}.
json::Value mood_link_json(const long_view::MoodLink& link);
// A heatmap per cue (weekdays down, weeks across, month labels above), wrapped into blocks that
// fit `width` columns, then its strength by week, steps, pauses and mood beside it.
std::string trail_text(const trail_view::View& v, const Paint& p, int width = 80);
std::string trail_markdown(const trail_view::View& v);
// One self-contained page: per cue an SVG heatmap, its strength curve with the step changes and
// sessions marked, and the weekly mood band on the same weeks.
std::string trail_html(const trail_view::View& v);
// `format`: text, markdown, json or html.
std::string trail_document(const trail_view::View& v, std::string_view format, const Paint& p,
                           int width = 80);

// The words for mood beside a habit: the difference with its interval, or that there are not
// enough days yet. Never that one causes the other.
std::string mood_link_sentence(const long_view::MoodLink& link);

} // namespace kint::render
