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

// Writes `text` to `path` (mode 0600) through a temp file, fsync and rename, so a reader never sees
// half a file. Missing folders are made (0700) for kint's own files; for a path the person named
// (--out) they must exist, since a typo should not leave folders behind. Throws Error (exit 1).
enum class Folders { create, must_exist };
// The folders above `path` that do not exist yet, innermost first; and making them, 0700, outermost
// first (0, or the errno that stopped it).
std::vector<std::filesystem::path> missing_folders(const std::string& path);
int make_private_folders(const std::vector<std::filesystem::path>& missing);
void write_file_atomically(const std::string& path, std::string_view text, Folders folders);
// Replaces a cache file beside the store (prompt settings, parsed config, prompt segment): 0600,
// through a temp file and a rename, no fsync (a cache lost to a crash is only rebuilt; readers
// reject a partial one). False when it could not be written.
bool replace_cache_file(const std::string& path, std::string_view text);
// A small file read whole, up to `max_bytes` (kint's caches, the WAL's header): empty when it is
// missing or unreadable. Plain read(2), no stream: the prompt hook reads two of these each time.
std::string read_small_file(const std::string& path, std::size_t max_bytes);
// Reads a whole stream, or nullopt as soon as it holds more than `max_bytes`.
std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes);
// Reads a whole file; throws NotFound (exit 1) naming it when it cannot be read, UsageError when it
// is larger than `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes);
// Appends `text` to a file a person keeps (a shell's rc file): missing folders are made 0700, a
// new file 0600, an existing one keeps its mode. False when it cannot be written whole.
bool append_private_file(const std::string& path, std::string_view text);

} // namespace kint::io
