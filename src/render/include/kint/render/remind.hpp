#pragma once
// kint remind: what was sent (or, with --dry-run, would be) as JSON and text, and the one line
// said when a notification could not be shown.
#include "kint/app/remind.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

// SPEC §6: [{cue_id, behavior, trigger, at, intention}].
json::Value to_json(const app::RemindResult& r);
// A dry run: each reminder as it would read (summary, then the body's lines), or that none is
// due. A real run says nothing (it runs from a timer; cron would mail any output).
std::string to_text(const app::RemindResult& r, const Paint& paint);
// One line (kint's "kint: " goes before it): which program, how it ended, and what to check.
std::string problem_line(const app::RemindProblem& problem);

} // namespace kint::render
