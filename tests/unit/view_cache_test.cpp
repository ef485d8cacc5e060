// The daily view kept beside the store (cache::view_cache): shown again only for exactly the
// store, config, binary and request it was drawn from, never when damaged, never within 2 seconds
// of a config edit, and dropped once the store moves on.
#include "kint/cache/segment_cache.hpp"
#include "kint/cache/view_cache.hpp"
#include "kint/io/files.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using namespace kint::cache;

namespace {

struct Dir {
    fs::path path = fs::temp_directory_path() / ("kint-view-" + std::to_string(::getpid()));
    Dir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Dir() { fs::remove_all(path); }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

void put(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Sets a file's mtime `seconds` before now. (Its ctime stays now: the view is then dated
// later, as one written a while after the config changed.)
void age(const std::string& path, int seconds) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::seconds(seconds));
}

// A store file last changed a minute ago (a view is kept only once the store's last change is
// older than its mtime's tick).
void put_store(const std::string& db, const std::string& text) {
    put(db, text);
    age(db, 60);
}

void write_later(const std::string& db, const ViewStamp& stamp, const std::string& view) {
    write_view_cache(db, stamp, view);
    age(view_cache_path(db), -10);
}

} // namespace

TEST_CASE("view cache: the view comes back for the same stamp, and only for it") {
    Dir d;
    const auto db = d / "kint.db", config = d / "config.toml";
    put_store(db, "a store");
    put(config, "[safety]\n");
    age(config, 60);
    const std::string view = "Wednesday 18 March 2026\n\x1b[1mfocus\x1b[0m  be kind\n";

    const auto stamp = view_stamp(db, config, "today day 2026-03-18");
    REQUIRE(stamp);
    CHECK_FALSE(read_view_cache(db, *stamp)); // nothing kept yet
    write_later(db, *stamp, view);
    struct stat st {};
    REQUIRE(::stat(view_cache_path(db).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(read_view_cache(db, *stamp) == view);

    SUBCASE("another request") {
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today day 2026-03-19")));
    }
    SUBCASE("the store changed") {
        put_store(db, "a store, changed");
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today day 2026-03-18")));
    }
    SUBCASE("the store's WAL changed") {
        put(db + "-wal", "");
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today day 2026-03-18")));
    }
    SUBCASE("the config changed") {
        put(config, "[safety]\nlow_mood_max = 2\n");
        age(config, 30);
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today day 2026-03-18")));
    }
    SUBCASE("another config file") {
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, d / "other.toml", "today day 2026-03-18")));
    }
    SUBCASE("any byte damaged") {
        const std::string whole = slurp(view_cache_path(db));
        for (std::size_t i = 0; i < whole.size(); ++i) {
            CAPTURE(i);
            std::string damaged = whole;
            damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
            put(view_cache_path(db), damaged);
            age(view_cache_path(db), -10);
            CHECK_FALSE(read_view_cache(db, *stamp));
        }
        put(view_cache_path(db), whole.substr(0, whole.size() - 1)); // cut short
        CHECK_FALSE(read_view_cache(db, *stamp));
    }
}

TEST_CASE("view cache: never trusted within 2 seconds of a config edit") {
    Dir d;
    const auto db = d / "kint.db", config = d / "config.toml";
    put_store(db, "a store");
    put(config, "[safety]\n"); // written just now: an edit in the same tick could keep its stat
    const auto stamp = view_stamp(db, config, "today");
    REQUIRE(stamp);
    write_view_cache(db, *stamp, "view\n");
    CHECK_FALSE(read_view_cache(db, *stamp));
    age(config, 10);
    const auto later = view_stamp(db, config, "today");
    CHECK_FALSE(read_view_cache(db, *later)); // kept under the config's old stat
    write_later(db, *later, "view\n");
    CHECK(read_view_cache(db, *later) == "view\n");
}

TEST_CASE("view cache: nothing is kept without a store file, or a view too large") {
    Dir d;
    CHECK_FALSE(view_stamp(d / "none.db", std::nullopt, "today"));
    const auto db = d / "kint.db";
    put_store(db, "a store");
    const auto stamp = view_stamp(db, std::nullopt, "today");
    REQUIRE(stamp);
    write_view_cache(db, *stamp, std::string((1 << 20) + 1, 'x'));
    CHECK_FALSE(fs::exists(view_cache_path(db)));
    CHECK_FALSE(view_stamp(db, std::nullopt, "today\nsum 0")); // a request is one line
}

TEST_CASE("view cache: dropped once the store moves on, kept while it has not") {
    Dir d;
    const auto db = d / "kint.db";
    put_store(db, "a store");
    const auto stamp = view_stamp(db, std::nullopt, "today");
    REQUIRE(stamp);
    write_view_cache(db, *stamp, "focus  a secret\n");
    drop_stale_view(db, *store_stamp(db));
    CHECK(fs::exists(view_cache_path(db)));
    put_store(db, "a store without the secret");
    drop_stale_view(db, *store_stamp(db));
    CHECK_FALSE(fs::exists(view_cache_path(db)));
    drop_stale_view(db, *store_stamp(db)); // nothing there: nothing to do
    put(view_cache_path(db), "not a view\n");
    drop_stale_view(db, *store_stamp(db));
    CHECK_FALSE(fs::exists(view_cache_path(db)));
}

TEST_CASE("view cache: kept only for a settled store of regular files with an empty WAL") {
    Dir d;
    const auto db = d / "kint.db";
    put(db, "a store"); // changed just now: a write in the same tick would keep its stamp
    CHECK_FALSE(view_stamp(db, std::nullopt, "today"));
    age(db, 1);
    CHECK(view_stamp(db, std::nullopt, "today"));
    // Whole-second times (no nanoseconds): a tick may be a second or two.
    const auto whole_seconds = [&](int ago) {
        const auto now = std::chrono::system_clock::now() - std::chrono::seconds(ago);
        timespec times[2]{};
        times[0].tv_sec = times[1].tv_sec = std::chrono::system_clock::to_time_t(now);
        REQUIRE(::utimensat(AT_FDCWD, db.c_str(), times, 0) == 0);
    };
    whole_seconds(1);
    CHECK_FALSE(view_stamp(db, std::nullopt, "today"));
    whole_seconds(3);
    CHECK(view_stamp(db, std::nullopt, "today"));
    // A WAL with commits in it (another program's, or a command cut short), or not a file.
    put(db + "-wal", "commits");
    CHECK_FALSE(view_stamp(db, std::nullopt, "today"));
    put(db + "-wal", "");
    CHECK(view_stamp(db, std::nullopt, "today"));
    fs::remove(db + "-wal");
    REQUIRE(::mkfifo((db + "-wal").c_str(), 0600) == 0);
    CHECK_FALSE(view_stamp(db, std::nullopt, "today"));
    fs::remove(db + "-wal");
    fs::remove(db);
    REQUIRE(::mkfifo(db.c_str(), 0600) == 0);
    CHECK_FALSE(view_stamp(db, std::nullopt, "today"));
}
