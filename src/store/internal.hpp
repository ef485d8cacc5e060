#pragma once
// What the store's files share: the connection's settings, the schema, and how a row's columns
// are read and bound. Private to src/store (never under include/): SQLiteCpp stays in the store.
#include "kint/core/error.hpp"
#include "kint/store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::store::detail {

// How long a command waits for another kint process's write before it gives up (never "locked").
inline constexpr int busy_timeout_ms = 5000;
// SQLite's memory (mostly its page cache) past which it recycles pages (Store::prepare_connection).
inline constexpr long long soft_heap_limit_bytes = 512 << 10;

// schema.cpp: runs the migrations taking `db` from user_version `from` to `to` and stamps it as a
// kint store (application_id, user_version). The caller holds the transaction.
void apply_migrations(SQLite::Database& db, int from, int to);
// schema.cpp: makes a new store at `path`, schema `version`, whole or not at all: it is built
// under a temporary name (0600, missing folders 0700) and linked into place, so nobody ever sees
// a half-made store there. When another process made one first, theirs is kept.
void create_store_file(const std::string& path, int version);
// schema.cpp: the migration backups beside the store at `path` (`PATH.bak-vN`, and one being
// written), whatever their version.
std::vector<std::string> backup_files(const std::string& path);

// The refusal of a file that is not a kint store (empty, not SQLite, or another application's).
StoreError not_a_store(const std::string& path);

// journal.cpp: tags as the journal table holds them ("a,b").
std::string join_tags(const std::vector<std::string>& tags);
std::vector<std::string> split_tags(const std::string& text);

inline std::optional<std::string> opt_text(const SQLite::Column& col) {
    if (col.isNull()) return std::nullopt;
    return col.getString();
}

// A GLOB pattern for a day as four-digit ISO text, whose text order is its day order: the reads
// that seek by a day's text compare only such days (a row whose day is another date, or none, is
// left to the whole read).
inline constexpr const char* iso_day_glob = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

// A row whose day is not a calendar date: its reader skips the row (tolerant()).
struct MalformedDay {
    std::string text;
};

// A day read from a row. Any real calendar date is read as it is, even one outside the days
// kint writes (an older kint wrote 1849-10-20 and 10000-01-01): such a row shows and exports as
// it is rather than locking anyone out. Text that is no date at all throws MalformedDay.
inline Day day_of(const SQLite::Column& col) {
    // Straight from SQLite's buffer: no string per row.
    const char* text = col.getText();
    auto day = parse_stored_day(std::string_view(text, static_cast<std::size_t>(col.getBytes())));
    if (!day) throw MalformedDay{col.getString()};
    return *day;
}

// Runs `read` for one row; a row with a malformed day is noted in `skipped` (as "`what` with the
// day '...'") and left out. Returns whether the row was read.
template <typename Read>
bool tolerant(std::vector<std::string>& skipped, std::string_view what, Read&& read) {
    try {
        read();
        return true;
    } catch (const MalformedDay& bad) {
        auto note = fmt::format("{} with the day '{}'", what, bad.text);
        if (std::find(skipped.begin(), skipped.end(), note) == skipped.end())
            skipped.push_back(std::move(note));
        return false;
    }
}

inline std::optional<double> opt_real(const SQLite::Column& col) {
    if (col.isNull()) return std::nullopt;
    return col.getDouble();
}

inline void bind_opt(SQLite::Statement& st, int index, const std::optional<double>& value) {
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

inline void bind_opt(SQLite::Statement& st, int index, const std::optional<Minutes>& value) {
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

inline std::string day_text(Day day) {
    return format_day(day);
}

inline void bind_opt(SQLite::Statement& st, int index, const std::optional<std::string>& value) {
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

// Binds a day range to parameters `first` and `first + 1` (an open end as a sentinel).
inline void bind_range(SQLite::Statement& st, int first, const DayRange& r) {
    if (r.since)
        st.bind(first, format_day(*r.since));
    else
        st.bind(first, "0000-00-00");
    if (r.until)
        st.bind(first + 1, format_day(*r.until));
    else
        st.bind(first + 1, "9999-99-99");
}

// Blocks of 52 weeks (Monday to Sunday) that end on a Sunday, counted from Sunday 4 January 1970:
// a block's end is arithmetic, found by one seek. The strength checkpoints keep a block's weeks
// in the row of its last week (strength.cpp), the mood a block's days in one state row
// (ratings.cpp).
inline constexpr int weeks_a_block = 52;
inline constexpr int days_a_block = 7 * weeks_a_block;
inline constexpr Day first_sunday{std::chrono::sys_days{std::chrono::year{1970} / 1 / 4}};

inline bool is_sunday(Day day) {
    return std::chrono::weekday{day} == std::chrono::Sunday;
}

// The last day of the block that holds `day`'s week.
inline Day block_end(Day day) {
    const Day sunday = day + std::chrono::days{(7 - std::chrono::weekday{day}.c_encoding()) % 7};
    const long weeks = (sunday - first_sunday).count() / 7;
    const long block = weeks >= 0 ? weeks / weeks_a_block : -((-weeks - 1) / weeks_a_block) - 1;
    return first_sunday + std::chrono::days{7 * ((block + 1) * weeks_a_block - 1)};
}

inline bool is_block_end(Day day) {
    return is_sunday(day) && block_end(day) == day;
}

} // namespace kint::store::detail
