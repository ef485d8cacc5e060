// The sync key file: made, written once (0600, never replaced) and read back with plain errors.
#include "kint/sync/key.hpp"

#include "sodium.hpp"

#include "kint/core/error.hpp"
#include "kint/core/file.hpp"
#include "kint/io/files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kint::sync {

static_assert(std::tuple_size_v<Key> == crypto_secretstream_xchacha20poly1305_KEYBYTES);

namespace {

constexpr std::string_view first_line = "kint-sync-key 1";
constexpr std::string_view first_word = "kint-sync-key ";
// The file is 81 bytes; a little room for a CR per line and trailing blanks, no more.
constexpr std::size_t max_key_file = 1024;

// Removes a file when the scope ends (the temporary the key was written to).
struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() { ::unlink(path.c_str()); }
};

UsageError already_there(const std::string& path) {
    return UsageError(fmt::format("a sync key is already at {}; kint never replaces one, since "
                                  "the devices that sync with it need it: keep using it, or move "
                                  "it aside yourself to start again with a new key",
                                  path));
}

// Gives `tmp` the name `path` unless something has that name already.
void link_into_place(const std::string& tmp, const std::string& path) {
    if (::link(tmp.c_str(), path.c_str()) == 0) return;
    // A file system without hard links: a rename that refuses to replace does the same.
    if (errno != EEXIST &&
        ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0)
        return;
    if (errno == EEXIST) throw already_there(path);
    throw Error(fmt::format("cannot write the sync key {}: {}; check the folder exists and is "
                            "writable",
                            path, std::strerror(errno)),
                1);
}

// A line without its trailing CR (a key file that passed through Windows) and outer blanks.
std::string_view trimmed(std::string_view line) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!line.empty() && blank(line.back()))
        line.remove_suffix(1);
    while (!line.empty() && blank(line.front()))
        line.remove_prefix(1);
    return line;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The file's text, wiped from memory when it goes (it holds the key).
struct Secret {
    std::string text;
    ~Secret() { sodium_memzero(text.data(), text.size()); }
};

// The store's own key is kint's to look after (StoreError, exit 1); a file the person named is
// their input (UsageError, exit 2).
[[noreturn]] void refuse(const std::string& path, KeySource source, const std::string& what,
                         bool with_fix = true) {
    const bool given = source == KeySource::given;
    std::string message = fmt::format("{}: {}", path, what);
    if (with_fix)
        message += given ? "; give the .sync-key file of a device that already syncs, copied whole"
                         : "; copy it again, whole, from a device that already syncs";
    if (given) throw UsageError(message);
    throw StoreError(message);
}

} // namespace

std::string key_path(const std::string& store_path) {
    return store_path + ".sync-key";
}

Key make_key() {
    detail::ensure_sodium();
    Key key;
    randombytes_buf(key.data(), key.size());
    return key;
}

std::string key_text(const Key& key) {
    char hex[2 * std::tuple_size_v<Key> + 1];
    sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
    std::string text = fmt::format("{}\n{}\n", first_line, hex);
    sodium_memzero(hex, sizeof hex);
    return text;
}

void write_key(const std::string& path, const Key& key) {
    detail::ensure_sodium();
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) throw already_there(path);
    const auto fail = [&](int err) {
        return Error(fmt::format("cannot write the sync key {}: {}; check the folder exists and "
                                 "is writable",
                                 path, std::strerror(err)),
                     1);
    };
    if (const int err = io::make_private_folders(io::missing_folders(path))) throw fail(err);
    // Written whole under a name of its own (0600 from the start), then linked into place: a
    // reader never sees half a key, and a key another kint wrote at the same moment is kept.
    RemoveOnExit tmp{fmt::format("{}.kint-new.{}.{:08x}", path, ::getpid(), randombytes_random())};
    if (const int err = io::create_private_file(tmp.path)) throw fail(err);
    const int fd = ::open(tmp.path.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) throw fail(errno);
    const Secret text{key_text(key)};
    std::size_t done = 0;
    while (done < text.text.size()) {
        const auto n = ::write(fd, text.text.data() + done, text.text.size() - done);
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            throw fail(err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        throw fail(err);
    }
    if (::close(fd) != 0) throw fail(errno);
    link_into_place(tmp.path, path);
}

Key read_key(const std::string& path, KeySource source) {
    const bool given = source == KeySource::given;
    Secret file{};
    {
        auto read = read_regular_file(path, max_key_file);
        file.text = std::move(read.text);
        switch (read.status) {
        case FileText::Status::ok:
            break;
        case FileText::Status::missing:
            if (given)
                throw UsageError(fmt::format("there is no key file at {}; check the path of the "
                                             ".sync-key file copied from a device that already "
                                             "syncs",
                                             path));
            throw NotFound(fmt::format("this store has no sync key ({} is missing); run `kint sync "
                                       "init DIR` to make one, or `kint sync init DIR --key FILE` "
                                       "with the key of a device that already syncs",
                                       path));
        case FileText::Status::too_large:
            refuse(path, source, "this is not a kint sync key (it is far larger than one)");
        case FileText::Status::not_regular:
            refuse(path, source, fmt::format("this is {}, not a key file", read.kind));
        case FileText::Status::loop:
            refuse(path, source, "this is a symlink loop, not a key file");
        default:
            refuse(path, source,
                   fmt::format("the key file cannot be read ({})", std::strerror(read.error)));
        }
    }
    const std::string_view text = file.text;
    const auto end1 = text.find('\n');
    const std::string_view line1 = trimmed(text.substr(0, end1));
    if (line1 != first_line) {
        // "kint-sync-key 2": a later kint's format, which this one cannot read.
        const std::string_view number =
            line1.starts_with(first_word) ? line1.substr(first_word.size()) : "";
        if (!number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos)
            refuse(path, source,
                   fmt::format("this key file is in a newer format ({}) than this kint reads; "
                               "update kint on this device",
                               number),
                   false);
        refuse(
            path, source,
            fmt::format("this is not a kint sync key (its first line should be `{}`)", first_line));
    }
    const std::string_view rest = end1 == std::string_view::npos ? "" : text.substr(end1 + 1);
    const auto end2 = rest.find('\n');
    const std::string_view hex = trimmed(rest.substr(0, end2));
    const std::string_view after = end2 == std::string_view::npos ? "" : rest.substr(end2 + 1);
    if (after.find_first_not_of(" \t\r\n") != std::string_view::npos)
        refuse(path, source, "this is not a kint sync key (it holds more than its two lines)");
    Key key{};
    for (const char c : hex)
        if (hex_value(c) < 0)
            refuse(path, source,
                   "the key on its second line holds a character that is not a hex digit");
    if (hex.size() != 2 * key.size())
        refuse(path, source,
               fmt::format("the key on its second line should be {} hex digits, and it is {}",
                           2 * key.size(), hex.size()));
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<unsigned char>(hex_value(hex[2 * i]) * 16 + hex_value(hex[2 * i + 1]));
    return key;
}

} // namespace kint::sync
