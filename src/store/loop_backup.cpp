#include "kint/store/loop_backup.hpp"

#include "kint/core/error.hpp"
#include "kint/io/files.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <string_view>

namespace kint::store {

namespace {

UsageError bad(const std::string& path, std::string_view what) {
    return UsageError(fmt::format("{}: {}; nothing was imported", path, what));
}

std::string lower(std::string s) {
    std::ranges::transform(s, s.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return s;
}

// The names of `table`'s columns, lowercase (SQLite's names ignore ASCII case).
std::set<std::string> columns_of(SQLite::Database& db, std::string_view table) {
    std::set<std::string> names;
    SQLite::Statement q(db, fmt::format("PRAGMA table_info(\"{}\")", table));
    while (q.executeStep())
        names.insert(lower(q.getColumn(1).getString()));
    return names;
}

// `column` when the table has it, else NULL: one query reads every version's table.
std::string or_null(const std::set<std::string>& have, std::string_view column) {
    return have.contains(std::string(column)) ? fmt::format("\"{}\"", column) : "NULL";
}

std::optional<int> opt_int(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt();
}

std::string text_of(const SQLite::Column& c) {
    return c.isNull() ? std::string() : c.getString();
}

} // namespace

loop::Backup read_loop_backup(const std::string& path) {
    // immutable=1: SQLite takes no lock and writes nothing, not even a -wal or -shm beside it.
    std::string uri = io::sqlite_reader_uri(path);
    if (!uri.ends_with("?immutable=1")) uri += "?immutable=1";
    std::string reading = "list of tables";
    try {
        SQLite::Database db(uri, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX | SQLITE_OPEN_URI);
        // A file cut short fails SQLite's first check (its header counts more pages than are
        // there) before any table is named; with this a read-only connection goes on to the
        // table whose pages are missing, and the message can name it.
        db.exec("PRAGMA writable_schema = ON");
        std::set<std::string> tables;
        {
            SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
            while (q.executeStep())
                tables.insert(lower(q.getColumn(0).getString()));
        }
        for (const char* table : {"Habits", "Repetitions"})
            if (!tables.contains(lower(table)))
                throw bad(path, fmt::format("it has no table '{}'; it is not a backup of Loop "
                                            "Habit Tracker",
                                            table));
        loop::Backup backup;
        backup.version = db.execAndGet("PRAGMA user_version").getInt();
        if (backup.version > loop::newest_version)
            throw bad(path, fmt::format("it is a Loop backup of database version {}; kint reads "
                                        "versions up to {}",
                                        backup.version, loop::newest_version));

        reading = "table 'Habits'";
        const auto habit_columns = columns_of(db, "Habits");
        for (const char* column : {"id", "name", "freq_num", "freq_den"})
            if (!habit_columns.contains(column))
                throw bad(path, fmt::format("its table 'Habits' has no column '{}'", column));
        const auto c = [&](std::string_view name) { return or_null(habit_columns, name); };
        SQLite::Statement habits(
            db, fmt::format("SELECT id, name, {}, {}, freq_num, freq_den, {}, {}, {}, {}, {}, {}, "
                            "{} FROM Habits ORDER BY {} id",
                            c("question"), c("description"), c("archived"), c("reminder_hour"),
                            c("reminder_min"), c("type"), c("target_type"), c("target_value"),
                            c("unit"), habit_columns.contains("position") ? "position," : ""));
        while (habits.executeStep()) {
            loop::Habit h;
            h.id = habits.getColumn(0).getInt64();
            h.name = text_of(habits.getColumn(1));
            const bool has_question = habit_columns.contains("question");
            // Before version 23 the description column held the question.
            h.question = text_of(habits.getColumn(has_question ? 2 : 3));
            if (has_question) h.description = text_of(habits.getColumn(3));
            h.freq_num = habits.getColumn(4).getInt();
            h.freq_den = habits.getColumn(5).getInt();
            h.archived = habits.getColumn(6).getInt() != 0;
            h.reminder_hour = opt_int(habits.getColumn(7));
            h.reminder_min = opt_int(habits.getColumn(8));
            h.numerical = habits.getColumn(9).getInt() == 1;
            h.at_most = habits.getColumn(10).getInt() == 1;
            h.target = habits.getColumn(11).getDouble();
            h.unit = text_of(habits.getColumn(12));
            backup.habits.push_back(std::move(h));
        }

        reading = "table 'Repetitions'";
        const auto entry_columns = columns_of(db, "Repetitions");
        for (const char* column : {"habit", "timestamp"})
            if (!entry_columns.contains(column))
                throw bad(path, fmt::format("its table 'Repetitions' has no column '{}'", column));
        const bool has_value = entry_columns.contains("value");
        SQLite::Statement entries(
            db, fmt::format("SELECT habit, timestamp, {}, {} FROM Repetitions WHERE habit IS NOT "
                            "NULL AND timestamp IS NOT NULL ORDER BY habit, timestamp, rowid",
                            or_null(entry_columns, "value"), or_null(entry_columns, "notes")));
        while (entries.executeStep()) {
            loop::Entry e;
            e.habit = entries.getColumn(0).getInt64();
            e.timestamp = entries.getColumn(1).getInt64();
            // Before version 16 a row was a check; a NULL value says nothing.
            if (has_value)
                e.value =
                    entries.getColumn(2).isNull() ? loop::unknown : entries.getColumn(2).getInt();
            e.notes = text_of(entries.getColumn(3));
            backup.entries.push_back(std::move(e));
        }
        return backup;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xFF;
        if (code == SQLITE_NOTADB)
            throw bad(path, "it is not an SQLite database; a Loop backup is the .db file from "
                            "Loop's \"Export full backup\"");
        if (code == SQLITE_CANTOPEN) throw NotFound(fmt::format("cannot open {}", path));
        throw bad(path, fmt::format("its {} cannot be read; the file may be cut short or "
                                    "damaged",
                                    reading));
    }
}

} // namespace kint::store
