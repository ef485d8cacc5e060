#pragma once
// kint init: where the config and the store are, as JSON and text.
#include "kint/app/init.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::InitDone& r);
std::string to_text(const app::InitDone& r, const Paint& p);

} // namespace kint::render
