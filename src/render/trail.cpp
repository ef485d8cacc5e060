// kint trail as text (a heatmap per cue for a terminal), markdown and JSON (SPEC §7.4).
#include "kint/render/trail.hpp"

#include "trail_parts.hpp"

#include "kint/core/day.hpp"
#include "kint/core/text.hpp"
#include "kint/render/review_render.hpp"
#include "kint/render/wrap.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <iterator>

namespace kint::render {

using namespace trail_parts;
using std::chrono::days;

namespace {

std::string signed1(double x) {
    const double r = std::round(x * 10) / 10;
    return fmt::format("{}{:.1f}", r < 0 ? "−" : "+", std::abs(r));
}

// ▁..█ for values in 0..`top`; '·' where there is none. More values than `room` are averaged
// into `room` characters, each over an equal share of them.
std::string spark(const std::vector<std::optional<double>>& values, double top, std::size_t room) {
    static constexpr std::array<std::string_view, 8> bars{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::string out;
    const std::size_t n = values.size();
    const std::size_t cells = std::min(n, std::max<std::size_t>(room, 1));
    for (std::size_t c = 0; c < cells; ++c) {
        const std::size_t a = c * n / cells, b = (c + 1) * n / cells;
        double sum = 0;
        int count = 0;
        for (std::size_t i = a; i < b; ++i)
            if (values[i]) {
                sum += *values[i];
                ++count;
            }
        if (count == 0) {
            out += "·";
            continue;
        }
        const double v = std::clamp(sum / count / top, 0.0, 1.0);
        out += bars[static_cast<std::size_t>(std::min(7.0, std::floor(v * 8)))];
    }
    return out;
}

std::string points(double s) {
    return fmt::format("{:.0f}", s * 100);
}

std::string step_line(const Step& s) {
    std::string out =
        fmt::format(FMT_COMPILE("{}  {}"), long_day(s.day), text::sanitize_line(s.behavior));
    if (s.note && !s.note->empty()) out += " — " + text::sanitize_line(*s.note);
    return out;
}

std::string pause_line(const Pause& p) {
    if (!p.until) return fmt::format(FMT_COMPILE("since {}"), long_day(p.from));
    return fmt::format(FMT_COMPILE("{} to {}"), long_day(p.from), long_day(*p.until - days{1}));
}

std::string title(const review::Period& span) {
    return fmt::format("Trail · {} to {}", long_day(span.from), long_day(span.to));
}

std::string cue_title(const trail_view::CueTrail& c) {
    return fmt::format("#{} {}, {}", c.cue.id, text::sanitize_line(trigger_phrase(c.cue)),
                       text::sanitize_line(c.cue.behavior_on(c.span.to)));
}

std::string cue_meta(const trail_view::CueTrail& c) {
    std::string out = fmt::format("created {} · {} shown · {} done", long_day(c.cue.created),
                                  plural(static_cast<std::size_t>(c.span.length()), "day", "days"),
                                  plural(static_cast<std::size_t>(c.done_days), "day", "days"));
    if (c.cue.archived_on) out += fmt::format(" · archived {}", long_day(*c.cue.archived_on));
    return out;
}

// The heatmap of one cue, appended to `out`: blocks of weeks that fit `width`, each with its
// month labels, one line per weekday; no line is wider than `width`. `glyph` draws a day (colour
// or not).
template <typename Glyph>
void heatmap(std::string& out, const trail_view::CueTrail& c, int week_starts, int width,
             const Glyph& glyph) {
    constexpr int indent = 5; // "  Mo "
    // Each status's glyph drawn once, with the space after it: ten years are 3,650 days a cue.
    // legend_order holds every status, once each. A day is one fixed-size copy of its glyph's
    // slot into the row (a glyph that would not fit a slot goes by append).
    constexpr std::size_t slot = 32;
    struct Slot {
        std::array<char, slot> bytes{};
        std::size_t size = 0;
    };
    // The last slot is a day outside the span: blank.
    constexpr std::size_t blank = std::size(legend_order);
    std::array<Slot, blank + 1> glyphs;
    bool fixed = true;
    std::array<std::string, blank + 1> texts;
    for (const Status s : legend_order) {
        const auto i = static_cast<std::size_t>(s);
        texts.at(i) = glyph(s) + ' ';
        fixed = fixed && texts[i].size() <= slot;
        glyphs[i].size = std::min(texts[i].size(), slot);
        std::copy_n(texts[i].begin(), glyphs[i].size, glyphs[i].bytes.begin());
    }
    texts[blank] = "  ";
    glyphs[blank] = {{' ', ' '}, 2};
    const long length = c.span.length();
    const auto weeks = week_columns(c.span, week_starts);
    const std::size_t per_block = static_cast<std::size_t>(std::max(4, (width - indent) / 2));
    // A row of glyphs is drawn here, slot by slot, then appended as long as it came out.
    std::string row(fixed ? std::min(per_block, weeks.size()) * slot : 0, ' ');
    for (std::size_t b = 0; b < weeks.size(); b += per_block) {
        const std::size_t e = std::min(weeks.size(), b + per_block);
        // Month labels: above the week holding the month's first day, and the block's first week;
        // the block's year where the weekday names stand, January with its year ("Jan'27").
        // A label never passes the terminal's width (a wrapped label line would stand alone):
        // one that would is left to the next block, whose first week names its month.
        const std::size_t room = std::max(static_cast<std::size_t>(width),
                                          static_cast<std::size_t>(indent) + 2 * per_block);
        std::string labels(room, ' ');
        const Day block_first = std::max(weeks[b], c.span.from);
        // The year of the block's first label: a week from Monday 28 December to Sunday
        // 3 January is labelled "Jan" and belongs to the new year.
        Day year_of = block_first;
        std::size_t free_from = 0;
        for (std::size_t w = b; w < e; ++w) {
            auto first = month_start_in(weeks[w]);
            // The next month begins the week after: its own label says it.
            if (w == b && !first && !(w + 1 < e && month_start_in(weeks[w + 1])))
                first = block_first;
            if (!first) continue;
            const std::size_t at = static_cast<std::size_t>(indent) + 2 * (w - b);
            if (at < free_from) continue;
            std::string text(month_name(*first).substr(0, 3));
            if (w == b)
                year_of = *first;
            else if (text == "Jan")
                text += fmt::format(
                    "'{:02}", static_cast<int>(std::chrono::year_month_day{*first}.year()) % 100);
            if (at + text.size() > room) break;
            labels.replace(at, text.size(), text);
            free_from = at + text.size() + 1;
        }
        labels.replace(0, 4,
                       fmt::format(FMT_COMPILE("{:4}"),
                                   static_cast<int>(std::chrono::year_month_day{year_of}.year())));
        while (!labels.empty() && labels.back() == ' ')
            labels.pop_back();
        out += labels;
        out += '\n';
        for (int r = 0; r < 7; ++r) {
            out += "  ";
            out += weekday_name(weeks[b] + days{r}).substr(0, 2);
            out += ' ';
            // Week w's day r by its place in the span (c.days holds each of its days in order;
            // the weeks are a column each, 7 days apart): its glyph's slot, or blank outside the
            // span.
            const long first = (weeks[b] - c.span.from).count() + r;
            const auto slot_of = [&](std::size_t w) {
                const long at = first + 7 * static_cast<long>(w - b);
                return at >= 0 && at < length
                           ? static_cast<std::size_t>(c.days[static_cast<std::size_t>(at)])
                           : blank;
            };
            if (fixed) {
                char* at = row.data();
                for (std::size_t w = b; w < e; ++w) {
                    const Slot& g = glyphs[slot_of(w)];
                    std::memcpy(at, g.bytes.data(), slot);
                    at += g.size;
                }
                out.append(row.data(), static_cast<std::size_t>(at - row.data()));
            } else {
                for (std::size_t w = b; w < e; ++w)
                    out += texts[slot_of(w)];
            }
            while (out.back() == ' ')
                out.pop_back();
            out += '\n';
        }
    }
}

std::vector<std::optional<double>> strength_values(const trail_view::CueTrail& c) {
    std::vector<std::optional<double>> out;
    out.reserve(c.strength.size());
    for (const auto& s : c.strength)
        out.emplace_back(s.value);
    return out;
}

std::vector<std::optional<double>> mood_values(const trail_view::Frame& v) {
    std::vector<std::optional<double>> out;
    out.reserve(v.mood_weeks.size());
    for (const auto& w : v.mood_weeks)
        out.push_back(w.average);
    return out;
}

std::string strength_summary(const trail_view::CueTrail& c, std::size_t room) {
    if (c.strength.empty()) return "no week has ended yet";
    return fmt::format("{} {} {}  (0-100, week ends)", points(c.strength.front().value),
                       spark(strength_values(c), 1.0, room), points(c.strength.back().value));
}

std::string mood_summary(const trail_view::Frame& v, std::size_t room) {
    int rated = 0;
    for (const auto& w : v.mood_weeks)
        rated += w.days_rated;
    if (rated == 0) return "no mood rated in these weeks";
    return fmt::format("{}  (0-10, weekly mean)", spark(mood_values(v), 10.0, room));
}

std::string legend(bool markdown) {
    std::vector<std::string> parts;
    for (const Status s : legend_order) {
        const auto w = words(s);
        parts.push_back(markdown ? fmt::format("`{}` {}", w.glyph, w.words)
                                 : fmt::format("{} {}", w.glyph, w.words));
    }
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "  ") + p;
    return out;
}

std::string md(std::string_view text) {
    std::string out;
    for (const char ch : text::sanitize_line(text)) {
        if (std::string_view("\\`*_[]<>#|~").find(ch) != std::string_view::npos) out += '\\';
        out += ch;
    }
    return out;
}

} // namespace

std::string mood_link_sentence(const long_view::MoodLink& link) {
    const auto& s = link.same_day;
    if (!link.enough || !s.difference || !s.low || !s.high || !s.done_mean || !s.other_mean)
        return fmt::format("Not enough days yet to set mood beside this habit ({} done, {} other; "
                           "{} each needed).",
                           s.done_days, s.other_days, long_view::enough_days);
    const bool apart = *s.low > 0 || *s.high < 0;
    return fmt::format("Mood on done days {:.1f} vs {:.1f} on other days ({}, 95 % interval {} to "
                       "{}): {}",
                       *s.done_mean, *s.other_mean, signed1(*s.difference), signed1(*s.low),
                       signed1(*s.high),
                       apart ? "they go together; this does not say one causes the other."
                             : "the interval holds no difference, so no link shows yet.");
}

namespace {

// One cue of "cues", its days one at a time: a ten-year cue has 3,650 of them. `flush` writes
// away what is written so far.
void cue_json(json::Writer& w, const trail_view::CueTrail& c, const std::function<void()>& flush) {
    w.open_object();
    w.key("id");
    w.value(c.cue.id);
    w.key("behavior");
    w.value(c.cue.behavior_on(c.span.to));
    w.key("created");
    w.value(format_day(c.cue.created));
    w.key("days");
    w.open_array();
    for (std::size_t i = 0; i < c.days.size(); ++i) {
        // Member by member, as the object would be written whole: 36,500 days on ten years.
        w.open_object();
        w.key("day");
        w.value(format_day(c.span.from + days{static_cast<int>(i)}));
        w.key("status");
        w.value(to_string(c.days[i]));
        w.close();
        if (i % 512 == 511) flush();
    }
    w.close();
    auto strength = json::array();
    for (const auto& s : c.strength)
        strength.push(json::object().set("day", format_day(s.day)).set("value", s.value));
    w.key("strength");
    w.value(strength);
    auto steps = json::array();
    for (const auto& s : c.steps)
        steps.push(json::object()
                       .set("day", format_day(s.day))
                       .set("behavior", s.behavior)
                       .set("note", s.note));
    w.key("steps");
    w.value(steps);
    auto pauses = json::array();
    for (const auto& p : c.pauses)
        pauses.push(json::object()
                        .set("from", format_day(p.from))
                        .set("until", p.until ? json::Value(format_day(*p.until)) : json::Value()));
    w.key("pauses");
    w.value(pauses);
    w.key("mood_link");
    w.value(mood_link_json(c.mood_link));
    w.close();
}

// The text heatmap's day: its glyph, coloured by kind on a terminal.
std::string text_glyph(const Paint& p, Status s) {
    const std::string g(words(s).glyph);
    switch (s) {
    case Status::done:
        return p.green(g);
    case Status::slip:
    case Status::missed:
        return p.yellow(g);
    case Status::skip:
    case Status::paused:
        return p.cyan(g);
    case Status::open:
        return p.bold(g);
    case Status::not_scheduled:
        break;
    }
    return p.dim(g);
}

// Lines gathered into a piece of the document.
struct Lines {
    std::string& out;
    void operator()(std::string_view s = {}) {
        out += s;
        out += '\n';
    }
};

constexpr std::string_view no_cue_text = "No cue has days to show here. Place one with ";

} // namespace

TrailWriter::TrailWriter(std::string_view format, Paint paint, int width, Emit emit)
    : m_format(format == "json"       ? Format::json
               : format == "markdown" ? Format::markdown
               : format == "html"     ? Format::html
                                      : Format::text),
      m_paint(paint), m_width(std::clamp(width, 24, 400)), m_emit(std::move(emit)),
      m_json(m_piece) {}

void TrailWriter::flush() {
    // Long words (a step's note, mood beside a habit) wrap at spaces, hanging under their text.
    m_emit(m_format == Format::text ? wrap(m_piece, m_width) : m_piece);
    m_piece.clear();
}

void TrailWriter::begin(const trail_view::Frame& frame) {
    m_frame = frame;
    m_cues = 0;
    Lines line{m_piece};
    switch (m_format) {
    case Format::text:
        line(m_paint.bold(title(frame.span)));
        break;
    case Format::markdown:
        line(fmt::format("# kint trail: {} to {}", format_day(frame.span.from),
                         format_day(frame.span.to)));
        break;
    case Format::json:
        m_json.open_object();
        m_json.key("cues");
        m_json.open_array();
        break;
    case Format::html:
        m_piece = html_begin(frame);
        break;
    }
    flush();
}

void TrailWriter::cue(const trail_view::CueTrail& c) {
    ++m_cues;
    Lines line{m_piece};
    switch (m_format) {
    case Format::text: {
        // What is left for a sparkline beside its words ("  strength  18 ", " 67  (0-100, ...)").
        const auto room = static_cast<std::size_t>(std::max(8, m_width - 42));
        const auto& p = m_paint;
        line();
        line(p.bold(cue_title(c)));
        line(p.dim("  " + cue_meta(c)));
        flush();
        // Its lines fit the width already: 3,650 days of a cue go out unwrapped.
        heatmap(m_piece, c, m_frame.week_starts, m_width,
                [&](Status s) { return text_glyph(p, s); });
        m_emit(m_piece);
        m_piece.clear();
        line(fmt::format("  {}  {}", p.bold("strength"), strength_summary(c, room)));
        for (std::size_t i = 0; i < c.steps.size(); ++i)
            line(fmt::format(FMT_COMPILE("  {}  {}"), p.bold(i == 0 ? "steps   " : "        "),
                             step_line(c.steps[i])));
        for (std::size_t i = 0; i < c.pauses.size(); ++i)
            line(fmt::format(FMT_COMPILE("  {}  {}"), p.bold(i == 0 ? "paused  " : "        "),
                             pause_line(c.pauses[i])));
        line(fmt::format("  {}  {}", p.bold("mood    "), mood_link_sentence(c.mood_link)));
        break;
    }
    case Format::markdown:
        line();
        line(fmt::format("## {}", md(cue_title(c))));
        line();
        line(md(cue_meta(c)));
        line();
        line("```");
        heatmap(m_piece, c, m_frame.week_starts, 80,
                [](Status s) { return std::string(words(s).glyph); });
        line("```");
        line();
        line(fmt::format("- **Strength:** {}", strength_summary(c, 38)));
        for (const auto& s : c.steps)
            line(fmt::format("- **Step:** {}", md(step_line(s))));
        for (const auto& pause : c.pauses)
            line(fmt::format("- **Paused:** {}", pause_line(pause)));
        line(fmt::format("- **Mood:** {}", mood_link_sentence(c.mood_link)));
        break;
    case Format::json:
        cue_json(m_json, c, [this] { flush(); });
        break;
    case Format::html:
        html_cue(m_piece, c, m_frame, [this] { flush(); });
        break;
    }
    flush();
}

void TrailWriter::end() {
    const auto& f = m_frame;
    Lines line{m_piece};
    switch (m_format) {
    case Format::text: {
        const auto room = static_cast<std::size_t>(std::max(8, m_width - 42));
        const auto& p = m_paint;
        if (m_cues == 0) {
            line();
            line(fmt::format("{}'kint cue add'.", no_cue_text));
        }
        line();
        line(p.dim(legend(false)));
        if (!f.sessions.empty()) {
            line();
            line(p.bold("Sessions"));
            for (const auto& s : f.sessions)
                line(fmt::format("  {}{}", long_day(s.day),
                                 s.note && !s.note->empty() ? "  " + text::sanitize_line(*s.note)
                                                            : ""));
        }
        line();
        line(fmt::format("{}  {}", p.bold("Mood by week"), mood_summary(f, room)));
        break;
    }
    case Format::markdown:
        if (m_cues == 0) {
            line();
            line(fmt::format("{}`kint cue add`.", no_cue_text));
        }
        line();
        line(fmt::format("Legend: {}", legend(true)));
        if (!f.sessions.empty()) {
            line();
            line("## Sessions");
            line();
            for (const auto& s : f.sessions)
                line(fmt::format("- {}{}", format_day(s.day),
                                 s.note && !s.note->empty() ? ": " + md(*s.note) : ""));
        }
        line();
        line("## Mood by week");
        line();
        line(mood_summary(f, 38));
        break;
    case Format::json: {
        auto sessions = json::array();
        for (const auto& s : f.sessions)
            sessions.push(to_json(s));
        auto weeks = json::array();
        for (const auto& w : f.mood_weeks)
            weeks.push(json::object()
                           .set("from", format_day(w.week.from))
                           .set("to", format_day(w.week.to))
                           .set("average", w.average));
        m_json.close(); // "cues"
        m_json.key("sessions");
        m_json.value(sessions);
        m_json.key("mood_weeks");
        m_json.value(weeks);
        m_json.close();
        m_piece += '\n';
        break;
    }
    case Format::html:
        m_piece += html_end(f, m_cues > 0);
        break;
    }
    flush();
}

std::string trail_document(const trail_view::View& v, std::string_view format, const Paint& p,
                           int width) {
    std::string out;
    TrailWriter writer(format, p, width, [&](std::string_view piece) { out += piece; });
    writer.begin(v);
    for (const auto& c : v.cues)
        writer.cue(c);
    writer.end();
    return out;
}

} // namespace kint::render
