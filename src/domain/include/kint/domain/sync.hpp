#pragma once
// The rules two stores agree by (SPEC §7.5), pure: the uids of records named by their content, and
// which of two writes of one record stays. The store applies them record by record
// (Store::apply_sync); the `sync` room carries records between stores.
#include "kint/core/model.hpp"
#include "kint/domain/snapshot.hpp"

#include <cstddef>

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

// What a store holds after hearing `incoming` (records of other devices with their uids and
// clocks; a record's parents come with it: a log's or step's cue, a cue's intention), by the rules
// above, record by record:
// - intentions, cues, steps, journal entries, and the records named by their content (logs of
//   every status, ratings, sessions, pauses, earlier plans): the later write of each uid stays;
// - a removal (tombstone) wins over every write of its uid that is not later than it; the
//   tombstones themselves are united, the later clock of each uid kept;
// - a record the store has keeps its id; a new one gets the next free id of its kind, and its
//   references are turned into the store's ids;
// - the focus stays the store's own (which intention this device shows first).
// `have` is the store's dump (with uids and clocks). Incoming records without a uid, or whose
// parent is missing, are left out (counted in `left_out`).
struct Merged {
    exchange::Snapshot result;
    bool changed = false;       // result differs from `have`
    std::size_t received = 0;   // incoming records (tombstones too) that changed something
    std::size_t left_out = 0;   // incoming records that could not be placed
    std::string latest;         // the latest clock in `incoming` ("" when none)
};
Merged merge(const exchange::Snapshot& have, const exchange::Snapshot& incoming);

// What a store sends: its records and tombstones written by `device` after the clock `since`
// (all of them when `since` is ""), with the parents they need (a log's cue and that cue's
// intention); a cue goes whole, with all its steps, plans and pauses, so that it is whole on a
// device that hears of it first through a log. `changed`: the records written since, parents
// not counted (0: nothing to send).
struct Outgoing {
    exchange::Snapshot records;
    std::size_t changed = 0;
};
Outgoing changes_since(const exchange::Snapshot& all, std::string_view device,
                       std::string_view since);
// Records in a snapshot (tombstones included; a cue's steps, plans and pauses each count).
std::size_t count(const exchange::Snapshot& s);

} // namespace kint::sync
