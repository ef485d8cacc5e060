#include "kint/render/practice.hpp"

#include "kint/domain/pace.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::render {

namespace {

json::Value steps_json(const config::Practice& pr) {
    auto steps = json::array();
    for (const auto& s : pr.steps)
        steps.push(s);
    return steps;
}

} // namespace

json::Value to_json(const app::PracticeList& r) {
    auto arr = json::array();
    for (const auto& pr : r.practices)
        arr.push(json::object()
                     .set("key", pr.key)
                     .set("name", pr.name)
                     .set("minutes", pr.minutes)
                     .set("max_minutes", pr.max_minutes)
                     .set("steps", steps_json(pr)));
    return arr;
}

std::string to_text(const app::PracticeList& r, const Paint& p) {
    std::string out;
    for (const auto& pr : r.practices) {
        const std::string len = pr.max_minutes > pr.minutes
                                    ? fmt::format("{}-{} min", pr.minutes, pr.max_minutes)
                                    : fmt::format("{} min", pr.minutes);
        out += fmt::format("  {:<12} {:<28} {}\n", p.cyan(pr.key), pr.name, p.dim(len));
    }
    return out + "\nBegin one: kint practice breath   (add --log CUE to log a cue when it ends)\n";
}

std::string practice_title(const app::PracticeRun& r, const Paint& p) {
    return fmt::format("{} {}\n", p.bold(r.practice.name),
                       p.dim(fmt::format("· {} min", r.minutes)));
}

std::string practice_step(std::size_t number, const std::string& step, const Paint& p) {
    return fmt::format("{} {}\n", p.dim(fmt::format("{}.", number)), step);
}

std::string pacer_frame(int t, int seconds, const std::vector<config::BreathPhase>& breath,
                        int columns, const Paint& p) {
    // Everything in plain ASCII, so a column is a byte: the last column stays free (a cursor
    // there wraps on some terminals), the bar gives way first, then the cue is cut.
    const int room = std::max(columns - 1, 0);
    std::string cue;
    if (const auto c = pace::at(breath, t))
        cue = fmt::format("{:<11} {:<4}", pace::words(*c->phase),
                          std::string(static_cast<std::size_t>(c->count), '.'));
    const std::string left = fmt::format("{:>3}s", seconds - t);
    const int fixed =
        2 + static_cast<int>(left.size()) + (cue.empty() ? 0 : 2 + static_cast<int>(cue.size()));
    int width = std::min(24, room - fixed - 1);
    if (width < 4) width = 0;
    const int filled = seconds == 0 ? width : t * width / seconds;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(static_cast<std::size_t>(width), '.');
    int used = 2 + (width > 0 ? width + 1 : 0) + static_cast<int>(left.size());
    std::string out = "\r  " + (width > 0 ? p.cyan(bar) + " " : std::string()) + left;
    if (!cue.empty() && used + 2 < room) {
        cue.resize(std::min<std::size_t>(cue.size(), static_cast<std::size_t>(room - used - 2)));
        out += "  " + p.dim(cue);
        used += 2 + static_cast<int>(cue.size());
    }
    return out + std::string(static_cast<std::size_t>(std::max(room - used, 0)), ' ');
}

json::Value to_json(const app::PracticeDone& r) {
    json::Value logged;
    if (r.run.cue) logged = r.run.cue->id;
    return json::object()
        .set("key", r.run.practice.key)
        .set("name", r.run.practice.name)
        .set("steps", steps_json(r.run.practice))
        .set("logged_cue", std::move(logged));
}

std::string to_text(const app::PracticeDone& r, const Paint& p) {
    std::string out = fmt::format("{}\n", r.live ? p.green("Done. Notice how you feel now.") : "");
    if (r.run.cue)
        out += fmt::format("{} logged cue #{}: {}\n", p.green("✓"), r.run.cue->id,
                           r.run.cue->behavior());
    return out;
}

} // namespace kint::render
