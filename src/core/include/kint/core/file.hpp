#pragma once
// A bounded, non-blocking read of a regular file: the one way kint reads a file a person or another
// process could have replaced with a FIFO, a device or a symlink loop. In core so the config loader
// (which sees only core) reads through it too; io's readers build on it.
#include <cstddef>
#include <string>

namespace kint {

struct FileText {
    enum class Status {
        ok,
        missing,     // no such file (or a dangling symlink)
        loop,        // a symlink loop
        not_regular, // a folder, FIFO, device or socket: never read (a FIFO would block)
        too_large,   // more than the caller's bound
        unreadable,  // any other error (`error` holds errno)
    };
    Status status = Status::missing;
    std::string text;
    std::string kind; // for not_regular: "a folder", "a FIFO", "a character device", ...
    int error = 0;
    long long mtime_ns = 0;
};

// Opens `path` without blocking (O_NONBLOCK), refuses anything that is not a regular file, and
// reads it whole when it holds at most `max_bytes`.
FileText read_regular_file(const std::string& path, std::size_t max_bytes);
// The same, for its first `bytes` at most (all of a shorter file): never too_large.
FileText read_regular_head(const std::string& path, std::size_t bytes);

// Opens `path` for reading without blocking; -1 (errno set, EINVAL for a file that is not
// regular) unless it is a regular file. `kind` (when given) names what it is instead.
int open_regular(const std::string& path, std::string* kind = nullptr);

// "a folder", "a FIFO", ... for a stat mode that is not a regular file.
std::string file_kind(unsigned mode);

} // namespace kint
