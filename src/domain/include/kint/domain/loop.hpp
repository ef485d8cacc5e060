#pragma once
// Loop Habit Tracker's rows, as its database backup and its CSV export hold them, and the one
// mapping of them onto kint's records (kint import --from loop). The store reads the backup
// (store/loop_backup.hpp), foreign reads the CSV export; both meet here.
#include "kint/core/day.hpp"
#include "kint/domain/snapshot.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kint::loop {

// Loop's entry values (org.isoron.uhabits.core.models.Entry). A numerical habit's entry holds its
// amount times 1000 instead (SKIP and UNKNOWN as here).
inline constexpr int yes_manual = 2, yes_auto = 1, no = 0, unknown = -1, skip = 3;

// The newest database version kint reads (Loop's DATABASE_VERSION when this was written; from 25
// on the Repetitions table has notes, and 26 adds habit groups, which kint leaves aside).
inline constexpr int newest_version = 26;

struct Habit {
    std::int64_t id = 0;
    std::string name;
    std::string question;    // "Did you read today?" (before version 23: the description)
    std::string description; // the habit's longer notes (version 23 on)
    int freq_num = 1;        // times ...
    int freq_den = 1;        // ... in this many days: 1/1 daily, 3/7 "3 times per week"
    bool archived = false;
    std::optional<int> reminder_hour, reminder_min;
    bool numerical = false;
    bool at_most = false; // a numerical habit's target type AT_MOST
    double target = 0;    // a numerical habit's target, as the person typed it (not times 1000)
    std::string unit;
};

struct Entry {
    std::int64_t habit = 0;
    std::int64_t timestamp = 0; // milliseconds since 1970-01-01 UTC, at the day's midnight
    int value = yes_manual;     // before version 16 every row was a check
    std::string notes;
};

struct Backup {
    int version = 0;           // the database's user_version; 0 for the CSV export
    std::vector<Habit> habits; // in Loop's order (position)
    std::vector<Entry> entries;
};

struct Records {
    exchange::Snapshot records;     // one intention (id 1), a cue per habit (ids 1..n), their logs
    std::vector<std::string> notes; // what was decided for the person, one sentence each
};

inline constexpr const char* intention_text = "Habits from Loop Habit Tracker";

// Each habit becomes a cue under one intention (intention_text): its name the behavior, its
// question and description the first step's note, its frequency daily or N/Md (Loop's windows
// roll), its reminder the time, archived kept, a numerical habit measured. A manual check is
// done, a skip skip, an explicit no a slip; a check Loop filled in itself and an unknown day are
// nothing; a numerical day with an amount is done with it. Days after `today` are left out.
Records to_records(const Backup& backup, Day today);

} // namespace kint::loop
