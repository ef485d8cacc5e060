// Files kint writes and reads: private folders, atomic replacement, bounded reads.
#include "kint/io/files.hpp"

#include "kint/core/error.hpp"
#include "kint/core/file.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

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

int create_private_file(const std::string& path) {
    const int fd = open_private_temp(path);
    if (fd < 0) return errno;
    ::close(fd);
    return 0;
}

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

namespace {
Error cannot_write(const std::string& path, int err) {
    return Error(fmt::format("cannot write {}: {}; check the folder exists and is writable", path,
                             std::strerror(err)),
                 1);
}
} // namespace

AtomicFile::AtomicFile(const std::string& path, Folders folders) : m_path(path) {
    namespace fs = std::filesystem;
    // Only a regular file is replaced: never a device node (as root, /dev/null), a FIFO or a
    // folder.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw UsageError(fmt::format("cannot write {}: it is {}, not a regular file; choose a file "
                                     "path",
                                     path, file_kind(st.st_mode)));
    const fs::path parent = fs::path(path).parent_path();
    const auto missing = missing_folders(path);
    if (!missing.empty() && folders == Folders::must_exist)
        throw Error(fmt::format("cannot write {}: the folder {} does not exist; create it first or "
                                "choose another path",
                                path, parent.string()),
                    1);
    if (const int err = make_private_folders(missing)) throw cannot_write(path, err);
    // A name of its own beside the file (pid and a random number, created O_EXCL): writers at the
    // same moment never share, unlink or rename each other's temp file, and the last rename wins
    // with a whole file.
    std::random_device random;
    for (int tries = 0; m_fd < 0 && tries < 16; ++tries) {
        m_tmp = fmt::format("{}.kint-tmp.{}.{:08x}", path, ::getpid(), random());
        m_fd = ::open(m_tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (m_fd < 0 && errno != EEXIST) break;
    }
    if (m_fd < 0) throw cannot_write(path, errno);
    ::fchmod(m_fd, 0600); // open's mode is masked by the umask
}

AtomicFile::~AtomicFile() {
    if (m_fd < 0) return;
    ::close(m_fd);
    ::unlink(m_tmp.c_str());
}

void AtomicFile::write(std::string_view text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(m_fd, text.data() + done, text.size() - done);
        if (n <= 0) throw cannot_write(m_path, n < 0 ? errno : ENOSPC);
        done += static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit() {
    const int fd = std::exchange(m_fd, -1);
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(m_tmp.c_str(), m_path.c_str()) != 0) {
        const int err = errno;
        ::unlink(m_tmp.c_str());
        throw cannot_write(m_path, err);
    }
}

void write_file_atomically(const std::string& path, std::string_view text, Folders folders) {
    AtomicFile file(path, folders);
    file.write(text);
    file.commit();
}

CacheFile::CacheFile(const std::string& path, bool unnamed) : m_path(path) {
    if (unnamed) {
        auto folder = std::filesystem::path(path).parent_path();
        if (folder.empty()) folder = ".";
        m_fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
        if (m_fd >= 0) ::fchmod(m_fd, 0600); // open's mode is masked by the umask
    }
    if (m_fd < 0) {
        // Its own temp name (the pid): every command refills the caches, and two at once must
        // never write into, or rename, each other's temp file (a reader could see half of one).
        m_tmp = fmt::format("{}.tmp.{}", path, ::getpid());
        m_fd = open_private_temp(m_tmp);
    }
    m_ok = m_fd >= 0;
}

CacheFile::~CacheFile() {
    if (m_fd < 0) return;
    ::close(m_fd);
    if (!m_tmp.empty()) ::unlink(m_tmp.c_str());
}

void CacheFile::write(std::string_view text) {
    while (m_ok && !text.empty()) {
        const auto n = ::write(m_fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        m_ok = n > 0;
        if (m_ok) text.remove_prefix(static_cast<std::size_t>(n));
    }
}

void CacheFile::write_at(std::size_t offset, std::string_view text) {
    m_ok = m_ok && ::pwrite(m_fd, text.data(), text.size(), static_cast<off_t>(offset)) ==
                       static_cast<ssize_t>(text.size());
}

bool CacheFile::keep() {
    if (m_fd < 0) return false;
    if (m_ok && m_tmp.empty()) {
        // A name at last (through /proc: linking an unnamed file by its descriptor alone needs a
        // privilege), then the rename that replaces the old file whole.
        m_tmp = fmt::format("{}.tmp.{}", m_path, ::getpid());
        ::unlink(m_tmp.c_str());
        const std::string fd_path = fmt::format("/proc/self/fd/{}", m_fd);
        if (::linkat(AT_FDCWD, fd_path.c_str(), AT_FDCWD, m_tmp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            m_ok = false;
            m_tmp.clear();
        }
    }
    const bool closed = ::close(m_fd) == 0;
    m_fd = -1;
    if (m_ok && closed && std::rename(m_tmp.c_str(), m_path.c_str()) == 0) return true;
    if (!m_tmp.empty()) ::unlink(m_tmp.c_str());
    return false;
}

bool replace_cache_file(const std::string& path, std::string_view text) {
    CacheFile file(path);
    file.write(text);
    return file.keep();
}

std::string read_small_file(const std::string& path, std::size_t max_bytes) {
    std::string out;
    const int fd = open_regular(path); // a FIFO or device in a cache's place is never read
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
    auto file = read_regular_file(path, max_bytes);
    switch (file.status) {
    case FileText::Status::ok:
        return std::move(file.text);
    case FileText::Status::too_large:
        throw UsageError(
            fmt::format("{} is larger than {} MB; is it a kint export?", path, max_bytes >> 20));
    case FileText::Status::not_regular:
        throw NotFound(fmt::format("cannot read {}: it is {}, not a regular file; give the path of "
                                   "a file (or - for standard input)",
                                   path, file.kind));
    case FileText::Status::loop:
        throw NotFound(fmt::format("cannot read {}: it is a symlink loop; check the path", path));
    default:
        throw NotFound(fmt::format("cannot read {}; check the path", path));
    }
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {
    }, sb{};
    if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    std::error_code ea, eb;
    const auto ca = std::filesystem::weakly_canonical(a, ea);
    const auto cb = std::filesystem::weakly_canonical(b, eb);
    return !ea && !eb && ca == cb;
}

void refuse_special_store_files(const std::string& store_path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const std::string path = store_path + suffix;
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) continue;
        if (S_ISDIR(st.st_mode) && !*suffix) continue; // the store's own message names a folder
        throw StoreError(fmt::format("{} is {}, not a regular file; SQLite would block or lose "
                                     "data on it, so the store was not opened: remove it or point "
                                     "--db elsewhere",
                                     path, file_kind(st.st_mode)));
    }
}

std::string sqlite_reader_uri(const std::string& store_path) {
    std::error_code ec;
    const std::string path = std::filesystem::absolute(store_path, ec).string();
    std::string uri = "file://";
    for (const char ch : ec ? store_path : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~')
            uri += ch;
        else
            uri += fmt::format("%{:02X}", c);
    }
    struct stat st {};
    const bool companions = ::stat((store_path + "-wal").c_str(), &st) == 0 &&
                            ::stat((store_path + "-shm").c_str(), &st) == 0;
    if (companions) return uri;
    // Only a store in WAL mode (bytes 18 and 19 of its header are 2) would get them; one in
    // rollback mode is read as it is, with its locks (immutable would read through a writer's).
    const std::string header = read_small_file(store_path, 20);
    const bool wal_mode = header.size() == 20 && header[18] == 2 && header[19] == 2;
    return wal_mode ? uri + "?immutable=1" : uri;
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
