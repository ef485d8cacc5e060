// kint today: the daily view — focus, today's cues, ratings, timeline phase, a prompt, safety.
#include "commands.hpp"

#include "kint/app/today.hpp"
#include "kint/cache/view_cache.hpp"
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
        const auto stamp = rt.view_stamp("today");
        if (stamp)
            if (auto kept = cache::read_view_cache(rt.store_path(), *stamp)) {
                rt.out << *kept;
                rt.view_shown();
                return;
            }
        auto& store = rt.store();
        const auto& cfg = rt.config();
        // JSON shows each cue's step history; the text only its current step.
        const std::string view =
            presented(rt, app::today(store, cfg, rt.today(), /*with_history=*/rt.json()));
        rt.out << view;
        // A store with rows left out says so each time it is read (Runtime::finish).
        if (stamp && store.skipped_rows().empty())
            cache::write_view_cache(rt.store_path(), *stamp, view);
    });
}

} // namespace kint::cli
