#pragma once
// Files: private folders and files (0700/0600), atomic replacement, bounded reads of regular files.
// The one copy of each; nothing else in kint opens a file for writing.
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::io {

// Writes `text` to `path` (mode 0600) through a temp file of its own, fsync and rename, so a reader
// never sees half a file, and writers at the same moment never mix. Only a regular file (or a new
// path) is replaced: anything else is a UsageError (exit 2). Missing folders are made (0700) for
// kint's own files; for a path the person named
// (--out) they must exist, since a typo should not leave folders behind. Throws Error (exit 1).
enum class Folders { create, must_exist };
// The folders above `path` that do not exist yet, innermost first; and making them, 0700, outermost
// first (0, or the errno that stopped it).
std::vector<std::filesystem::path> missing_folders(const std::string& path);
int make_private_folders(const std::vector<std::filesystem::path>& missing);
// Creates `path` as a new, empty file of mode 0600 whatever the umask (a stale file or symlink of
// that name goes first; O_EXCL | O_NOFOLLOW make sure it is a new one of ours): 0, or the errno.
int create_private_file(const std::string& path);
void write_file_atomically(const std::string& path, std::string_view text, Folders folders);
// The same written piece by piece, for a document too large to hold whole (a ten-year trail):
// nothing is at `path` until commit(), and a file dropped before it (an error on the way) leaves
// nothing behind, not even its temp file. The constructor and each call throw as above.
class AtomicFile {
  public:
    AtomicFile(const std::string& path, Folders folders);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    void write(std::string_view text);
    void commit();

  private:
    std::string m_path, m_tmp;
    int m_fd = -1;
};
// Replaces a cache file beside the store (prompt settings, parsed config, prompt segment): 0600,
// through a temp file and a rename, no fsync (a cache lost to a crash is only rebuilt; readers
// reject a partial one). False when it could not be written.
bool replace_cache_file(const std::string& path, std::string_view text);
// The same written piece by piece (a kept view of megabytes): nothing is at `path` until keep(),
// and a file dropped before it leaves no temp file behind. Best effort, never throws: keep() is
// false when any piece could not be written. `unnamed`: the file has no name until keep()
// (O_TMPFILE, where the file system has it), so a process killed while it writes (a trail piped
// into `head` ends by SIGPIPE) leaves nothing behind.
class CacheFile {
  public:
    explicit CacheFile(const std::string& path, bool unnamed = false);
    ~CacheFile();
    CacheFile(const CacheFile&) = delete;
    CacheFile& operator=(const CacheFile&) = delete;
    void write(std::string_view text);
    // Writes over bytes written before (a checksum known only at the end).
    void write_at(std::size_t offset, std::string_view text);
    bool keep();

  private:
    std::string m_path, m_tmp; // m_tmp empty while the file has no name
    int m_fd = -1;
    bool m_ok = false;
};
// A small file read whole, up to `max_bytes` (kint's caches, the WAL's header): empty when it is
// missing or unreadable. Plain read(2), no stream: the prompt hook reads two of these each time.
std::string read_small_file(const std::string& path, std::size_t max_bytes);
// Reads a whole stream, or nullopt as soon as it holds more than `max_bytes`.
std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes);
// Reads a whole regular file, without blocking; throws NotFound (exit 1) naming it when it cannot
// be read or is not a regular file (a FIFO, a device, a folder), UsageError when it is larger than
// `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes);

// Whether `a` and `b` name one file: the same inode when both exist, else the same canonical path.
bool same_file(const std::string& a, const std::string& b);

// Throws StoreError when the store at `store_path`, or its -wal, -shm or -journal, exists and is a
// FIFO, device or socket: SQLite would block on it (or write into a device) before saying anything.
void refuse_special_store_files(const std::string& store_path);

// The URI a reader that must create nothing (the prompt hook) opens the store at `store_path` with:
// the absolute path percent-encoded, and immutable=1 when a store in WAL mode has no -wal or -shm
// (SQLite would create them; without a WAL the main file holds every commit).
std::string sqlite_reader_uri(const std::string& store_path);
// Appends `text` to a file a person keeps (a shell's rc file): missing folders are made 0700, a
// new file 0600, an existing one keeps its mode. False when it cannot be written whole.
bool append_private_file(const std::string& path, std::string_view text);

} // namespace kint::io
