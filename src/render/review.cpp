#include "kint/render/review_render.hpp"

#include "markdown_text.hpp"
#include "review_parts.hpp"

#include <array>
#include <chrono>
#include <fmt/format.h>
#include <map>
#include <set>

namespace kint::render {

namespace {

std::string_view mark_symbol(DayMark m) {
    switch (m) {
    case DayMark::done:
        return "✓";
    case DayMark::extra:
        return "+";
    case DayMark::skip:
        return "–";
    case DayMark::slip:
        return "~";
    case DayMark::missed:
        return "○";
    case DayMark::not_scheduled:
        return "·";
    case DayMark::paused:
        return "‖";
    case DayMark::future:
        return " ";
    case DayMark::open:
        return "◌";
    case DayMark::unmet:
        return "◐";
    }
    return " ";
}

std::string percent(const std::optional<double>& v) {
    return v ? fmt::format("{:.0f}%", *v * 100.0) : std::string("n/a");
}

std::string one_decimal(const std::optional<double>& v) {
    return v ? fmt::format("{:.1f}", *v) : std::string("–");
}

std::string done_line(const CueReport& c) {
    if (c.situation) {
        // A situation: it came up or it did not; a quiet day is no miss and no rest.
        if (c.occurrences == 0 && c.skipped_days == 0) return "did not come up this period";
        std::string out = fmt::format("came up {} time{}: done {}", c.occurrences,
                                      c.occurrences == 1 ? "" : "s", c.done_days);
        if (c.unmet_days) out += fmt::format(", short of the step {}", c.unmet_days);
        out += fmt::format(", not this time {}", c.slipped_days);
        if (c.skipped_days) out += fmt::format(", {} set aside", c.skipped_days);
        if (c.consistency) out += fmt::format(" · consistency {}", percent(c.consistency));
        return out;
    }
    if (c.per) {
        std::string out;
        for (const auto& t : c.targets)
            if (t.target > 0 || t.done > 0) // a week wholly paused has nothing to show
                out += (out.empty() ? "" : " · ") +
                       target_part(t, *c.per, c.measure, c.targets.size() == 1);
        if (out.empty())
            out = fmt::format("{} per {}", c.per->times,
                              c.per->week ? "week" : fmt::format("{} days", c.per->days));
        if (c.skipped_days) out += fmt::format(", {} skipped", c.skipped_days);
        if (c.consistency) out += fmt::format(" · consistency {}", percent(c.consistency));
        return out;
    }
    std::string out = fmt::format("done {} of {} scheduled day{}", c.done_days, c.scheduled_days,
                                  c.scheduled_days == 1 ? "" : "s");
    if (c.unmet_days) out += fmt::format(", {} short of the step", c.unmet_days);
    if (c.skipped_days) out += fmt::format(", {} skipped", c.skipped_days);
    if (c.slipped_days) out += fmt::format(", {} slipped", c.slipped_days);
    if (c.missed_days) out += fmt::format(", {} missed", c.missed_days);
    if (c.consistency) out += fmt::format(" · consistency {}", percent(c.consistency));
    return out;
}

// A measured cue's amounts: "Mo 35 of 50 min, Tu 50, We 60 · total 145 min".
std::string amounts_line(const CueReport& c) {
    if (!c.measure || c.per || c.amounts.empty()) return {};
    std::string out = "amounts: ";
    for (std::size_t i = 0; i < c.amounts.size(); ++i) {
        const auto& [day, a] = c.amounts[i];
        out += i == 0 ? fmt::format("{} {} of {}{}", weekday_two(day), amount(a),
                                    c.measure->at_most ? "at most " : "",
                                    with_unit(c.measure->target, *c.measure))
                      : fmt::format(", {} {}", weekday_two(day), amount(a));
    }
    return out + fmt::format(" · total {}", with_unit(c.amount_total, *c.measure));
}

std::string comeback_line(const CueReport& c) {
    if (c.comebacks == 0) return {};
    return fmt::format("{} comeback{}: you returned after {}, which is what counts", c.comebacks,
                       c.comebacks == 1 ? "" : "s",
                       c.situation ? "a time it did not happen" : "a miss");
}

std::string strength_line(const CueReport& c) {
    // A cue that did not exist in the period before has nothing to compare with.
    if (!c.previous_strength) return fmt::format("trail strength {:.0f}%", c.strength * 100);
    return fmt::format("trail strength {:.0f}% ({} since the period before)", c.strength * 100,
                       strength_change(c.strength - *c.previous_strength));
}

// The calendar's symbols; open and short-of-the-step only when a calendar shows them.
std::string legend(const Report& r) {
    bool open = false, unmet = false, paused = false;
    for (const auto& c : r.cues)
        for (const auto& [day, mark] : c.calendar) {
            open = open || mark == DayMark::open;
            unmet = unmet || mark == DayMark::unmet;
            paused = paused || mark == DayMark::paused;
        }
    // A symbol and its word never part when a terminal's width wraps the line (no-break space).
    std::string out = "✓\u00a0done  +\u00a0extra  –\u00a0skipped  ~\u00a0slipped  ○\u00a0missed  "
                      "·\u00a0not scheduled";
    if (paused) out += "  ‖\u00a0paused";
    if (open) out += "  ◌\u00a0open today";
    if (unmet) out += "  ◐\u00a0short of the step";
    return out;
}

std::string mood_pair(const CueReport& c) {
    if (!c.mood_on_done_days && !c.mood_on_other_days) return {};
    return fmt::format("mood {} on done days, {} on other days", one_decimal(c.mood_on_done_days),
                       one_decimal(c.mood_on_other_days));
}

std::string stats_summary(const Stats& s) {
    if (s.days_rated == 0) return "no ratings this period";
    std::string out =
        fmt::format("average {} · range {}-{} · {} day{} rated", one_decimal(s.average), *s.min,
                    *s.max, s.days_rated, s.days_rated == 1 ? "" : "s");
    if (s.previous_average) out += fmt::format(" · before: {}", one_decimal(s.previous_average));
    return out;
}

std::string period_title(const review::Period& p, int week_starts) {
    const auto week = review::week_name(p.from, p.to, week_starts);
    return fmt::format("{} to {}{}", format_day(p.from), format_day(p.to),
                       week ? fmt::format(" (week {}-W{:02})", week->year, week->week) : "");
}

std::string phase_line(const Report& r) {
    if (!r.phase) return {};
    const std::string name = r.phase->phase ? r.phase->phase->name : "Beyond the first two weeks";
    return fmt::format("{}: day {} after your session on {}", name, r.phase->day,
                       format_day(r.phase->session));
}

// Text that may span lines, in the text review: each later line is indented by `indent` so it
// stays under its entry and never reads as an entry of its own.
std::string continued(std::string_view text, std::size_t indent) {
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '\n') out.append(indent, ' ');
    }
    return out;
}

} // namespace

