// kint prompts: today's prompts for the current phase; --all lists every prompt with its id.
#include "commands.hpp"
#include "common.hpp"

#include "kint/domain/phases.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/render/render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

void add_prompts(CLI::App& app, Commands& commands) {
    struct Opts {
        bool all = false;
        int count = 3;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd =
        app.add_subcommand("prompts", "Journal prompts for where you are (the same all day)");
    auto* all = cmd->add_flag("--all", o->all, "List every prompt with its id and phases");
    cmd->add_option("--count,-n", o->count, "How many prompts for today (default 3)")
        ->check(CLI::Range(1, 20))
        ->option_text("INT:1-20")
        ->default_str("3")
        ->excludes(all);
    commands.reads(cmd, [o](Runtime& rt) {
        const auto& cfg = rt.config();
        const render::Paint paint(rt.color());
        if (o->all) {
            if (rt.json()) {
                auto arr = json::array();
                for (const auto& p : cfg.prompts) {
                    auto phases = json::array();
                    for (const auto& ph : p.phases)
                        phases.push(ph);
                    arr.push(
                        render::to_json(p).set("group", p.group).set("phases", std::move(phases)));
                }
                return rt.print(arr);
            }
            std::string group;
            for (const auto& p : cfg.prompts) {
                if (p.group != group) {
                    group = p.group;
                    fmt::print(rt.out, "{}{}\n", group == cfg.prompts.front().group ? "" : "\n",
                               paint.bold(group));
                }
                fmt::print(rt.out, "  {:<15} {}  {}\n", paint.cyan(p.id), p.text,
                           paint.dim(fmt::format("[{}]", fmt::join(p.phases, ", "))));
            }
            return;
        }
        const Day today = rt.today();
        const auto sessions = rt.store().sessions();
        const auto position = phases::timeline_position(cfg.timeline, sessions, today);
        const std::string tag = phases::phase_tag(position, sessions, today);
        const auto chosen = prompts::for_day(cfg.prompts, tag, today, o->count);
        if (rt.json()) {
            auto arr = json::array();
            for (const auto& p : chosen)
                arr.push(render::to_json(p));
            return rt.print(json::object()
                                .set("day", format_day(today))
                                .set("phase", render::phase_json(position))
                                .set("prompts", std::move(arr)));
        }
        const std::string where = position && position->phase ? position->phase->name
                                  : tag == "preparation"      ? std::string("before your session")
                                                              : std::string("general practice");
        fmt::print(rt.out, "{}\n",
                   paint.dim(fmt::format("Prompts for {} ({})", format_day(today), where)));
        for (const auto& p : chosen)
            fmt::print(rt.out, "  {:<15} {}\n", paint.cyan(p.id), p.text);
        fmt::print(rt.out, "{}\n", paint.dim("Answer one: kint journal add --prompt ID \"...\""));
    });
}

} // namespace kint::cli
