// kint report: the handout for a session with a therapist or coach (SPEC §7.4), in markdown, JSON
// and printable HTML. Every text from the store or the config is sanitized (no control character
// reaches the output) and, in HTML, escaped; in markdown, escaped as markup.
#include "kint/render/report.hpp"

#include "html_style.hpp"
#include "markdown_text.hpp"
#include "review_parts.hpp"

#include "kint/core/text.hpp"
#include "kint/render/render.hpp"
#include "kint/render/review_render.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <map>

namespace kint::render {

namespace {

template <typename... Args>
void put(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

// Stored text, made safe for each format.
std::string esc(std::string_view s) {
    return html_escape(text::sanitize(s));
}
std::string mdt(std::string_view s) {
    return md(text::sanitize(s));
}

std::string percent(const std::optional<double>& v) {
    return v ? fmt::format("{:.0f}%", *v * 100.0) : std::string("n/a");
}

safety::Verdict window_verdict(const std::vector<Day>& days) {
    return {.triggered = true, .days = days};
}

// "Mood 3 or lower on 3 days within 5 days": the rule, so a reader knows what was looked for.
std::string rule_words(const config::Safety& rule) {
    return fmt::format("mood {} or lower on {} within {}", rule.low_mood_max,
                       plural(static_cast<std::size_t>(rule.low_mood_days), "day", "days"),
                       plural(static_cast<std::size_t>(rule.low_mood_window), "day", "days"));
}

std::string span_words(const app::ReportResult& r) {
    std::string out =
        fmt::format("{} to {} ({})", format_day(r.period.from), format_day(r.period.to),
                    plural(static_cast<std::size_t>(r.period.length()), "day", "days"));
    if (r.from_session) out += ", from your last session";
    return out;
}

// The prompt an entry answered, in the config's words (its id when the config no longer has it).
std::optional<std::string> prompt_text(const JournalEntry& e, const config::Config& cfg) {
    if (!e.prompt) return std::nullopt;
    if (const auto* p = cfg.find_prompt(*e.prompt)) return p->text;
    return *e.prompt;
}

std::string cue_title(const review::CueReport& c, Day to) {
    return fmt::format("{} → {}", trigger_phrase(c.cue), c.cue.behavior_on(to));
}

std::string strength_words(const review::CueReport& c) {
    if (!c.previous_strength)
        return fmt::format("trail strength {} now (placed in this span)", percent(c.strength));
    return fmt::format("trail strength {} now, {} as the span began ({})", percent(c.strength),
                       percent(c.previous_strength),
                       strength_change(c.strength - *c.previous_strength));
}

std::string step_words(const Step& s) {
    std::string out = s.behavior;
    if (s.measure)
        out += fmt::format(" ({}{})", s.measure->at_most ? "at most " : "",
                           with_unit(s.measure->target, *s.measure));
    return out;
}

std::string side_words(const long_view::Comparison& c, std::string_view what) {
    std::string out = fmt::format("{}: {} on done days ({}), {} on other days ({})", what,
                                  c.done_mean ? fmt::format("{:.1f}", *c.done_mean) : "–",
                                  plural(static_cast<std::size_t>(c.done_days), "day", "days"),
                                  c.other_mean ? fmt::format("{:.1f}", *c.other_mean) : "–",
                                  plural(static_cast<std::size_t>(c.other_days), "day", "days"));
    if (c.difference && c.low && c.high)
        out += fmt::format(", a difference of {:+.1f} (95% interval {:+.1f} to {:+.1f})",
                           *c.difference, *c.low, *c.high);
    return out;
}

} // namespace

std::string mood_link_text(const long_view::MoodLink& link) {
    const auto& s = link.same_day;
    if (!link.enough)
        return fmt::format(
            "Not enough days yet to set mood beside this cue: {} and {} with a "
            "mood rating; {} of each are needed.",
            plural(static_cast<std::size_t>(s.done_days), "done day", "done days"),
            plural(static_cast<std::size_t>(s.other_days), "other day", "other days"),
            long_view::enough_days);
    return fmt::format("Mood {}; {}. They go together; this does not say one causes the other.",
                       side_words(s, "on the day"), side_words(link.next_day, "the day after"));
}

namespace {

// The handout's JSON document, member by member (as the review's: no document is built first).
void write_report_json(json::Writer& w, const app::ReportResult& r, const config::Config& cfg) {
    const auto none = std::optional<double>();
    w.open_object();
    w.key("period");
    w.open_object();
    w.member("from", format_day(r.period.from));
    w.member("to", format_day(r.period.to));
    w.close();
    // The verdict as every document has it, with each safety window of the span.
    auto safety = safety_json(r.safety, cfg.safety);
    auto windows = json::array();
    for (const auto& window : r.safety_windows) {
        auto days = json::array();
        for (const auto d : window)
            days.push(format_day(d));
        windows.push(json::object()
                         .set("from", format_day(window.front()))
                         .set("to", format_day(window.back()))
                         .set("days", std::move(days))
                         .set("text", safety::reason(window_verdict(window), cfg.safety)));
    }
    safety.set("windows", std::move(windows));
    w.member("safety", safety);
    w.key("intentions");
    w.open_array();
    for (const auto& i : r.intentions)
        w.value(to_json(i));
    w.close();
    w.key("cues");
    w.open_array();
    for (const auto& rc : r.cues) {
        const auto& c = rc.figures;
        w.open_object();
        write_cue_names(w, c, r.period.to);
        write_measure(w, c);
        w.member("amount_total", c.measure ? std::optional<double>(c.amount_total) : none);
        write_day_counts(w, c);
        w.member("consistency", c.consistency);
        w.member("comebacks", c.comebacks);
        w.member("strength", c.strength);
        w.member("strength_at_start", c.previous_strength);
        write_steps_changed(w, c);
        w.member("mood_link", mood_link_json(rc.mood_link));
        w.close();
    }
    w.close();
    w.key("ratings");
    w.open_array();
    for (const auto& x : r.ratings)
        w.value(to_json(x));
    w.close();
    w.key("journal");
    w.open_array();
    for (const auto& e : r.journal)
        w.value(to_json(e).set("prompt_text", prompt_text(e, cfg)));
    w.close();
    w.key("sessions");
    w.open_array();
    for (const auto& s : r.sessions)
        w.value(to_json(s));
    w.close();
    w.close();
}

std::string report_json_text(const app::ReportResult& r, const config::Config& cfg) {
    std::string out;
    json::Writer w(out);
    write_report_json(w, r, cfg);
    out += '\n';
    return out;
}

} // namespace

json::Value report_json(const app::ReportResult& r, const config::Config& cfg) {
    return json::parse(report_json_text(r, cfg));
}

std::string report_markdown(const app::ReportResult& r, const config::Config& cfg) {
    std::string out;
    auto line = [&](std::string_view s = {}) {
        out += s;
        out += '\n';
    };
    const auto& rule = cfg.safety;
    // Every safety window first, before the title, worded as the review words its note.
    if (!r.safety_windows.empty()) {
        for (const auto& w : r.safety_windows)
            line("> **Safety note.** " + safety::reason(window_verdict(w), rule));
        line(">");
        std::string_view message = rule.message;
        for (std::size_t nl; (nl = message.find('\n')) != std::string_view::npos;
             message.remove_prefix(nl + 1))
            line(fmt::format("> {}", mdt(message.substr(0, nl))));
        line(fmt::format("> {}", mdt(message)));
        if (!rule.contact.empty()) {
            line(">");
            line("> Contact: **" + mdt(rule.contact) + "**");
        }
        line();
    }
    line("# kint report: " + span_words(r));
    line();
    if (r.safety_windows.empty()) {
        line(fmt::format("No low stretch in this span ({}).", rule_words(rule)));
        line();
    }

    line("## Intentions");
    line();
    if (r.intentions.empty()) line("None in this span.");
    for (const auto& i : r.intentions)
        line(fmt::format("- {}{}", mdt(i.text), i.focus ? " *(focus)*" : ""));
    line();

    line("## Cues");
    line();
    if (r.cues.empty()) line("No cues in this span.\n");
    for (const auto& rc : r.cues) {
        const auto& c = rc.figures;
        line(fmt::format("### #{} {}", c.cue.id, mdt(cue_title(c, r.period.to))));
        line();
        line("- " + mdt(figures_line(c)));
        line("- " + strength_words(c));
        line("- " + mdt(mood_link_text(rc.mood_link)));
        for (const auto& s : c.steps_changed)
            line(fmt::format("- step changed on {}: {} (before: {}){}", format_day(s.step.day),
                             mdt(step_words(s.step)), mdt(s.before),
                             s.step.note ? ": " + mdt(*s.step.note) : ""));
        line();
    }

    line("## Ratings");
    line();
    if (r.ratings.empty()) line("No ratings in this span.");
    for (const auto& x : r.ratings)
        line(fmt::format("- {} {} {}{}", format_day(x.day), to_string(x.kind), x.value,
                         x.note ? ": " + mdt(*x.note) : ""));
    line();

    line("## Journal");
    line();
    if (r.journal.empty()) line("No journal entries in this span.");
    for (const auto& e : r.journal) {
        std::string tags;
        for (const auto& t : e.tags)
            tags += (tags.empty() ? " (" : ", ") + mdt(t);
        if (!tags.empty()) tags += ")";
        line(fmt::format("- {}{}: {}", format_day(e.day), tags, mdt(e.text)));
        if (const auto p = prompt_text(e, cfg)) line("  *Answering: " + mdt(*p) + "*");
    }
    line();

    line("## Sessions");
    line();
    if (r.sessions.empty()) line("No sessions in this span.");
    for (const auto& s : r.sessions)
        line(fmt::format("- {}{}", format_day(s.day), s.note ? ": " + mdt(*s.note) : ""));
    line();
    line("*Adjust the step size, not the direction.*");
    return out;
}

namespace {

// What the report adds to the review's style sheet: entries as small cards, kept whole in print.
constexpr std::string_view report_style = R"css(
.entries{list-style:none;padding:0;margin:0}
.card.entry{padding:.55rem .9rem;margin:0 0 .5rem}
.entry time{display:block;color:var(--muted);font-size:.82rem}
.entry .text{white-space:pre-line;margin:0}
.entry .answering{color:var(--muted);font-size:.9rem;margin:.1rem 0 .2rem}
.entry .tags{color:var(--muted);font-size:.82rem}
.entry .value{font-weight:650}
.entry.rating time{display:inline;margin-right:.5rem}
.cue .link{font-size:.92rem;margin:.6rem 0 0}
.steps{margin:.5rem 0 0}
.none{color:var(--muted)}
.safety .window{margin:.2rem 0}
)css";

std::string time_tag(Day d) {
    return fmt::format(R"(<time datetime="{0}">{0}</time>)", format_day(d));
}

void section_open(std::string& out, std::string_view id, std::string_view title) {
    put(out, R"(<section aria-labelledby="{0}-title"><h2 id="{0}-title">{1}</h2>)", id, title);
}

void safety_html(std::string& out, const app::ReportResult& r, const config::Config& cfg) {
    const auto& rule = cfg.safety;
    if (r.safety_windows.empty()) {
        put(out, R"(<p class="card none" id="safety">No low stretch in this span ({}).</p>)",
            esc(rule_words(rule)));
        return;
    }
    out += R"(<aside class="safety" id="safety" role="note" aria-labelledby="safety-title">)";
    out += R"(<h2 id="safety-title">A note first</h2>)";
    for (const auto& w : r.safety_windows)
        put(out, R"(<p class="window">{}</p>)", esc(safety::reason(window_verdict(w), rule)));
    if (!rule.message.empty()) put(out, R"(<p class="message">{}</p>)", esc(rule.message));
    if (!rule.contact.empty())
        put(out, R"(<p class="contact">Contact: <strong>{}</strong></p>)", esc(rule.contact));
    out += "</aside>\n";
}

void cue_html(std::string& out, const app::ReportCue& rc, const app::ReportResult& r) {
    const auto& c = rc.figures;
    put(out, R"(<article class="card cue" data-cue="{}">)", c.cue.id);
    put(out, R"(<p class="trigger">{}</p>)", esc(trigger_phrase(c.cue)));
    put(out, "<h3>{}</h3>", esc(c.cue.behavior_on(r.period.to)));
    put(out, R"(<p class="meta">cue #{} · {}</p>)", c.cue.id,
        esc(c.situation ? std::string("when it comes up")
            : c.per     ? format_per(*c.per)
                        : c.cue.days.to_string()));
    out += R"(<dl class="figures">)";
    // The review's words for the days; consistency has its own figure beside them.
    std::string days = figures_line(c);
    if (const auto cut = days.find(" · consistency "); cut != std::string::npos) days.resize(cut);
    put(out, R"(<div class="wide"><dt>Days</dt><dd>{}</dd></div>)", esc(days));
    put(out, "<div><dt>Consistency</dt><dd><b>{}</b></dd></div>", percent(c.consistency));
    put(out, "<div><dt>Comebacks</dt><dd><b>{}</b></dd></div>", c.comebacks);
    if (c.previous_strength) {
        put(out, "<div><dt>Strength now</dt><dd><b>{}</b><small>{}</small></dd></div>",
            percent(c.strength), strength_change(c.strength - *c.previous_strength));
        put(out, "<div><dt>At the start</dt><dd><b>{}</b></dd></div>",
            percent(c.previous_strength));
    } else {
        put(out,
            "<div><dt>Strength now</dt><dd><b>{}</b><small>placed in this span</small></dd></div>",
            percent(c.strength));
    }
    out += "</dl>";
    put(out, R"(<p class="link">{}</p>)", esc(mood_link_text(rc.mood_link)));
    if (!c.steps_changed.empty()) {
        out += R"(<ul class="steps">)";
        for (const auto& s : c.steps_changed) {
            put(out, "<li>{}: step changed to <strong>{}</strong> <small>(before: {})</small>",
                time_tag(s.step.day), esc(step_words(s.step)), esc(s.before));
            if (s.step.note) put(out, R"( <span class="muted">{}</span>)", esc(*s.step.note));
            out += "</li>";
        }
        out += "</ul>";
    }
    out += "</article>\n";
}

} // namespace

std::string report_html(const app::ReportResult& r, const config::Config& cfg) {
    std::string out;
    out.reserve(32 * 1024);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"color-scheme\" content=\"light dark\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n";
    put(out, "<title>kint report · {} to {}</title>\n", format_day(r.period.from),
        format_day(r.period.to));
    put(out, "<style>{}{}</style>\n</head>\n<body>\n<main>\n", style_sheet, report_style);
    safety_html(out, r, cfg);
    put(out,
        "<header><p class=\"kicker\">kint</p><h1>For your session</h1><p "
        "class=\"period\">{}</p></header>\n",
        esc(span_words(r)));

    section_open(out, "intentions", "Intentions");
    if (r.intentions.empty())
        out += R"(<p class="none">None in this span.</p>)";
    else {
        out += R"(<ul class="intentions">)";
        for (const auto& i : r.intentions)
            put(out, R"(<li{}>{}{}</li>)", i.focus ? R"( class="focus")" : "", esc(i.text),
                i.focus ? R"(<span class="tag">focus</span>)" : "");
        out += "</ul>";
    }
    out += "</section>\n";

    section_open(out, "cues", "Cues");
    if (r.cues.empty()) out += R"(<p class="none">No cues in this span.</p>)";
    for (const auto& rc : r.cues)
        cue_html(out, rc, r);
    out += "</section>\n";

    section_open(out, "ratings", "Ratings");
    if (r.ratings.empty())
        out += R"(<p class="none">No ratings in this span.</p>)";
    else {
        // One small card per day: its mood and energy side by side, then their notes.
        out += R"(<ul class="entries">)";
        for (std::size_t i = 0; i < r.ratings.size();) {
            const Day day = r.ratings[i].day;
            std::string values, notes;
            for (; i < r.ratings.size() && r.ratings[i].day == day; ++i) {
                const auto& x = r.ratings[i];
                put(values, R"({}<span class="value">{} {}</span>)", values.empty() ? "" : " · ",
                    to_string(x.kind), x.value);
                if (x.note) put(notes, R"(<p class="text">{}</p>)", esc(*x.note));
            }
            put(out, R"(<li class="card entry rating">{} {}{}</li>)", time_tag(day), values, notes);
        }
        out += "</ul>";
    }
    out += "</section>\n";

    section_open(out, "journal", "Journal");
    if (r.journal.empty())
        out += R"(<p class="none">No journal entries in this span.</p>)";
    else {
        out += R"(<ul class="entries">)";
        for (const auto& e : r.journal) {
            put(out, R"(<li class="card entry">{})", time_tag(e.day));
            if (const auto p = prompt_text(e, cfg))
                put(out, R"(<p class="answering">Answering: {}</p>)", esc(*p));
            put(out, R"(<p class="text">{}</p>)", esc(e.text));
            if (!e.tags.empty()) {
                std::string tags;
                for (const auto& t : e.tags)
                    tags += (tags.empty() ? "" : ", ") + esc(t);
                put(out, R"(<span class="tags">tags: {}</span>)", tags);
            }
            out += "</li>";
        }
        out += "</ul>";
    }
    out += "</section>\n";

    section_open(out, "sessions", "Sessions");
    if (r.sessions.empty())
        out += R"(<p class="none">No sessions in this span.</p>)";
    else {
        out += R"(<ul class="entries">)";
        for (const auto& s : r.sessions) {
            put(out, R"(<li class="card entry">{})", time_tag(s.day));
            if (s.note) put(out, R"(<p class="text">{}</p>)", esc(*s.note));
            out += "</li>";
        }
        out += "</ul>";
    }
    out += "</section>\n";
    out += "<footer><p>Adjust the step size, not the "
           "direction.</p></footer>\n</main>\n</body>\n</html>\n";
    return out;
}

std::string report_document(const app::ReportResult& r, const config::Config& cfg,
                            std::string_view format) {
    if (format == "json") return report_json_text(r, cfg);
    if (format == "html") return report_html(r, cfg);
    return report_markdown(r, cfg);
}

} // namespace kint::render
