// The schema and its migrations; making a new store whole; upgrading an old one only when a
// command writes to it.
#include "internal.hpp"

#include "kint/io/files.hpp"

#include <SQLiteCpp/Backup.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sqlite3.h>
#include <unistd.h>

namespace kint::store {

using namespace detail;
namespace fs = std::filesystem;

namespace {

// Each entry upgrades the schema by one version; index i takes user_version i to i + 1.
// A command that only reads never migrates (a failing command changes nothing, and reading
// writes nothing), so the reads must work on every older schema too: a migration that changes
// what they read must keep them working on the versions before it.
const char* const migrations[] = {
    R"sql(
CREATE TABLE intention (
    id           INTEGER PRIMARY KEY,
    text         TEXT NOT NULL CHECK (length(text) > 0),
    grp          TEXT,
    catalogue_id TEXT,
    created      TEXT NOT NULL,
    archived     TEXT
);
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;
CREATE TABLE cue (
    id           INTEGER PRIMARY KEY,
    intention_id INTEGER NOT NULL REFERENCES intention(id),
    kind         TEXT NOT NULL CHECK (kind IN ('after', 'if', 'place', 'time')),
    trigger      TEXT NOT NULL,
    at           INTEGER CHECK (at BETWEEN 0 AND 1439),
    days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
    created      TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived')),
    archived     TEXT
);
CREATE TABLE step (
    id       INTEGER PRIMARY KEY,
    cue_id   INTEGER NOT NULL REFERENCES cue(id),
    day      TEXT NOT NULL,
    behavior TEXT NOT NULL CHECK (length(behavior) > 0),
    note     TEXT
);
CREATE INDEX step_by_cue ON step (cue_id, id);
CREATE TABLE pause (
    cue_id INTEGER NOT NULL REFERENCES cue(id),
    start  TEXT NOT NULL,
    until  TEXT,
    PRIMARY KEY (cue_id, start)
) WITHOUT ROWID;
CREATE TABLE log (
    cue_id INTEGER NOT NULL REFERENCES cue(id),
    day    TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'skip', 'slip')),
    note   TEXT,
    PRIMARY KEY (cue_id, day, status)
) WITHOUT ROWID;
CREATE INDEX log_by_day ON log (day, cue_id);
CREATE TABLE rating (
    day   TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('mood', 'energy')),
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    note  TEXT,
    PRIMARY KEY (day, kind)
) WITHOUT ROWID;
CREATE TABLE journal (
    id     INTEGER PRIMARY KEY,
    day    TEXT NOT NULL,
    text   TEXT NOT NULL CHECK (length(text) > 0),
    tags   TEXT NOT NULL DEFAULT '',
    kind   TEXT,
    prompt TEXT
);
CREATE INDEX journal_by_day ON journal (day, id);
CREATE TABLE session (
    id   INTEGER PRIMARY KEY,
    day  TEXT NOT NULL UNIQUE,
    note TEXT
);
)sql",
    // v2: index the foreign key cue.intention_id, so intention lookups and FK checks don't scan.
    R"sql(
CREATE INDEX cue_by_intention ON cue (intention_id);
)sql",
    // v3 (SPEC §7.1): N per period, measured steps and amounts, and the plans a cue had before
    // `cue edit` changed it (so past days keep the schedule they had).
    R"sql(
