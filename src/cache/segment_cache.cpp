#include "kint/cache/segment_cache.hpp"
#include "kint/io/files.hpp"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kint::cache {

namespace {

std::string cache_path(const std::string& store_path) {
    return store_path + ".segment";
}

} // namespace

std::string resolved_store(const std::string& store_path) {
    struct stat st {};
    if (::lstat(store_path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return store_path;
    char* real = ::realpath(store_path.c_str(), nullptr);
    if (!real) return store_path;
    std::string resolved(real);
    std::free(real);
    return resolved;
}

std::optional<std::string> store_stamp(const std::string& given_path, StoreFiles* files) {
    const std::string store_path = resolved_store(given_path);
    struct stat db {};
    if (::stat(store_path.c_str(), &db) != 0) return std::nullopt;
    if (files)
        *files = {static_cast<long long>(db.st_mtim.tv_sec) * 1'000'000'000LL + db.st_mtim.tv_nsec,
                  S_ISREG(db.st_mode)};
    std::string stamp = fmt::format(
        "db={}:{}:{}.{:09}:{}.{:09}", static_cast<unsigned long long>(db.st_ino),
        static_cast<long long>(db.st_size), static_cast<long long>(db.st_mtim.tv_sec),
        static_cast<long>(db.st_mtim.tv_nsec), static_cast<long long>(db.st_ctim.tv_sec),
        static_cast<long>(db.st_ctim.tv_nsec));
    const std::string wal = store_path + "-wal";
    struct stat ws {};
    if (::stat(wal.c_str(), &ws) != 0) return stamp + " wal=none";
    if (files) files->quiet = files->quiet && S_ISREG(ws.st_mode) && ws.st_size == 0;
    // Not the WAL's mtime: emptying an empty WAL (every command's checkpoint) touches it. Its size
    // grows with each commit and its header's salts change whenever it starts over.
    stamp += fmt::format(" wal={}:", static_cast<long long>(ws.st_size));
    if (ws.st_size > 0) // an empty one has no header to read
        for (unsigned char ch : io::read_small_file(wal, 32))
            stamp += fmt::format("{:02x}", ch);
    return stamp;
}

std::optional<segment::Facts> read_segment_cache(const std::string& store_path) {
    const auto stamp = store_stamp(store_path);
    if (!stamp) return std::nullopt;
    return segment::parse_cache(io::read_small_file(cache_path(store_path), 1 << 20), *stamp);
}

std::optional<std::string> refresh_segment_cache(store::Store& store, std::optional<Day> today) {
    const std::string path = cache_path(store.path());
    std::optional<std::string> stamp;
    try {
        store.checkpoint();
        stamp = store_stamp(store.path());
        if (!stamp) return stamp;
        if (segment::cache_is_current(io::read_small_file(path, 1 << 20), *stamp))
            return stamp; // still current
        auto facts = store.segment_facts();
        if (today) segment::prune(facts, *today);
        if (!io::replace_cache_file(path, segment::format_cache(*stamp, facts)))
            ::unlink(path.c_str());
    } catch (const std::exception&) {
        ::unlink(path.c_str()); // the prompt then reads the store itself
    }
    return stamp;
}

} // namespace kint::cache
