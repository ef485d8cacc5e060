// kint remind: desktop notifications for timed cues whose time has come and that are not logged
// yet, once per cue and day (SPEC §7.2). Made for a systemd user timer or cron: silent unless asked
// (--dry-run, --json), and a notification that cannot be shown is one line on stderr, exit 0.
#include "commands.hpp"
#include "messages.hpp"

#include "kint/app/remind.hpp"
#include "kint/io/process.hpp"
#include "kint/render/remind.hpp"

#include "present.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

void add_remind(CLI::App& app, Commands& commands) {
    struct Opts {
        bool dry_run = false;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "remind", "Desktop reminders for timed cues not logged yet (for a timer or cron)");
    cmd->add_flag("--dry-run", o->dry_run, "Show what would be sent; send and record nothing");
    commands.reads(cmd, [o](Runtime& rt) {
        const auto& cfg = rt.config();
        const auto result = app::remind(rt.store(), cfg, rt.today(), rt.now(),
                                        {o->dry_run, io::environment_entries(rt.environment())});
        if (result.problem) say(rt.err, render::problem_line(*result.problem));
        if (rt.json() || o->dry_run) present(rt, result);
    });
}

} // namespace kint::cli
