// kint today: the daily view — focus, today's cues, ratings, timeline phase, a prompt, safety.
#include "commands.hpp"
#include "common.hpp"

#include "kint/domain/phases.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/render/render.hpp"
#include "kint/domain/safety.hpp"
#include "kint/domain/trail.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

namespace {

struct TodayCue {
    Cue cue;
    std::optional<LogStatus> status;
};

struct TodayView {
    Day day;
    std::optional<Intention> focus;
    bool has_intentions = false; // active ones, looked up only when there is no focus
    std::vector<TodayCue> cues;
    std::optional<Rating> mood, energy;
    std::optional<phases::TimelinePosition> phase;
    std::vector<config::Prompt> prompts;
    safety::Verdict safety;
};

// `with_history`: the cues' step history (JSON shows it, the text does not).
TodayView build_view(Runtime& rt, bool with_history) {
    auto& store = rt.store();
    const auto& cfg = rt.config();
    TodayView v;
    v.day = rt.today();
    v.focus = store.focused_intention();
    if (!v.focus) v.has_intentions = !store.intentions(false).empty();
    const auto logs = store.logs({DayRange{v.day, v.day}, std::nullopt});
    for (auto& c : store.cues(false, /*current_step_only=*/!with_history)) {
        if (!c.scheduled_on(v.day)) continue;
        const auto days = trail::effective(logs, c.id);
        std::optional<LogStatus> status;
        if (auto it = days.find(v.day); it != days.end()) status = it->second;
        v.cues.push_back({std::move(c), status});
    }
    // Cues with a time first, by time; the rest in the order they were placed.
    std::stable_sort(v.cues.begin(), v.cues.end(), [](const TodayCue& a, const TodayCue& b) {
        return a.cue.at.value_or(24 * 60) < b.cue.at.value_or(24 * 60);
    });
    for (const auto& r : store.ratings(DayRange{v.day, v.day}))
        (r.kind == RatingKind::mood ? v.mood : v.energy) = r;
    const auto sessions = store.sessions();
    v.phase = phases::timeline_position(cfg.timeline, sessions, v.day);
    v.prompts =
        prompts::for_day(cfg.prompts, phases::phase_tag(v.phase, sessions, v.day), v.day, 1);
    v.safety = safety::check_recent(app::recent_mood(rt.store(), cfg.safety, v.day), cfg.safety, v.day);
    return v;
}

// A cue of the day: `status` is the day's log status (done, skip, slip or pending). The cue's own
// status is left out, as a second "status" key would be: a scheduled cue is always active.
json::Value to_json(const TodayCue& c) {
    const Cue& cue = c.cue;
    auto steps = json::array();
    for (const auto& s : cue.steps)
        steps.push(render::to_json(s));
    json::Value at;
    if (cue.at) at = format_clock(*cue.at);
    return json::object()
        .set("id", cue.id)
        .set("intention_id", cue.intention_id)
        .set("kind", to_string(cue.kind))
        .set("trigger", cue.trigger)
        .set("behavior", cue.behavior())
        .set("at", std::move(at))
        .set("days", cue.days.to_string())
        .set("created", format_day(cue.created))
        .set("steps", std::move(steps))
        .set("done", c.status == LogStatus::done)
        .set("status", c.status ? std::string(to_string(*c.status)) : std::string("pending"));
}

json::Value to_json(const TodayView& v, const config::Config& cfg) {
    auto cues = json::array();
    for (const auto& c : v.cues)
        cues.push(to_json(c));
    auto prompts = json::array();
    for (const auto& p : v.prompts)
        prompts.push(render::to_json(p));
    json::Value focus;
    if (v.focus) focus = render::to_json(*v.focus);
    json::Value mood, energy;
    if (v.mood) mood = v.mood->value;
    if (v.energy) energy = v.energy->value;
    return json::object()
        .set("safety", render::safety_json(v.safety, cfg.safety))
        .set("day", format_day(v.day))
        .set("focus", std::move(focus))
        .set("cues", std::move(cues))
        .set("mood", std::move(mood))
        .set("energy", std::move(energy))
        .set("phase", render::phase_json(v.phase))
        .set("prompts", std::move(prompts));
}

void print_text(Runtime& rt, const TodayView& v, const config::Config& cfg) {
    const render::Paint paint(rt.color());
    auto& out = rt.out;
    const std::string safety = render::safety_text(v.safety, cfg.safety, paint);
    if (!safety.empty()) fmt::print(out, "{}\n", safety);

    fmt::print(out, "{}\n", paint.bold(fmt::format("{:%A %d %B %Y}", v.day)));
    if (v.focus)
        fmt::print(out, "{}  {}\n", paint.dim("focus"), paint.bold(v.focus->text));
    else if (v.has_intentions)
        fmt::print(out, "{}  {}\n", paint.dim("focus"),
                   "none: choose one with 'kint intent focus ID' ('kint intent list' shows them)");
    else
        fmt::print(out, "{}  {}\n", paint.dim("focus"),
                   "none yet: choose one with 'kint intent catalogue' or 'kint intent add'");

    fmt::print(out, "\n");
    if (v.cues.empty()) {
        fmt::print(
            out, "No cues scheduled today.{}\n",
            v.focus || v.has_intentions ? "" : " Start small: 'kint start' walks you through it.");
    }
    std::size_t done = 0;
    for (const auto& c : v.cues) {
        std::string mark = paint.dim("○");
        if (c.status == LogStatus::done) mark = paint.green("✓"), ++done;
        if (c.status == LogStatus::skip) mark = paint.dim("–");
        if (c.status == LogStatus::slip) mark = paint.yellow("~");
        const std::string at = c.cue.at ? format_clock(*c.cue.at) : "     ";
        fmt::print(out, "  {}  {} {}  {}  {}\n", paint.cyan(at), mark, c.cue.behavior(),
                   paint.dim(render::trigger_phrase(c.cue)),
                   paint.dim(fmt::format("#{}", c.cue.id)));
    }
    if (!v.cues.empty() && done < v.cues.size())
        fmt::print(out, "  {}\n", paint.dim(fmt::format("log one with: kint log {}", [&] {
            for (const auto& c : v.cues)
                if (!c.status) return c.cue.id;
            return v.cues.front().cue.id;
        }())));

    fmt::print(out, "\n{}  {}   {}  {}\n", paint.dim("mood"),
               v.mood ? fmt::format("{}/10", v.mood->value) : "not rated yet", paint.dim("energy"),
               v.energy ? fmt::format("{}/10", v.energy->value) : "not rated yet");
    if (!v.mood) fmt::print(out, "{}\n", paint.dim("rate it: kint rate 0-10 [--energy 0-10]"));

    fmt::print(out, "\n");
    if (v.phase && v.phase->phase) {
        const auto& p = *v.phase->phase;
        fmt::print(out, "{} {}\n", paint.bold(p.name),
                   paint.dim(fmt::format("· day {} after your session on {}", v.phase->day,
                                         format_day(v.phase->session))));
        if (!p.purpose.empty()) fmt::print(out, "{}\n", p.purpose);
        for (const auto& s : p.safety)
            fmt::print(out, "  ! {}\n", s);
        for (const auto& g : p.guidance)
            fmt::print(out, "  - {}\n", g);
    } else if (v.phase) {
        fmt::print(out, "{}\n",
                   paint.dim(fmt::format("day {} after your session on {}: keep the steps "
                                         "small and repeatable",
                                         v.phase->day, format_day(v.phase->session))));
    } else if (!cfg.guidance.no_session.empty()) {
        fmt::print(out, "{}\n", paint.dim(cfg.guidance.no_session));
    }

    for (const auto& p : v.prompts)
        fmt::print(out, "\n{}  {}\n{}\n", paint.magenta("prompt"), p.text,
                   paint.dim(fmt::format("answer: kint journal add --prompt {} \"...\"", p.id)));
}

} // namespace

void add_today(CLI::App& app, Commands& commands) {
    auto* today = app.add_subcommand(
        "today", "The daily view: focus, today's cues, ratings, phase, a prompt");
    commands.reads(today, [](Runtime& rt) {
        const auto v = build_view(rt, rt.json());
        if (rt.json()) return rt.print(to_json(v, rt.config()));
        print_text(rt, v, rt.config());
    });
}

} // namespace kint::cli
