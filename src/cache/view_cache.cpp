#include "kint/cache/view_cache.hpp"
#include "kint/cache/checksum.hpp"
#include "kint/cache/segment_cache.hpp"
#include "kint/core/file.hpp"
#include "kint/io/files.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <memory>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

namespace kint::cache {

namespace {

// 2: the view as printed (past the terminal filter), checked with XXH3.
constexpr std::string_view magic = "kint-view 2\n";

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

namespace {

// How much of a view is read at a time: a small view in one read, a trail in pieces.
constexpr std::size_t read_piece = 256 << 10;

// One piece of a view file at a time, in a buffer of its own (never cleared: a ten-year trail is
// fourteen pieces).
struct Pieces {
    int fd;
    std::size_t capacity; // a small view's own size, else read_piece
    std::unique_ptr<char[]> buf = std::make_unique_for_overwrite<char[]>(capacity);
    std::size_t size = 0;
    // Reads up to `want` (at most `capacity`) bytes, fewer only at the end of the file; false on
    // an error.
    bool read(std::size_t want) {
        size = 0;
        while (size < want) {
            const auto n = ::read(fd, buf.get() + size, want - size);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return false;
            if (n == 0) break;
            size += static_cast<std::size_t>(n);
        }
        return true;
    }
    std::string_view view() const { return {buf.get(), size}; }
};

Shown show_view(int fd, const ViewStamp& stamp, const std::function<void(std::string_view)>& sink) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return Shown::none;
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > view_limit + 4096) return Shown::none;
    if (!written_after_config(stamp.config,
                              st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec))
        return Shown::none;
    Pieces file{fd, std::min(size, read_piece)};
    if (!file.read(file.capacity)) return Shown::none;
    std::string_view in = file.view();
    if (in.substr(0, magic.size()) != magic) return Shown::none;
    in.remove_prefix(magic.size());
    if (take_line(in) != std::string_view(stamp.store)) return Shown::none;
    if (take_line(in) != std::string_view(stamp.rest)) return Shown::none;
    const auto sum_line = take_line(in);
    if (!sum_line) return Shown::none;
    const std::string sum(*sum_line); // the buffer is read into again below
    const std::size_t body_at = file.size - in.size();
    if (file.size == size) { // the whole view in one read
        if (sum != fmt::format("sum {:016x}", checksum(in))) return Shown::none;
        sink(in);
        return Shown::whole;
    }
    // A view larger than a piece: checked whole first, then given piece by piece. The file read
    // is the one the checks were made on (a newer view replaces it by a rename, not in place).
    Checksum whole;
    whole.add(in);
    for (std::size_t read = file.size; read < size; read += file.size) {
        if (!file.read(std::min(size - read, read_piece)) || file.size == 0) return Shown::none;
        whole.add(file.view());
    }
    if (sum != fmt::format("sum {:016x}", whole.value())) return Shown::none;
    if (::lseek(fd, static_cast<off_t>(body_at), SEEK_SET) < 0) return Shown::none;
    // Once a piece is given the view is shown, whole or cut: drawing it again would print it
    // twice.
    for (std::size_t left = size - body_at; left > 0; left -= file.size) {
        if (!file.read(std::min(left, read_piece)) || file.size == 0)
            return left < size - body_at ? Shown::cut : Shown::none;
        sink(file.view());
    }
    return Shown::whole;
}

} // namespace

Shown show_view_cache(const std::string& store_path, const ViewStamp& stamp,
                      const std::function<void(std::string_view)>& sink) {
    // Never blocks (a FIFO in its place is ignored, then replaced by the next write).
    struct File {
        int fd;
        ~File() {
            if (fd >= 0) ::close(fd);
        }
    } file{open_regular(view_cache_path(store_path, stamp.kind))};
    if (file.fd < 0) return Shown::none;
    return show_view(file.fd, stamp, sink);
}

std::optional<std::string> read_view_cache(const std::string& store_path, const ViewStamp& stamp) {
    std::string view;
    if (show_view_cache(store_path, stamp, [&view](std::string_view piece) { view += piece; }) !=
        Shown::whole)
        return std::nullopt;
    return view;
}

ViewWriter::ViewWriter(const std::string& store_path, const ViewStamp& stamp)
    // Two runs writing at once leave one whole file or the other (temp file and rename).
    // A view is written while it is printed: no name until it is whole.
    : m_file(view_cache_path(store_path, stamp.kind), /*unnamed=*/true) {
    std::string head(magic);
    head += stamp.store;
    head += '\n';
    head += stamp.rest;
    head += "\nsum ";
    m_sum_at = head.size();
    head += "0000000000000000\n"; // written at keep()
    m_file.write(head);
}

void ViewWriter::add(std::string_view bytes) {
    m_size += bytes.size();
    if (m_size > view_limit) return;
    m_sum.add(bytes);
    m_file.write(bytes);
}

bool ViewWriter::keep() {
    if (m_size > view_limit) return false;
    m_file.write_at(m_sum_at, fmt::format("{:016x}", m_sum.value()));
    return m_file.keep();
}

void write_view_cache(const std::string& store_path, const ViewStamp& stamp,
                      std::string_view view) {
    ViewWriter writer(store_path, stamp);
    writer.add(view);
    writer.keep();
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
