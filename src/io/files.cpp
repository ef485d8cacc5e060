// Files kint writes and reads: private folders, atomic replacement, bounded reads.
#include "kint/io/files.hpp"

#include "kint/core/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kint::io {

namespace {

// Opens `tmp` as a new 0600 file. A stale one (an interrupted run) goes first; O_EXCL | O_NOFOLLOW
// then make sure the file written is a new one of ours, never a file or symlink someone placed
// there.
int open_private_temp(const std::string& tmp) {
    ::unlink(tmp.c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) ::fchmod(fd, 0600); // open's mode is masked by the umask
    return fd;
}

} // namespace

int make_private_folders(const std::vector<std::filesystem::path>& missing) {
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) return errno;
        ::chmod(it->c_str(), 0700); // mkdir's mode is masked by the umask
    }
    return 0;
}

std::vector<std::filesystem::path> missing_folders(const std::string& path) {
    std::vector<std::filesystem::path> missing;
    for (auto p = std::filesystem::path(path).parent_path();
         !p.empty() && !std::filesystem::exists(p); p = p.parent_path())
        missing.push_back(p);
    return missing;
}

void write_file_atomically(const std::string& path, std::string_view text, Folders folders) {
    namespace fs = std::filesystem;
    auto fail = [&](int err) {
        return Error(fmt::format("cannot write {}: {}; check the folder exists and is writable",
                                 path, std::strerror(err)),
                     1);
    };
    const fs::path parent = fs::path(path).parent_path();
    const auto missing = missing_folders(path);
    if (!missing.empty() && folders == Folders::must_exist)
        throw Error(fmt::format("cannot write {}: the folder {} does not exist; create it first or "
                                "choose another path",
                                path, parent.string()),
                    1);
    if (const int err = make_private_folders(missing)) throw fail(err);
    // One fixed name beside a file the person named: a second `--out` to the same file at the same
    // moment gets an error and the file stays whole (caches, refilled by every command, differ).
    const std::string tmp = path + ".kint-tmp";
    const int fd = open_private_temp(tmp);
    if (fd < 0) throw fail(errno);
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw fail(err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw fail(err);
    }
}

bool replace_cache_file(const std::string& path, std::string_view text) {
    // Its own temp name (the pid): every command refills the caches, and two at once must never
    // write into, or rename, each other's temp file (a reader could see half of one).
    const std::string tmp = fmt::format("{}.tmp.{}", path, ::getpid());
    const int fd = open_private_temp(tmp);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (ok && std::rename(tmp.c_str(), path.c_str()) == 0) return true;
    ::unlink(tmp.c_str());
    return false;
}

std::string read_small_file(const std::string& path, std::size_t max_bytes) {
    std::string out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    char buf[4096];
    while (out.size() < max_bytes) {
        const auto n = ::read(fd, buf, std::min(sizeof buf, max_bytes - out.size()));
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes) {
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) return std::nullopt;
    }
    return text;
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw NotFound(fmt::format("cannot read {}; check the path", path));
    auto text = read_stream(in, max_bytes);
    if (!text)
        throw UsageError(
            fmt::format("{} is larger than {} MB; is it a kint export?", path, max_bytes >> 20));
    return std::move(*text);
}

bool append_private_file(const std::string& path, std::string_view text) {
    if (make_private_folders(missing_folders(path)) != 0) return false;
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = true;
    for (std::size_t done = 0; ok && done < text.size();) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    return ::close(fd) == 0 && ok;
}

} // namespace kint::io
