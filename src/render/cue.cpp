#include "kint/render/cue.hpp"
#include "kint/render/measure.hpp"

#include <fmt/format.h>

namespace kint::render {

namespace {
// "after coffee, every day" / "at 07:30, mon,wed,fri" / "if anger rises, 3 times a week, 07:30"
std::string plan_text(const Plan& plan) {
    std::string out = trigger_phrase(plan.kind, plan.trigger) + ", " +
                      schedule_text(plan.kind, plan.days, plan.per);
    if (plan.at && plan.kind != CueKind::time) out += ", " + format_clock(*plan.at);
    return out;
}
} // namespace

json::Value to_json(const app::CueView& c) {
    return to_json(c.cue, c.phase, c.week);
}

std::string cue_line(const app::CueView& c, const Paint& p) {
    return cue_line(c.cue, c.phase, c.week, p);
}

json::Value to_json(const app::CueList& r) {
    auto arr = json::array();
    for (const auto& c : r.cues)
        arr.push(to_json(c));
    return arr;
}

std::string to_text(const app::CueList& r, const Paint& p) {
    if (r.cues.empty())
        return "No cues yet. Tie one tiny behavior to something you already do:\n"
               "  kint cue add --after \"I pour my coffee\" --do \"write one sentence\"\n";
    std::string out;
    for (const auto& c : r.cues)
        out += cue_line(c, p) + "\n";
    return out;
}

json::Value to_json(const app::CueAdded& r) {
    auto doc = to_json(r.cue);
    doc.set("note", r.note.empty() ? json::Value() : json::Value(r.note));
    return doc;
}

std::string to_text(const app::CueAdded& r, const Paint& p) {
    const auto& c = r.cue.cue;
    // A measured step and a count per period are said as they were meant: "walk (10 min), 3
    // times a week".
    std::string extra;
    if (c.measure()) extra += " (" + target_text(*c.measure()) + ")";
    if (c.per) extra += ", " + schedule_text(c.kind, c.days, c.per);
    std::string out = fmt::format("Placed cue #{}: {}, {}{}.\nLog it when done: kint log {}{}\n",
                                  c.id, trigger_phrase(c), p.bold(c.behavior()), extra, c.id,
                                  c.measure() ? " --amount N" : "");
    if (!r.note.empty()) out += fmt::format("\n{}\n", p.yellow(r.note));
    return out;
}

json::Value to_json(const app::CueShown& r) {
    return to_json(r.cue);
}

std::string to_text(const app::CueShown& r, const Paint& p) {
    const auto& c = r.cue.cue;
    std::string out = cue_line(r.cue, p) + "\n";
    if (r.intention) out += fmt::format("      for: {}\n", r.intention->text);
    out += fmt::format("      placed {}, {} cue\n", format_day(c.created), to_string(c.kind));
    if (r.cue.phase && c.status == CueStatus::active)
        out += fmt::format("      {}: {}\n", p.bold(r.cue.phase->name), r.cue.phase->guidance);
    out += "      steps:\n";
    for (const auto& s : c.steps)
        out += fmt::format("        {}  {}{}{}\n", p.dim(format_day(s.day)), s.behavior,
                           s.measure ? " · " + target_text(*s.measure) : "",
                           s.note ? p.dim("  (" + *s.note + ")") : "");
    // The schedule history (cue edit): each earlier plan until the day the next began.
    if (!c.plans.empty()) {
        out += "      schedule:\n";
        for (const auto& plan : c.plans)
            out += fmt::format("        {}: {}\n", p.dim("until " + format_day(plan.until)),
                               plan_text(plan));
        out += fmt::format("        {}: {}\n", p.dim("from " + format_day(c.plans.back().until)),
                           plan_text(c.plan()));
    }
    // A pause's `until` is the day it is scheduled again from: the day after a resume, unless the
    // resume day was done (app::cue_set_status). The last paused day is the one before.
    for (const auto& pause : c.pauses)
        out += fmt::format("      paused {}{}\n", format_day(pause.from),
                           pause.until ? " to " + format_day(*pause.until - std::chrono::days{1})
                           : pause.from > r.today ? " (from then on)"
                                                  : " (still paused)");
    return out;
}

json::Value to_json(const app::CueStepped& r) {
    return to_json(r.cue);
}

std::string to_text(const app::CueStepped& r, const Paint&) {
    const auto& c = r.cue.cue;
    const auto measure = [](const std::optional<Measure>& m) {
        return m ? target_text(*m) : std::string("no target");
    };
    if (!r.changed)
        return fmt::format("Cue #{}'s step is already: {}{}. Nothing changed.\n", c.id,
                           c.behavior(), c.measure() ? " (" + measure(c.measure()) + ")" : "");
    std::string out;
    if (r.before != c.behavior())
        out += fmt::format("Cue #{} step: {} → {}\n", c.id, r.before, c.behavior());
    if (r.before_measure != c.measure())
        out += fmt::format("Cue #{} target: {} → {}{}\n", c.id, measure(r.before_measure),
                           measure(c.measure()),
                           r.before == c.behavior() ? " (" + c.behavior() + ")" : "");
    return out + "Same direction, new step size.\n";
}

json::Value to_json(const app::CueEdited& r) {
    return to_json(r.cue);
}

std::string to_text(const app::CueEdited& r, const Paint& p) {
    const auto& c = r.cue.cue;
    const Plan now = c.plan();
    if (!r.changed)
        return fmt::format("Cue #{} is already so: {}. Nothing changed.\n", c.id, plan_text(now));
    const auto clock = [](const std::optional<Minutes>& at) {
        return at ? format_clock(*at) : std::string("no set time");
    };
    std::string out = fmt::format("Changed cue #{}:\n", c.id);
    const auto line = [&](std::string_view what, const std::string& was, const std::string& is) {
        if (was != is) out += fmt::format("  {}: {} → {}\n", what, was, p.bold(is));
    };
    line("cue", trigger_phrase(r.before.kind, r.before.trigger),
         trigger_phrase(now.kind, now.trigger));
    line("time", clock(r.before.at), clock(now.at));
    line("schedule", schedule_text(r.before.kind, r.before.days, r.before.per),
         schedule_text(now.kind, now.days, now.per));
    line("first day", format_day(r.before_created), format_day(c.created));
    if (r.kept_plan)
        out += "From today; earlier days keep the old schedule.\n";
    else if (!(r.before == now))
        out += "From today.\n";
    if (c.created < r.before_created)
        out += fmt::format("Days from {} can now be logged: kint log {} --day {}\n",
                           format_day(c.created), c.id, format_day(c.created));
    return out;
}

json::Value to_json(const app::CueStatusChanged& r) {
    return to_json(r.cue);
}

std::string to_text(const app::CueStatusChanged& r, const Paint&) {
    const auto& c = r.cue.cue;
    if (!r.changed) return fmt::format("Cue #{} is already {}.\n", c.id, to_string(c.status));
    switch (r.target) {
    case CueStatus::paused:
        return fmt::format("Paused cue #{}{}. Paused days are not counted; resume with "
                           "'kint cue resume {}'.\n",
                           c.id, r.from_tomorrow ? " from tomorrow: today is done and counts" : "",
                           c.id);
    case CueStatus::active:
        return fmt::format("Resumed cue #{}: {}.{}\n", c.id, c.behavior(),
                           r.from_tomorrow ? " Today counts once you log it; scheduled again "
                                             "from tomorrow."
                                           : "");
    case CueStatus::archived:
        return fmt::format("Archived cue #{}. Its history stays.\n", c.id);
    }
    return {};
}

} // namespace kint::render
