#pragma once
// Loop Habit Tracker's database backup ("Loop Habits Backup 2024-01-01.db"), read as it is: the
// only SQL on another application's file, so it lives with the store's.
#include "kint/domain/loop.hpp"

#include <string>

namespace kint::store {

// The habits and entries of the backup at `path`, opened read-only and immutable (the person's
// file is never changed, and no -wal or -journal is made beside it). Every schema Loop itself
// opens is read, from the Repetitions table without values to the one with notes. A file that
// is not one is a UsageError: "PATH: it has no table 'Repetitions' ...; nothing was imported",
// naming the table that is missing or unreadable, or the version when it is newer than
// loop::newest_version.
loop::Backup read_loop_backup(const std::string& path);

} // namespace kint::store
