#pragma once
// kint journal's results: the entry kept, the entry removed and the listing.
#include "kint/app/journal.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>

namespace kint::render {

json::Value to_json(const app::JournalAdded& r);
std::string to_text(const app::JournalAdded& r, const Paint& p);
json::Value to_json(const app::JournalRemoved& r);
std::string to_text(const app::JournalRemoved& r, const Paint& p);
json::Value to_json(const app::JournalList& list);
std::string to_text(const app::JournalList& list, const Paint& p);

} // namespace kint::render
