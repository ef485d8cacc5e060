#pragma once
// The weekly review for people (text, markdown, HTML) and programs (JSON). Safety comes first in
// each.
#include "kint/config/config.hpp"
#include "kint/domain/long_view.hpp"
#include "kint/domain/review.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>
#include <string_view>

namespace kint::render {

json::Value review_json(const review::Report& r, const config::Config& cfg);
// Mood beside a habit as every JSON document has it (review, trail, report):
// {same_day: {done_days, other_days, done_mean, other_mean, difference, low, high}, next_day,
// enough}.
json::Value mood_link_json(const long_view::MoodLink& link);
// A terminal view: sparklines, a small calendar per cue, the suggestion in words.
std::string review_text(const review::Report& r, const config::Config& cfg, const Paint& p);
// Colour-free, stable: what a cron job mails.
std::string review_markdown(const review::Report& r, const config::Config& cfg);
// One self-contained HTML5 page (inline CSS and SVG, no scripts, nothing fetched, and a
// Content-Security-Policy that forbids both) for a phone or a printer: safety first, then the
// period, intentions, a mood and energy chart, each cue's card with its calendar, wins, obstacles,
// the timeline phase and the prompts for the week ahead. The same report gives the same bytes.
std::string review_html(const review::Report& r, const config::Config& cfg);
// The whole review in `format`: text (with `p`'s colours), markdown, json or html.
std::string review_document(const review::Report& r, const config::Config& cfg,
                            std::string_view format, const Paint& p);
// &, <, >, " and ' as HTML entities, control characters (but tab and newline) dropped: safe in
// text and in quoted attributes.
std::string html_escape(std::string_view s);

// What a cue's card advises: the config's words for its suggestion (shrink, keep, expand), or for
// an archived cue that it is closed and its history stays.
std::string advice(const review::CueReport& c, const config::Config& cfg);

// A cue's figures in one line: "done 5 of 7 scheduled days, 1 skipped · consistency 83%" (the
// review's words; kint report says them too).
std::string figures_line(const review::CueReport& c);

// ▁▂▃▄▅▆▇█ for 0-10 values, one character per day of `period` ('·' for a day not rated).
std::string sparkline(const review::Stats& s, const review::Period& period);

} // namespace kint::render
