#pragma once
// kint prompts: the day's prompts, or every prompt, as JSON and as text.
#include "kint/app/prompts.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::DayPrompts& p);
std::string to_text(const app::DayPrompts& p, const Paint& paint);
json::Value to_json(const app::AllPrompts& p);
std::string to_text(const app::AllPrompts& p, const Paint& paint);

} // namespace kint::render
