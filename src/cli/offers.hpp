#pragma once
// What kint start offers once the plan is saved, each a yes/no the person may decline: the prompt
// hook in their shell's rc file and the reminder timer's unit files.
#include "guide.hpp"

#include "kint/app/shell.hpp"
#include "kint/app/timer.hpp"
#include "kint/core/model.hpp"

#include <optional>

namespace kint::cli {

// Adds the prompt hook's lines to the person's rc file when they say yes (never twice). True
// when the rc file loads the hook now.
bool offer_shell_hook(Guide& g, const std::optional<app::ShellSetup>& setup);
// Writes the reminder timer's unit files when the person says yes (kint never runs systemctl;
// it shows the lines that start the timer). Asked only for a cue with a time of its own. True
// when reminders are set up (now or before), so the crontab line for them is not shown.
bool offer_remind_timer(Guide& g, const std::optional<app::TimerSetup>& setup, const Cue& cue);

} // namespace kint::cli
