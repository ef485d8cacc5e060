// The mood of a block of 52 weeks kept in one row (schema 8, Store::keep_mood): a trail reads ten
// rows for ten years of mood. Proved here against the rows themselves: every span reads the same
// days and values whether a block serves it or not; a rating on a kept block's day clears it and
// the same write keeps it anew; a block that does not hold, or a row the block cannot say as the
// rows' reader reads it, leaves the days to the rows.
#include "kint/app/strength.hpp"
#include "kint/domain/strength.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>

using namespace kint;
using kint::test::D;
using std::chrono::days;

namespace {

namespace fs = std::filesystem;

using Values = std::vector<std::pair<Day, int>>;

// A store in a private temporary folder, kept by every write as kint keeps it, with the SQL of
// another tool beside it.
struct MoodStore {
    fs::path dir;
    std::string db;
    Day today = D("2026-03-18");
    store::Store s;

    static fs::path temp_dir() {
        std::string tmpl = (fs::temp_directory_path() / "kint-mood-XXXXXX").string();
        return ::mkdtemp(tmpl.data());
    }
    MoodStore() : dir(temp_dir()), db((dir / "kint.db").string()), s(store::Store::open(db)) {
        s.on_change([this] { app::keep_strength(s, today); });
    }
    ~MoodStore() { fs::remove_all(dir); }

    void rate(Day day, int value, RatingKind kind = RatingKind::mood) {
        s.write([&] { s.put_rating(Rating{day, kind, value, std::nullopt}); });
    }
    void sql(const std::string& text) const {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec(text);
    }
    int count(const std::string& where) const {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        return raw.execAndGet("SELECT count(*) FROM state WHERE " + where).getInt();
    }
    std::string block(const char* end) const {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        SQLite::Statement st(raw, "SELECT value FROM state WHERE key = 'mood ' || ?");
        st.bind(1, end);
        return st.executeStep() ? st.getColumn(0).getString() : std::string("(none)");
    }
    // What the rows say: ratings() reads them, never a block.
    Values rows(Day from, Day to) const {
        Values out;
        for (const auto& r : s.ratings({from, to}, RatingKind::mood))
            out.emplace_back(r.day, r.value);
        return out;
    }
    Values read(Day from, Day to) const {
        Values out;
        s.reading([&] { out = s.rating_values({from, to}, RatingKind::mood); });
        return out;
    }
};

// Three years of mood on most days, energy beside it, written in one write as an import does.
void rate_years(MoodStore& m) {
    m.s.write([&] {
        std::uint32_t x = 7;
        for (Day d = D("2023-03-01"); d <= D("2026-03-17"); d += days{1}) {
            x = x * 1664525U + 1013904223U;
            if ((x >> 9) % 5 == 0) continue; // a day not rated
            m.s.put_rating(Rating{d, RatingKind::mood, static_cast<int>((x >> 12) % 11), {}});
            if ((x >> 20) % 3 == 0)
                m.s.put_rating(Rating{d, RatingKind::energy, static_cast<int>((x >> 4) % 11), {}});
        }
    });
}

// The spans a trail and a review ask for, across the blocks' ends (2023-10-22, 2024-10-20 and
// 2025-10-19 here: 52 weeks from Sunday 4 January 1970) and the days no block holds yet.
const std::vector<std::pair<Day, Day>> spans{
    {D("2023-03-01"), D("2026-03-19")}, // the whole, and the day after (mood_link's next day)
    {D("2020-01-01"), D("2026-03-18")}, // from years before the first rating
    {D("2024-01-10"), D("2026-03-18")}, // from inside a block
    {D("2023-10-23"), D("2024-10-20")}, // exactly one block
    {D("2023-10-24"), D("2024-10-19")}, // inside one block, a day short at each end
    {D("2024-10-20"), D("2024-10-21")}, // a block's last day and the next one's first
    {D("2025-06-01"), D("2025-06-01")}, // one day
    {D("2025-10-20"), D("2026-03-18")}, // only the block not over yet
    {D("2026-03-19"), D("2026-04-30")}, // after every rating
};

} // namespace

