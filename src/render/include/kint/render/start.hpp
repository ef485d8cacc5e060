#pragma once
// kint start: the starter plan (JSON, and the plain commands shown without a terminal), what the
// guided run saved, and the lines for the prompt hook, the weekly mail and the reminders.
#include "kint/app/start.hpp"
#include "kint/app/timer.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <optional>
#include <string>

namespace kint::render {

json::Value to_json(const app::StarterPlan& plan);
std::string to_text(const app::StarterPlan& plan, const Paint& paint);
std::string to_text(const app::StartResult& result, const Paint& paint);
// What asking to add the hook says it will add: "This adds two lines to RC:" and the lines.
std::string hook_offer_hint(const app::ShellSetup& setup);
// The prompt hook's lines to copy (for the person's shell, or all three when it is none of them;
// left out when `installed`), then the crontab lines for the weekly review by mail, and with
// `remind` the crontab line for reminders at the cues' times.
std::string shell_and_cron_text(const std::optional<app::ShellSetup>& setup, bool installed,
                                bool remind);
// The crontab line for kint remind, as examples/crontab has it (newline-terminated).
extern const std::string_view remind_cron_line;
// What asking to write the reminder timer says it will do.
std::string timer_offer_hint(const app::TimerSetup& setup);
// What was written, and the systemctl lines that start the timer (kint never runs systemctl).
std::string timer_written_text(const app::TimerSetup& setup);

} // namespace kint::render
