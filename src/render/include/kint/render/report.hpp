#pragma once
// kint report (SPEC §7.4): the handout for a session with a therapist or coach, as markdown, JSON
// or a printable HTML page. Every safety window in the span comes first in each.
#include "kint/app/report.hpp"
#include "kint/config/config.hpp"
#include "kint/render/json.hpp"

#include <string>
#include <string_view>

namespace kint::render {

// {"period": {from, to}, "safety": {triggered, days, message, contact, windows: [{from, to,
// days, text}]}, "intentions", "cues": [{id, behavior, ..., steps_changed, mood_link}],
// "ratings", "journal", "sessions"}.
json::Value report_json(const app::ReportResult& r, const config::Config& cfg);
std::string report_markdown(const app::ReportResult& r, const config::Config& cfg);
// One self-contained page (inline CSS, no scripts, nothing fetched) made to print: the review's
// palette, every card kept whole on a page, headings kept with what follows them.
std::string report_html(const app::ReportResult& r, const config::Config& cfg);
// `format`: markdown, json or html.
std::string report_document(const app::ReportResult& r, const config::Config& cfg,
                            std::string_view format);

// Mood beside a habit in words: the means, the difference and its 95 % interval, and that the two
// go together (never that one causes the other); or that there are not enough days yet.
std::string mood_link_text(const long_view::MoodLink& link);

} // namespace kint::render
