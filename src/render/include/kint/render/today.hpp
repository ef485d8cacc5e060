#pragma once
// kint today: the daily view as JSON (SPEC §6) and as the page a person reads.
#include "kint/app/today.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::TodayView& v);
std::string to_text(const app::TodayView& v, const Paint& paint);

} // namespace kint::render
