#pragma once
// kint import: what was read in, as JSON counts and as one sentence.
#include "kint/app/exchange.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::ImportResult& r);
std::string to_text(const app::ImportResult& r, const Paint& paint);

} // namespace kint::render
