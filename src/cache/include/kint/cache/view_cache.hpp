#pragma once
// The daily view kept beside the store (<store>.view): `kint today` prints it again without
// opening SQLite or drawing anything while nothing it was drawn from has changed: the store's
// files (store_stamp), the config file and the kint binary (config_stamp), and the request (the
// day, the format, colour and width). One view is kept: the latest asked for.
#include "kint/cache/config_cache.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kint::cache {

std::string view_cache_path(const std::string& store_path);

// What a view is drawn from, stamped before the store is read: a write landing meanwhile leaves a
// stamp that no longer matches. nullopt when it cannot be told, and then nothing is kept: no store
// file yet, a main file or WAL that is no regular file, a WAL with commits in it, a store changed
// too recently for its mtime to tell a later write apart (2 s on a file system with whole-second
// times, else 50 ms), no /proc/self/exe, a config that is no regular file.
struct ViewStamp {
    std::string store;  // store_stamp
    std::string rest;   // config_stamp's key and the request
    ConfigStamp config; // for written_after_config
};
std::optional<ViewStamp> view_stamp(const std::string& store_path,
                                    const std::optional<std::string>& config_path,
                                    std::string_view request);

// The view, when the cache is whole (its checksum holds), was kept for exactly `stamp`, and was
// written 2 seconds after the config file last changed (as the config cache: an edit within one
// timestamp tick must never be missed).
std::optional<std::string> read_view_cache(const std::string& store_path, const ViewStamp& stamp);

// Best effort, atomic, mode 0600.
void write_view_cache(const std::string& store_path, const ViewStamp& stamp, std::string_view view);

// After a command that opened the store: a view drawn from the store as it was before goes (it may
// show text this command removed). `store_stamp`: the store's stamp now; empty (unknown) drops it.
void drop_stale_view(const std::string& store_path, const std::string& store_stamp);

} // namespace kint::cache
