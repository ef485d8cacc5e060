#pragma once
// kint trail for people (a heatmap per cue in text, markdown or one HTML page) and programs (JSON).
#include "kint/config/config.hpp"
#include "kint/domain/trail_view.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace kint::render {

// Writes a trail document piece by piece as app::trail hands it over, frame first and then one
// cue at a time, so a ten-year trail never stands whole in memory. `emit` takes each piece in
// order. `format`:
//   - text: per cue a heatmap (weekdays down, weeks across, month labels above) in blocks that
//     fit `width` columns, then its strength by week, steps, pauses and mood beside it; lines
//     wrap at spaces to `width`;
//   - markdown: the same, the heatmap in a code block 80 columns wide;
//   - json: SPEC §7.4, {"cues": [{id, behavior, created, days, strength, steps, pauses,
//     mood_link}], "sessions": [...], "mood_weeks": [{from, to, average}]};
//   - html: one self-contained page; per cue an SVG heatmap, its strength curve with the step
//     changes and sessions marked, and the weekly mood band on the same weeks.
class TrailWriter final : public trail_view::Sink {
  public:
    using Emit = std::function<void(std::string_view)>;
    TrailWriter(std::string_view format, Paint paint, int width, Emit emit);
    TrailWriter(const TrailWriter&) = delete; // its JSON writer writes into its own piece
    TrailWriter& operator=(const TrailWriter&) = delete;
    void begin(const trail_view::Frame& frame) override;
    void cue(const trail_view::CueTrail& trail) override;
    void end() override;

  private:
    enum class Format { text, markdown, json, html };
    // Hands the piece written so far to `emit`, and empties it.
    void flush();
    Format m_format;
    Paint m_paint;
    int m_width;
    Emit m_emit;
    std::string m_piece;
    json::Writer m_json; // into m_piece
    trail_view::Frame m_frame;
    int m_cues = 0;
};

// The whole document of `v` at once (TrailWriter into one string).
std::string trail_document(const trail_view::View& v, std::string_view format, const Paint& p,
                           int width = 80);

// The words for mood beside a habit: the difference with its interval, or that there are not
// enough days yet. Never that one causes the other.
std::string mood_link_sentence(const long_view::MoodLink& link);

} // namespace kint::render
