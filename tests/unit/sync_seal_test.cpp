// kint sync's sealed files and key file (src/sync): round trips at every chunk boundary, and every
// way a file can be changed, cut, extended, moved or replayed fails; the key file is 0600, never
// replaced, and each bad one is refused with words that say what to do.
#include "kint/core/error.hpp"
#include "kint/sync/key.hpp"
#include "kint/sync/seal.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using kint::sync::Key;
using kint::sync::Opened;
using Status = kint::sync::Opened::Status;

namespace {

constexpr std::size_t chunk = 64 * 1024;
constexpr std::size_t prefix = 8 + 1 + 24; // magic, version, secretstream header
constexpr std::size_t tag = 17;

// Text that differs at every position (a chunk swapped for another would show).
std::string text_of(std::size_t size) {
    std::string text(size, '\0');
    std::uint32_t x = 2463534242u;
    for (auto& c : text) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        c = static_cast<char>(x);
    }
    return text;
}

Status status_of(const Key& key, const std::string& bytes, std::string_view device = "dev-a",
                 std::uint64_t seq = 7) {
    const Opened opened = kint::sync::open(key, device, seq, bytes);
    if (opened.status != Status::ok) CHECK(opened.plaintext.empty());
    return opened.status;
}

// A fresh folder per test case, removed at its end.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() /
               ("kint-sync-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

void put(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The message of what read_key throws for `path`, and that it is an error of type E.
template <typename E>
std::string refusal(const std::string& path, kint::sync::KeySource source) {
    try {
        kint::sync::read_key(path, source);
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        FAIL("another error type: " << std::string(e.what()));
    }
    FAIL("read_key accepted " << path);
    return {};
}

} // namespace

TEST_CASE("seal: round trip at every chunk boundary, with the file's exact size") {
    const Key key = kint::sync::make_key();
    for (const std::size_t size : {0, 1, 65535, 65536, 65537, 131072, 200000}) {
        CAPTURE(size);
        const std::string plain = text_of(size);
        const std::string sealed = kint::sync::seal(key, "dev-a", 7, plain);
        const std::size_t chunks = size == 0 ? 1 : (size + chunk - 1) / chunk;
        CHECK(sealed.size() == prefix + size + chunks * tag);
        CHECK(sealed.substr(0, 9) == std::string("KINTSYNC\x01"));
        // Nothing of the text shows in the file.
        if (size >= 64) CHECK(sealed.find(plain.substr(0, 32)) == std::string::npos);
        const Opened opened = kint::sync::open(key, "dev-a", 7, sealed);
        REQUIRE(opened.status == Status::ok);
        CHECK(opened.version == kint::sync::seal_version);
        CHECK(opened.plaintext == plain);
    }
}

TEST_CASE("seal: the same text sealed twice gives different bytes (a new header each time)") {
    const Key key = kint::sync::make_key();
    CHECK(kint::sync::seal(key, "d", 1, "same") != kint::sync::seal(key, "d", 1, "same"));
}

TEST_CASE("seal: a flipped bit anywhere is not authentic") {
    const Key key = kint::sync::make_key();
    SUBCASE("every byte and bit of a small file") {
        const std::string sealed = kint::sync::seal(key, "dev-a", 7, "2026-12-03 done walk\n");
        for (std::size_t at = 0; at < sealed.size(); ++at)
            for (int bit = 0; bit < 8; ++bit) {
                CAPTURE(at);
                CAPTURE(bit);
                std::string bad = sealed;
                bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
                const Status status = status_of(key, bad);
                if (at < 8)
                    CHECK(status == Status::not_sync_file);
                else if (at == 8) // the version byte: 0 is damage, above 1 is a newer format
                    CHECK(status == (bit == 0 ? Status::not_authentic : Status::newer_version));
                else
                    CHECK(status == Status::not_authentic);
            }
    }
    SUBCASE("sampled bytes of a 200 kB file, in every chunk and at their edges") {
        const std::string sealed = kint::sync::seal(key, "dev-a", 7, text_of(200000));
        std::vector<std::size_t> positions;
        for (std::size_t at = prefix; at < sealed.size(); at += 997)
            positions.push_back(at);
        for (std::size_t c = 1; c <= 4; ++c) { // each chunk's last and first bytes
            const std::size_t edge = std::min(prefix + c * (chunk + tag), sealed.size());
            positions.push_back(edge - 1);
            if (edge < sealed.size()) positions.push_back(edge);
        }
        for (const std::size_t at : positions) {
            CAPTURE(at);
            std::string bad = sealed;
            bad[at] = static_cast<char>(bad[at] ^ 0x20);
            CHECK(status_of(key, bad) == Status::not_authentic);
        }
    }
}

TEST_CASE("seal: a file cut short anywhere is refused") {
    const Key key = kint::sync::make_key();
    SUBCASE("every length of a small file") {
        const std::string sealed = kint::sync::seal(key, "dev-a", 7, "2026-12-03 done walk\n");
        for (std::size_t length = 0; length < sealed.size(); ++length) {
            CAPTURE(length);
            CHECK(status_of(key, sealed.substr(0, length)) ==
                  (length < 8 ? Status::not_sync_file : Status::not_authentic));
        }
    }
    SUBCASE("an empty plaintext's file without its final chunk, or part of it") {
        const std::string sealed = kint::sync::seal(key, "dev-a", 7, "");
        REQUIRE(sealed.size() == prefix + tag);
        CHECK(status_of(key, sealed) == Status::ok);
        for (std::size_t length = prefix; length < sealed.size(); ++length)
            CHECK(status_of(key, sealed.substr(0, length)) == Status::not_authentic);
    }
    SUBCASE("at every chunk boundary of a big file, and one byte either side") {
        for (const std::size_t size : {131072, 200000}) {
            CAPTURE(size);
            const std::string sealed = kint::sync::seal(key, "dev-a", 7, text_of(size));
            for (std::size_t c = 0; prefix + c * (chunk + tag) < sealed.size(); ++c) {
                const std::size_t boundary = prefix + c * (chunk + tag);
                for (const std::size_t length : {boundary - 1, boundary, boundary + 1}) {
                    CAPTURE(length);
                    CHECK(status_of(key, sealed.substr(0, length)) == Status::not_authentic);
                }
            }
            CHECK(status_of(key, sealed.substr(0, sealed.size() - 1)) == Status::not_authentic);
        }
    }
}

TEST_CASE("seal: anything after the final chunk is refused") {
    const Key key = kint::sync::make_key();
    for (const std::size_t size : {0, 10, 65536, 70000}) {
        CAPTURE(size);
        const std::string sealed = kint::sync::seal(key, "dev-a", 7, text_of(size));
        CHECK(status_of(key, sealed + '\0') == Status::not_authentic);
        CHECK(status_of(key, sealed + "x") == Status::not_authentic);
        CHECK(status_of(key, sealed + sealed.substr(prefix)) == Status::not_authentic);
        // A whole second file after the first.
        CHECK(status_of(key, sealed + sealed) == Status::not_authentic);
    }
}

TEST_CASE("seal: another key, device or sequence number is not authentic") {
    const Key key = kint::sync::make_key();
    const std::string sealed = kint::sync::seal(key, "dev-a", 7, "2026-12-03 done walk\n");
    REQUIRE(status_of(key, sealed, "dev-a", 7) == Status::ok);
    Key other = key;
    other[31] ^= 1;
    CHECK(status_of(other, sealed) == Status::not_authentic);
    CHECK(status_of(kint::sync::make_key(), sealed) == Status::not_authentic);
    // Moved into another device's folder.
    CHECK(status_of(key, sealed, "dev-b", 7) == Status::not_authentic);
    CHECK(status_of(key, sealed, "dev-a ", 7) == Status::not_authentic);
    CHECK(status_of(key, sealed, "", 7) == Status::not_authentic);
    // An old file replayed under another number.
    CHECK(status_of(key, sealed, "dev-a", 8) == Status::not_authentic);
    CHECK(status_of(key, sealed, "dev-a", 6) == Status::not_authentic);
    CHECK(status_of(key, sealed, "dev-a", 70) == Status::not_authentic);
    // A chunk of one file spliced into another (same key, device and number).
    const std::string big1 = kint::sync::seal(key, "dev-a", 7, text_of(100000));
    const std::string big2 = kint::sync::seal(key, "dev-a", 7, text_of(100000));
    const std::string spliced =
        big1.substr(0, prefix + chunk + tag) + big2.substr(prefix + chunk + tag);
    CHECK(status_of(key, spliced) == Status::not_authentic);
}

TEST_CASE("seal: a newer format version is named, not opened, other files are not sync files") {
    const Key key = kint::sync::make_key();
    std::string sealed = kint::sync::seal(key, "dev-a", 7, "text");
    for (const int version : {2, 9, 255}) {
        sealed[8] = static_cast<char>(version);
        const Opened opened = kint::sync::open(key, "dev-a", 7, sealed);
        CHECK(opened.status == Status::newer_version);
        CHECK(opened.version == version);
        CHECK(opened.plaintext.empty());
    }
    CHECK(status_of(key, "") == Status::not_sync_file);
    CHECK(status_of(key, "KINTSYN") == Status::not_sync_file);
    CHECK(status_of(key, "kintsync\x01") == Status::not_sync_file);
    CHECK(status_of(key, "{\"kint\": 1}") == Status::not_sync_file);
    CHECK(status_of(key, "KINTSYNC") == Status::not_authentic);
    CHECK(status_of(key, std::string("KINTSYNC\x01", 9)) == Status::not_authentic);
}

TEST_CASE("key file: round trip, 0600, two lines of text, never replaced") {
    const TempDir dir("key");
    const std::string store = dir.file("kint.db");
    const std::string path = kint::sync::key_path(store);
    CHECK(path == store + ".sync-key");
    const Key key = kint::sync::make_key();
    CHECK(key != kint::sync::make_key());
    const mode_t old_mask = ::umask(0); // a permissive umask must not widen the file
    kint::sync::write_key(path, key);
    ::umask(old_mask);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string text = slurp(path);
    REQUIRE(text.size() == 16 + 64 + 1);
    CHECK(text.starts_with("kint-sync-key 1\n"));
    CHECK(text.substr(16, 64).find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(text.back() == '\n');
    CHECK(text == kint::sync::key_text(key));
    CHECK(kint::sync::read_key(path) == key);
    CHECK(kint::sync::read_key(path, kint::sync::KeySource::given) == key);
    // Only the key is left in the folder: no temporary.
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);

    // Never replaced, by another key or the same one.
    const Key other = kint::sync::make_key();
    try {
        kint::sync::write_key(path, other);
        FAIL("write_key replaced a key");
    } catch (const kint::UsageError& e) {
        CHECK(std::string(e.what()) ==
              "a sync key is already at " + path +
                  "; kint never replaces one, since the devices that sync with it need it: keep "
                  "using it, or move it aside yourself to start again with a new key");
    }
    CHECK_THROWS_AS(kint::sync::write_key(path, key), kint::UsageError);
    CHECK(slurp(path) == text);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
    // Not through a dangling symlink either.
    const std::string link = dir.file("link.sync-key");
    fs::create_symlink(dir.file("nowhere"), link);
    CHECK_THROWS_AS(kint::sync::write_key(link, key), kint::UsageError);
    CHECK(!fs::exists(dir.file("nowhere")));
}

TEST_CASE("key file: writers at the same moment: one key is written whole, the others refused") {
    const TempDir dir("key-race");
    const std::string path = dir.file("kint.db.sync-key");
    constexpr int writers = 8;
    std::vector<pid_t> children;
    for (int i = 0; i < writers; ++i) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            int code = 1;
            try {
                kint::sync::write_key(path, kint::sync::make_key());
                code = 0;
            } catch (const kint::UsageError&) {
                code = 3;
            } catch (...) {
            }
            ::_exit(code);
        }
        children.push_back(pid);
    }
    int written = 0, refused = 0;
    for (const pid_t pid : children) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFEXITED(status));
        written += WEXITSTATUS(status) == 0;
        refused += WEXITSTATUS(status) == 3;
    }
    CHECK(written == 1);
    CHECK(refused == writers - 1);
    const Key key = kint::sync::read_key(path);
    CHECK(slurp(path) == kint::sync::key_text(key));
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("key file: a place it cannot be written is an error naming the key (exit 1)") {
    const TempDir dir("key-unwritable");
    put(dir.file("plain"), "a file, not a folder");
    const std::string path = dir.file("plain") + "/kint.db.sync-key";
    try {
        kint::sync::write_key(path, kint::sync::make_key());
        FAIL("write_key wrote under a file");
    } catch (const kint::UsageError& e) {
        FAIL("a usage error: " << std::string(e.what()));
    } catch (const kint::Error& e) {
        CHECK(e.exit_code() == 1);
        CHECK(std::string(e.what()) == "cannot write the sync key " + path +
                                           ": Not a directory; check the folder exists and is "
                                           "writable");
    }
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("key file: copied by hand (CRLF, upper case, no last newline, readable by others)") {
    const TempDir dir("key-copied");
    const Key key = kint::sync::make_key();
    const std::string text = kint::sync::key_text(key);
    const std::string hex = text.substr(16, 64);
    std::string upper = hex;
    for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& copy : {"kint-sync-key 1\r\n" + hex + "\r\n", "kint-sync-key 1\n" + hex,
                                    "kint-sync-key 1\n" + upper + "\n", text + "\n\n"}) {
        CAPTURE(copy);
        const std::string path = dir.file("copy.sync-key");
        put(path, copy);
        ::chmod(path.c_str(), 0644);
        CHECK(kint::sync::read_key(path, kint::sync::KeySource::given) == key);
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0644); // the person's file: its mode is theirs
    }
}

