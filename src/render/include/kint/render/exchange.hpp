#pragma once
// Export and import: a Snapshot as one document (JSON, or CSV for spreadsheets). Pure conversions;
// the store dumps and loads the Snapshot.
#include "kint/domain/snapshot.hpp"
#include "kint/render/json.hpp"

#include <string>

namespace kint::exchange {

// 2: cues gain per, target, unit, at_most and plans, steps a measure, logs an amount (issue 13).
// 3: intentions, cues, steps and journal entries gain their global uid, every record its hlc, and
// the document the removals sync keeps (issue 18, SPEC §7.5); null where a store has none.
// Import reads every version up to this one (a version-1 file has none of these keys).
inline constexpr int format_version = 3;

// A deterministic document: the same store always exports to the same bytes.
json::Value to_json(const Snapshot& s);
// `kint export --canonical`: the same records without the numbers one store gives them (no "id";
// a cue names its intention and a log its cue by uid; no "focus", which is each device's own),
// each list ordered by uid (records named by their content by the uid sync makes of it), and
// "canonical": true. Two stores that hold the same records write the same bytes. Import refuses
// it.
json::Value to_canonical_json(const Snapshot& s);
// Reads an export back, checking every field against the rules the commands keep (days that have
// happened by `today`, logs from their cue's creation on, pauses that end after they begin, tags
// of one word, uids and clocks as sync writes them, each uid once per kind); throws
// json::ParseError naming the record. A file before version 3 reads with every uid and hlc "".
Snapshot from_json(const json::Value& doc, Day today);
// One table with a `record` column (intention, cue, step, pause, plan, log, rating, journal,
// session).
std::string to_csv(const Snapshot& s);

} // namespace kint::exchange
