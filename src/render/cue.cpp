#include "kint/render/cue.hpp"

#include <fmt/format.h>

namespace kint::render {

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
    std::string out = fmt::format("Placed cue #{}: {}, {}.\nLog it when done: kint log {}\n", c.id,
                                  trigger_phrase(c), p.bold(c.behavior()), c.id);
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
        out += fmt::format("        {}  {}{}\n", p.dim(format_day(s.day)), s.behavior,
                           s.note ? p.dim("  (" + *s.note + ")") : "");
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
    if (!r.changed)
        return fmt::format("Cue #{}'s step is already: {}. Nothing changed.\n", c.id, c.behavior());
    return fmt::format("Cue #{} step: {} → {}\nSame direction, new step size.\n", c.id, r.before,
                       c.behavior());
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
