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
        // The view of a day is asked for again and again while nothing changes: it is kept beside
        // the store (cache::view_cache) and printed from there until anything it shows may move.
        const auto stamp = rt.view_stamp("today", "");
        if (rt.show_kept_view(stamp)) return;
        // JSON shows each cue's step history; the text only its current step.
        std::string view;
        rt.store().reading([&] {
            view = presented(
                rt, app::today(rt.store(), rt.config(), rt.today(), /*with_history=*/rt.json()));
        });
        rt.print_view(stamp, view);
    });
}

} // namespace kint::cli
