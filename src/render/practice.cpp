#include "kint/render/practice.hpp"

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

std::string pacer_frame(int t, int seconds, bool breathe, const Paint& p) {
    constexpr int width = 24;
    const int filled = seconds == 0 ? width : t * width / seconds;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    std::string cue;
    if (breathe) {
        // Four counts in, four out: a slow breath the eye can follow.
        const int phase = t % 8;
        cue = phase < 4 ? fmt::format("breathe in  {:<4}",
                                      std::string(static_cast<std::size_t>(phase + 1), '.'))
                        : fmt::format("breathe out {:<4}",
                                      std::string(static_cast<std::size_t>(8 - phase), '.'));
    }
    return fmt::format("\r  {} {:>3}s  {}", p.cyan(bar), seconds - t, p.dim(cue));
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
