#pragma once
// kint rate's results: the ratings given (with the safety note) and the listing.
#include "kint/app/rate.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::RateResult& r);
std::string to_text(const app::RateResult& r, const Paint& p);
json::Value to_json(const app::RatingList& list);
std::string to_text(const app::RatingList& list, const Paint& p);

} // namespace kint::render
