#pragma once
// Everything in a store as plain records: what export writes, import reads and the store dumps and
// loads. The conversions to and from JSON and CSV are in render/exchange.hpp.
#include "kint/core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::exchange {

// A record removed (a log entry undone, a journal entry or session deleted, a pause taken back):
// kept so that sync removes it elsewhere too; it wins over any write of that uid before it.
struct Removal {
    std::string uid;
    std::string hlc;
    bool operator==(const Removal&) const = default;
};

struct Snapshot {
    std::vector<Intention> intentions; // archived too
    std::optional<Id> focus;
    std::vector<Cue> cues; // with steps and pauses
    std::vector<LogEntry> logs;
    std::vector<Rating> ratings;
    std::vector<JournalEntry> journal;
    std::vector<Session> sessions;
    std::vector<Removal> removals; // sync's tombstones (export version 3 writes them)
};

} // namespace kint::exchange
