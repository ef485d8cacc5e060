#pragma once
// kint log's results: the entry logged, the entries undone and the listing.
#include "kint/app/log.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::LogResult& r);
std::string to_text(const app::LogResult& r, const Paint& p);
json::Value to_json(const app::UndoLogResult& r);
std::string to_text(const app::UndoLogResult& r, const Paint& p);
json::Value to_json(const app::LogList& list);
std::string to_text(const app::LogList& list, const Paint& p);

} // namespace kint::render
