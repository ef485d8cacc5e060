// kint practice: the mindfulness practices, step by step, with a breathing pacer on a terminal.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/practice.hpp"
#include "kint/core/error.hpp"
#include "kint/render/practice.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <thread>
#include <unistd.h>

namespace kint::cli {

namespace {

volatile std::sig_atomic_t interrupted = 0;
extern "C" void on_interrupt(int) {
    interrupted = 1;
}

// Ctrl-C while it is in scope ends the practice instead of kint (the old handler comes back).
struct CatchInterrupt {
    struct sigaction old {};
    CatchInterrupt() {
        interrupted = 0;
        struct sigaction sa {};
        sa.sa_handler = on_interrupt;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGINT, &sa, &old);
    }
    ~CatchInterrupt() { ::sigaction(SIGINT, &old, nullptr); }
    CatchInterrupt(const CatchInterrupt&) = delete;
    CatchInterrupt& operator=(const CatchInterrupt&) = delete;
};

// One line redrawn in place each second: a bar of the time the step has, and the breath cue of
// the practice's pace. False when Ctrl-C ended it.
bool pace(Runtime& rt, const render::Paint& p, int seconds, const app::PracticeRun& run) {
    const int width = rt.width() > 0 ? rt.width() : 80;
    for (int t = 0; t <= seconds && !interrupted; ++t) {
        fmt::print(rt.out, "{}", render::pacer_frame(t, seconds, run.practice.pace, width, p));
        rt.out.flush();
        for (int tick = 0; t < seconds && tick < 10 && !interrupted; ++tick)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    fmt::print(rt.out, "\r{:<{}}\r", "", std::max(width - 1, 0));
    return !interrupted;
}

enum class Ran { printed, paced, stopped };

// The practice's title and steps as it runs, paced on a terminal.
Ran run_steps(Runtime& rt, const app::PracticeRun& run) {
    const render::Paint p(rt.color());
    const bool live = rt.interactive();
    const CatchInterrupt ctrl_c;
    fmt::print(rt.out, "{}", render::practice_title(run, p));
    std::size_t i = 0;
    for (const auto& step : run.practice.steps) {
        fmt::print(rt.out, "{}", render::practice_step(++i, step, p));
        if (live && !pace(rt, p, run.seconds_per_step, run)) return Ran::stopped;
    }
    return live ? Ran::paced : Ran::printed;
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
        const Ran ran = rt.json() ? Ran::printed : run_steps(rt, run);
        if (ran == Ran::stopped)
            return fmt::print(rt.out, "Stopped there{}. Any moment of it counts.\n",
                              run.cue ? ", nothing logged" : "");
        present(rt,
                app::practice_finish(open_store, rt.today(), std::move(run), ran == Ran::paced));
    });
}

} // namespace kint::cli
