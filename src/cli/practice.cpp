// kint practice: the mindfulness practices, step by step, with a breathing pacer on a terminal.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/practice.hpp"
#include "kint/core/error.hpp"
#include "kint/render/practice.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <thread>

namespace kint::cli {

namespace {

// One line redrawn in place each second: the step, a bar of the time it has, and a breath cue.
void pace(Runtime& rt, const render::Paint& p, int seconds, bool breathe) {
    for (int t = 0; t <= seconds; ++t) {
        fmt::print(rt.out, "{}", render::pacer_frame(t, seconds, breathe, p));
        rt.out.flush();
        if (t < seconds) std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    fmt::print(rt.out, "\r{:<60}\r", "");
}

// The practice's title and steps as it runs, paced on a terminal; true when it was paced.
bool run_steps(Runtime& rt, const app::PracticeRun& run) {
    const render::Paint p(rt.color());
    const bool live = rt.interactive();
    fmt::print(rt.out, "{}", render::practice_title(run, p));
    std::size_t i = 0;
    for (const auto& step : run.practice.steps) {
        fmt::print(rt.out, "{}", render::practice_step(++i, step, p));
        if (live) pace(rt, p, run.seconds_per_step, run.breathe);
    }
    return live;
}

} // namespace

void add_practice(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<std::string> name;
        std::optional<Id> log;
        std::optional<int> minutes;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("practice",
                                   "Mindfulness practices, step by step (a pacer on a terminal)");
    cmd->add_option("name", o->name,
                    "Practice key, e.g. breath, grounding, reset (none: list them)");
    cmd->add_option("--log", o->log, "Log this cue as done when the practice ends")
        ->check(id_check());
    cmd->add_option("--minutes", o->minutes, "How long, in minutes (default: the practice's own)")
        ->check(CLI::Range(1, 60))
        ->option_text("INT:1-60");
    commands.changes(cmd, [o](Runtime& rt) {
        const auto& cfg = rt.config();
        if (!o->name) {
            if (o->log)
                throw UsageError(
                    "--log needs a practice to finish first, e.g. kint practice reset --log 1");
            return present(rt, app::practice_list(cfg));
        }
        const app::OpenStore open_store = [&rt]() -> store::Store& { return rt.store(); };
        auto run = app::practice_begin(cfg, {*o->name, o->log, o->minutes}, open_store);
        const bool live = !rt.json() && run_steps(rt, run);
        present(rt, app::practice_finish(open_store, rt.today(), std::move(run), live));
    });
}

} // namespace kint::cli
