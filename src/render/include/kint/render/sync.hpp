#pragma once
// kint sync's results: the set-up, and one sync's counts in a line.
#include "kint/app/sync.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::SyncInitResult& r);
std::string to_text(const app::SyncInitResult& r, const Paint& p);
json::Value to_json(const app::SyncResult& r);
std::string to_text(const app::SyncResult& r, const Paint& p);
// The problems, one "kint: " line each (standard error), when a sync could not use a file.
std::string problems_text(const app::SyncResult& r);

} // namespace kint::render
