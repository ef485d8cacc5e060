// kint start's offers after the plan is saved: the prompt hook and the reminder timer.
#include "offers.hpp"

#include "kint/render/start.hpp"

#include <fmt/format.h>

namespace kint::cli {

bool offer_shell_hook(Guide& g, const std::optional<app::ShellSetup>& setup) {
    if (setup && app::hook_installed(*setup)) {
        g.say(g.paint.dim(
            fmt::format("\nYour {} loads kint's prompt hook already.", setup->rc_file)));
        return true;
    }
    if (!setup ||
        !g.ask_yes_no(fmt::format("Show a gentle mood reminder in your {} prompt?", setup->shell),
                      false, render::hook_offer_hint(*setup)))
        return false;
    const bool installed = app::install_hook(*setup);
    g.say(installed
              ? g.paint.green(fmt::format("Added to {}; it shows in new shells.", setup->rc_file))
              : g.paint.yellow(
                    fmt::format("{} could not be written; the lines are below.", setup->rc_file)));
    return installed;
}

bool offer_remind_timer(Guide& g, const std::optional<app::TimerSetup>& setup, const Cue& cue) {
    if (!cue.at || cue.kind == CueKind::if_) return true; // nothing to remind at a time
    if (!setup) return false;
    if (app::timer_installed(*setup)) {
        g.say(g.paint.dim(fmt::format("\n{} is there already: kint reminds you at your cues' "
                                      "times.",
                                      setup->timer_file)));
        return true;
    }
    if (!g.ask_yes_no(fmt::format("Remind you on this desktop at {} when it is not logged yet?",
                                  format_clock(*cue.at)),
                      false, render::timer_offer_hint(*setup)))
        return false;
    if (!app::install_timer(*setup)) {
        g.say(g.paint.yellow(
            fmt::format("{} could not be written; the crontab line is below.", setup->folder)));
        return false;
    }
    g.say(g.paint.green(render::timer_written_text(*setup)));
    return true;
}

} // namespace kint::cli