ALTER TABLE cue ADD COLUMN per TEXT;
ALTER TABLE step ADD COLUMN target REAL CHECK (target IS NULL OR target > 0);
ALTER TABLE step ADD COLUMN unit TEXT;
ALTER TABLE step ADD COLUMN at_most INTEGER NOT NULL DEFAULT 0 CHECK (at_most IN (0, 1));
ALTER TABLE log ADD COLUMN amount REAL CHECK (amount IS NULL OR amount >= 0);
CREATE TABLE cue_plan (
    cue_id  INTEGER NOT NULL REFERENCES cue(id),
    until   TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('after', 'if', 'place', 'time')),
    trigger TEXT NOT NULL,
    at      INTEGER CHECK (at BETWEEN 0 AND 1439),
    days    INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
    per     TEXT,
    PRIMARY KEY (cue_id, until)
) WITHOUT ROWID;
-- A trigger given with its own lead-in word ("--place 'at the front door'") showed it twice ("at
-- at the front door"); new ones are stripped when stored (text::strip_lead_in), old ones here.
UPDATE cue SET trigger = ltrim(substr(trigger, 7))
 WHERE kind = 'after' AND lower(substr(trigger, 1, 6)) = 'after ' AND ltrim(substr(trigger, 7)) <> '';
UPDATE cue SET trigger = ltrim(substr(trigger, 4))
 WHERE kind = 'if' AND lower(substr(trigger, 1, 3)) = 'if ' AND ltrim(substr(trigger, 4)) <> '';
UPDATE cue SET trigger = ltrim(substr(trigger, 4))
 WHERE kind = 'place' AND lower(substr(trigger, 1, 3)) = 'at ' AND ltrim(substr(trigger, 4)) <> '';
)sql",
    // v4: each cue's strength at the end of each week (issue 14: a review reads a bounded stretch
    // of the log, whatever the store's age), and the reminders sent (SPEC §7.2). A checkpoint is
    // derived data, kept by every write (app::keep_strength) and cleared by the store's own writes
    // from the first day a change can move (Store::forget_strength). Not by triggers: SQLite parses
    // every trigger each time a store is opened, 35 k instructions apiece for every command.
    R"sql(
CREATE TABLE strength_checkpoint (
    cue_id INTEGER NOT NULL REFERENCES cue(id),
    day    TEXT NOT NULL,
    value  REAL NOT NULL,
    PRIMARY KEY (cue_id, day)
) WITHOUT ROWID;
CREATE TABLE reminder (
    cue_id INTEGER NOT NULL REFERENCES cue(id),
    day    TEXT NOT NULL,
    sent   INTEGER NOT NULL CHECK (sent BETWEEN 0 AND 1439),
    PRIMARY KEY (cue_id, day)
) WITHOUT ROWID;
)sql",
    // v5 (SPEC §7.5, issue 18): every record's global identity and the clock of its last write.
    // Records with an id get a random uid (kept by export, import and sync; the id stays the short
    // number people type); the others are named by their content (domain/sync.hpp). No index on
    // uid: nothing looks a record up by it in SQL (dump reads them all), 128 random bits do not
    // collide, and import and sync merge by uid; an index would cost every command its parse. `hlc`
    // is '' for what was written before: it sorts first. A removal leaves a tombstone, so that sync
    // removes the record on the other devices too. The store's own clock and device are the state
    // row 'hlc' (Store::tick).
    R"sql(
ALTER TABLE intention ADD COLUMN uid TEXT;
ALTER TABLE intention ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE cue ADD COLUMN uid TEXT;
ALTER TABLE cue ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE step ADD COLUMN uid TEXT;
ALTER TABLE step ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE journal ADD COLUMN uid TEXT;
ALTER TABLE journal ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE cue_plan ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE pause ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE log ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE rating ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
UPDATE intention SET uid = lower(hex(randomblob(16)));
UPDATE cue SET uid = lower(hex(randomblob(16)));
UPDATE step SET uid = lower(hex(randomblob(16)));
UPDATE journal SET uid = lower(hex(randomblob(16)));
CREATE TABLE tombstone (
    uid TEXT PRIMARY KEY,
    hlc TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // v6 (issue 17): with each strength checkpoint, the marks of its week's seven days, so that
    // kint trail reads a week a row, not a day's entries, before the latest checkpoint. The
    // checkpoints kept so far have none: cleared, and the next write (this one) keeps them anew.
    R"sql(
ALTER TABLE strength_checkpoint ADD COLUMN marks INTEGER;
DELETE FROM strength_checkpoint;
DELETE FROM state WHERE key = 'strength_through';
)sql",
    // v7 (issue 17): ratings keyed by kind, then day. A trail, the prompt's mood and a review's
    // mood read one kind over a span: a range of the key now, where the old key (day, kind) passed
    // every energy row to find the mood rows between them. Both kinds on a span are two ranges.
    // Same columns, same rows; the rows are copied, the old table goes. And the checkpoint of a
    // block's last week holds the block's 52 weeks (`weeks`, Store::put_strength): a ten-year
    // trail reads ten rows a cue, not 520. The checkpoints kept so far are cleared; the write
    // that upgrades the store keeps them anew, blocks and all.
    R"sql(
