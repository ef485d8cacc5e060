#include "kint/render/prompts.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace kint::render {

json::Value to_json(const app::DayPrompts& p) {
    auto arr = json::array();
    for (const auto& prompt : p.prompts)
        arr.push(to_json(prompt));
    return json::object()
        .set("day", format_day(p.day))
        .set("phase", phase_json(p.position))
        .set("prompts", std::move(arr));
}

std::string to_text(const app::DayPrompts& p, const Paint& paint) {
    const std::string where = p.position && p.position->phase ? p.position->phase->name
                              : p.tag == "preparation"        ? std::string("before your session")
                                                              : std::string("general practice");
    std::string out =
        paint.dim(fmt::format("Prompts for {} ({})", format_day(p.day), where)) + "\n";
    for (const auto& prompt : p.prompts)
        out += fmt::format("  {:<15} {}\n", paint.cyan(prompt.id), prompt.text);
    return out + paint.dim("Answer one: kint journal add --prompt ID \"...\"") + "\n";
}

json::Value to_json(const app::AllPrompts& p) {
    auto arr = json::array();
    for (const auto& prompt : p.prompts) {
        auto phases = json::array();
        for (const auto& ph : prompt.phases)
            phases.push(ph);
        arr.push(to_json(prompt).set("group", prompt.group).set("phases", std::move(phases)));
    }
    return arr;
}

std::string to_text(const app::AllPrompts& p, const Paint& paint) {
    std::string out, group;
    for (const auto& prompt : p.prompts) {
        if (prompt.group != group) {
            group = prompt.group;
            out += fmt::format("{}{}\n", group == p.prompts.front().group ? "" : "\n",
                               paint.bold(group));
        }
        out += fmt::format("  {:<15} {}  {}\n", paint.cyan(prompt.id), prompt.text,
                           paint.dim(fmt::format("[{}]", fmt::join(prompt.phases, ", "))));
    }
    return out;
}

} // namespace kint::render
