#pragma once
// The cue commands' results (kint cue ...), drawn with the cue views of render.hpp.
#include "kint/app/cue.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

// One cue with its phase and week: the JSON object and the one-line view.
json::Value to_json(const app::CueView& c);
std::string cue_line(const app::CueView& c, const Paint& p);

json::Value to_json(const app::CueList& r);
std::string to_text(const app::CueList& r, const Paint& p);
json::Value to_json(const app::CueAdded& r);
std::string to_text(const app::CueAdded& r, const Paint& p);
json::Value to_json(const app::CueShown& r);
std::string to_text(const app::CueShown& r, const Paint& p);
json::Value to_json(const app::CueStepped& r);
std::string to_text(const app::CueStepped& r, const Paint& p);
json::Value to_json(const app::CueEdited& r);
std::string to_text(const app::CueEdited& r, const Paint& p);
json::Value to_json(const app::CueStatusChanged& r);
std::string to_text(const app::CueStatusChanged& r, const Paint& p);

} // namespace kint::render
