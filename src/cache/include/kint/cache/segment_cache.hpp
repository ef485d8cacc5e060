#pragma once
// The prompt segment's cache beside the store (<store>.segment): written after a command that
// opened the store, read by `kint hook prompt` instead of opening SQLite while the store's files
// are exactly as they were when the cache was filled.
#include "kint/domain/segment.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>

namespace kint::cache {

// What a stamp cannot tell by itself (cache::view_stamp needs it): the main file's mtime, and
// whether the store's files are a regular main file and no WAL or an empty regular one.
struct StoreFiles {
    long long mtime_ns = 0;
    bool quiet = false;
};

// The state of the store's files: the main file's inode, size, mtime and ctime (a chmod moves it),
// and the WAL's size and header (its salts change whenever SQLite starts the WAL over). nullopt
// without a store file. `files`, when given, is filled from the same stat calls.
std::optional<std::string> store_stamp(const std::string& store_path, StoreFiles* files = nullptr);

// The store's own path: `store_path`, or what it links to when it is a symbolic link (SQLite keeps
// the WAL beside the file a link names, so that is where its state is read and views are kept).
std::string resolved_store(const std::string& store_path);

// The cached facts, when the cache is whole and the store unchanged since it was filled.
std::optional<segment::Facts> read_segment_cache(const std::string& store_path);

// After a command: checkpoints, then (unless the cache is still current) fills it from `store`.
// The stamp is taken before the facts are read, so a write landing in between leaves a stamp that
// no longer matches: the prompt then reads the store itself. Best effort: a cache that cannot be
// written is removed, never left stale.
// `today`: the day the command ran as; the cache then answers for it and later days.
// Returns the store's stamp after the checkpoint (nullopt when it could not be taken).
std::optional<std::string> refresh_segment_cache(store::Store& store, std::optional<Day> today);

} // namespace kint::cache
