#pragma once
// Loop Habit Tracker (kint import --from loop PATH): its database backup (the .db file of
// "Export full backup"), its CSV export (the zip), or that zip unpacked (a folder with Habits.csv
// and one folder per habit, "001 Read", with Checkmarks.csv). Told apart by content.
#include "kint/core/day.hpp"
#include "kint/domain/loop.hpp"
#include "kint/foreign/source.hpp"

#include <map>
#include <string>

namespace kint::foreign {

Source read_loop(const std::string& path, Day today);

// One CSV file of the export, with the name messages give it ("export.zip: 001
// Read/Checkmarks.csv").
struct LoopCsvFile {
    std::string name;
    std::string text;
};

// Habits.csv and the Checkmarks.csv of each habit folder, keyed by the folder's number (its
// "001"), read into Loop's rows: bad_file naming the file and the line for a missing column, a
// date or a number that is not one.
loop::Backup parse_loop_csv(const LoopCsvFile& habits,
                            const std::map<int, LoopCsvFile>& checkmarks);

} // namespace kint::foreign