TEST_CASE("key file: each bad one refused with what to do") {
    using kint::sync::KeySource;
    const TempDir dir("key-bad");
    const std::string hex(64, 'a');
    const std::string given_fix = "; give the .sync-key file of a device that already syncs, "
                                  "copied whole";
    const std::string store_fix = "; copy it again, whole, from a device that already syncs";

    SUBCASE("missing beside the store: run kint sync init (exit 1)") {
        const std::string path = dir.file("kint.db.sync-key");
        const auto message = refusal<kint::NotFound>(path, KeySource::store);
        CHECK(message == "this store has no sync key (" + path +
                             " is missing); run `kint sync init DIR` to make one, or `kint sync "
                             "init DIR --key FILE` with the key of a device that already syncs");
    }
    SUBCASE("missing where the person pointed (exit 2)") {
        const std::string path = dir.file("typo.sync-key");
        CHECK(refusal<kint::UsageError>(path, KeySource::given) ==
              "there is no key file at " + path +
                  "; check the path of the .sync-key file copied from a device that already "
                  "syncs");
    }
    SUBCASE("not a key file: another first line") {
        for (const std::string& text : std::vector<std::string>{
                 "", "\n", "kint-sync-key\n" + hex + "\n", "kint-sync-key 1.0\n" + hex + "\n",
                 hex + "\n", "# my key\nkint-sync-key 1\n" + hex + "\n", "SQLite format 3"}) {
            CAPTURE(text);
            const std::string path = dir.file("other");
            put(path, text);
            const std::string what =
                ": this is not a kint sync key (its first line should be `kint-sync-key 1`)";
            CHECK(refusal<kint::UsageError>(path, KeySource::given) == path + what + given_fix);
            CHECK(refusal<kint::StoreError>(path, KeySource::store) == path + what + store_fix);
        }
    }
    SUBCASE("a newer key format") {
        const std::string path = dir.file("newer");
        put(path, "kint-sync-key 2\n" + hex + "\n");
        CHECK(refusal<kint::UsageError>(path, KeySource::given) ==
              path + ": this key file is in a newer format (2) than this kint reads; update kint "
                     "on this device");
    }
    SUBCASE("a short or long key") {
        for (const std::size_t length : {0, 1, 62, 63, 65, 128}) {
            CAPTURE(length);
            const std::string path = dir.file("short");
            put(path, "kint-sync-key 1\n" + std::string(length, 'b') + "\n");
            CHECK(refusal<kint::UsageError>(path, KeySource::given) ==
                  path + ": the key on its second line should be 64 hex digits, and it is " +
                      std::to_string(length) + given_fix);
        }
    }
    SUBCASE("a character that is not a hex digit") {
        for (const char c : {'g', 'x', ' ', '-', '\0', '\xc3'}) {
            CAPTURE(int(c));
            std::string bad = hex;
            bad[20] = c;
            const std::string path = dir.file("nonhex");
            put(path, "kint-sync-key 1\n" + bad + "\n");
            CHECK(refusal<kint::UsageError>(path, KeySource::given) ==
                  path + ": the key on its second line holds a character that is not a hex digit" +
                      given_fix);
        }
    }
    SUBCASE("more than its two lines") {
        const std::string path = dir.file("more");
        put(path, "kint-sync-key 1\n" + hex + "\n" + hex + "\n");
        CHECK(refusal<kint::UsageError>(path, KeySource::given) ==
              path + ": this is not a kint sync key (it holds more than its two lines)" +
                  given_fix);
    }
    SUBCASE("far too large, a folder") {
        const std::string path = dir.file("large");
        put(path, "kint-sync-key 1\n" + std::string(5000, 'a') + "\n");
        CHECK(refusal<kint::UsageError>(path, KeySource::given) ==
              path + ": this is not a kint sync key (it is far larger than one)" + given_fix);
        CHECK(refusal<kint::StoreError>(dir.path.string(), KeySource::store) ==
              dir.path.string() + ": this is a folder, not a key file" + store_fix);
    }
}
