// kint prompts: today's prompts for the current phase; --all lists every prompt with its id.
#include "commands.hpp"

#include "kint/app/prompts.hpp"
#include "kint/render/prompts.hpp"

#include "present.hpp"

#include <CLI/CLI.hpp>

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
        if (o->all) return present(rt, app::all_prompts(rt.config()));
        const auto& cfg = rt.config();
        const Day today = rt.today();
        present(rt, app::prompts(rt.store(), cfg, today, o->count));
    });
}

} // namespace kint::cli
