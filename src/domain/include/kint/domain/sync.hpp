#pragma once
// The rules two stores agree by (SPEC §7.5), pure: the uids of records named by their content, and
// which of two writes of one record stays. The store applies them record by record
// (Store::apply_sync); the `sync` room carries records between stores.
#include "kint/core/model.hpp"

#include <string>
#include <string_view>

namespace kint::sync {

// A random uid, as the store makes them: 32 lowercase hex digits (128 random bits).
bool valid_random_uid(std::string_view uid);
// A uid as sync names a record: a random one, or one made from content by the functions below
// (a removal names either kind).
bool valid_uid(std::string_view uid);

// Records named by their content: two stores that log the same cue on the same day with the same
// status, rate the same day, or mark the same session day, make the same record.
std::string log_uid(std::string_view cue_uid, Day day, LogStatus status); // "<cue>/log/<day>/done"
std::string pause_uid(std::string_view cue_uid, Day from);                // "<cue>/pause/<day>"
std::string plan_uid(std::string_view cue_uid, Day until);                // "<cue>/plan/<day>"
std::string rating_uid(Day day, RatingKind kind);                         // "rating/<day>/mood"
std::string session_uid(Day day);                                         // "session/<day>"

// Whether a write of a record stamped `incoming_hlc` replaces the one a store has, stamped
// `have_hlc`: the later clock wins. Equal clocks happen only for records written before sync
// existed ("" on both sides): then the larger canonical text of the record (`incoming_key`,
// `have_key`) wins, so every store keeps the same one whatever order it hears them in.
bool replaces(std::string_view incoming_hlc, std::string_view incoming_key,
              std::string_view have_hlc, std::string_view have_key);

// Whether a removal stamped `removal_hlc` removes a record whose last write is `record_hlc`: a
// removal wins over every write that is not later than it (an edit made after it, on a device
// that had not heard of it, brings the record back).
bool removes(std::string_view removal_hlc, std::string_view record_hlc);

} // namespace kint::sync
