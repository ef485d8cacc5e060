// kint trail --format html: one self-contained page (inline CSS and SVG, nothing fetched) for a
// phone or a printer. Per cue: a heatmap of its life in blocks of half a year, its strength at
// each week's end with the step changes and sessions marked, and the weekly mood band beneath on
// the same days. Every text from the store passes through html_escape.
#include "kint/render/review_render.hpp"
#include "kint/render/trail.hpp"

#include "html_page.hpp"
#include "trail_parts.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <iterator>
#include <map>

namespace kint::render {

using namespace trail_parts;
using std::chrono::days;

namespace {

// Shapes as well as colours, so a greyscale print still tells the days apart.
constexpr std::string_view trail_css = R"css(
svg.heat{display:block;width:100%;max-width:30rem;height:auto;margin:.3rem 0}
svg.heat .lbl{fill:var(--muted);font-size:10px;font-family:inherit}
.h-done{fill:var(--done)}.h-skip{fill:var(--skip-bg);stroke:var(--skip);stroke-width:1.2}
.h-slip{fill:var(--slip)}.h-missed{fill:none;stroke:var(--slip);stroke-width:1.4}
.h-paused{fill:var(--skip)}.h-not_scheduled{fill:var(--off)}
.h-open{fill:none;stroke:var(--ink);stroke-width:1.4}
svg.curve .s-line{fill:none;stroke:var(--done);stroke-width:2.2;stroke-linejoin:round}
svg.curve .step{stroke:var(--mood);stroke-width:1.5;stroke-dasharray:5 3}
svg.curve .session{stroke:var(--energy);stroke-width:1.5;stroke-dasharray:2 3}
svg.curve .mk-step{fill:var(--mood);font-size:11px;font-family:inherit}
svg.curve .mk-session{fill:var(--energy);font-size:11px;font-family:inherit}
svg.curve .lbl{fill:var(--muted);font-size:11px;font-family:inherit}
svg.curve .band-empty{fill:none;stroke:var(--grid)}
svg.curve .band{fill:var(--mood)}
.trail-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.85rem;color:var(--muted);margin:.2rem 0 .6rem}
.trail-legend li{margin:0;white-space:nowrap}.trail-legend svg{vertical-align:-2px;margin-right:.3rem}
.link{padding:.5rem .8rem;border-left:4px solid var(--mood);background:var(--bg);border-radius:0 10px 10px 0}
@media print{.h-done,.h-slip,.h-paused{-webkit-print-color-adjust:exact;print-color-adjust:exact}
svg.heat,svg.curve{break-inside:avoid;page-break-inside:avoid}}
)css";

template <typename... Args>
void put(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}
// The same with a format compiled by FMT_COMPILE: the heatmap's marks, a ten-year trail's 36,500.
template <typename Compiled, typename... Args>
void put_compiled(std::string& out, const Compiled& f, const Args&... args) {
    fmt::format_to(std::back_inserter(out), f, args...);
}

constexpr int cell = 12, gap = 2, left = 24, top = 14;
constexpr int block_weeks = 26; // half a year of weeks per block: days a finger can tell apart

// One day's mark at (x, y), its shape by status.
void mark(std::string& out, Status s, double x, double y, std::string_view tip) {
    const auto css = words(s).css;
    switch (s) {
    case Status::done:
    case Status::skip:
        put_compiled(
            out,
            FMT_COMPILE(
                R"(<rect class="h-{}" x="{}" y="{}" width="{}" height="{}" rx="2"><title>{}</title></rect>)"),
            css, x + 0.5, y + 0.5, cell - 1, cell - 1, tip);
        break;
    case Status::slip:
        put_compiled(
            out,
            FMT_COMPILE(
                R"(<rect class="h-slip" x="{}" y="{}" width="6" height="6"><title>{}</title></rect>)"),
            x + 3, y + 3, tip);
        break;
    case Status::missed:
        put_compiled(
            out,
            FMT_COMPILE(
                R"(<rect class="h-missed" x="{}" y="{}" width="{}" height="{}" rx="2"><title>{}</title></rect>)"),
            x + 1.5, y + 1.5, cell - 3, cell - 3, tip);
        break;
    case Status::paused:
        put_compiled(
            out,
            FMT_COMPILE(
                R"(<rect class="h-paused" x="{}" y="{}" width="3" height="{}"><title>{}</title></rect>)"),
            x + 4.5, y + 1, cell - 2, tip);
        break;
    case Status::open:
        put_compiled(
            out,
            FMT_COMPILE(
                R"(<circle class="h-open" cx="{}" cy="{}" r="4"><title>{}</title></circle>)"),
            x + cell / 2.0, y + cell / 2.0, tip);
        break;
    case Status::not_scheduled:
        put_compiled(
            out,
            FMT_COMPILE(
                R"(<circle class="h-not_scheduled" cx="{}" cy="{}" r="1.5"><title>{}</title></circle>)"),
            x + cell / 2.0, y + cell / 2.0, tip);
        break;
    }
}

