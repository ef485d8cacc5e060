#pragma once
// kint export / kint import: everything in a store as one Snapshot, and a file's records (kint's
// own export, or another tracker's: foreign/) merged into a store that may hold data. Reading and
// writing kint's JSON or CSV is render/exchange.hpp's.
#include "kint/domain/merge.hpp"
#include "kint/domain/snapshot.hpp"
#include "kint/foreign/source.hpp"
#include "kint/store/store.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kint::app {

exchange::Snapshot export_snapshot(const store::Store& store);

// Which tracker wrote the file `kint import --from NAME PATH` reads.
inline constexpr std::string_view import_trackers[] = {"loop", "harsh", "daylio", "jrnl"};

struct ImportRequest {
    std::string from; // one of import_trackers
    std::string path;
    // --mood LABEL=N for Daylio's moods, in the order given.
    std::vector<std::pair<std::string, int>> moods;
};

// The file's records as kint's (foreign/): bad_file (exit 2) when it cannot be read as `from`'s.
foreign::Source read_source(const ImportRequest& request, Day today);

struct ImportResult {
    std::string tracker;    // "Loop Habit Tracker"; "a kint export"
    std::size_t things = 0; // the file's own things ("9 habits")
    std::string things_word;
    merge::Counts added, skipped;
    std::size_t done = 0, skips = 0, slips = 0, before_cue = 0;
    std::vector<merge::Conflict> conflicts;
    std::vector<Intention> new_intentions; // with their ids in the store
    std::vector<std::string> notes;        // the reader's decisions, for the person to revisit
    bool dry_run = false;
    std::string store_path;
};

// Merges `source` into the store (merge::plan) in one transaction: all or nothing, and a second
// run of the same import adds nothing. `dry_run`: decides the same and writes nothing. A record
// that breaks a rule the commands keep, or a day after today, is bad_file(`file`, ...).
ImportResult import(store::Store& store, const foreign::Source& source, const std::string& file,
                    Day today, bool dry_run);

} // namespace kint::app
