#pragma once
// Export and import: a Snapshot as one document (JSON, or CSV for spreadsheets). Pure conversions;
// the store dumps and loads the Snapshot.
#include "kint/domain/snapshot.hpp"
#include "kint/render/json.hpp"

#include <string>

namespace kint::exchange {

inline constexpr int format_version = 1;

// A deterministic document: the same store always exports to the same bytes.
json::Value to_json(const Snapshot& s);
// Reads an export back, checking every field against the rules the commands keep (days that have
// happened by `today`, logs from their cue's creation on, pauses that end after they begin, tags
// of one word); throws json::ParseError naming the record.
Snapshot from_json(const json::Value& doc, Day today);
// One table with a `record` column (intention, cue, step, pause, log, rating, journal, session).
std::string to_csv(const Snapshot& s);

} // namespace kint::exchange