CREATE TABLE rating_by_kind (
    day   TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('mood', 'energy')),
    value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    note  TEXT,
    hlc   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, day)
) WITHOUT ROWID;
INSERT INTO rating_by_kind (day, kind, value, note, hlc)
    SELECT day, kind, value, note, hlc FROM rating;
DROP TABLE rating;
ALTER TABLE rating_by_kind RENAME TO rating;
ALTER TABLE strength_checkpoint ADD COLUMN weeks BLOB;
DELETE FROM strength_checkpoint;
DELETE FROM state WHERE key = 'strength_through';
)sql",
    // v8 (issue 17): the mood of each block of 52 weeks in one state row ('mood YYYY-MM-DD', the
    // block's last day; Store::keep_mood), kept by the write that upgrades the store. Nothing in
    // the tables changes: the version is there so that a kint before it, which would not clear a
    // block when it rates a day of it, never writes this store. Rows of that name before it were
    // not kint's: cleared.
    R"sql(
DELETE FROM state WHERE key BETWEEN 'mood ' AND 'mood!';
)sql",
};

constexpr int migration_count = static_cast<int>(std::size(migrations));
static_assert(migration_count == schema_version);

// Removes a file when the scope ends, unless released (a temporary that was not kept).
struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() {
        if (!path.empty()) ::unlink(path.c_str());
    }
};

// Gives `tmp` the name `path` unless a file has that name already (then false: the other is kept).
bool link_into_place(const std::string& tmp, const std::string& path) {
    if (::link(tmp.c_str(), path.c_str()) == 0) return true;
    if (errno == EEXIST) return false;
    // A file system without hard links: a rename that refuses to replace does the same.
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno == EEXIST) return false;
    throw StoreError(fmt::format("cannot create the store {}: {}; check the folder's permissions",
                                 path, std::strerror(errno)));
}

} // namespace

void detail::apply_migrations(SQLite::Database& db, int from, int to) {
    for (int version = from; version < to; ++version)
        db.exec(migrations[version]);
    db.exec(fmt::format("PRAGMA application_id = {}", application_id));
    db.exec(fmt::format("PRAGMA user_version = {}", to));
}

void detail::create_store_file(const std::string& path, int version) {
    const auto missing = io::missing_folders(path);
    if (const int err = io::make_private_folders(missing))
        throw StoreError(
            fmt::format("cannot create the folder {}: {}; check its parent's permissions",
                        missing.back().string(), std::strerror(err)));
    RemoveOnExit tmp{fmt::format("{}.kint-new.{}", path, ::getpid())};
    if (const int err = io::create_private_file(tmp.path))
        throw StoreError(fmt::format("cannot create the store {}: {}; check the folder's "
                                     "permissions",
                                     path, std::strerror(err)));
    {
        SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        apply_migrations(db, 0, version);
        tx.commit();
        // Kept in the file once set (why WAL: Store::check_identity). Closing the only
        // connection checkpoints and removes the temporary's WAL: the file is whole on its own.
        db.exec("PRAGMA journal_mode = WAL");
    }
    link_into_place(tmp.path, path);
}