void legend(std::string& out) {
    out += "<ul class=\"trail-legend\">";
    for (const Status s : legend_order) {
        out += "<li><svg width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">";
        mark(out, s, 0, 0, words(s).words);
        put(out, "</svg>{}</li>", words(s).words);
    }
    out += "</ul>\n";
}

void heatmap(std::string& out, const trail_view::CueTrail& c, int week_starts,
             const std::function<void()>& flush) {
    const auto weeks = week_columns(c.span, week_starts);
    // Every block has a year's width, so blocks share one scale and a short one stays left.
    const int width = left + block_weeks * (cell + gap);
    const int height = top + 7 * (cell + gap);
    for (std::size_t b = 0; b < weeks.size(); b += block_weeks) {
        const std::size_t e = std::min(weeks.size(), b + block_weeks);
        put(out,
            R"(<svg class="heat" viewBox="0 0 {} {}" role="img" aria-label="days from {} to {}">)",
            width, height, format_day(std::max(weeks[b], c.span.from)),
            format_day(std::min(weeks[e - 1] + days{6}, c.span.to)));
        for (int r = 0; r < 7; r += 2)
            put(out, R"(<text class="lbl" x="0" y="{}">{}</text>)", top + r * (cell + gap) + 10,
                weekday_name(weeks[b] + days{r}).substr(0, 2));
        double free_from = 0;
        for (std::size_t w = b; w < e; ++w) {
            auto first = month_start_in(weeks[w]);
            if (w == b && !first) first = std::max(weeks[w], c.span.from);
            const double x = left + static_cast<double>(w - b) * (cell + gap);
            if (first && x >= free_from) {
                const bool year = w == b || month_name(*first).substr(0, 3) == "Jan";
                std::string text(month_name(*first).substr(0, 3));
                if (year)
                    text += fmt::format(
                        " {}", static_cast<int>(std::chrono::year_month_day{*first}.year()));
                put(out, R"(<text class="lbl" x="{}" y="10">{}</text>)", x, text);
                free_from = x + static_cast<double>(text.size()) * 6 + 4;
            }
            for (int r = 0; r < 7; ++r) {
                const Day d = weeks[w] + days{r};
                if (!c.span.contains(d)) continue;
                const Status s = c.days[static_cast<std::size_t>((d - c.span.from).count())];
                mark(out, s, x, top + r * (cell + gap),
                     format_day(d) + ": " + std::string(words(s).words));
            }
        }
        out += "</svg>\n";
        flush();
    }
}

// The strength at each week's end as a curve, the step changes and sessions as vertical lines,
// and beneath it one cell per week shaded by its mean mood: all on the cue's days.
void curve(std::string& out, const trail_view::CueTrail& c, const trail_view::Frame& v) {
    constexpr double w = 600, h = 190, l = 30, r = 8, t = 22, plot_h = 110, band_y = 150,
                     band_h = 18;
    const double span_days = static_cast<double>(c.span.length());
    const auto x_of = [&](Day d) {
        return l + (w - l - r) * static_cast<double>((d - c.span.from).count()) / span_days;
    };
    const auto y_of = [&](double s) { return t + plot_h * (1 - s); };
    put(out,
        R"(<svg class="curve chart" viewBox="0 0 {} {}" role="img" aria-label="strength at each week's end, with step changes, sessions and weekly mood">)",
        w, h);
    for (const double s : {0.0, 0.5, 1.0}) {
        put(out, R"(<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/>)", l, w - r, y_of(s),
            y_of(s));
        put(out, R"(<text class="lbl" x="0" y="{}">{:.0f}</text>)", y_of(s) + 4, s * 100);
    }
    // Markers first, so the curve draws over them.
    int n = 0;
    for (const auto& s : c.steps) {
        ++n;
        if (s.day == c.cue.created) continue; // the first step is the beginning
        const double x = x_of(s.day);
        put(out,
            R"(<line class="step" x1="{0}" x2="{0}" y1="{1}" y2="{2}"><title>{3}: {4}</title></line>)",
            x, t - 4, t + plot_h, format_day(s.day), html_escape(s.behavior));
        put(out, R"(<text class="mk-step" x="{}" y="{}">step {}</text>)", x + 2, t - 6, n);
    }
    for (const auto& s : v.sessions) {
        if (!c.span.contains(s.day)) continue;
        const double x = x_of(s.day);
        put(out,
            R"(<line class="session" x1="{0}" x2="{0}" y1="{1}" y2="{2}"><title>session {3}</title></line>)",
            x, t + 4, t + plot_h, format_day(s.day));
        put(out, R"(<text class="mk-session" x="{}" y="{}">session</text>)", x + 2, t + 14);
    }
    if (!c.strength.empty()) {
        std::string path;
        for (const auto& p : c.strength)
            path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", x_of(p.day),
                                y_of(p.value));
        put(out, R"(<path class="s-line" d="{}"/>)", path);
    } else {
        put(out, R"(<text class="lbl" x="{}" y="{}">no week has ended yet</text>)", l + 8,
            t + plot_h / 2);
    }
    put(out, R"(<text class="lbl" x="0" y="{}">mood</text>)", band_y - 4);
    for (const auto& mw : v.mood_weeks) {
        if (mw.week.to < c.span.from || mw.week.from > c.span.to) continue;
        const Day from = std::max(mw.week.from, c.span.from);
        const Day to = std::min(mw.week.to, c.span.to);
        const double x0 = x_of(from),
                     x1 = l + (w - l - r) * static_cast<double>((to - c.span.from).count() + 1) /
                                  span_days;
        if (mw.average)
            put(out,
                R"(<rect class="band" x="{:.1f}" y="{}" width="{:.1f}" height="{}" fill-opacity="{:.2f}"><title>{} to {}: mood {:.1f}</title></rect>)",
                x0, band_y, std::max(0.5, x1 - x0), band_h, 0.1 + 0.9 * *mw.average / 10,
                format_day(mw.week.from), format_day(mw.week.to), *mw.average);
        else
            put(out, R"(<rect class="band-empty" x="{:.1f}" y="{}" width="{:.1f}" height="{}"/>)",
                x0, band_y, std::max(0.5, x1 - x0), band_h);
    }
    put(out, R"(<text class="lbl" x="{}" y="{}">{}</text>)", l, h - 2, format_day(c.span.from));
    put(out, R"(<text class="lbl" x="{}" y="{}" text-anchor="end">{}</text>)", w - r, h - 2,
        format_day(c.span.to));
    out += "</svg>\n";
}

