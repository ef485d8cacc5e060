#pragma once
// Everything in a store as plain records: what export writes, import reads and the store dumps and
// loads. The conversions to and from JSON and CSV are in render/exchange.hpp.
#include "kint/core/model.hpp"

#include <optional>
#include <vector>

namespace kint::exchange {

struct Snapshot {
    std::vector<Intention> intentions; // archived too
    std::optional<Id> focus;
    std::vector<Cue> cues; // with steps and pauses
    std::vector<LogEntry> logs;
    std::vector<Rating> ratings;
    std::vector<JournalEntry> journal;
    std::vector<Session> sessions;
};

} // namespace kint::exchange
