#pragma once
// kint start: the starter plan (JSON, and the plain commands shown without a terminal), what the
// guided run saved, and the lines for the prompt hook and the weekly mail.
#include "kint/app/start.hpp"
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
// left out when `installed`), then the crontab lines for the weekly review by mail.
std::string shell_and_cron_text(const std::optional<app::ShellSetup>& setup, bool installed);

} // namespace kint::render
