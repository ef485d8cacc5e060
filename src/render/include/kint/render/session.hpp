#pragma once
// kint session's results: the session recorded, the session removed and the listing.
#include "kint/app/session.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::SessionAdded& r);
std::string to_text(const app::SessionAdded& r, const Paint& p);
json::Value to_json(const app::SessionRemoved& r);
std::string to_text(const app::SessionRemoved& r, const Paint& p);
json::Value to_json(const app::SessionList& list);
std::string to_text(const app::SessionList& list, const Paint& p);

} // namespace kint::render
