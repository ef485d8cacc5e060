#pragma once
// kint import into a store that may hold data (SPEC §7.3): which of a file's records are already
// in the store, which are new, and the ids the new ones get. Pure: the store dumps what it has,
// plan() decides, the store loads the plan's records in the same transaction.
#include "kint/domain/snapshot.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::merge {

// The trigger of a habit imported from a tracker that has no cues (Loop, harsh): the person gives
// one with `cue edit --trigger`.
inline constexpr std::string_view no_cue_yet = "(no cue yet)";

// Records per kind, as import counts them.
struct Counts {
    std::size_t intentions = 0, cues = 0, logs = 0, ratings = 0, journal = 0, sessions = 0;
    bool operator==(const Counts&) const = default;
};

// A rating the file gives another value than the store: the store's is kept.
struct Conflict {
    Day day;
    RatingKind kind = RatingKind::mood;
    int kept = 0;    // the store's
    int offered = 0; // the file's
};

struct Plan {
    // What to add, with the store's ids: a record keeps the file's id when the store has no record
    // of its kind with that id (so an export into an empty store comes back as it was), else it
    // gets the next free one. `add.focus` is set when the store has no focus.
    exchange::Snapshot add;
    Counts added, skipped;
    // The added log entries by status (for "164 done days, 12 skips and 3 slips").
    std::size_t done = 0, skips = 0, slips = 0;
    std::vector<Conflict> conflicts;
    // Log entries of a cue the store already has, on days before that cue began in the store:
    // left out (counted in skipped.logs too).
    std::size_t before_cue = 0;
};

// What is already there (each store record matches at most one of the file's, so a file that
// holds two equal records adds the second to a store that holds one):
// - an intention, a cue or a journal entry with the uid (non-empty) of one of the store's of its
//   kind is that record, whatever its content (SPEC §7.5); the rest match by content:
// - an intention: the same text;
// - a cue: the same first behavior and a kind and trigger in common (now or in an earlier plan),
//   else the same first behavior where either is still no_cue_yet (under the same intention when
//   there are several); its steps, pauses and plans are then the store's;
// - a log entry: the same cue, day and status (the note and amount are the store's);
// - a rating: the same day and kind (another value is a Conflict; the store's is kept);
// - a journal entry: the same day and text; a session: the same day.
// An intention is added only when it holds a new cue or the file gives it no cue at all, so an
// import whose cues are all there adds no empty intention. Nothing in the store is changed. An
// added record keeps the file's uid and hlc (its steps theirs), so it is the same record in both
// stores. `incoming.removals` (tombstones) are kept in `add.removals`, so that a store restored
// from an export still tells sync what was removed; the import itself removes nothing.
Plan plan(const exchange::Snapshot& have, const exchange::Snapshot& incoming);

// What of the store plan() can match against `incoming`, so that an import reads no more: the log
// entries only of the store's cues a file's cue may be (the same uid, or the same first behavior),
// and ratings, journal entries and sessions only when the file has some of that kind.
struct Needs {
    std::vector<Id> log_cues;
    bool ratings = false, journal = false, sessions = false;
};
Needs needs(const std::vector<Cue>& have_cues, const exchange::Snapshot& incoming);

// The first day in `s` after `today` ("2027-01-04, a rating"), or nullopt.
std::optional<std::string> day_after(const exchange::Snapshot& s, Day today);

} // namespace kint::merge