std::vector<std::string> detail::backup_files(const std::string& path) {
    std::vector<std::string> out;
    const fs::path store(path);
    const std::string prefix = store.filename().string() + ".bak-v";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(
             store.parent_path().empty() ? fs::path(".") : store.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0 && entry.is_regular_file(ec))
            out.push_back((store.parent_path() / name).string());
    }
    return out;
}

int Store::user_version() const {
    return m_db->execAndGet("PRAGMA user_version").getInt();
}

void Store::write(const std::function<void()>& fn) {
    try {
        if (m_version < schema_version && !m_keep_schema) return write_upgrading(fn);
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        m_strength_through.reset(); // another process may have written since
        m_strength_moved = false;
        m_mood_moved = false;
        m_tick.clear(); // one clock per transaction
        const auto before = sqlite3_total_changes64(m_db->getHandle());
        fn();
        if (sqlite3_total_changes64(m_db->getHandle()) != before) {
            if (m_on_change) m_on_change();
            keep_clock();
        }
        tx.commit();
    } catch (const SQLite::Exception& e) {
        throw *as_store_error(e, m_path);
    }
}

void Store::reading(const std::function<void()>& fn) const {
    if (sqlite3_get_autocommit(m_db->getHandle()) == 0) return fn();
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::DEFERRED);
        fn();
        tx.commit(); // ends the read; nothing was written
    } catch (const SQLite::Exception& e) {
        throw *as_store_error(e, m_path);
    }
}

void Store::write_upgrading(const std::function<void()>& fn) {
    // The upgrade and the command's writes are one transaction, kept only when the command
    // changed something: a command that fails, or finds nothing to change, leaves an old store
    // exactly as it was, and no backup.
    SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    m_strength_through.reset();
    m_strength_moved = false;
    m_mood_moved = false;
    m_tick.clear();
    const int version = user_version(); // another process may have upgraded it meanwhile
    if (version >= schema_version) m_version = version;
    RemoveOnExit pending;
    std::string backup;
    if (version < schema_version) {
        // A store with data is copied first, under the write lock (a consistent snapshot), with
        // SQLite's online backup; the copy takes its name only once the upgrade is committed.
        if (version > 0 && m_path != ":memory:") {
            backup = fmt::format("{}.bak-v{}", m_path, version);
            pending.path = backup + ".kint-tmp";
            backup_to(pending.path);
        }
        apply_migrations(*m_db, version, schema_version);
        if (version < 8) m_mood_moved = true; // the mood's blocks to be kept (Store::keep_mood)
    }
    // Inside the transaction the reads see the new schema; rolled back, the old one again.
    const int found = m_version;
    m_version = schema_version;
    sqlite3* handle = m_db->getHandle();
    const auto before = sqlite3_total_changes64(handle);
    try {
        fn();
    } catch (...) {
        m_version = found;
        throw;
    }
    if (sqlite3_total_changes64(handle) == before) {
        m_version = found;
        return; // rolled back, the copy removed
    }
    try {
        if (m_on_change) m_on_change();
        keep_clock();
    } catch (...) {
        m_version = found;
        throw;
    }
    tx.commit();
    m_version = schema_version;
    if (!backup.empty() && std::rename(pending.path.c_str(), backup.c_str()) == 0)
        pending.path.clear();
}

void Store::backup_to(const std::string& path) {
    if (const int err = io::create_private_file(path))
        throw StoreError(fmt::format("could not back up the store to {} before upgrading it ({}); "
                                     "nothing was changed",
                                     path, std::strerror(err)));
    // From a second connection: SQLite copies no database whose connection is writing. Under
    // this one's write lock it reads exactly the committed store, and nobody can change that.
    SQLite::Database source(m_path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    SQLite::Database copy(path, SQLite::OPEN_READWRITE);
    SQLite::Backup backup(copy, source);
    const int rc = backup.executeStep(); // all pages in one step
    if (rc != SQLITE_DONE)
        throw StoreError(
            fmt::format("could not back up the store to {} before upgrading it (SQLite "
                        "code {}); nothing was changed",
                        path, rc));
}

} // namespace kint::store
