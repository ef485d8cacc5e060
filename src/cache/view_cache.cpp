#include "kint/cache/view_cache.hpp"
#include "checksum.hpp"
#include "kint/cache/segment_cache.hpp"
#include "kint/core/file.hpp"
#include "kint/io/files.hpp"

#include <fmt/format.h>
#include <time.h>
#include <unistd.h>

namespace kint::cache {

namespace {

constexpr std::string_view magic = "kint-view 1\n";

// The next line of `in` (without its newline), or nullopt when there is none.
std::optional<std::string_view> take_line(std::string_view& in) {
    const auto eol = in.find('\n');
    if (eol == std::string_view::npos) return std::nullopt;
    const auto line = in.substr(0, eol);
    in.remove_prefix(eol + 1);
    return line;
}

bool one_line(std::string_view s) {
    return s.find('\n') == std::string_view::npos;
}

} // namespace

namespace {

std::string beside(const std::string& resolved_store, std::string_view kind) {
    if (kind == "today") return resolved_store + ".view";
    return fmt::format("{}.{}.view", resolved_store, kind);
}

} // namespace

std::string view_cache_path(const std::string& store_path, std::string_view kind) {
    // Beside the store's own file, whichever link named it: a command run through another name
    // drops these views too.
    return beside(resolved_store(store_path), kind);
}

std::optional<ViewStamp> view_stamp(const std::string& store_path,
                                    const std::optional<std::string>& config_path,
                                    std::string_view kind, std::string_view request) {
    StoreFiles files;
    auto store = store_stamp(store_path, &files);
    if (!store || !files.quiet) return std::nullopt;
    // A write in the same timestamp tick as the store's last one, keeping its size, would keep
    // its stamp: a view is kept only when that last change is older than a tick can be (on a file
    // system with whole-second times, shown by an mtime of no nanoseconds, 2 s; else 50 ms, far
    // beyond the kernel's coarse clock tick). A later write then always gets a later mtime.
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const long long now_ns = static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
    const long long tick = files.mtime_ns % 1'000'000'000LL == 0 ? 2'000'000'000LL : 50'000'000LL;
    if (now_ns - files.mtime_ns <= tick) return std::nullopt;
    const auto config = config_stamp(config_path);
    if (!config) return std::nullopt;
    ViewStamp s{std::string(kind), std::move(*store), fmt::format("{} | {}", config->key, request),
                *config};
    if (!one_line(s.store) || !one_line(s.rest)) return std::nullopt;
    return s;
}

std::optional<std::string> read_view_cache(const std::string& store_path, const ViewStamp& stamp) {
    // Never blocks (a FIFO in its place is ignored, then replaced by the next write).
    const auto file = read_regular_file(view_cache_path(store_path, stamp.kind), view_limit + 4096);
    if (file.status != FileText::Status::ok) return std::nullopt;
    if (!written_after_config(stamp.config, file.mtime_ns)) return std::nullopt;
    std::string_view in = file.text;
    if (in.substr(0, magic.size()) != magic) return std::nullopt;
    in.remove_prefix(magic.size());
    if (take_line(in) != std::string_view(stamp.store)) return std::nullopt;
    if (take_line(in) != std::string_view(stamp.rest)) return std::nullopt;
    const auto sum = take_line(in);
    if (!sum || *sum != fmt::format("sum {:016x}", checksum(in))) return std::nullopt;
    return std::string(in);
}

void write_view_cache(const std::string& store_path, const ViewStamp& stamp,
                      std::string_view view) {
    if (view.size() > view_limit) return;
    std::string bytes(magic);
    bytes += stamp.store;
    bytes += '\n';
    bytes += stamp.rest;
    bytes += fmt::format("\nsum {:016x}\n", checksum(view));
    bytes += view;
    // Two runs writing at once leave one whole file or the other (temp file and rename).
    io::replace_cache_file(view_cache_path(store_path, stamp.kind), bytes);
}

void drop_stale_view(const std::string& store_path, const std::string& store_stamp) {
    const std::string store = resolved_store(store_path);
    for (const auto kind : view_kinds) {
        const std::string path = beside(store, kind);
        const std::string bytes = io::read_small_file(path, 4096); // empty when missing or no file
        std::string_view head = bytes;
        if (head.substr(0, magic.size()) == magic) {
            head.remove_prefix(magic.size());
            if (take_line(head) == std::string_view(store_stamp)) continue; // still current
        }
        ::unlink(path.c_str());
    }
}

} // namespace kint::cache
