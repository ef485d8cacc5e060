#pragma once
// A command's output kept beside the store, printed again without opening SQLite or drawing
// anything while nothing it was drawn from has changed: the store's files (store_stamp), the config
// file and the kint binary (config_stamp), and the request (the command's options, the day, the
// format, colour and width). One view is kept per kind of command (view_kinds): the latest asked
// for, in <store>.view for `today` and <store>.<kind>.view for the others.
#include "kint/cache/checksum.hpp"
#include "kint/cache/config_cache.hpp"
#include "kint/io/files.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kint::cache {

// The commands whose output is kept: the day's view, the review, the handout and the trail.
inline constexpr std::string_view view_kinds[] = {"today", "review", "report", "trail"};
// The largest view kept: a ten-year trail is 3.5 MB in JSON and 4.9 MB in HTML. A view is written
// and shown piece by piece, so its size never adds to a command's memory.
inline constexpr std::size_t view_limit = std::size_t{16} << 20;

std::string view_cache_path(const std::string& store_path, std::string_view kind);

// What a view is drawn from, stamped before the store is read: a write landing meanwhile leaves a
// stamp that no longer matches. nullopt when it cannot be told, and then nothing is kept: no store
// file yet, a main file or WAL that is no regular file, a WAL with commits in it, a store changed
// too recently for its mtime to tell a later write apart (2 s on a file system with whole-second
// times, else 50 ms), no /proc/self/exe, a config that is no regular file.
struct ViewStamp {
    std::string kind;   // one of view_kinds
    std::string store;  // store_stamp
    std::string rest;   // config_stamp's key and the request
    ConfigStamp config; // for written_after_config
};
std::optional<ViewStamp> view_stamp(const std::string& store_path,
                                    const std::optional<std::string>& config_path,
                                    std::string_view kind, std::string_view request);

// Gives the view kept for `stamp` to `sink`, a piece at a time: only when the cache is whole (its
// checksum holds, checked before the first byte is given), was kept for exactly `stamp`, and was
// written 2 seconds after the config file last changed (as the config cache: an edit within one
// timestamp tick must never be missed); else `none`, with nothing given. `cut` when the file came
// up short after its check (changed in place by another program) and only part of it was given.
enum class Shown { none, whole, cut };
Shown show_view_cache(const std::string& store_path, const ViewStamp& stamp,
                      const std::function<void(std::string_view)>& sink);
// The same, whole (for tests and small views).
std::optional<std::string> read_view_cache(const std::string& store_path, const ViewStamp& stamp);

// A view kept as it is written, piece by piece: best effort, atomic, mode 0600. Nothing is kept
// unless keep() is called, nor a view past view_limit.
class ViewWriter {
  public:
    ViewWriter(const std::string& store_path, const ViewStamp& stamp);
    void add(std::string_view bytes);
    bool keep();

  private:
    io::CacheFile m_file;
    Checksum m_sum;
    std::size_t m_sum_at = 0, m_size = 0;
};
void write_view_cache(const std::string& store_path, const ViewStamp& stamp, std::string_view view);

// After a command that opened the store: every view drawn from the store as it was before goes (it
// may show text this command removed). `store_stamp`: the store's stamp now; empty (unknown) drops
// them all.
void drop_stale_view(const std::string& store_path, const std::string& store_stamp);

} // namespace kint::cache
