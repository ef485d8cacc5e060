#pragma once
// The intent commands' results (kint intent ...), drawn with the views of render.hpp.
#include "kint/app/intent.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::IntentionList& r);
std::string to_text(const app::IntentionList& r, const Paint& p);
json::Value to_json(const app::IntentionAdded& r);
std::string to_text(const app::IntentionAdded& r, const Paint& p);
json::Value to_json(const app::CatalogueView& r);
std::string to_text(const app::CatalogueView& r, const Paint& p);
json::Value to_json(const app::IntentionShown& r);
std::string to_text(const app::IntentionShown& r, const Paint& p);
json::Value to_json(const app::IntentionReworded& r);
std::string to_text(const app::IntentionReworded& r, const Paint& p);
json::Value to_json(const app::FocusChanged& r);
std::string to_text(const app::FocusChanged& r, const Paint& p);
json::Value to_json(const app::IntentionArchived& r);
std::string to_text(const app::IntentionArchived& r, const Paint& p);

} // namespace kint::render
