#pragma once
// kint log: what happened with a cue on a day (done, skip, slip), its undo and its listing.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct LogRequest {
    Id cue_id = 0;
    Day day;
    LogStatus status = LogStatus::done;
    std::optional<std::string> note;
};

struct LogResult {
    Cue cue;
    LogEntry entry;                        // as the store holds it now
    std::optional<LogEntry> earlier;       // the same status was logged that day already: as it was
    LogStatus counts_as = LogStatus::done; // the day's status that counts (done > skip > slip)
    bool comeback = false;
    std::string comeback_text, slip_text; // the guidance for a comeback and for a slip
};

// Records the entry (the same status again keeps it; a new note replaces the old one). Refuses an
// archived cue and a day before the cue was placed.
LogResult log(store::Store& store, const config::Config& config, const LogRequest& request);

struct UndoLogRequest {
    Id cue_id = 0;
    Day day;
    std::optional<LogStatus> only; // only this status's entry, else all of that day's
    bool note_given = false;       // refused: an undo takes no note
};

struct UndoLogResult {
    Id cue_id = 0;
    Day day;
    int removed = 0;
};

// Removes the day's entries of the cue; NotFound when there were none.
UndoLogResult undo_log(store::Store& store, const UndoLogRequest& request);

struct LogListRequest {
    DayRange range;
    std::optional<Id> cue_id;
};

struct LogList {
    std::vector<LogEntry> records;
    std::map<Id, Cue> cues; // every cue the records name (for its behavior on the day)
};

LogList log_list(const store::Store& store, const LogListRequest& request);

} // namespace kint::app
