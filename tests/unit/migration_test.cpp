// Upgrading a store written by the oldest schema: data kept, a .bak-vN copy made first, and only
// when a command changes something.
#include "kint/app/strength.hpp"
#include "kint/store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace kint;

namespace {
struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "kint-migrate-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() { fs::remove_all(path); }
};
Day day(const char* text) {
    return *parse_iso_day(text);
}
} // namespace

TEST_CASE("migration: a schema-1 store is upgraded in place after a backup") {
    TempDir tmp;
    const std::string db = (tmp.path / "kint.db").string();
    {
        auto old = store::Store::open_at_version(db, 1);
        REQUIRE(old.user_version() == 1);
        old.write([&] {
            const Id i =
                old.add_intention("Steady breath", std::nullopt, std::nullopt, day("2026-11-01"));
            old.set_focus(i);
            store::NewCue cue{i,
                              CueKind::after,
                              "coffee",
                              8 * 60,
                              Schedule::daily(),
                              day("2026-11-01"),
                              "three breaths"};
            const Id c = old.add_cue(cue);
            old.put_log({c, day("2026-11-02"), LogStatus::done, "easy"});
            old.put_rating({day("2026-11-02"), RatingKind::mood, 6, std::nullopt});
        });
    }
    auto upgraded = store::Store::open(db);
    // Reading works on the old schema and changes nothing; so does a write that changes nothing.
    CHECK(upgraded.user_version() == 1);
    CHECK(upgraded.cues(true).size() == 1);
    bool removed = true;
    upgraded.write([&] { removed = upgraded.remove_journal(99); });
    CHECK_FALSE(removed);
    CHECK(upgraded.user_version() == 1);
    CHECK_FALSE(fs::exists(db + ".bak-v1"));
    // A failing write leaves it as it was.
    CHECK_THROWS_AS(upgraded.write([&] {
        upgraded.put_rating({day("2026-11-03"), RatingKind::mood, 7, std::nullopt});
        throw std::runtime_error("midway");
    }),
                    std::runtime_error);
    CHECK(upgraded.user_version() == 1);
    CHECK(upgraded.ratings({}).size() == 1);
    CHECK_FALSE(fs::exists(db + ".bak-v1"));
    // The first write that changes something upgrades it, after a copy.
    upgraded.write([&] {
        upgraded.put_rating({day("2026-11-03"), RatingKind::mood, 7, std::nullopt});
    });
    CHECK(upgraded.user_version() == store::schema_version);
    REQUIRE(upgraded.intentions(true).size() == 1);
    CHECK(upgraded.focus() == upgraded.intentions(true).front().id);
    REQUIRE(upgraded.cues(true).size() == 1);
    CHECK(upgraded.cues(true).front().behavior() == "three breaths");
    CHECK(upgraded.logs({}).size() == 1);
    CHECK(upgraded.ratings({}).size() == 2);

    const fs::path backup = db + ".bak-v1";
    REQUIRE(fs::exists(backup));
    struct stat st {};
    REQUIRE(::stat(backup.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    SQLite::Database copy(backup.string(), SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(copy.execAndGet("SELECT text FROM intention").getString() == "Steady breath");
    CHECK(copy.execAndGet("SELECT count(*) FROM log").getInt() == 1);

    SQLite::Database now(db, SQLite::OPEN_READONLY);
    CHECK(now.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'cue_by_intention'")
              .getInt() == 1);
    CHECK(now.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("migration: schema 7 keys the ratings by kind, every rating kept, read alike before") {
    TempDir tmp;
    const std::string db = (tmp.path / "kint.db").string();
    {
        auto old = store::Store::open_at_version(db, 6);
        old.write([&] {
            for (int i = 0; i < 40; ++i) {
                const Day d = day("2026-09-01") + std::chrono::days{i};
                old.put_rating({d, RatingKind::mood, i % 11,
                                i % 3 ? std::nullopt : std::optional<std::string>("calm")});
                if (i % 4) old.put_rating({d, RatingKind::energy, (i * 7) % 11, std::nullopt});
            }
        });
    }
    auto s = store::Store::open(db);
    REQUIRE(s.user_version() == 6);
    const auto all = s.ratings({});
    const auto span = s.ratings({day("2026-09-10"), day("2026-09-20")});
    const auto moods = s.rating_values({}, RatingKind::mood);
    REQUIRE(all.size() == 70);
    s.write([&] { s.put_rating({day("2026-11-03"), RatingKind::mood, 7, std::nullopt}); });
    CHECK(s.user_version() == store::schema_version);
    CHECK(fs::exists(db + ".bak-v6"));
    auto now = s.ratings({});
    REQUIRE(now.size() == 71);
    now.pop_back(); // the new one, the latest day
    REQUIRE(now.size() == all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        CAPTURE(i);
        CHECK(now[i].day == all[i].day);
        CHECK(now[i].kind == all[i].kind);
        CHECK(now[i].value == all[i].value);
        CHECK(now[i].note == all[i].note);
    }
    CHECK(s.ratings({day("2026-09-10"), day("2026-09-20")}).size() == span.size());
    CHECK(s.rating_values({day("2026-09-01"), day("2026-10-10")}, RatingKind::mood) == moods);
    SQLite::Database after(db, SQLite::OPEN_READONLY);
    CHECK(after
              .execAndGet("SELECT group_concat(name, ',') FROM (SELECT name FROM "
                          "pragma_index_xinfo('sqlite_autoindex_rating_1') WHERE key = 1 "
                          "ORDER BY seqno)")
              .getString() == "kind,day");
    CHECK(
        after.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'rating%'").getInt() ==
        1);
    CHECK(after.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("migration: a new store needs no backup, a current one is left alone") {
    TempDir tmp;
    const std::string db = (tmp.path / "kint.db").string();
    { auto fresh = store::Store::open(db); }
    CHECK_FALSE(fs::exists(db + ".bak-v0"));
    const auto before = fs::last_write_time(db);
    {
        auto again = store::Store::open(db);
        CHECK(again.user_version() == store::schema_version);
    }
    CHECK(fs::last_write_time(db) == before);
    for (const auto& entry : fs::directory_iterator(tmp.path))
        CHECK(entry.path().filename().string().find(".bak-") == std::string::npos);
}

TEST_CASE("migration: an empty or foreign file is refused untouched, a new store is made whole") {
    TempDir tmp;
    const std::string empty = (tmp.path / "empty.db").string();
    { std::ofstream touch(empty); }
    CHECK_THROWS_AS(store::Store::open(empty), StoreError);
    CHECK(fs::file_size(empty) == 0);
    CHECK_FALSE(fs::exists(empty + "-wal"));

    const std::string fresh = (tmp.path / "new/deeper/kint.db").string();
    { auto s = store::Store::open(fresh); }
    SQLite::Database made(fresh, SQLite::OPEN_READONLY);
    CHECK(made.execAndGet("PRAGMA application_id").getInt() == store::application_id);
    CHECK(made.execAndGet("PRAGMA user_version").getInt() == store::schema_version);
    CHECK(made.execAndGet("PRAGMA journal_mode").getString() == "wal");
    for (const auto& entry : fs::directory_iterator(fs::path(fresh).parent_path()))
        CHECK(entry.path().filename().string().find(".kint-new") == std::string::npos);
}

TEST_CASE("migration: schema 8 keeps the mood a block of 52 weeks a row, kept by the write that "
          "upgrades, read alike before and after, and a row of that name from before is not kept") {
    TempDir tmp;
    const std::string db = (tmp.path / "kint.db").string();
    const Day first = day("2024-03-01"), last = day("2026-03-10");
    {
        auto old = store::Store::open_at_version(db, 7);
        old.write([&] {
            for (Day d = first; d <= last; d += std::chrono::days{1})
                if ((d - first).count() % 6 != 5)
                    old.put_rating({d, RatingKind::mood, static_cast<int>((d - first).count() % 11),
                                    std::nullopt});
        });
    }
    {
        // Another tool's row under a block's name: the upgrade does not take it for one.
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO state (key, value) VALUES ('mood 2025-10-19', "
                 "replace(hex(zeroblob(364)), '00', 'k'))");
    }
    auto s = store::Store::open(db);
    REQUIRE(s.user_version() == 7);
    const Day today = day("2026-03-18");
    s.on_change([&] { app::keep_strength(s, today); });
    // Read as it is: the rows, not the row named like a block.
    const auto rows = s.rating_values({first, today}, RatingKind::mood);
    REQUIRE(rows.size() == 617);
    s.write([&] { s.put_rating({today, RatingKind::energy, 5, std::nullopt}); });
    CHECK(s.user_version() == store::schema_version);
    CHECK(fs::exists(db + ".bak-v7"));
    CHECK(s.rating_values({first, today}, RatingKind::mood) == rows);
    SQLite::Database after(db, SQLite::OPEN_READONLY);
    // The blocks that end on 20 October 2024 and 19 October 2025 (and none not over by last week).
    CHECK(after.execAndGet("SELECT group_concat(key, ',') FROM state WHERE key LIKE 'mood %'")
              .getString() == "mood 2024-10-20,mood 2025-10-19");
    CHECK(after.execAndGet("SELECT value FROM state WHERE key = 'mood 2025-10-19'")
              .getString()
              .find('k') != std::string::npos); // a day rated 10
    CHECK(after.execAndGet("SELECT value FROM state WHERE key = 'mood 2025-10-19'").getString() !=
          std::string(364, 'k'));
}
