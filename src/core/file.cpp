#include "kint/core/file.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kint {

std::string file_kind(unsigned mode) {
    switch (mode & S_IFMT) {
    case S_IFREG:
        return "a file";
    case S_IFDIR:
        return "a folder";
    case S_IFIFO:
        return "a FIFO";
    case S_IFCHR:
        return "a character device";
    case S_IFBLK:
        return "a block device";
    case S_IFSOCK:
        return "a socket";
    case S_IFLNK:
        return "a symlink";
    default:
        return "not a regular file";
    }
}

int open_regular(const std::string& path, std::string* kind) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st {};
    const bool stat_ok = ::fstat(fd, &st) == 0;
    if (stat_ok && S_ISREG(st.st_mode)) return fd;
    const int err = stat_ok ? EINVAL : errno;
    ::close(fd);
    if (kind && stat_ok) *kind = file_kind(st.st_mode);
    errno = err;
    return -1;
}

namespace {
// Whole (`head` false: a file larger than `max_bytes` is too_large) or its first `max_bytes`.
FileText read_regular(const std::string& path, std::size_t max_bytes, bool head) {
    FileText f;
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        f.error = errno;
        f.status = f.error == ENOENT || f.error == ENOTDIR ? FileText::Status::missing
                   : f.error == ELOOP                      ? FileText::Status::loop
                                                           : FileText::Status::unreadable;
        return f;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        f.error = errno;
        f.status = FileText::Status::unreadable;
    } else if (!S_ISREG(st.st_mode)) {
        f.kind = file_kind(st.st_mode);
        f.status = FileText::Status::not_regular;
    } else if (!head && static_cast<unsigned long long>(st.st_size) > max_bytes) {
        f.status = FileText::Status::too_large;
    } else {
        f.mtime_ns = st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
        f.status = FileText::Status::ok;
        f.text.reserve(std::min(static_cast<std::size_t>(st.st_size), max_bytes));
        char buf[65536];
        for (;;) { // to the end, not to st_size: a file that grew since is still held to the bound
            const std::size_t want =
                head ? std::min(sizeof buf, max_bytes - f.text.size()) : sizeof buf;
            if (want == 0) break; // the head asked for is read
            const auto n = ::read(fd, buf, want);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                f.error = errno;
                f.status = FileText::Status::unreadable;
                break;
            }
            if (n == 0) break;
            if (f.text.size() + static_cast<std::size_t>(n) > max_bytes) {
                f.status = FileText::Status::too_large;
                break;
            }
            f.text.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    if (f.status != FileText::Status::ok) f.text.clear();
    return f;
}
} // namespace

FileText read_regular_file(const std::string& path, std::size_t max_bytes) {
    return read_regular(path, max_bytes, false);
}

FileText read_regular_head(const std::string& path, std::size_t bytes) {
    return read_regular(path, bytes, true);
}

} // namespace kint
