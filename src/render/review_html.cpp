// kint review --format html: one self-contained page for a phone or a printer (SPEC §5). Inline CSS
// and SVG only: no scripts, no external assets, nothing fetched. Every text from the store or the
// config passes through html_escape.
#include "kint/domain/safety.hpp"
#include "kint/render/review_render.hpp"

#include "html_page.hpp"
#include "html_style.hpp"
#include "review_parts.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kint::render {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default: {
            // Control characters are parse errors in HTML and mean nothing on a page: dropped.
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) break;
            out += c;
        }
        }
    }
    return out;
}

namespace {

template <typename... Args>
void put(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

std::chrono::year_month_day ymd(Day d) {
    return std::chrono::year_month_day{d};
}

// Days from weekday `from` forward to weekday `to` (0 = Monday), 0..6 for any input.
int days_from(int from, int to) {
    return ((to - from) % 7 + 7) % 7;
}

unsigned day_of_month(Day d) {
    return static_cast<unsigned>(ymd(d).day());
}

// "Mon 9 Nov", with the year when asked.
std::string human_day(Day d, bool with_year = false) {
    const auto date = ymd(d);
    std::string out = fmt::format("{} {} {}", weekday_short(d), static_cast<unsigned>(date.day()),
                                  month_short(d));
    if (with_year) out += fmt::format(" {}", static_cast<int>(date.year()));
    return out;
}

std::string time_tag(Day d, bool with_year = false) {
    return fmt::format(R"(<time datetime="{}">{}</time>)", format_day(d), human_day(d, with_year));
}

std::string one_decimal(const std::optional<double>& v) {
    return v ? fmt::format("{:.1f}", *v) : std::string("–");
}

std::string percent(double v) {
    return fmt::format("{:.0f}%", v * 100.0);
}

std::string_view suggestion_title(const review::CueReport& c) {
    if (c.cue.archived_on) return "Archived";
    switch (c.suggestion) {
    case Suggestion::shrink:
        return "Suggestion: a smaller step";
    case Suggestion::expand:
        return "Suggestion: room to grow";
    case Suggestion::keep:
        break;
    }
    return "Suggestion: keep going as you are";
}

// How a day of a cue's calendar looks: the review's marks, in the legend's order.
constexpr std::array all_cells{
    DayMark::done,   DayMark::unmet, DayMark::extra,  DayMark::skip,          DayMark::slip,
    DayMark::missed, DayMark::open,  DayMark::paused, DayMark::not_scheduled, DayMark::future};

struct CellStyle {
    std::string_view name, symbol, words;
};

CellStyle cell_style(DayMark c) {
    switch (c) {
    case DayMark::done:
        return {"done", "✓", "done"};
    case DayMark::extra:
        return {"extra", "+", "done on an extra day"};
    case DayMark::skip:
        return {"skip", "–", "skipped"};
    case DayMark::slip:
        return {"slip", "~", "slipped"};
    case DayMark::missed:
        return {"missed", "○", "missed"};
    case DayMark::paused:
        return {"paused", "‖", "paused"};
    case DayMark::not_scheduled:
        return {"not_scheduled", "·", "not scheduled"};
    case DayMark::future:
        return {"future", "", "still ahead"};
    case DayMark::open:
        return {"open", "◌", "open today, not logged yet"};
    case DayMark::unmet:
        return {"unmet", "◐", "logged, short of the step"};
    }
    return {"not_scheduled", "·", "not scheduled"};
}

std::string period_line(const review::Period& p, int week_starts) {
    const bool same_year = ymd(p.from).year() == ymd(p.to).year();
    std::string out = p.from == p.to ? time_tag(p.from, true)
                                     : fmt::format("{} to {}", time_tag(p.from, !same_year),
                                                   time_tag(p.to, true));
    if (const auto week = review::week_name(p.from, p.to, week_starts))
        out +=
            fmt::format(R"( · <span class="nowrap">week {}-W{:02}</span>)", week->year, week->week);
    return out;
}

std::string_view before_words(const review::Period& p) {
    return p.length() == 7 ? "the week before" : "the period before";
}

void safety_block(std::string& out, const Report& r, const config::Config& cfg) {
    if (!r.safety.triggered) return;
    const auto& rule = cfg.safety;
    out += R"(<aside class="safety" role="note" aria-labelledby="safety-title">)";
    out += R"(<h2 id="safety-title">A note first</h2>)";
    // safety::reason's words, with the days as <time> elements.
    const auto& low = r.safety.days;
    if (!low.empty() && safety::in_a_row(r.safety))
        put(out, "<p>Your mood has been {} or lower for {} days in a row ({} to {}).</p>",
            rule.low_mood_max, low.size(), time_tag(low.front()), time_tag(low.back()));
    else if (!low.empty())
        put(out, "<p>Your mood has been {} or lower on {} days between {} and {}.</p>",
            rule.low_mood_max, low.size(), time_tag(low.front()), time_tag(low.back()));
    if (!rule.message.empty()) put(out, R"(<p class="message">{}</p>)", html_escape(rule.message));
    if (!rule.contact.empty())
        put(out, R"(<p class="contact">Contact: <strong>{}</strong></p>)",
            html_escape(rule.contact));
    out += "</aside>\n";
}

void intentions_block(std::string& out, const Report& r) {
    if (r.intentions.empty()) return;
    out += "<section aria-labelledby=\"intentions-title\"><h2 id=\"intentions-title\">Your "
           "intentions</h2><ul class=\"intentions\">";
    for (const auto& i : r.intentions)
        put(out, "<li{}>{}{}</li>", i.focus ? R"( class="focus")" : "", html_escape(i.text),
            i.focus ? R"(<span class="tag">focus</span>)" : "");
    out += "</ul></section>\n";
}

// The mood and energy chart: 0-10 on y, one column per day, a gap where a day has no rating.
class Chart {
  public:
    Chart(const review::Period& p, int week_starts)
        : m_period(p), m_days(p.length()), m_week_starts(week_starts) {}

    void draw(std::string& out, const Report& r) const {
        put(out,
            R"(<svg class="chart" viewBox="0 0 {} {}" width="100%" role="img" )"
            R"(aria-labelledby="chart-title chart-desc">)",
            width, height);
        put(out, R"(<title id="chart-title">Mood and energy, {} to {}</title>)",
            format_day(m_period.from), format_day(m_period.to));
        put(out, R"(<desc id="chart-desc">{}; {}. Scale 0 to 10, one point per rated day.</desc>)",
            describe("Mood", r.mood), describe("Energy", r.energy));
        grid(out);
        series(out, r.mood, "mood", "Mood");
        series(out, r.energy, "energy", "Energy");
        if (r.mood.days_rated == 0 && r.energy.days_rated == 0)
            put(out,
                R"(<text class="empty" x="{:.1f}" y="{:.1f}" text-anchor="middle">No ratings in )"
                R"(this period yet</text>)",
                (left + right()) / 2, y(5) + 4);
        legend(out);
        out += "</svg>";
    }

  private:
    static constexpr double width = 480, height = 262;
    static constexpr double left = 32, top = 40, bottom = height - 46, pad = 12;
    static double right() { return width - 8; }

    double x(int i) const {
        if (m_days == 1) return (left + right()) / 2;
        return left + pad + (right() - left - 2 * pad) * i / (m_days - 1);
    }
    static double y(double v) { return bottom - (bottom - top) * v / 10.0; }
    // A point's radius: smaller as days crowd together, so a long period stays readable.
    double mark_size() const {
        if (m_days <= 1) return 4.5;
        return std::clamp((right() - left - 2 * pad) / (m_days - 1) * 0.4, 2.0, 4.5);
    }

    static std::string describe(std::string_view name, const Stats& s) {
        if (s.days_rated == 0) return fmt::format("{}: no ratings", name);
        return fmt::format("{}: average {} over {}, from {} to {}", name, one_decimal(s.average),
                           plural(s.days_rated, "day", "days"), *s.min, *s.max);
    }

    void grid(std::string& out) const {
        out += R"(<g aria-hidden="true">)";
        for (int v = 0; v <= 10; v += 2) {
            put(out, R"(<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>)", left,
                right(), y(v), y(v));
            put(out, R"(<text class="axis" x="{}" y="{:.1f}" text-anchor="end">{}</text>)",
                left - 6, y(v) + 4, v);
        }
        // Every day labelled up to two weeks; beyond that the first day of each week (or of every
        // second, third... week), at most six labels so they fit a phone.
        const int step = m_days <= 14 ? 1 : 7 * ((m_days + 41) / 42);
        const int first = m_days <= 14 ? 0 : days_from(weekday_index(m_period.from), m_week_starts);
        for (int i = first; i < m_days; i += step) {
            const Day d = m_period.from + std::chrono::days{i};
            if (m_days <= 14) {
                put(out, R"(<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{}</text>)",
                    x(i), bottom + 20, weekday_two(d));
                put(out, R"(<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{}</text>)",
                    x(i), bottom + 38, day_of_month(d));
            } else {
                put(out,
                    R"(<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{} {}</text>)",
                    x(i), bottom + 24, day_of_month(d), month_short(d));
            }
        }
        out += "</g>";
    }

    void series(std::string& out, const Stats& s, std::string_view key,
                std::string_view name) const {
        std::map<int, int> by_index; // day index in the period -> value
        for (const auto& [day, value] : s.values)
            if (m_period.contains(day))
                by_index[static_cast<int>((day - m_period.from).count())] = value;
        put(out, R"(<g class="series-{}"><title>{}, 0 to 10 per day</title>)", key, name);
        // One polyline per run of consecutive rated days, so unrated days stay gaps.
        std::vector<std::pair<int, int>> run;
        auto flush = [&] {
            if (run.size() >= 2) {
                put(out, R"(<polyline class="line {}" points=")", key);
                for (std::size_t k = 0; k < run.size(); ++k)
                    put(out, "{}{:.1f},{:.1f}", k ? " " : "", x(run[k].first), y(run[k].second));
                out += "\"/>";
            }
            run.clear();
        };
        int previous = -2;
        for (const auto& [i, v] : by_index) {
            if (i != previous + 1) flush();
            run.emplace_back(i, v);
            previous = i;
        }
        flush();
        for (const auto& [i, v] : by_index) {
            const Day d = m_period.from + std::chrono::days{i};
            const std::string label = fmt::format("{}: {} {}", human_day(d), key, v);
            if (key == "mood")
                put(out,
                    R"(<circle class="pt-mood" data-day="{}" cx="{:.1f}" cy="{:.1f}" r="{:.1f}">)"
                    R"(<title>{}</title></circle>)",
                    format_day(d), x(i), y(v), mark_size(), label);
            else
                put(out,
                    R"(<rect class="pt-energy" data-day="{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" )"
                    R"(height="{:.1f}"><title>{}</title></rect>)",
                    format_day(d), x(i) - mark_size() * 0.9, y(v) - mark_size() * 0.9,
                    mark_size() * 1.8, mark_size() * 1.8, label);
        }
        out += "</g>";
    }

    static void legend(std::string& out) {
        out += R"(<g aria-hidden="true">)";
        put(out, R"(<line class="line mood" x1="{}" x2="{}" y1="14" y2="14"/>)", left, left + 28);
        put(out, R"(<circle class="pt-mood" cx="{}" cy="14" r="4.5"/>)", left + 14);
        put(out, R"(<text class="legend" x="{}" y="19">mood</text>)", left + 36);
        const double e = left + 104;
        put(out, R"(<line class="line energy" x1="{}" x2="{}" y1="14" y2="14"/>)", e, e + 28);
        put(out, R"(<rect class="pt-energy" x="{}" y="10" width="8" height="8"/>)", e + 10);
        put(out, R"(<text class="legend" x="{}" y="19">energy</text>)", e + 36);
        out += "</g>";
    }

    review::Period m_period;
    int m_days;
    int m_week_starts;
};

void stats_line(std::string& out, std::string_view key, std::string_view name,
                std::string_view mark, const Stats& s, const review::Period& p) {
    put(out, R"(<li><span class="key key-{}" aria-hidden="true">{}</span><strong>{}</strong> )",
        key, mark, name);
    if (s.days_rated == 0) {
        out += "no ratings this period</li>";
        return;
    }
    put(out, "average {} · {} · {} of {} rated", one_decimal(s.average),
        *s.min == *s.max ? fmt::format("every rating {}", *s.min)
                         : fmt::format("range {}–{}", *s.min, *s.max),
        s.days_rated, plural(p.length(), "day", "days"));
    if (s.previous_average) put(out, " · {}: {}", before_words(p), one_decimal(s.previous_average));
    out += "</li>";
}

void chart_block(std::string& out, const Report& r, const config::Config& cfg) {
    out += "<section aria-labelledby=\"chart-heading\"><h2 id=\"chart-heading\">Mood and "
           "energy</h2><figure class=\"card chart-card\">";
    Chart(r.period, cfg.week_starts).draw(out, r);
    out += "<figcaption><ul class=\"stats\">";
    stats_line(out, "mood", "Mood", "●", r.mood, r.period);
    stats_line(out, "energy", "Energy", "□", r.energy, r.period);
    out += "</ul>";
    if (long_span(r)) {
        const auto& lv = long_of(r);
        out += R"(<table class="weeks"><thead><tr><th scope="col">Week of</th>)"
               R"(<th scope="col">Mood</th><th scope="col">Energy</th></tr></thead><tbody>)";
        for (std::size_t i = 0; i < lv.weeks.size(); ++i)
            put(out, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", time_tag(lv.weeks[i].from),
                one_decimal(lv.mood[i].average), one_decimal(lv.energy[i].average));
        out += "</tbody></table>";
        if (!r.sessions.empty()) {
            out += R"(<ul class="sessions" aria-label="Sessions">)";
            for (const auto& s : r.sessions)
                put(out, "<li>{} session{}</li>", time_tag(s.day),
                    s.note ? ": " + html_escape(*s.note) : "");
            out += "</ul>";
        }
    }
    out += "</figcaption></figure></section>\n";
}

// Seven columns. A period longer than a week starts its first row on the configured first day of
// the week, so each column is one weekday; a week or less is one row.
void calendar(std::string& out, const CueReport& c, const Report& r, int week_starts) {
    const review::Period& p = r.period;
    const bool by_week = long_span(r);
    out += R"(<ol class="cal">)";
    if (p.length() > 7)
        for (int i = days_from(week_starts, weekday_index(p.from)); i > 0; --i)
            out += R"(<li class="pad" aria-hidden="true"></li>)";
    for (const auto& [day, mark] : c.calendar) {
        const auto style = cell_style(mark);
        // A long span names the month where it begins and on each first day of a month; a
        // step change (▸) or a session (◆) is marked on its day.
        std::string at, words(style.words);
        if (by_week) {
            const Day d = day; // clang 14 (the fuzz build) cannot capture a structured binding
            const bool step = std::any_of(c.steps_changed.begin(), c.steps_changed.end(),
                                          [&](const auto& st) { return st.step.day == d; });
            const bool session = std::any_of(r.sessions.begin(), r.sessions.end(),
                                             [&](const Session& s) { return s.day == d; });
            if (step || session) at = step ? "▸" : "◆";
            if (step) words += ", a new step";
            if (session) words += ", a session";
        }
        const bool month = by_week && (day == p.from || day_of_month(day) == 1);
        put(out,
            R"(<li class="m-{}" data-day="{}" title="{}: {}"><span class="wd">{}</span>)"
            R"(<span class="mk" aria-hidden="true">{}</span><span class="dn{}">{}</span>{})"
            R"(<span class="sr">{}</span></li>)",
            style.name, format_day(day), human_day(day), words, weekday_two(day), style.symbol,
            month ? " mon" : "",
            month ? fmt::format("{} {}", day_of_month(day), month_short(day))
                  : fmt::format("{}", day_of_month(day)),
            at.empty() ? "" : fmt::format(R"(<span class="at" aria-hidden="true">{}</span>)", at),
            words);
    }
    out += "</ol>";
}

void figures(std::string& out, const CueReport& c, const review::Period& p) {
    out += R"(<dl class="figures">)";
    if (c.situation) {
        put(out, "<div><dt>Came up</dt><dd><b>{}</b></dd></div>",
            plural(c.occurrences, "time", "times"));
        put(out, "<div><dt>Done</dt><dd><b>{}</b> of {}</dd></div>", c.done_days, c.occurrences);
    } else if (c.per) {
        std::vector<std::string> parts;
        for (const auto& t : c.targets)
            if (t.target > 0 || t.done > 0) // a week wholly paused has nothing to show
                parts.push_back(
                    html_escape(target_part(t, *c.per, c.measure, c.targets.size() == 1)));
        put(out, R"(<div class="wide"><dt>Done</dt><dd>{}</dd></div>)",
            parts.empty() ? std::string("nothing due in this period")
                          : fmt::format("{}", fmt::join(parts, " · ")));
    } else {
        put(out, "<div><dt>Done</dt><dd><b>{}</b> of {}</dd></div>", c.done_days,
            plural(c.scheduled_days, "scheduled day", "scheduled days"));
    }
    if (c.measure && !c.per && !c.amounts.empty()) {
        std::vector<std::string> parts;
        for (const auto& [day, a] : c.amounts)
            parts.push_back(fmt::format("{} {}", weekday_two(day), amount(a)));
        put(out,
            R"(<div class="wide"><dt>Amounts</dt><dd>{} <small>of {}{} a day · total {}</small></dd></div>)",
            fmt::join(parts, ", "), c.measure->at_most ? "at most " : "",
            html_escape(with_unit(c.measure->target, *c.measure)),
            html_escape(with_unit(c.amount_total, *c.measure)));
    }
    out += "<div><dt>Consistency</dt><dd>";
    if (c.consistency)
        put(out, "<b>{}</b>", percent(*c.consistency));
    else
        out += "nothing to count yet";
    if (c.previous_consistency)
        put(out, "<small>{}: {}</small>", before_words(p), percent(*c.previous_consistency));
    out += "</dd></div>";
    put(out, "<div><dt>Comebacks</dt><dd><b>{}</b></dd></div>", c.comebacks);
    put(out,
        R"(<div><dt>Trail strength</dt><dd><b>{}</b>{})"
        R"(<span class="bar" aria-hidden="true"><span style="width:{:.0f}%"></span></span></dd></div>)",
        percent(c.strength),
        c.previous_strength
            ? fmt::format("<small>{} since {}</small>",
                          strength_change(c.strength - *c.previous_strength), before_words(p))
            : std::string(),
        std::clamp(c.strength, 0.0, 1.0) * 100);
    if (c.mood_on_done_days || c.mood_on_other_days) {
        auto side = [](const std::optional<double>& v, std::string_view days) {
            return v ? fmt::format("<b>{:.1f}</b> on {}", *v, days)
                     : fmt::format("no ratings on {}", days);
        };
        put(out, R"(<div class="wide"><dt>Average mood</dt><dd>{} · {}</dd></div>)",
            side(c.mood_on_done_days, "done days"), side(c.mood_on_other_days, "other days"));
    }
    out += "</dl>";
    std::vector<std::string> rest;
    if (c.situation) {
        if (c.slipped_days) rest.push_back(fmt::format("not this time {}", c.slipped_days));
        if (c.unmet_days) rest.push_back(fmt::format("short of the step {}", c.unmet_days));
        if (c.skipped_days) rest.push_back(fmt::format("{} set aside", c.skipped_days));
        if (!rest.empty())
            put(out, R"(<p class="muted">When it came up: {}.</p>)", fmt::join(rest, ", "));
    } else {
        if (c.unmet_days) rest.push_back(fmt::format("{} short of the step", c.unmet_days));
        if (c.skipped_days) rest.push_back(fmt::format("{} skipped", c.skipped_days));
        if (c.slipped_days) rest.push_back(fmt::format("{} slipped", c.slipped_days));
        if (c.missed_days)
            rest.push_back(
                fmt::format("{} {}", c.missed_days, c.per ? "short of the target" : "missed"));
        if (!rest.empty())
            put(out, R"(<p class="muted">{}: {}.</p>)",
                c.per ? "Other days" : "Other scheduled days", fmt::join(rest, ", "));
    }
    if (c.comebacks > 0)
        put(out, R"(<p class="comeback">You came back {} after {}. Returning is what counts.</p>)",
            c.comebacks == 1 ? std::string("once") : fmt::format("{} times", c.comebacks),
            c.situation ? "a time it did not happen" : "a slip or a miss");
}

// A long span's weeks for one cue: done of scheduled and the strength at each week's end, and
// mood beside the habit.
void long_parts(std::string& out, const CueReport& c, const Report& r, std::size_t index) {
    out += R"(<table class="weeks"><thead><tr><th scope="col">Week of</th>)"
           R"(<th scope="col">Done</th><th scope="col">Strength</th></tr></thead><tbody>)";
    for (const auto& w : c.weeks)
        if (week_ahead(r, c, w))
            put(out, R"(<tr><td>{}</td><td colspan="2">still ahead</td></tr>)",
                time_tag(w.week.from));
        else
            put(out, R"(<tr><td>{}</td><td>{}</td><td>{:.0f}%</td></tr>)", time_tag(w.week.from),
                w.scheduled_days > 0 || w.done_days > 0
                    ? fmt::format("{} of {}", w.done_days, w.scheduled_days)
                    : std::string("–"),
                w.strength * 100);
    out += "</tbody></table>";
    put(out, R"(<p class="link">{}</p>)", html_escape(mood_link_words(mood_link_of(r, index))));
}

void cue_block(std::string& out, const CueReport& c, const Report& r, const config::Config& cfg,
               std::size_t index) {
    out += R"(<article class="card cue">)";
    put(out, R"(<p class="trigger">{}</p>)", html_escape(trigger_phrase(c.cue)));
    put(out, "<h3>{}</h3>", html_escape(c.cue.behavior_on(r.period.to)));
    put(out, R"(<p class="meta">cue #{} · {})", c.cue.id,
        html_escape(c.situation ? std::string("when it comes up")
                    : c.per     ? format_per(*c.per)
                                : c.cue.days.to_string()));
    if (c.cue.at) put(out, " at {}", format_clock(*c.cue.at));
    if (c.cue.status != CueStatus::active) put(out, " · {}", to_string(c.cue.status));
    if (c.phase) put(out, " · week {} · {}", c.week, html_escape(c.phase->name));
    out += "</p>";
    calendar(out, c, r, cfg.week_starts);
    if (long_span(r)) long_parts(out, c, r, index);
    figures(out, c, r.period);
    for (const auto& s : c.steps_changed) {
        put(out, R"(<p class="step-change">New step on {}: <b>{}</b> <small>(before: {})</small>)",
            time_tag(s.step.day), html_escape(s.step.behavior), html_escape(s.before));
        if (s.step.note) put(out, R"(<span class="text">{}</span>)", html_escape(*s.step.note));
        out += "</p>";
    }
    put(out, R"(<div class="suggest"><b>{}</b>{}</div>)", suggestion_title(c),
        html_escape(advice(c, cfg)));
    if (c.phase && !c.phase->guidance.empty())
        put(out, R"(<p class="phase-note">{}: {}</p>)", html_escape(c.phase->name),
            html_escape(c.phase->guidance));
    out += "</article>\n";
}

void cues_block(std::string& out, const Report& r, const config::Config& cfg) {
    out += R"(<section aria-labelledby="cues-title"><h2 id="cues-title">Your cues</h2>)";
    if (r.cues_begin_later) {
        out += R"(<p class="card">No cues in this period: yours began after it. This week so )"
               R"(far: <code>kint review --week this</code>.</p>)";
    } else if (r.cues.empty()) {
        out +=
            R"(<p class="card">No cues in this period yet. Place one with <code>kint cue add</code>.</p>)";
    } else {
        // A key for the marks these calendars use, and no others.
        std::array<bool, all_cells.size()> used{};
        for (const auto& c : r.cues)
            for (const auto& [day, mark] : c.calendar)
                used[static_cast<std::size_t>(mark)] = true;
        out += R"(<ul class="marks" aria-label="What the calendar marks mean">)";
        for (const auto cell : all_cells) {
            if (!used[static_cast<std::size_t>(cell)]) continue;
            const auto style = cell_style(cell);
            put(out, R"(<li><span class="mk m-{}" aria-hidden="true">{}</span>{}</li>)", style.name,
                style.symbol.empty() ? "&nbsp;" : style.symbol, style.words);
        }
        out += "</ul>";
        for (std::size_t index = 0; index < r.cues.size(); ++index)
            cue_block(out, r.cues[index], r, cfg, index);
    }
    out += "</section>\n";
}

void notes_block(std::string& out, std::string_view id, std::string_view title,
                 const std::vector<review::Note>& notes, const Report& r) {
    if (notes.empty()) return;
    put(out,
        R"(<section aria-labelledby="{0}-title"><h2 id="{0}-title">{1}</h2><ul class="card notes {0}">)",
        id, title);
    for (const auto& n : notes) {
        put(out, R"(<li>{}<span class="text">{}</span>)", time_tag(n.day), html_escape(n.text));
        if (n.cue_id) {
            std::string behavior;
            for (const auto& c : r.cues)
                if (c.cue.id == *n.cue_id) behavior = c.cue.behavior_on(n.day);
            put(out, R"(<span class="src">cue #{}{}</span>)", *n.cue_id,
                behavior.empty() ? "" : ", " + html_escape(behavior));
        }
        out += "</li>";
    }
    out += "</ul></section>\n";
}

void phase_block(std::string& out, const Report& r) {
    if (!r.phase) return;
    const auto* p = r.phase->phase;
    out +=
        R"(<section aria-labelledby="phase-title"><h2 id="phase-title">Where you are</h2><div class="card">)";
    put(out, "<p><strong>{}</strong>: day {} after your session on {}.</p>",
        html_escape(p ? p->name : "Beyond the first two weeks"), r.phase->day,
        time_tag(r.phase->session));
    if (p) {
        if (!p->purpose.empty()) put(out, R"(<p class="muted">{}</p>)", html_escape(p->purpose));
        if (!p->guidance.empty()) {
            out += "<ul>";
            for (const auto& g : p->guidance)
                put(out, "<li>{}</li>", html_escape(g));
            out += "</ul>";
        }
        if (!p->safety.empty()) {
            out += R"(<ul class="phase-safety" aria-label="Safety">)";
            for (const auto& s : p->safety)
                put(out, "<li>{}</li>", html_escape(s));
            out += "</ul>";
        }
    }
    out += "</div></section>\n";
}

void prompts_block(std::string& out, const Report& r) {
    if (r.prompts.empty()) return;
    out +=
        R"(<section aria-labelledby="prompts-title"><h2 id="prompts-title">For the week ahead</h2>)"
        R"(<ol class="card prompts">)";
    for (const auto& p : r.prompts)
        put(out, "<li>{}</li>", html_escape(p.text));
    out += "</ol></section>\n";
}

} // namespace

std::string_view html_style_sheet() {
    return style_sheet;
}

std::string html_head(std::string_view title, std::string_view extra_css) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"color-scheme\" content=\"light dark\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n";
    put(out, "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<main>\n", title,
        style_sheet, extra_css);
    return out;
}

std::string review_html(const Report& r, const config::Config& cfg) {
    std::string out;
    out.reserve(32 * 1024);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"color-scheme\" content=\"light dark\">\n"
           // Belt and braces for a file that gets mailed and shared: nothing may load or run.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n";
    if (r.period.length() == 7)
        put(out, "<title>kint review · {} to {}</title>\n", format_day(r.period.from),
            format_day(r.period.to));
    else
        put(out, "<title>kint review · {}</title>\n", html_escape(span_name(r.period)));
    put(out, "<style>{}</style>\n</head>\n<body>\n<main>\n", style_sheet);
    safety_block(out, r, cfg);
    put(out, "<header><p class=\"kicker\">kint</p><h1>{}</h1><p class=\"period\">{}</p></header>\n",
        r.period.length() == 7 ? std::string("Your weekly review")
                               : "Your review · " + html_escape(span_name(r.period)),
        period_line(r.period, cfg.week_starts));
    intentions_block(out, r);
    chart_block(out, r, cfg);
    cues_block(out, r, cfg);
    notes_block(out, "wins", "Wins", r.wins, r);
    notes_block(out, "obstacles", "Obstacles", r.obstacles, r);
    std::vector<review::Note> rating_notes;
    for (const auto& n : r.rating_notes)
        rating_notes.push_back({n.day, rating_note_words(n), std::nullopt, std::nullopt, "rating"});
    notes_block(out, "rating-notes", "Notes with your ratings", rating_notes, r);
    phase_block(out, r);
    prompts_block(out, r);
    out += "<footer><p>Adjust the step size, not the "
           "direction.</p></footer>\n</main>\n</body>\n</html>\n";
    return out;
}

} // namespace kint::render