TEST_CASE("mood blocks: each block of 52 weeks that ended is kept, and every span reads the days "
          "and values of the rows") {
    MoodStore m;
    rate_years(m);
    CHECK(m.count("key LIKE 'mood %'") == 3);
    CHECK(m.block("2024-10-20").size() == 364);
    CHECK(m.block("2026-10-18") == "(none)"); // not over by last week's end
    for (const auto& [from, to] : spans) {
        CAPTURE(format_day(from));
        CAPTURE(format_day(to));
        CHECK(m.read(from, to) == m.rows(from, to));
    }
    CHECK(m.read(D("2024-05-02"), D("2024-05-01")).empty()); // a backwards span: nothing
    // Another kind is read a row a day, as before.
    Values energy;
    m.s.reading([&] {
        energy = m.s.rating_values({D("2023-03-01"), D("2026-03-18")}, RatingKind::energy);
    });
    CHECK(energy.size() ==
          m.s.ratings({D("2023-03-01"), D("2026-03-18")}, RatingKind::energy).size());
}

TEST_CASE("mood blocks: the blocks are what is read, and one that does not hold is not") {
    MoodStore m;
    rate_years(m);
    const Day from = D("2023-03-01"), to = D("2026-03-18");
    const auto rows = m.rows(from, to);
    // A block of tens shows tens on every day of it, rated or not.
    m.sql("UPDATE state SET value = replace(hex(zeroblob(364)), '00', 'k') WHERE key = 'mood "
          "2024-10-20'");
    const auto tens = m.read(D("2023-10-23"), D("2024-10-20"));
    REQUIRE(tens.size() == 364);
    CHECK(std::all_of(tens.begin(), tens.end(), [](const auto& v) { return v.second == 10; }));
    CHECK(m.read(D("2024-10-21"), to) == m.rows(D("2024-10-21"), to));
    // Cut short, a character that is no mood, a blob, or a name that is no block's end: the rows.
    for (const char* bad :
         {"UPDATE state SET value = substr(value, 2) WHERE key = 'mood 2024-10-20'",
          "UPDATE state SET value = 'z' || substr(value, 2) WHERE key = 'mood 2024-10-20'",
          "UPDATE state SET value = CAST(value AS BLOB) WHERE key = 'mood 2024-10-20'",
          "UPDATE state SET key = 'mood 2024-10-21' WHERE key = 'mood 2024-10-20'",
          "UPDATE state SET key = 'mood 2024-1x-20' WHERE key = 'mood 2024-10-20'"}) {
        CAPTURE(std::string(bad));
        m.sql("UPDATE state SET value = replace(hex(zeroblob(364)), '00', 'k'), key = 'mood "
              "2024-10-20' WHERE key "
              "LIKE 'mood 2024-1%'");
        m.sql(bad);
        CHECK(m.read(from, to) == rows);
    }
}

TEST_CASE("mood blocks: a rating on a kept block's day clears it, and the same write keeps it "
          "anew") {
    MoodStore m;
    rate_years(m);
    const Day from = D("2023-03-01"), to = D("2026-03-18");
    // 2024-06-12 is day 233 of the block that ends on 2024-10-20 (it begins on 2023-10-23).
    m.rate(D("2024-06-12"), 10);
    CHECK(m.block("2024-10-20")[233] == 'k');
    m.rate(D("2024-06-12"), 0);
    CHECK(m.block("2024-10-20")[233] == 'a');
    CHECK(m.read(from, to) == m.rows(from, to));
    // Energy leaves the blocks alone; today's mood (after last week's end) touches none.
    const auto before = m.block("2024-10-20");
    m.rate(D("2024-06-12"), 9, RatingKind::energy);
    m.rate(m.today, 6);
    CHECK(m.block("2024-10-20") == before);
    CHECK(m.count("key LIKE 'mood %'") == 3);
    CHECK(m.read(from, to) == m.rows(from, to));
    // A block that held no mood is kept once it holds one.
    m.rate(D("2021-05-05"), 3);
    CHECK(m.count("key = 'mood 2021-10-24'") == 1);
    CHECK(m.read(D("2020-01-01"), to) == m.rows(D("2020-01-01"), to));
}

