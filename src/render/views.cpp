#include "kint/render/measure.hpp"
#include "kint/render/render.hpp"

#include <cmath>
#include <fmt/format.h>

namespace kint::render {

std::string Paint::wrap(std::string_view code, std::string_view s) const {
    if (!m_on) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

json::Value to_json(const Intention& i) {
    return json::object()
        .set("id", i.id)
        .set("text", i.text)
        .set("group", i.group)
        .set("catalogue_id", i.catalogue_id)
        .set("created", format_day(i.created))
        .set("archived", i.archived)
        .set("focus", i.focus);
}

namespace {
// "target", "unit" and "at_most" of a step or a cue: null, null and false when not measured.
json::Value& set_measure(json::Value& v, const std::optional<Measure>& m) {
    return v.set("target", m ? json::Value(m->target) : json::Value())
        .set("unit", m ? json::Value(m->unit) : json::Value())
        .set("at_most", m && m->at_most);
}

json::Value per_json(const std::optional<Per>& per) {
    return per ? json::Value(format_per(*per)) : json::Value();
}

json::Value clock_json(const std::optional<Minutes>& at) {
    return at ? json::Value(format_clock(*at)) : json::Value();
}
} // namespace

json::Value to_json(const Step& s) {
    auto v = json::object()
                 .set("day", format_day(s.day))
                 .set("behavior", s.behavior)
                 .set("note", s.note);
    set_measure(v, s.measure);
    return v;
}

json::Value cue_head_json(const Cue& c) {
    auto v = json::object()
                 .set("id", c.id)
                 .set("intention_id", c.intention_id)
                 .set("kind", to_string(c.kind))
                 .set("trigger", c.trigger)
                 .set("behavior", c.behavior())
                 .set("at", clock_json(c.at))
                 .set("days", c.days.to_string())
                 .set("per", per_json(c.per));
    set_measure(v, c.measure());
    v.set("created", format_day(c.created));
    return v;
}

json::Value to_json(const Plan& p) {
    return json::object()
        .set("until", format_day(p.until))
        .set("kind", to_string(p.kind))
        .set("trigger", p.trigger)
        .set("at", clock_json(p.at))
        .set("days", p.days.to_string())
        .set("per", per_json(p.per));
}

json::Value plans_json(const Cue& c) {
    auto plans = json::array();
    for (const auto& p : c.plans)
        plans.push(to_json(p));
    return plans;
}

json::Value steps_json(const Cue& c) {
    auto steps = json::array();
    for (const auto& s : c.steps)
        steps.push(to_json(s));
    return steps;
}

json::Value to_json(const Cue& c, const config::HabitPhase* phase, int week) {
    auto pauses = json::array();
    for (const auto& p : c.pauses) {
        json::Value until;
        if (p.until) until = format_day(*p.until);
        pauses.push(json::object().set("from", format_day(p.from)).set("until", until));
    }
    json::Value phase_json;
    if (phase)
        phase_json = json::object()
                         .set("key", phase->key)
                         .set("name", phase->name)
                         .set("week", week)
                         .set("guidance", phase->guidance);
    return cue_head_json(c)
        .set("status", to_string(c.status))
        .set("steps", steps_json(c))
        .set("plans", plans_json(c))
        .set("pauses", std::move(pauses))
        .set("phase", std::move(phase_json));
}

json::Value to_json(const LogEntry& e) {
    return json::object()
        .set("cue_id", e.cue_id)
        .set("day", format_day(e.day))
        .set("status", to_string(e.status))
        .set("note", e.note)
        .set("amount", e.amount);
}

json::Value to_json(const Rating& r) {
    return json::object()
        .set("day", format_day(r.day))
        .set("kind", to_string(r.kind))
        .set("value", r.value)
        .set("note", r.note);
}

json::Value to_json(const JournalEntry& e) {
    auto tags = json::array();
    for (const auto& t : e.tags)
        tags.push(t);
    return json::object()
        .set("id", e.id)
        .set("day", format_day(e.day))
        .set("text", e.text)
        .set("tags", std::move(tags))
        .set("kind", e.kind)
        .set("prompt", e.prompt);
}

json::Value to_json(const Session& s) {
    return json::object().set("id", s.id).set("day", format_day(s.day)).set("note", s.note);
}

json::Value to_json(const config::Prompt& p) {
    return json::object().set("id", p.id).set("text", p.text);
}

json::Value catalogue_json(const std::vector<config::CatalogueGroup>& groups) {
    auto out = json::array();
    for (const auto& g : groups) {
        auto items = json::array();
        for (const auto& item : g.items)
            items.push(json::object().set("id", item.id).set("text", item.text));
        out.push(json::object()
                     .set("key", g.key)
                     .set("name", g.name)
                     .set("condition", g.condition)
                     .set("items", std::move(items)));
    }
    return out;
}

json::Value phase_json(const std::optional<phases::TimelinePosition>& position) {
    if (!position) return {};
    auto guidance = json::array();
    auto safety = json::array();
    std::string name = "Beyond the first two weeks", key = "general";
    if (const auto* p = position->phase) {
        name = p->name;
        key = p->key;
        for (const auto& g : p->guidance)
            guidance.push(g);
        for (const auto& s : p->safety)
            safety.push(s);
    }
    return json::object()
        .set("name", name)
        .set("key", key)
        .set("day", position->day)
        .set("session", format_day(position->session))
        .set("guidance", std::move(guidance))
        .set("safety", std::move(safety));
}

json::Value safety_json(const safety::Verdict& v, const config::Safety& rule) {
    auto days = json::array();
    for (const auto& d : v.days)
        days.push(format_day(d));
    return json::object()
        .set("triggered", v.triggered)
        .set("days", std::move(days))
        .set("message", rule.message)
        .set("contact", rule.contact);
}

std::string safety_text(const safety::Verdict& v, const config::Safety& rule, const Paint& p) {
    if (!v.triggered) return {};
    std::string out = fmt::format("{}\n{}\n", p.bold(safety::reason(v, rule)), rule.message);
    if (!rule.contact.empty()) out += fmt::format("Contact: {}\n", p.bold(rule.contact));
    return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string words_and(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
    return out;
}

std::string strength_change(double delta) {
    const auto points = static_cast<long>(std::lround(std::abs(delta) * 100));
    if (points == 0) return "no change";
    return fmt::format("{}{}", delta > 0 ? "+" : "−",
                       plural(static_cast<std::size_t>(points), "point", "points"));
}

std::string trigger_phrase(CueKind kind, const std::string& trigger) {
    return cue_phrase(kind, trigger);
}

std::string trigger_phrase(const Cue& c) {
    return trigger_phrase(c.kind, c.trigger);
}

std::string schedule_text(CueKind kind, const Schedule& days, const std::optional<Per>& per) {
    if (kind == CueKind::if_) return "when it comes up";
    if (per)
        return per->week
                   ? fmt::format("{} a week",
                                 plural(static_cast<std::size_t>(per->times), "time", "times"))
                   : fmt::format("{} in any {} days",
                                 plural(static_cast<std::size_t>(per->times), "time", "times"),
                                 per->days);
    if (days.is_daily()) return "every day";
    return days.to_string();
}

std::string intention_line(const Intention& i, const Paint& p) {
    std::string marks;
    if (i.focus) marks += "  " + p.green("● focus");
    if (i.archived) marks += "  " + p.dim("(archived)");
    std::string group = i.catalogue_id ? *i.catalogue_id : i.group.value_or("");
    if (!group.empty()) group = "  " + p.dim(group);
    return fmt::format("{:>4}  {}{}{}", fmt::format("#{}", i.id), i.text, group, marks);
}

std::string cue_line(const Cue& c, const config::HabitPhase* phase, int week, const Paint& p) {
    std::string when = c.at ? format_clock(*c.at) + " " : "";
    when += c.kind == CueKind::if_ ? "when it comes up"
            : c.per                ? format_per(*c.per)
                                   : c.days.to_string();
    if (c.measure()) when += " · " + target_text(*c.measure());
    std::string status;
    if (c.status != CueStatus::active) status = "  " + p.yellow(std::string(to_string(c.status)));
    std::string phase_text;
    if (phase && c.status == CueStatus::active)
        phase_text = "  " + p.dim(fmt::format("week {} · {}", week, phase->name));
    return fmt::format("{:>4}  {} → {}  {}{}{}", fmt::format("#{}", c.id), trigger_phrase(c),
                       p.bold(c.behavior()), p.cyan(when), status, phase_text);
}

} // namespace kint::render
