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
    std::optional<double> amount = std::nullopt; // a measured cue's amount (done only), >= 0
};

struct LogResult {
    Cue cue;
    LogEntry entry;                        // as the store holds it now
    std::optional<LogEntry> earlier;       // the same status was logged that day already: as it was
    LogStatus counts_as = LogStatus::done; // the day's status that counts (done > skip > slip)
    bool comeback = false;
    std::optional<Measure> measure;       // the step in force on the day is measured: its target
    std::optional<double> was_amount;     // the day's amount before this log replaced it
    std::string comeback_text, slip_text; // the guidance for a comeback and for a slip
};

// Records the entry (the same status again keeps it; a new note replaces the old one, a new amount
// the old amount). Refuses an archived cue, a day before the cue was placed, and an amount for a
// cue whose step on that day has no target, for a skip or a slip, or below 0. Logging the last day
// of a pause that a resume ended the next day (the resume day, see cue_set_status) makes that day
// scheduled again: it counts once it is logged.
LogResult log(store::Store& store, const config::Settings& config, const LogRequest& request);

struct UndoLogRequest {
    Id cue_id = 0;
    Day day;
    std::optional<LogStatus> only; // only this status's entry
    bool note_given = false;       // refused: an undo takes no note
    bool all = false;              // every entry of the day (else the one that counts)
};

struct UndoLogResult {
    Id cue_id = 0;
    Day day;
    int removed = 0;
    std::vector<LogStatus> removed_statuses; // what went, the one that counted first
    std::vector<LogStatus> kept;             // what stays that day, the one that counts now first
};

// Removes the entry of the day that counts (done > skip > slip), or only `only`'s, or with `all`
// every entry of the day; NotFound when there was none to remove.
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
