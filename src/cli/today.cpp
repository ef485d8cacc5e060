// kint today: the daily view — focus, today's cues, ratings, timeline phase, a prompt, safety.
#include "commands.hpp"

#include "kint/app/today.hpp"
#include "kint/render/today.hpp"

#include "present.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

void add_today(CLI::App& app, Commands& commands) {
    auto* today = app.add_subcommand(
        "today", "The daily view: focus, today's cues, ratings, phase, a prompt");
    commands.reads(today, [](Runtime& rt) {
        auto& store = rt.store();
        const auto& cfg = rt.config();
        // JSON shows each cue's step history; the text only its current step.
        present(rt, app::today(store, cfg, rt.today(), /*with_history=*/rt.json()));
    });
}

} // namespace kint::cli
