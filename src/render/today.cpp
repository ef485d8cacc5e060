#include "kint/render/today.hpp"

#include "kint/render/measure.hpp"

#include <fmt/format.h>

namespace kint::render {

namespace {

// A cue of the day: `status` is the day's log status (done, skip, slip or pending). The cue's own
// status is left out, as a second "status" key would be: a scheduled cue is always active.
json::Value to_json(const app::TodayCue& c) {
    return cue_head_json(c.cue)
        .set("steps", steps_json(c.cue))
        .set("done", c.status == LogStatus::done)
        .set("status", c.status ? std::string(to_string(*c.status)) : std::string("pending"))
        .set("due", c.due)
        .set("amount", c.amount)
        .set("remaining", c.remaining)
        .set("resumed", c.resumed);
}

// What is still open of a --per cue's target: "1 more this week", "2 more in 7 days".
std::string remaining_text(const Per& per, int remaining) {
    const auto span = per.week ? std::string("this week") : fmt::format("in {} days", per.days);
    if (remaining == 0)
        return per.week ? "done for this week" : fmt::format("done for these {} days", per.days);
    return fmt::format("{} more {}", remaining, span);
}

// The words after a cue's behavior: its target and today's amount, what its period still asks.
std::string cue_notes(const app::TodayCue& c) {
    std::vector<std::string> notes;
    if (const auto& m = c.cue.measure())
        notes.push_back(c.amount ? amount_of_target(*c.amount, *m) : target_text(*m));
    if (c.cue.per && c.remaining) notes.push_back(remaining_text(*c.cue.per, *c.remaining));
    if (c.resumed && !c.status) notes.push_back("resumed today: today counts once you log it");
    std::string out;
    for (const auto& n : notes)
        out += (out.empty() ? "" : " · ") + n;
    return out;
}

json::Value check_in_json(const std::optional<safety::CheckIn>& c) {
    if (!c) return {};
    return json::object().set("last_day", format_day(c->last_day)).set("last_value", c->last_value);
}

// One gentle line, never an alarm: the last rating, its day and how to rate.
std::string check_in_text(const safety::CheckIn& c) {
    return fmt::format(
        "Your last mood rating was {}, on {}. When you feel like it: kint rate 0-10.", c.last_value,
        format_long_day(c.last_day));
}

} // namespace

json::Value to_json(const app::TodayView& v) {
    auto cues = json::array();
    for (const auto& c : v.cues)
        cues.push(to_json(c));
    auto prompts = json::array();
    for (const auto& p : v.prompts)
        prompts.push(to_json(p));
    json::Value focus;
    if (v.focus) focus = to_json(*v.focus);
    json::Value mood, energy;
    if (v.mood) mood = v.mood->value;
    if (v.energy) energy = v.energy->value;
    return json::object()
        .set("safety", safety_json(v.safety, v.safety_rule))
        .set("day", format_day(v.day))
        .set("focus", std::move(focus))
        .set("cues", std::move(cues))
        .set("mood", std::move(mood))
        .set("energy", std::move(energy))
        .set("phase", phase_json(v.phase))
        .set("prompts", std::move(prompts))
        .set("check_in", check_in_json(v.check_in));
}

std::string to_text(const app::TodayView& v, const Paint& paint) {
    std::string out;
    const std::string safety = safety_text(v.safety, v.safety_rule, paint);
    if (!safety.empty()) out += safety + "\n";
    if (v.check_in) out += check_in_text(*v.check_in) + "\n";

    out += paint.bold(format_long_day(v.day)) + "\n";
    if (v.focus)
        out += fmt::format("{}  {}\n", paint.dim("focus"), paint.bold(v.focus->text));
    else if (v.has_intentions)
        out += fmt::format("{}  {}\n", paint.dim("focus"),
                           "none: choose one with 'kint intent focus ID' ('kint intent list' "
                           "shows them)");
    else
        out +=
            fmt::format("{}  {}\n", paint.dim("focus"),
                        "none yet: choose one with 'kint intent catalogue' or 'kint intent add'");

    out += "\n";
    if (v.cues.empty())
        out += fmt::format(
            "No cues scheduled today.{}\n",
            v.focus || v.has_intentions ? "" : " Start small: 'kint start' walks you through it.");
    std::size_t done = 0, due = 0;
    std::optional<Id> open; // the first due cue with no entry yet
    for (const auto& c : v.cues) {
        std::string mark = paint.dim(c.due ? "○" : "·");
        if (c.status == LogStatus::done) mark = paint.green("✓");
        if (c.status == LogStatus::skip) mark = paint.dim("–");
        if (c.status == LogStatus::slip) mark = paint.yellow("~");
        if (c.due) ++due, done += c.status == LogStatus::done ? 1 : 0;
        if (c.due && !c.status && !open) open = c.cue.id;
        const std::string at = c.cue.at ? format_clock(*c.cue.at) : "     ";
        const std::string id = paint.dim(fmt::format("#{}", c.cue.id));
        if (c.cue.kind == CueKind::if_) { // a situation: never due, logged when it comes up
            out += fmt::format("  {}  {} {}: {}{}  {}\n", paint.cyan(at), mark,
                               trigger_phrase(c.cue), c.cue.behavior(),
                               c.status ? "" : paint.dim(" — log when it comes up"), id);
            continue;
        }
        const auto notes = cue_notes(c);
        out += fmt::format("  {}  {} {}  {}  {}{}\n", paint.cyan(at), mark, c.cue.behavior(),
                           paint.dim(trigger_phrase(c.cue)), id,
                           notes.empty() ? "" : "  " + paint.dim(notes));
    }
    if (done < due && open)
        out += fmt::format("  {}\n", paint.dim(fmt::format("log one with: kint log {}", *open)));

    out += fmt::format("\n{}  {}   {}  {}\n", paint.dim("mood"),
                       v.mood ? fmt::format("{}/10", v.mood->value) : "not rated yet",
                       paint.dim("energy"),
                       v.energy ? fmt::format("{}/10", v.energy->value) : "not rated yet");
    if (!v.mood) out += paint.dim("rate it: kint rate 0-10 [--energy 0-10]") + "\n";

    out += "\n";
    if (v.phase && v.phase->phase) {
        const auto& p = *v.phase->phase;
        out += fmt::format("{} {}\n", paint.bold(p.name),
                           paint.dim(fmt::format("· day {} after your session on {}", v.phase->day,
                                                 format_day(v.phase->session))));
        if (!p.purpose.empty()) out += p.purpose + "\n";
        for (const auto& s : p.safety)
            out += fmt::format("  ! {}\n", s);
        for (const auto& g : p.guidance)
            out += fmt::format("  - {}\n", g);
    } else if (v.phase) {
        out += paint.dim(fmt::format("day {} after your session on {}: keep the steps small and "
                                     "repeatable",
                                     v.phase->day, format_day(v.phase->session))) +
               "\n";
    } else if (!v.no_session.empty()) {
        out += paint.dim(v.no_session) + "\n";
    }

    for (const auto& p : v.prompts)
        out += fmt::format(
            "\n{}  {}\n{}\n", paint.magenta("prompt"), p.text,
            paint.dim(fmt::format("answer: kint journal add --prompt {} \"...\"", p.id)));
    return out;
}

} // namespace kint::render