TEST_CASE("mood blocks: none ends after the day the checkpoints reach, when the day goes back, and "
          "an import that replaces everything keeps them anew") {
    MoodStore m;
    rate_years(m);
    m.today = D("2025-01-01"); // a clock set back
    m.rate(D("2024-12-30"), 5);
    CHECK(m.count("key LIKE 'mood %'") == 2); // 2025-10-19 ends after 2024-12-29
    // A day of that block, now after the checkpoints' day, is written with no block to clear.
    m.rate(D("2025-02-02"), 1);
    m.today = D("2026-03-18");
    m.rate(D("2026-03-18"), 4);
    CHECK(m.count("key LIKE 'mood %'") == 3);
    CHECK(m.read(D("2023-03-01"), D("2026-03-18")) == m.rows(D("2023-03-01"), D("2026-03-18")));
    // replace_all (sync's apply) drops every block with the rows and keeps them anew.
    exchange::Snapshot all;
    m.s.reading([&] { all = m.s.dump(); });
    for (auto& r : all.ratings)
        if (r.kind == RatingKind::mood) r.value = 10 - r.value;
    m.s.write([&] { m.s.replace_all(all); });
    CHECK(m.count("key LIKE 'mood %'") == 3);
    CHECK(m.read(D("2023-03-01"), D("2026-03-18")) == m.rows(D("2023-03-01"), D("2026-03-18")));
}

TEST_CASE("mood blocks: a row another tool wrote that the block cannot say as the rows' reader "
          "reads it leaves its block to the rows, and the reader's note stays") {
    MoodStore m;
    rate_years(m);
    m.sql("INSERT OR REPLACE INTO rating (day, kind, value) VALUES ('2024-02-30', 'mood', 7), "
          "('2025-03-03', 'mood', 2.5)");
    m.rate(D("2024-06-12"), 3); // clears the block of 2024-10-20: not kept again
    m.rate(D("2025-06-12"), 3); // and 2025-10-19's
    CHECK(m.count("key LIKE 'mood %'") == 1);
    const Day from = D("2023-03-01"), to = D("2026-03-18");
    const auto read = m.read(from, to);
    CHECK(std::find(m.s.skipped_rows().begin(), m.s.skipped_rows().end(),
                    "a rating with the day '2024-02-30'") != m.s.skipped_rows().end());
    CHECK(read == m.rows(from, to));
}

TEST_CASE(
    "mood blocks: rows whose text does not sort as their day (a year of five digits, one "
    "before 0, one before 1900, a blob) end the keeping, and each block that holds them is read "
    "right") {
    MoodStore m;
    rate_years(m);
    // Another tool's (or an old kint's) days: the text of each sorts apart from its day. The
    // block of -2024's last days ends in -2023, whose text sorts before theirs.
    m.sql("INSERT OR REPLACE INTO rating (day, kind, value) VALUES ('-2024-12-30', 'mood', 3), "
          "('10000-01-01', 'mood', 4), ('1849-10-20', 'mood', 5), ('0999-05-05', 'mood', 6), "
          "(CAST('2020-02-05' AS BLOB), 'mood', 7)"); // a blob sorts after every text
    m.rate(D("2024-06-12"), 3); // a kept block cleared: the write keeps the blocks again
    CHECK(m.count("key LIKE 'mood %'") >= 4);
    CHECK(m.block("2024-10-20")[233] == 'd');
    const Day from = D("2023-03-01"), to = D("2026-03-18");
    CHECK(m.read(from, to) == m.rows(from, to));
    using std::chrono::year;
    const auto old = m.read(Day{year{1849} / 1 / 1}, Day{year{1850} / 1 / 1});
    REQUIRE(old.size() == 1);
    CHECK(old.front() == std::pair(Day{year{1849} / 10 / 20}, 5));
    CHECK(m.read(Day{year{1849} / 1 / 1}, Day{year{1850} / 1 / 1}) ==
          m.rows(Day{year{1849} / 1 / 1}, Day{year{1850} / 1 / 1}));
}
