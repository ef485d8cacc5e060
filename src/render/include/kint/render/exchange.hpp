#pragma once
// Export and import: a Snapshot as one document (JSON, or CSV for spreadsheets). Pure conversions;
// the store dumps and loads the Snapshot.
#include "kint/domain/snapshot.hpp"
#include "kint/render/json.hpp"

#include <string>

namespace kint::exchange {

// 2: cues gain per, target, unit, at_most and plans, steps a measure, logs an amount (issue 13).
// Import reads every version up to this one (a version-1 file has none of these keys).
inline constexpr int format_version = 2;

// A deterministic document: the same store always exports to the same bytes.
json::Value to_json(const Snapshot& s);
// Reads an export back, checking every field against the rules the commands keep (days that have
// happened by `today`, logs from their cue's creation on, pauses that end after they begin, tags
// of one word); throws json::ParseError naming the record.
Snapshot from_json(const json::Value& doc, Day today);
// One table with a `record` column (intention, cue, step, pause, plan, log, rating, journal,
// session).
std::string to_csv(const Snapshot& s);

} // namespace kint::exchange
