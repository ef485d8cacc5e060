// The daily view kept beside the store (cache::view_cache): shown again only for exactly the
// store, config, binary and request it was drawn from, never when damaged, never within 2 seconds
// of a config edit, and dropped once the store moves on.
#include "kint/cache/segment_cache.hpp"
#include "kint/cache/view_cache.hpp"
#include "kint/io/files.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

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
    age(view_cache_path(db, stamp.kind), -10);
}

} // namespace

TEST_CASE("view cache: the view comes back for the same stamp, and only for it") {
    Dir d;
    const auto db = d / "kint.db", config = d / "config.toml";
    put_store(db, "a store");
    put(config, "[safety]\n");
    age(config, 60);
    const std::string view = "Wednesday 18 March 2026\n\x1b[1mfocus\x1b[0m  be kind\n";

    const auto stamp = view_stamp(db, config, "today", "today day 2026-03-18");
    REQUIRE(stamp);
    CHECK_FALSE(read_view_cache(db, *stamp)); // nothing kept yet
    write_later(db, *stamp, view);
    struct stat st {};
    REQUIRE(::stat(view_cache_path(db, "today").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(read_view_cache(db, *stamp) == view);

    SUBCASE("another request") {
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today", "today day 2026-03-19")));
    }
    SUBCASE("the store changed") {
        put_store(db, "a store, changed");
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today", "today day 2026-03-18")));
    }
    SUBCASE("the store's WAL changed") {
        put(db + "-wal", "");
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today", "today day 2026-03-18")));
    }
    SUBCASE("the config changed") {
        put(config, "[safety]\nlow_mood_max = 2\n");
        age(config, 30);
        CHECK_FALSE(read_view_cache(db, *view_stamp(db, config, "today", "today day 2026-03-18")));
    }
    SUBCASE("another config file") {
        CHECK_FALSE(read_view_cache(
            db, *view_stamp(db, d / "other.toml", "today", "today day 2026-03-18")));
    }
    SUBCASE("any byte damaged") {
        const std::string whole = slurp(view_cache_path(db, "today"));
        for (std::size_t i = 0; i < whole.size(); ++i) {
            CAPTURE(i);
            std::string damaged = whole;
            damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
            put(view_cache_path(db, "today"), damaged);
            age(view_cache_path(db, "today"), -10);
            CHECK_FALSE(read_view_cache(db, *stamp));
        }
        put(view_cache_path(db, "today"), whole.substr(0, whole.size() - 1)); // cut short
        CHECK_FALSE(read_view_cache(db, *stamp));
    }
}

TEST_CASE("view cache: never trusted within 2 seconds of a config edit") {
    Dir d;
    const auto db = d / "kint.db", config = d / "config.toml";
    put_store(db, "a store");
    put(config, "[safety]\n"); // written just now: an edit in the same tick could keep its stat
    const auto stamp = view_stamp(db, config, "today", "today");
    REQUIRE(stamp);
    write_view_cache(db, *stamp, "view\n");
    CHECK_FALSE(read_view_cache(db, *stamp));
    age(config, 10);
    const auto later = view_stamp(db, config, "today", "today");
    CHECK_FALSE(read_view_cache(db, *later)); // kept under the config's old stat
    write_later(db, *later, "view\n");
    CHECK(read_view_cache(db, *later) == "view\n");
}

TEST_CASE("view cache: nothing is kept without a store file, or a view too large") {
    Dir d;
    CHECK_FALSE(view_stamp(d / "none.db", std::nullopt, "today", "today"));
    const auto db = d / "kint.db";
    put_store(db, "a store");
    const auto stamp = view_stamp(db, std::nullopt, "today", "today");
    REQUIRE(stamp);
    {
        // Past view_limit, written in pieces as a trail is: nothing kept, no temp file left.
        ViewWriter writer(db, *stamp);
        const std::string mib(1 << 20, 'x');
        for (std::size_t i = 0; i < view_limit / mib.size(); ++i)
            writer.add(mib);
        writer.add("x");
        CHECK_FALSE(writer.keep());
    }
    CHECK_FALSE(fs::exists(view_cache_path(db, "today")));
    for (const auto& entry : fs::directory_iterator(d.path))
        CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
    CHECK_FALSE(view_stamp(db, std::nullopt, "today", "today\nsum 0")); // a request is one line
}

TEST_CASE("view cache: a view being written has no name until it is kept") {
    // A process killed while it prints a view (a trail piped into `head` ends by SIGPIPE) leaves
    // nothing beside the store: the file is unnamed (O_TMPFILE) until keep().
    Dir d;
    const auto path = d / "kint.db.trail.view";
    const auto names = [&d] {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(d.path))
            out.push_back(entry.path().filename().string());
        return out;
    };
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        kint::io::CacheFile file(path, /*unnamed=*/true);
        file.write("half a view");
        ::_exit(0); // no destructor runs, as under SIGKILL
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(names().empty());
    {
        kint::io::CacheFile file(path, true);
        file.write("a view\n");
        CHECK(names().empty());
        CHECK(file.keep());
    }
    CHECK(names() == std::vector<std::string>{"kint.db.trail.view"});
    CHECK(slurp(path) == "a view\n");
    CHECK((fs::status(path).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    {
        kint::io::CacheFile file(path, true);
        file.write("dropped");
    }
    CHECK(names() == std::vector<std::string>{"kint.db.trail.view"});
    CHECK(slurp(path) == "a view\n");
}

TEST_CASE("view cache: a view of megabytes is kept piece by piece and shown only whole") {
    Dir d;
    const auto db = d / "kint.db";
    put_store(db, "a store");
    const auto stamp = view_stamp(db, std::nullopt, "trail", "trail json");
    REQUIRE(stamp);
    // 3 MB of lines, more than one read's piece, in pieces of every size.
    std::string view;
    for (int i = 0; view.size() < (3u << 20); ++i)
        view += fmt::format("{{\"day\": {}, \"status\": \"done\"}}\n", i);
    {
        ViewWriter writer(db, *stamp);
        for (std::size_t at = 0, piece = 1; at < view.size();
             at += piece, piece = piece * 3 % 70001)
            writer.add(std::string_view(view).substr(at, piece));
        CHECK(writer.keep());
    }
    const auto path = view_cache_path(db, "trail");
    age(path, -10);
    const auto kept = slurp(path);
    // The file as the format says: its head (magic, the store's stamp, the request, the view's
    // XXH3), then the view as it was given.
    CHECK(kept == fmt::format("kint-view 2\n{}\n{}\nsum {:016x}\n", stamp->store, stamp->rest,
                              XXH3_64bits(view.data(), view.size())) +
                      view);
    std::size_t pieces = 0;
    std::string shown;
    CHECK(show_view_cache(db, *stamp, [&](std::string_view piece) {
              ++pieces;
              shown += piece;
          }) == Shown::whole);
    CHECK(shown == view);
    CHECK(pieces > 1); // never read whole
    const auto private_file = fs::perms::owner_read | fs::perms::owner_write;
    CHECK((fs::status(path).permissions() & fs::perms::all) == private_file);
    // One byte changed anywhere, or the file cut short: nothing at all is given.
    for (const std::size_t at : {kept.size() / 2, kept.size() - 1}) {
        std::string damaged = kept;
        damaged[at] = damaged[at] == 'x' ? 'y' : 'x';
        put(path, damaged);
        age(path, -10);
        bool given = false;
        CHECK(show_view_cache(db, *stamp, [&](std::string_view) { given = true; }) == Shown::none);
        CHECK_FALSE(given);
    }
    // Cut short in place by another program once it was checked and the first piece given: the
    // rest is not given, and the caller is told.
    put(path, kept);
    age(path, -10);
    std::string part;
    CHECK(show_view_cache(db, *stamp, [&](std::string_view piece) {
              if (part.empty()) fs::resize_file(path, kept.size() / 2);
              part += piece;
          }) == Shown::cut);
    CHECK(!part.empty());
    CHECK(part.size() < view.size());
    CHECK(view.substr(0, part.size()) == part);
    put(path, kept.substr(0, kept.size() - 100));
    age(path, -10);
    CHECK_FALSE(read_view_cache(db, *stamp));
}

TEST_CASE("view cache: dropped once the store moves on, kept while it has not") {
    Dir d;
    const auto db = d / "kint.db";
    put_store(db, "a store");
    for (const auto kind : view_kinds) {
        const auto stamp = view_stamp(db, std::nullopt, kind, "request");
        REQUIRE(stamp);
        write_view_cache(db, *stamp, "focus  a secret\n");
    }
    drop_stale_view(db, *store_stamp(db));
    for (const auto kind : view_kinds)
        CHECK(fs::exists(view_cache_path(db, kind)));
    put_store(db, "a store without the secret");
    drop_stale_view(db, *store_stamp(db));
    for (const auto kind : view_kinds)
        CHECK_FALSE(fs::exists(view_cache_path(db, kind)));
    drop_stale_view(db, *store_stamp(db)); // nothing there: nothing to do
    for (const auto kind : view_kinds)
        put(view_cache_path(db, kind), "not a view\n");
    drop_stale_view(db, *store_stamp(db));
    for (const auto kind : view_kinds)
        CHECK_FALSE(fs::exists(view_cache_path(db, kind)));
}

TEST_CASE("view cache: each kind of command keeps its own latest view, beside the store") {
    Dir d;
    const auto db = d / "kint.db";
    put_store(db, "a store");
    CHECK(view_cache_path(db, "today") == db + ".view");
    CHECK(view_cache_path(db, "review") == db + ".review.view");
    CHECK(view_cache_path(db, "trail") == db + ".trail.view");
    CHECK(view_cache_path(db, "report") == db + ".report.view");
    const auto today = view_stamp(db, std::nullopt, "today", "same request");
    const auto review = view_stamp(db, std::nullopt, "review", "same request");
    REQUIRE(today);
    REQUIRE(review);
    write_later(db, *today, "the day\n");
    write_later(db, *review, "the week\n");
    CHECK(read_view_cache(db, *today) == "the day\n");
    CHECK(read_view_cache(db, *review) == "the week\n");
    // A second review replaces the first; the day's view stays.
    const auto month = view_stamp(db, std::nullopt, "review", "another request");
    write_later(db, *month, "the month\n");
    CHECK_FALSE(read_view_cache(db, *review));
    CHECK(read_view_cache(db, *month) == "the month\n");
    CHECK(read_view_cache(db, *today) == "the day\n");
}

TEST_CASE("view cache: kept only for a settled store of regular files with an empty WAL") {
    Dir d;
    const auto db = d / "kint.db";
    put(db, "a store"); // changed just now: a write in the same tick would keep its stamp
    CHECK_FALSE(view_stamp(db, std::nullopt, "today", "today"));
    age(db, 1);
    CHECK(view_stamp(db, std::nullopt, "today", "today"));
    // Whole-second times (no nanoseconds): a tick may be a second or two.
    const auto whole_seconds = [&](int ago) {
        const auto now = std::chrono::system_clock::now() - std::chrono::seconds(ago);
        timespec times[2]{};
        times[0].tv_sec = times[1].tv_sec = std::chrono::system_clock::to_time_t(now);
        REQUIRE(::utimensat(AT_FDCWD, db.c_str(), times, 0) == 0);
    };
    whole_seconds(1);
    CHECK_FALSE(view_stamp(db, std::nullopt, "today", "today"));
    whole_seconds(3);
    CHECK(view_stamp(db, std::nullopt, "today", "today"));
    // A WAL with commits in it (another program's, or a command cut short), or not a file.
    put(db + "-wal", "commits");
    CHECK_FALSE(view_stamp(db, std::nullopt, "today", "today"));
    put(db + "-wal", "");
    CHECK(view_stamp(db, std::nullopt, "today", "today"));
    fs::remove(db + "-wal");
    REQUIRE(::mkfifo((db + "-wal").c_str(), 0600) == 0);
    CHECK_FALSE(view_stamp(db, std::nullopt, "today", "today"));
    fs::remove(db + "-wal");
    fs::remove(db);
    REQUIRE(::mkfifo(db.c_str(), 0600) == 0);
    CHECK_FALSE(view_stamp(db, std::nullopt, "today", "today"));
}

TEST_CASE("view cache: a store named through a symbolic link is stamped and kept at its file") {
    Dir d;
    const auto db = d / "kint.db", link = d / "link.db";
    put_store(db, "a store");
    fs::create_symlink(db, link);
    CHECK(resolved_store(link) == fs::canonical(db).string());
    CHECK(resolved_store(db) == db);
    CHECK(view_cache_path(link, "review") == fs::canonical(db).string() + ".review.view");
    // SQLite keeps the WAL beside the file the link names: its commits are seen through the link.
    put(db + "-wal", std::string(64, 'w'));
    StoreFiles files;
    const auto through_link = store_stamp(link, &files);
    REQUIRE(through_link);
    CHECK_FALSE(files.quiet);
    CHECK(through_link == store_stamp(db));
    CHECK_FALSE(view_stamp(link, std::nullopt, "review", "review"));
    // A view kept through the link goes when the store moves on through its own name.
    fs::remove(db + "-wal");
    const auto stamp = view_stamp(link, std::nullopt, "review", "review");
    REQUIRE(stamp);
    write_later(link, *stamp, "the week\n");
    CHECK(read_view_cache(db, *view_stamp(db, std::nullopt, "review", "review")) == "the week\n");
    put_store(db, "a store, changed");
    drop_stale_view(db, *store_stamp(db));
    CHECK_FALSE(fs::exists(view_cache_path(link, "review")));
}

TEST_CASE("view cache: a store whose permissions changed is stamped anew") {
    Dir d;
    const auto db = d / "kint.db";
    put_store(db, "a store");
    const auto before = store_stamp(db);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    fs::permissions(db, fs::perms::owner_read);
    CHECK(store_stamp(db) !=
          before); // a view kept then is not shown: the store is read, and refused
}
