#pragma once
// What another tracker's file holds, as kint's own records: each reader (Loop Habit Tracker,
// harsh, Daylio, jrnl) turns its format into a Source, and app::import merges that into the store
// (domain/merge.hpp). A reader never touches the store and never prints.
#include "kint/core/error.hpp"
#include "kint/domain/snapshot.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kint::foreign {

struct Source {
    // Who wrote the file, for the summary: "Loop Habit Tracker", "harsh", "Daylio", "jrnl".
    std::string tracker;
    // The records, with ids of their own (1, 2, ...): a cue's intention_id and a log's cue_id
    // refer to records.intentions and records.cues; the merge gives them the store's ids.
    exchange::Snapshot records;
    // How many of the file's own things the records came from ("habits", "entries"), for the
    // summary: "from Loop Habit Tracker: 9 habits → 9 cues, ...".
    std::size_t things = 0;
    std::string things_word; // plural, e.g. "habits", "entries"
    // What the reader had to decide for the person, one plain sentence each ("'Read' asks for 2
    // times in 14 days; kint keeps windows of up to 31 days"). Shown after the summary.
    std::vector<std::string> notes;
};

// The one way a reader says a file cannot be imported: exit 2, naming the file and what is wrong
// ("line 14: a row has 5 fields, the header 7"), and that nothing was written.
UsageError bad_file(std::string_view file, std::string_view what);

// The whole of `path`, refused (bad_file) when it is larger than `max_bytes` or is not UTF-8
// text; NotFound when it cannot be read.
std::string read_text(const std::string& path, std::size_t max_bytes = std::size_t{256} << 20);

} // namespace kint::foreign