std::string day_tag(Day d) {
    return fmt::format(R"(<time datetime="{}">{}</time>)", format_day(d), long_day(d));
}

} // namespace

void trail_parts::html_cue(std::string& out, const trail_view::CueTrail& c,
                           const trail_view::Frame& v, const std::function<void()>& flush) {
    put(out, "<section class=\"card cue\">\n<h3>#{} {}</h3>\n<p class=\"trigger\">{}</p>\n",
        c.cue.id, html_escape(c.cue.behavior_on(c.span.to)), html_escape(trigger_phrase(c.cue)));
    put(out, "<p class=\"meta\">created {} · {} shown · {} done{}</p>\n", day_tag(c.cue.created),
        plural(static_cast<std::size_t>(c.span.length()), "day", "days"),
        plural(static_cast<std::size_t>(c.done_days), "day", "days"),
        c.cue.archived_on ? " · archived " + day_tag(*c.cue.archived_on) : "");
    heatmap(out, c, v.week_starts, flush);
    legend(out);
    out += "<figure>\n";
    curve(out, c, v);
    out += "<figcaption class=\"muted\"><small>Strength (0-100) at each week's end; dashed lines: "
           "step changes; dotted lines: sessions; the band beneath: mean mood of each week, "
           "darker is higher.</small></figcaption>\n</figure>\n";
    if (!c.steps.empty()) {
        out += "<h4>Steps</h4>\n<ol>";
        for (const auto& s : c.steps) {
            put(out, "<li>{} {}", day_tag(s.day), html_escape(s.behavior));
            if (s.note && !s.note->empty()) put(out, " <small>{}</small>", html_escape(*s.note));
            out += "</li>";
        }
        out += "</ol>\n";
    }
    if (!c.pauses.empty()) {
        out += "<h4>Paused</h4>\n<ul>";
        for (const auto& p : c.pauses) {
            if (p.until)
                put(out, "<li>{} to {}</li>", day_tag(p.from), day_tag(*p.until - days{1}));
            else
                put(out, "<li>since {}</li>", day_tag(p.from));
        }
        out += "</ul>\n";
    }
    put(out, "<p class=\"link\">{}</p>\n</section>\n",
        html_escape(mood_link_sentence(c.mood_link)));
}

std::string trail_parts::html_begin(const trail_view::Frame& f) {
    std::string out = html_head(
        fmt::format("kint trail · {} to {}", format_day(f.span.from), format_day(f.span.to)),
        trail_css);
    put(out,
        "<header><p class=\"kicker\">kint</p><h1>Your trail</h1><p class=\"period\">{} to "
        "{}</p></header>\n",
        day_tag(f.span.from), day_tag(f.span.to));
    return out;
}

std::string trail_parts::html_end(const trail_view::Frame& f, bool any_cue) {
    std::string out;
    if (!any_cue)
        out += "<p>No cue has days to show here. Place one with <code>kint cue add</code>.</p>\n";
    if (!f.sessions.empty()) {
        out += "<section class=\"card\">\n<h2>Sessions</h2>\n<ul>";
        for (const auto& s : f.sessions) {
            put(out, "<li>{}", day_tag(s.day));
            if (s.note && !s.note->empty()) put(out, " {}", html_escape(*s.note));
            out += "</li>";
        }
        out += "</ul>\n</section>\n";
    }
    out += "<footer><p>Adjust the step size, not the direction.</p></footer>\n</main>\n</body>\n"
           "</html>\n";
    return out;
}

} // namespace kint::render