json::Value mood_link_json(const long_view::MoodLink& m) {
    const auto side = [](const long_view::Comparison& c) {
        return json::object()
            .set("done_days", c.done_days)
            .set("other_days", c.other_days)
            .set("done_mean", c.done_mean)
            .set("other_mean", c.other_mean)
            .set("difference", c.difference)
            .set("low", c.low)
            .set("high", c.high);
    };
    return json::object()
        .set("same_day", side(m.same_day))
        .set("next_day", side(m.next_day))
        .set("enough", m.enough);
}

std::string sparkline(const Stats& s, const review::Period& period) {
    static constexpr std::array<std::string_view, 8> bars{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::map<Day, int> by_day(s.values.begin(), s.values.end());
    std::string out;
    for (Day d = period.from; d <= period.to; d += std::chrono::days{1}) {
        auto it = by_day.find(d);
        out += it == by_day.end() ? "·" : bars[static_cast<std::size_t>(it->second * 7 / 10)];
    }
    return out;
}

std::string figures_line(const review::CueReport& c) {
    return done_line(c);
}

std::string advice(const review::CueReport& c, const config::Config& cfg) {
    if (c.cue.archived_on)
        return fmt::format("Archived on {}: its history stays, nothing to adjust.",
                           format_day(*c.cue.archived_on));
    switch (c.suggestion) {
    case review::Suggestion::shrink:
        return cfg.guidance.shrink;
    case review::Suggestion::expand:
        return cfg.guidance.expand;
    case review::Suggestion::keep:
        break;
    }
    return cfg.guidance.keep;
}

namespace {

// {day, value} for each rating, written in place.
void write_stats(json::Writer& w, const Stats& s, const std::vector<long_view::MoodWeek>& weeks) {
    w.open_object();
    w.member("days_rated", s.days_rated);
    w.member("average", s.average);
    w.member("min", s.min);
    w.member("max", s.max);
    w.key("values");
    w.open_array();
    for (const auto& [day, value] : s.values) {
        w.open_object();
        w.member("day", format_day(day));
        w.member("value", value);
        w.close();
    }
    w.close();
    w.member("previous_average", s.previous_average);
    w.key("weeks");
    w.open_array();
    for (const auto& week : weeks) {
        w.open_object();
        w.member("from", format_day(week.week.from));
        w.member("to", format_day(week.week.to));
        w.member("days_rated", week.days_rated);
        w.member("average", week.average);
        w.close();
    }
    w.close();
    w.close();
}

void write_notes(json::Writer& w, std::string_view key, const std::vector<review::Note>& notes) {
    w.key(key);
    w.open_array();
    for (const auto& n : notes) {
        w.open_object();
        w.member("day", format_day(n.day));
        w.member("text", n.text);
        w.member("source", n.source);
        w.member("cue_id", n.cue_id);
        w.member("journal_id", n.journal_id);
        w.close();
    }
    w.close();
}

} // namespace

void write_cue_names(json::Writer& w, const CueReport& c, Day day) {
    w.member("id", c.cue.id);
    w.member("intention_id", c.cue.intention_id);
    w.member("behavior", c.cue.behavior_on(day));
    w.member("trigger", c.cue.trigger);
    w.member("kind", to_string(c.cue.kind));
    w.member("status", to_string(c.cue.status));
}

void write_day_counts(json::Writer& w, const CueReport& c) {
    w.member("scheduled_days", c.scheduled_days);
    w.member("done_days", c.done_days);
    w.member("skipped_days", c.skipped_days);
    w.member("slipped_days", c.slipped_days);
    w.member("missed_days", c.missed_days);
    w.member("occurrences", c.occurrences);
    w.member("unmet_days", c.unmet_days);
}

void write_measure(json::Writer& w, const CueReport& c) {
    w.member("per", c.per ? std::optional<std::string>(format_per(*c.per)) : std::nullopt);
    w.member("target", c.measure ? std::optional<double>(c.measure->target) : std::nullopt);
    w.member("unit", c.measure ? std::optional<std::string>(c.measure->unit) : std::nullopt);
    w.member("at_most", c.measure && c.measure->at_most);
}

void write_steps_changed(json::Writer& w, const CueReport& c) {
    w.key("steps_changed");
    w.open_array();
    for (const auto& s : c.steps_changed) {
        w.open_object();
        w.member("day", format_day(s.step.day));
        w.member("behavior", s.step.behavior);
        w.member("before", s.before);
        w.member("note", s.step.note);
        w.close();
    }
    w.close();
}

namespace {

void write_cue(json::Writer& w, const Report& r, std::size_t index, const config::Config& cfg) {
    const auto& c = r.cues[index];
    const auto none = std::optional<double>();
    w.open_object();
    write_cue_names(w, c, r.period.to);
    write_day_counts(w, c);
    write_measure(w, c);
    w.key("targets");
    w.open_array();
    for (const auto& t : c.targets) {
        w.open_object();
        w.member("from", format_day(t.from));
        w.member("to", format_day(t.to));
        w.member("done", t.done);
        w.member("target", t.target);
        w.member("counted", t.counted);
        w.member("unfinished", t.unfinished);
        if (c.measure) w.member("amount", t.amount);
        w.close();
    }
    w.close();
    w.key("amounts");
    w.open_array();
    for (const auto& [day, a] : c.amounts) {
        w.open_object();
        w.member("day", format_day(day));
        w.member("amount", a);
        w.close();
    }
    w.close();
    w.member("amount_total", c.measure ? std::optional<double>(c.amount_total) : none);
    w.member("consistency", c.consistency);
    w.member("previous_consistency", c.previous_consistency);
    w.member("comebacks", c.comebacks);
    w.member("mood_on_done_days", c.mood_on_done_days);
    w.member("mood_on_other_days", c.mood_on_other_days);
    w.member("suggestion", review::to_string(c.suggestion));
    w.member("suggestion_text", advice(c, cfg));
    w.member("strength", c.strength);
    w.member("previous_strength", c.previous_strength);
    w.key("phase");
    if (c.phase) {
        w.open_object();
        w.member("key", c.phase->key);
        w.member("name", c.phase->name);
        w.member("week", c.week);
        w.member("guidance", c.phase->guidance);
        w.close();
    } else {
        w.value(nullptr);
    }
    write_steps_changed(w, c);
    w.key("calendar");
    w.open_array();
    for (const auto& [day, mark] : c.calendar) {
        w.open_object();
        w.member("day", format_day(day));
        w.member("mark", review::to_string(mark));
        w.close();
    }
    w.close();
    w.key("weeks");
    w.open_array();
    for (const auto& week : c.weeks) {
        w.open_object();
        w.member("from", format_day(week.week.from));
        w.member("to", format_day(week.week.to));
        w.member("scheduled_days", week.scheduled_days);
        w.member("done_days", week.done_days);
        w.member("strength", week.strength);
        w.close();
    }
    w.close();
    w.member("mood_link", mood_link_json(mood_link_of(r, index)));
    w.close();
}

// The review's JSON document, member by member (SPEC: safety first).
void write_review_json(json::Writer& w, const Report& r, const config::Config& cfg) {
    w.open_object();
    w.member("safety", safety_json(r.safety, cfg.safety));
    w.key("period");
    w.open_object();
    w.member("from", format_day(r.period.from));
    w.member("to", format_day(r.period.to));
    w.close();
    w.key("intentions");
    w.open_array();
    for (const auto& i : r.intentions)
        w.value(to_json(i));
    w.close();
    w.key("cues");
    w.open_array();
    for (std::size_t index = 0; index < r.cues.size(); ++index)
        write_cue(w, r, index, cfg);
    w.close();
    w.key("mood");
    write_stats(w, r.mood, long_of(r).mood);
    w.key("energy");
    write_stats(w, r.energy, long_of(r).energy);
    w.key("sessions");
    w.open_array();
    for (const auto& s : r.sessions) {
        w.open_object();
        w.member("day", format_day(s.day));
        w.member("note", s.note);
        w.close();
    }
    w.close();
    write_notes(w, "wins", r.wins);
    write_notes(w, "obstacles", r.obstacles);
    w.key("rating_notes");
    w.open_array();
    for (const auto& n : r.rating_notes) {
        w.open_object();
        w.member("day", format_day(n.day));
        w.member("kind", to_string(n.kind));
        w.member("value", n.value);
        w.member("note", n.note);
        w.close();
    }
    w.close();
    w.member("phase", phase_json(r.phase));
    w.key("prompts");
    w.open_array();
    for (const auto& p : r.prompts)
        w.value(to_json(p));
    w.close();
    w.close();
}

std::string review_json_text(const Report& r, const config::Config& cfg) {
    std::string out;
    json::Writer w(out);
    write_review_json(w, r, cfg);
    out += '\n';
    return out;
}

} // namespace

json::Value review_json(const Report& r, const config::Config& cfg) {
    return json::parse(review_json_text(r, cfg));
}

namespace {

// The heading's words: "Weekly review · 2026-11-09 to 2026-11-15 (week 2026-W46)" for a week,
// "Review · September 2026" or "Review · 9–30 November" for any other span.
std::string heading(const Report& r, int week_starts, std::string_view week_word) {
    if (r.period.length() == 7)
        return fmt::format("{} · {}", week_word, period_title(r.period, week_starts));
    return "Review · " + span_name(r.period);
}

// A --per cue over a long span: its weeks are in the rows, so the totals in one line.
std::string per_weeks_line(const CueReport& c) {
    int done = 0, target = 0;
    for (const auto& t : c.targets) {
        done += std::min(t.done, t.target);
        target += t.target;
    }
    std::string out = fmt::format("{} of {} over the weeks ({} per {})", done, target, c.per->times,
                                  c.per->week ? "week" : fmt::format("{} days", c.per->days));
    if (c.skipped_days) out += fmt::format(", {} skipped", c.skipped_days);
    if (c.consistency) out += fmt::format(" · consistency {}", percent(c.consistency));
    return out;
}

// How many wins and obstacles a long span's text shows (the latest).
constexpr std::size_t long_notes = 5;

std::set<Day> session_days(const Report& r) {
    std::set<Day> out;
    for (const auto& s : r.sessions)
        out.insert(s.day);
    return out;
}

// A week's "done of scheduled" and strength, the two columns after a week row.
std::string week_figures(const review::CueWeek& w) {
    const std::string done = w.scheduled_days > 0 || w.done_days > 0
                                 ? fmt::format("{}/{}", w.done_days, w.scheduled_days)
                                 : "–";
    return fmt::format("{:>5}  {:>4.0f}%", done, w.strength * 100);
}

// A long span's calendar for one cue: a row per week (Mo ... Su columns from week_starts), the
// month and day it begins, its done days of the scheduled and the strength at its end; a step
// change (▸) or a session (◆) marked after the day's symbol, and the steps listed below.
std::string long_calendar_text(const Report& r, const CueReport& c, int week_starts,
                               const Paint& p) {
    std::string out;
    const auto sessions = session_days(r);
    std::set<Day> steps;
    for (const auto& st : c.steps_changed)
        steps.insert(st.step.day);
    std::string head = "            ";
    const Day first = review::week_of(r.period.from, week_starts).from;
    for (int i = 0; i < 7; ++i)
        head += fmt::format("{:<3}", weekday_two(first + std::chrono::days{i}));
    out += p.dim(head + "  done  strength") + "\n";
    for (const auto& w : c.weeks) {
        std::string row = "    " + week_label(w.week.from) + "  ";
        for (Day d = review::week_of(w.week.from, week_starts).from, e = d + std::chrono::days{7};
             d < e; d += std::chrono::days{1}) {
            if (!r.period.contains(d)) {
                row += "   ";
                continue;
            }
            const DayMark mark =
                c.calendar[static_cast<std::size_t>((d - r.period.from).count())].second;
            const std::string sym(mark_symbol(mark));
            row += mark == DayMark::done || mark == DayMark::extra    ? p.green(sym)
                   : mark == DayMark::slip || mark == DayMark::missed ? p.yellow(sym)
                                                                      : p.dim(sym);
            row += steps.contains(d) ? p.cyan("▸") : sessions.contains(d) ? p.cyan("◆") : " ";
            row += " ";
        }
        if (week_ahead(r, c, w)) {
            while (!row.empty() && row.back() == ' ')
                row.pop_back();
            out += row + "\n";
        } else {
            out += row + " " + week_figures(w) + "\n";
        }
    }
    return out;
}

std::string long_calendar_markdown(const Report& r, const CueReport& c, int week_starts) {
    const auto sessions = session_days(r);
    std::set<Day> steps;
    for (const auto& st : c.steps_changed)
        steps.insert(st.step.day);
    std::string out = "| Week of |";
    const Day first = review::week_of(r.period.from, week_starts).from;
    for (int i = 0; i < 7; ++i)
        out += fmt::format(" {} |", weekday_two(first + std::chrono::days{i}));
    out += " Done | Strength |\n|---|---|---|---|---|---|---|---|---:|---:|\n";
    for (const auto& w : c.weeks) {
        out += fmt::format("| {} |", week_label(w.week.from));
        for (Day d = review::week_of(w.week.from, week_starts).from, e = d + std::chrono::days{7};
             d < e; d += std::chrono::days{1}) {
            std::string cell;
            if (r.period.contains(d)) {
                const DayMark mark =
                    c.calendar[static_cast<std::size_t>((d - r.period.from).count())].second;
                if (mark != DayMark::future) cell = std::string(mark_symbol(mark));
                if (steps.contains(d))
                    cell += "▸";
                else if (sessions.contains(d))
                    cell += "◆";
            }
            out += fmt::format(" {} |", cell);
        }
        if (week_ahead(r, c, w)) {
            out += "  |  |\n";
            continue;
        }
        out += fmt::format(" {} | {:.0f}% |\n",
                           w.scheduled_days > 0 || w.done_days > 0
                               ? fmt::format("{}/{}", w.done_days, w.scheduled_days)
                               : "–",
                           w.strength * 100);
    }
    return out;
}

std::string mood_weeks_text(const Report& r, const Paint& p) {
    const auto& lv = long_of(r);
    std::string out = p.dim("              mood  energy") + "\n";
    for (std::size_t i = 0; i < lv.weeks.size(); ++i)
        out += fmt::format("    {}  {:>5}  {:>6}\n", week_label(lv.weeks[i].from),
                           one_decimal(lv.mood[i].average), one_decimal(lv.energy[i].average));
    for (const auto& s : r.sessions)
        out += fmt::format("    {} {} {}{}\n", p.cyan("◆"), format_day(s.day), p.dim("session"),
                           s.note ? ": " + continued(*s.note, 6) : "");
    return out;
}

} // namespace

std::string review_text(const Report& r, const config::Config& cfg, const Paint& p) {
    std::string out;
    auto line = [&](std::string_view s = {}) {
        out += s;
        out += '\n';
    };
    const std::string safety = safety_text(r.safety, cfg.safety, p);
    if (!safety.empty()) line(safety);
    line(p.bold(heading(r, cfg.week_starts, "Weekly review")));
    const bool by_week = long_span(r);

    if (!r.intentions.empty()) {
        line();
        for (const auto& i : r.intentions)
            line(fmt::format("  {} {}", i.focus ? p.green("●") : "·", continued(i.text, 4)));
    }

    line();
    if (r.cues_begin_later)
        line("No cues in this period: yours began after it. This week so far: kint review --week "
             "this");
    else if (r.cues.empty())
        line("No cues in this period yet. Place one: kint cue add --after \"...\" --do \"...\"");
    for (std::size_t index = 0; index < r.cues.size(); ++index) {
        const auto& c = r.cues[index];
        const std::string phase = c.phase ? fmt::format("week {} · {}", c.week, c.phase->name) : "";
        line(fmt::format("{} {} → {}  {}", p.dim(fmt::format("#{}", c.cue.id)),
                         trigger_phrase(c.cue), p.bold(c.cue.behavior_on(r.period.to)),
                         p.dim(phase)));
        // The small calendar, a row of up to seven days with weekday labels above.
        if (by_week) out += long_calendar_text(r, c, cfg.week_starts, p);
        for (std::size_t row = 0; !by_week && row < c.calendar.size(); row += 7) {
            std::string labels = "    ", marks = "    ";
            for (std::size_t i = row; i < std::min(row + 7, c.calendar.size()); ++i) {
                const auto& [day, mark] = c.calendar[i];
                labels += fmt::format("{:<3}", weekday_two(day));
                const std::string sym(mark_symbol(mark));
                const std::string cell =
                    mark == DayMark::done || mark == DayMark::extra    ? p.green(sym)
                    : mark == DayMark::slip || mark == DayMark::missed ? p.yellow(sym)
                                                                       : p.dim(sym);
                marks += cell + "  ";
            }
            while (!labels.empty() && labels.back() == ' ')
                labels.pop_back();
            line(p.dim(labels));
            while (!marks.empty() && marks.back() == ' ')
                marks.pop_back();
            line(marks);
        }
        line("    " + (by_week && c.per ? per_weeks_line(c) : done_line(c)));
        if (auto s = amounts_line(c); !s.empty()) line("    " + s);
        if (auto s = comeback_line(c); !s.empty()) line("    " + p.green(s));
        line("    " + strength_line(c));
        for (const auto& s : c.steps_changed) {
            line("    " + p.magenta(step_change_words(s)));
            if (s.step.note) line("      " + continued(*s.step.note, 6));
        }
        if (auto s = mood_pair(c); !s.empty() && !by_week) line("    " + s);
        if (by_week) line("    " + mood_link_words(mood_link_of(r, index)));
        line(fmt::format("    {} {}", p.cyan("→"), advice(c, cfg)));
        line();
    }
    if (!r.cues.empty())
        line(p.dim("    " + legend(r) + (by_week ? "  ▸ step changed  ◆ session" : "")));

    line();
    if (by_week) {
        line(fmt::format("{}  {}", p.bold("mood  "), stats_summary(r.mood)));
        line(fmt::format("{}  {}", p.bold("energy"), stats_summary(r.energy)));
        out += mood_weeks_text(r, p);
    } else {
        line(fmt::format("{}  {}  {}", p.bold("mood  "), p.cyan(sparkline(r.mood, r.period)),
                         stats_summary(r.mood)));
        line(fmt::format("{}  {}  {}", p.bold("energy"), p.cyan(sparkline(r.energy, r.period)),
                         stats_summary(r.energy)));
    }

    auto notes = [&](std::string_view title, const std::vector<review::Note>& list) {
        if (list.empty()) return;
        line();
        line(p.bold(title));
        // A long span keeps to the latest few; markdown and HTML hold them all.
        const std::size_t shown =
            by_week ? std::min<std::size_t>(list.size(), long_notes) : list.size();
        if (shown < list.size())
            line(p.dim(
                fmt::format("  {} earlier in --format markdown or html", list.size() - shown)));
        for (const auto& n :
             std::vector<review::Note>(list.end() - static_cast<std::ptrdiff_t>(shown), list.end()))
            line(fmt::format("  {}  {}{}", p.dim(format_day(n.day)), continued(n.text, 14),
                             n.cue_id ? p.dim(fmt::format("  (cue #{})", *n.cue_id)) : ""));
    };
    notes("Wins", r.wins);
    notes("Obstacles", r.obstacles);
    if (!r.rating_notes.empty()) {
        line();
        line(p.bold("Notes with your ratings"));
        for (const auto& n : r.rating_notes)
            line(fmt::format("  {}  {}", p.dim(format_day(n.day)),
                             continued(rating_note_words(n), 14)));
    }

    if (auto s = phase_line(r); !s.empty()) {
        line();
        line(p.dim(s));
    }
    if (!r.prompts.empty()) {
        line();
        line(p.bold("For the week ahead"));
        for (const auto& pr : r.prompts)
            line(fmt::format("  {}  {}", p.cyan(fmt::format("{:<13}", pr.id)), pr.text));
    }
    return out;
}

std::string review_markdown(const Report& r, const config::Config& cfg) {
    std::string out;
    auto line = [&](std::string_view s = {}) {
        out += s;
        out += '\n';
    };
    // The safety note comes first, before the title, so a mail preview shows it.
    if (r.safety.triggered) {
        line("> **Safety note.** " + safety::reason(r.safety, cfg.safety));
        line(">");
        std::string_view message = cfg.safety.message;
        for (std::size_t nl; (nl = message.find('\n')) != std::string_view::npos;
             message.remove_prefix(nl + 1))
            line(fmt::format("> {}", md(message.substr(0, nl))));
        line(fmt::format("> {}", md(message)));
        if (!cfg.safety.contact.empty()) {
            line(">");
            line("> Contact: **" + md(cfg.safety.contact) + "**");
        }
        line();
    }
    const bool by_week = long_span(r);
    line(r.period.length() == 7 ? "# kint weekly review: " + period_title(r.period, cfg.week_starts)
                                : "# kint review: " + span_name(r.period));
    line();
    if (!r.intentions.empty()) {
        line("## Intentions");
        line();
        for (const auto& i : r.intentions)
            line(fmt::format("- {}{}", md(i.text), i.focus ? " *(focus)*" : ""));
        line();
    }
    line("## Cues");
    line();
    if (by_week && !r.cues.empty()) {
        line("Each row is a week: the days done of those scheduled, and the trail strength at its "
             "end. ▸ a new step, ◆ a session.");
        line();
    }
    if (r.cues_begin_later)
        line("No cues in this period: yours began after it.\n");
    else if (r.cues.empty())
        line("No cues in this period yet.\n");
    for (std::size_t index = 0; index < r.cues.size(); ++index) {
        const auto& c = r.cues[index];
        line(fmt::format("### #{} {}: {}", c.cue.id, md(trigger_phrase(c.cue)),
                         md(c.cue.behavior_on(r.period.to))));
        line();
        if (by_week) out += long_calendar_markdown(r, c, cfg.week_starts);
        std::string head = "|", rule = "|", row = "|";
        for (const auto& [day, mark] : c.calendar) {
            head += fmt::format(" {} {} |", weekday_two(day),
                                static_cast<unsigned>(std::chrono::year_month_day{day}.day()));
            rule += "---|";
            row += fmt::format(" {} |",
                               mark == DayMark::future ? std::string_view("") : mark_symbol(mark));
        }
        if (!by_week) {
            line(head);
            line(rule);
            line(row);
        }
        line();
        line("- " + (by_week && c.per ? per_weeks_line(c) : done_line(c)));
        if (auto s = amounts_line(c); !s.empty()) line("- " + s);
        if (auto s = comeback_line(c); !s.empty()) line("- " + s);
        line("- " + strength_line(c));
        for (const auto& s : c.steps_changed)
            line("- " + md(step_change_words(s)) + (s.step.note ? ": " + md(*s.step.note) : ""));
        if (auto s = mood_pair(c); !s.empty() && !by_week) line("- " + s);
        if (by_week) line("- " + mood_link_words(mood_link_of(r, index)));
        if (c.phase)
            line(
                fmt::format("- week {}, {}: {}", c.week, md(c.phase->name), md(c.phase->guidance)));
        if (c.cue.archived_on)
            line("- " + md(advice(c, cfg)));
        else
            line(fmt::format("- **{}**: {}", review::to_string(c.suggestion), md(advice(c, cfg))));
        line();
    }
    if (!r.cues.empty()) {
        line("Marks: " + md(legend(r)));
        line();
    }
    line("## Mood and energy");
    line();
    line(fmt::format("- mood `{}` {}", sparkline(r.mood, r.period), stats_summary(r.mood)));
    line(fmt::format("- energy `{}` {}", sparkline(r.energy, r.period), stats_summary(r.energy)));
    line();
    if (by_week) {
        const auto& lv = long_of(r);
        line("| Week of | Mood | Energy |");
        line("|---|---:|---:|");
        for (std::size_t i = 0; i < lv.weeks.size(); ++i)
            line(fmt::format("| {} | {} | {} |", week_label(lv.weeks[i].from),
                             one_decimal(lv.mood[i].average), one_decimal(lv.energy[i].average)));
        line();
    }
    if (by_week && !r.sessions.empty()) {
        line("## Sessions");
        line();
        for (const auto& s : r.sessions)
            line(fmt::format("- ◆ {}{}", format_day(s.day), s.note ? ": " + md(*s.note) : ""));
        line();
    }
    auto notes = [&](std::string_view title, const std::vector<review::Note>& list) {
        if (list.empty()) return;
        line(fmt::format("## {}", title));
        line();
        for (const auto& n : list)
            line(fmt::format("- {}: {}{}", format_day(n.day), md(n.text),
                             n.cue_id ? fmt::format(" (cue #{})", *n.cue_id) : ""));
        line();
    };
    notes("Wins", r.wins);
    notes("Obstacles", r.obstacles);
    if (!r.rating_notes.empty()) {
        line("## Notes with your ratings");
        line();
        for (const auto& n : r.rating_notes)
            line(fmt::format("- {}: {}", format_day(n.day), md(rating_note_words(n))));
        line();
    }
    if (auto s = phase_line(r); !s.empty()) {
        line("## Where you are");
        line();
        line(s);
        line();
    }
    if (!r.prompts.empty()) {
        line("## For the week ahead");
        line();
        for (const auto& pr : r.prompts)
            line(fmt::format("- {} (`{}`)", md(pr.text), pr.id));
        line();
    }
    line("*Adjust the step size, not the direction.*");
    return out;
}

std::string review_document(const review::Report& r, const config::Config& cfg,
                            std::string_view format, const Paint& p) {
    if (format == "json") return review_json_text(r, cfg);
    if (format == "markdown") return review_markdown(r, cfg);
    if (format == "html") return review_html(r, cfg);
    return review_text(r, cfg, p);
}

} // namespace kint::render
