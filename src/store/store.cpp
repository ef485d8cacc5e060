#include "kint/store/store.hpp"

#include "kint/core/error.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kint::store {

namespace fs = std::filesystem;

namespace {

// How long a command waits for another kint process's write before it gives up (never "locked").
constexpr int busy_timeout_ms = 5000;

// Each entry upgrades the schema by one version; index i takes user_version i to i + 1.
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
};

constexpr int migration_count = static_cast<int>(std::size(migrations));
static_assert(migration_count == schema_version);

std::optional<std::string> opt_text(const SQLite::Column& col) {
    if (col.isNull()) return std::nullopt;
    return col.getString();
}

// A row whose day is not a calendar date: its reader skips the row (tolerant()).
struct MalformedDay {
    std::string text;
};

// A day read from a row. Any real calendar date is read as it is, even one outside the days
// kint writes (an older kint wrote 1849-10-20 and 10000-01-01): such a row shows and exports as
// it is rather than locking anyone out. Text that is no date at all throws MalformedDay.
Day day_of(const SQLite::Column& col) {
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

void bind_opt(SQLite::Statement& st, int index, const std::optional<std::string>& value) {
    if (value)
        st.bind(index, *value);
    else
        st.bind(index);
}

// Creates each missing directory of `dir` with mode 0700.
void make_private_dirs(const fs::path& dir) {
    if (dir.empty()) return;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    make_private_dirs(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) return;
        throw StoreError(
            fmt::format("cannot create the folder {}: {}; check its parent's permissions",
                        dir.string(), std::strerror(errno)));
    }
    ::chmod(dir.c_str(), 0700); // mkdir's mode is masked by the umask
}

// Creates the store file with mode 0600 before SQLite opens it (SQLite would use 0644).
void create_private_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return;
        throw StoreError(
            fmt::format("cannot create the store {}: {}; check the folder's permissions", path,
                        std::strerror(errno)));
    }
    ::fchmod(fd, 0600); // open's mode is masked by the umask
    ::close(fd);
}

std::string day_text(Day day) {
    return format_day(day);
}

} // namespace

std::optional<StoreError> as_store_error(const std::exception& e, const std::string& path) {
    const auto* sql = dynamic_cast<const SQLite::Exception*>(&e);
    if (!sql) return std::nullopt;
    std::string what = sql->what();
    for (char& ch : what)
        if (ch == '\n') ch = ' ';
    return StoreError(fmt::format("the store {} could not be used ({}); nothing was changed: {}",
                                  path, what, advice_for(sql->getErrorCode())));
}

std::string_view advice_for(int sqlite_error_code) {
    switch (sqlite_error_code & 0xFF) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
        return "check there is free space on the disk and the file and its folder are writable";
    default:
        return "check the file and its folder are readable and writable";
    }
}

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path)
    : m_db(std::move(db)), m_path(std::move(path)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::open(const std::string& path) {
    const fs::path p(path);
    std::error_code ec;
    if (fs::is_directory(p, ec))
        throw StoreError(fmt::format("{} is a folder, not a kint store; give a file path", path));
    const bool existed = fs::exists(p, ec);
    if (!existed) {
        make_private_dirs(p.parent_path());
        create_private_file(path);
    } else if (fs::is_regular_file(p, ec) && fs::file_size(p, ec) == 0) {
        // An empty file (touch kint.db) becomes a store: private, like one kint creates.
        fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write, ec);
    }
    try {
        auto db =
            std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
        Store store(std::move(db), path);
        store.prepare_connection();
        store.check_identity();
        store.migrate();
        return store;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB)
            throw StoreError(fmt::format("{} is not a kint store; point --db or KINT_DB elsewhere "
                                         "(the file was left untouched)",
                                         path));
        throw StoreError(fmt::format("cannot open the store {}: {}; {}", path, e.what(),
                                     advice_for(e.getErrorCode())));
    }
}

std::optional<Store> Store::open_readonly(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    auto db =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    // A prompt must never wait long: give up after 50 ms and show nothing.
    db->setBusyTimeout(50);
    if (db->execAndGet("PRAGMA application_id").getInt() != application_id) return std::nullopt;
    if (db->execAndGet("PRAGMA user_version").getInt() != schema_version) return std::nullopt;
    return Store(std::move(db), path);
}

Store Store::open_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    Store store(std::move(db), ":memory:");
    store.prepare_connection();
    store.migrate();
    return store;
}

void Store::prepare_connection() {
    // Wait for another kint process rather than report "database is locked".
    m_db->setBusyTimeout(busy_timeout_ms);
    m_db->exec("PRAGMA foreign_keys = ON");
    // Removed journal text is overwritten, not left in free pages.
    m_db->exec("PRAGMA secure_delete = ON");
    // Closing leaves the files alone (no checkpoint, the WAL kept): the prompt's segment cache is
    // stamped with their state after a command's writes, and checkpoint() has already copied the
    // WAL into the main file by then.
    sqlite3_db_config(m_db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

void Store::check_identity() {
    // Reads only: a foreign file must be refused before anything is written to it.
    // Three bare pragmas: cheaper to prepare than one SELECT over their table-valued forms (the
    // schema count only when the id is unset: a new file, or one that is not kint's).
    const int app_id = m_db->execAndGet("PRAGMA application_id").getInt();
    const int version = m_db->execAndGet("PRAGMA user_version").getInt();
    const bool wal = m_db->execAndGet("PRAGMA journal_mode").getString() == "wal";
    const int objects =
        app_id == 0 ? m_db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() : 0;
    if (app_id != application_id && (app_id != 0 || objects != 0))
        throw StoreError(fmt::format("{} is not a kint store; point --db or KINT_DB elsewhere (the "
                                     "file was left untouched)",
                                     m_path));
    if (version > schema_version)
        throw StoreError(
            fmt::format("{} was written by a newer kint (schema {}, this one knows {}); "
                        "upgrade kint",
                        m_path, version, schema_version));
    // Why these (the stress tests hold them to it): WAL lets the prompt hook read while a command
    // writes, so neither waits for the other; writers queue through the busy timeout and BEGIN
    // IMMEDIATE (no lock upgrade can deadlock). synchronous = NORMAL under WAL: a killed process
    // never loses a commit and the file never corrupts; only a power cut may lose the last commits.
    // FULL would add an fsync to every one-row write, the bulk of its cost.
    if (!wal) m_db->exec("PRAGMA journal_mode = WAL"); // kept in the file once set
    m_db->exec("PRAGMA synchronous = NORMAL");
}

int Store::user_version() const {
    return m_db->execAndGet("PRAGMA user_version").getInt();
}

void Store::migrate(int target) {
    int version = user_version();
    if (version >= target) return;
    // A store with data is copied first, with SQLite's online backup (a consistent snapshot).
    if (version > 0 && m_path != ":memory:") backup_to(fmt::format("{}.bak-v{}", m_path, version));
    SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    version = user_version(); // another process may have migrated while we waited
    if (version >= target) return;
    for (; version < target; ++version)
        m_db->exec(migrations[version]);
    m_db->exec(fmt::format("PRAGMA application_id = {}", application_id));
    m_db->exec(fmt::format("PRAGMA user_version = {}", target));
    tx.commit();
}

void Store::backup_to(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec); // an older backup of the same version is replaced
    create_private_file(path);
    SQLite::Database copy(path, SQLite::OPEN_READWRITE);
    SQLite::Backup backup(copy, *m_db);
    const int rc = backup.executeStep(); // all pages in one step
    if (rc != SQLITE_DONE)
        throw StoreError(
            fmt::format("could not back up the store to {} before upgrading it (SQLite "
                        "code {}); nothing was changed",
                        path, rc));
}

Store Store::open_at_version(const std::string& path, int version) {
    if (version < 1 || version > schema_version)
        throw StoreError(fmt::format("no schema version {}", version));
    make_private_dirs(fs::path(path).parent_path());
    create_private_file(path);
    auto db =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    Store store(std::move(db), path);
    store.prepare_connection();
    store.check_identity();
    store.migrate(version);
    return store;
}

void Store::write(const std::function<void()>& fn) {
    SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    fn();
    tx.commit();
}

// ---- intentions -------------------------------------------------------------------------------

Id Store::add_intention(const std::string& text, const std::optional<std::string>& group,
                        const std::optional<std::string>& catalogue_id, Day created) {
    SQLite::Statement st(*m_db, "INSERT INTO intention (text, grp, catalogue_id, created) "
                                "VALUES (?, ?, ?, ?)");
    st.bind(1, text);
    bind_opt(st, 2, group);
    bind_opt(st, 3, catalogue_id);
    st.bind(4, day_text(created));
    st.exec();
    return m_db->getLastInsertRowid();
}

namespace {
Intention read_intention(SQLite::Statement& st, std::optional<Id> focus) {
    Intention i;
    i.id = st.getColumn(0).getInt64();
    i.text = st.getColumn(1).getString();
    i.group = opt_text(st.getColumn(2));
    i.catalogue_id = opt_text(st.getColumn(3));
    i.created = day_of(st.getColumn(4));
    i.archived = !st.getColumn(5).isNull();
    if (i.archived) i.archived_on = day_of(st.getColumn(5));
    i.focus = focus && *focus == i.id;
    return i;
}
constexpr const char* intention_columns = "SELECT id, text, grp, catalogue_id, created, archived "
                                          "FROM intention";
} // namespace

std::vector<Intention> Store::intentions(bool include_archived) const {
    const auto f = focus();
    SQLite::Statement st(
        *m_db, fmt::format("{} WHERE ? OR archived IS NULL ORDER BY id", intention_columns));
    st.bind(1, include_archived ? 1 : 0);
    std::vector<Intention> out;
    while (st.executeStep())
        tolerant(m_skipped, "an intention", [&] { out.push_back(read_intention(st, f)); });
    return out;
}

std::optional<Intention> Store::intention(Id id) const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE id = ?", intention_columns));
    st.bind(1, id);
    std::optional<Intention> out;
    if (st.executeStep())
        tolerant(m_skipped, "an intention", [&] { out = read_intention(st, focus()); });
    return out;
}

void Store::set_intention_text(Id id, const std::string& text) {
    SQLite::Statement st(*m_db, "UPDATE intention SET text = ? WHERE id = ?");
    st.bind(1, text);
    st.bind(2, id);
    st.exec();
}

void Store::archive_intention(Id id, Day day) {
    SQLite::Statement st(*m_db,
                         "UPDATE intention SET archived = ? WHERE id = ? AND archived IS NULL");
    st.bind(1, day_text(day));
    st.bind(2, id);
    st.exec();
}

std::optional<Id> Store::focus() const {
    if (auto i = focused_intention()) return i->id;
    return std::nullopt;
}

std::optional<Intention> Store::focused_intention() const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE id = (SELECT value FROM state WHERE key = "
                                            "'focus') AND archived IS NULL",
                                            intention_columns));
    std::optional<Intention> out;
    if (st.executeStep())
        tolerant(m_skipped, "an intention", [&] { out = read_intention(st, std::nullopt); });
    if (out) out->focus = true;
    return out;
}

void Store::set_focus(std::optional<Id> id) {
    if (!id) {
        m_db->exec("DELETE FROM state WHERE key = 'focus'");
        return;
    }
    SQLite::Statement st(*m_db, "INSERT INTO state (key, value) VALUES ('focus', ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, *id);
    st.exec();
}

// ---- cues -------------------------------------------------------------------------------------

Id Store::add_cue(const NewCue& cue) {
    SQLite::Statement st(*m_db, "INSERT INTO cue (intention_id, kind, trigger, at, days, created) "
                                "VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, cue.intention_id);
    st.bind(2, std::string(to_string(cue.kind)));
    st.bind(3, cue.trigger);
    if (cue.at)
        st.bind(4, *cue.at);
    else
        st.bind(4);
    st.bind(5, static_cast<int>(cue.days.mask()));
    st.bind(6, day_text(cue.created));
    st.exec();
    const Id id = m_db->getLastInsertRowid();
    add_step(id, Step{cue.created, cue.behavior, std::nullopt});
    return id;
}

namespace {
constexpr const char* cue_columns =
    "SELECT id, intention_id, kind, trigger, at, days, created, status, archived FROM cue";

Cue read_cue(SQLite::Statement& st) {
    Cue c;
    c.id = st.getColumn(0).getInt64();
    c.intention_id = st.getColumn(1).getInt64();
    c.kind = parse_cue_kind(st.getColumn(2).getString()).value_or(CueKind::after);
    c.trigger = st.getColumn(3).getString();
    if (!st.getColumn(4).isNull()) c.at = st.getColumn(4).getInt();
    c.days = Schedule(static_cast<std::uint8_t>(st.getColumn(5).getInt()));
    c.created = day_of(st.getColumn(6));
    c.status = parse_cue_status(st.getColumn(7).getString()).value_or(CueStatus::active);
    if (!st.getColumn(8).isNull()) c.archived_on = day_of(st.getColumn(8));
    return c;
}
} // namespace

void Store::load_steps_and_pauses(std::vector<Cue>& cues, bool current_step_only) const {
    std::map<Id, Cue*> by_id;
    for (auto& c : cues)
        by_id[c.id] = &c;
    // In rowid order, a plain scan: each cue's steps still arrive oldest first. The current step
    // alone is one index seek per cue, however many steps years of adjusting left.
    // One cue (cue(), which every log and step command asks for) reads its own rows by index.
    const bool one = cues.size() == 1;
    SQLite::Statement steps(
        *m_db, current_step_only
                   ? "SELECT cue_id, day, behavior, note FROM step WHERE id IN (SELECT (SELECT "
                     "max(s.id) FROM step s WHERE s.cue_id = c.id) FROM cue c) ORDER BY id"
               : one ? "SELECT cue_id, day, behavior, note FROM step WHERE cue_id = ? ORDER BY id"
                     : "SELECT cue_id, day, behavior, note FROM step ORDER BY id");
    if (one && !current_step_only) steps.bind(1, cues.front().id);
    while (steps.executeStep()) {
        auto it = by_id.find(steps.getColumn(0).getInt64());
        if (it == by_id.end()) continue;
        tolerant(m_skipped, "a step", [&] {
            it->second->steps.push_back(Step{day_of(steps.getColumn(1)),
                                             steps.getColumn(2).getString(),
                                             opt_text(steps.getColumn(3))});
        });
    }
    SQLite::Statement pauses(*m_db,
                             one ? "SELECT cue_id, start, until FROM pause WHERE cue_id = ? "
                                   "ORDER BY cue_id, start"
                                 : "SELECT cue_id, start, until FROM pause ORDER BY cue_id, start");
    if (one) pauses.bind(1, cues.front().id);
    while (pauses.executeStep()) {
        auto it = by_id.find(pauses.getColumn(0).getInt64());
        if (it == by_id.end()) continue;
        tolerant(m_skipped, "a pause", [&] {
            Pause p{day_of(pauses.getColumn(1)), std::nullopt};
            if (!pauses.getColumn(2).isNull()) p.until = day_of(pauses.getColumn(2));
            it->second->pauses.push_back(p);
        });
    }
    for (auto& c : cues)
        if (c.steps.empty())
            throw StoreError(fmt::format("cue {} has no behavior in the store", c.id));
}

std::vector<Cue> Store::cues(bool include_archived, bool current_step_only) const {
    SQLite::Statement st(
        *m_db, fmt::format("{} WHERE ? OR status <> 'archived' ORDER BY id", cue_columns));
    st.bind(1, include_archived ? 1 : 0);
    std::vector<Cue> out;
    while (st.executeStep())
        tolerant(m_skipped, "a cue", [&] { out.push_back(read_cue(st)); });
    load_steps_and_pauses(out, current_step_only);
    return out;
}

std::optional<Cue> Store::cue(Id id) const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE id = ?", cue_columns));
    st.bind(1, id);
    std::vector<Cue> one;
    if (st.executeStep()) tolerant(m_skipped, "a cue", [&] { one.push_back(read_cue(st)); });
    if (one.empty()) return std::nullopt;
    load_steps_and_pauses(one);
    return one.front();
}

void Store::add_step(Id cue_id, const Step& step) {
    SQLite::Statement st(*m_db,
                         "INSERT INTO step (cue_id, day, behavior, note) VALUES (?, ?, ?, ?)");
    st.bind(1, cue_id);
    st.bind(2, day_text(step.day));
    st.bind(3, step.behavior);
    bind_opt(st, 4, step.note);
    st.exec();
}

void Store::pause_cue(Id cue_id, Day day) {
    SQLite::Statement st(*m_db, "INSERT INTO pause (cue_id, start) VALUES (?, ?) "
                                "ON CONFLICT (cue_id, start) DO UPDATE SET until = NULL");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    st.exec();
    SQLite::Statement status(*m_db, "UPDATE cue SET status = 'paused' WHERE id = ?");
    status.bind(1, cue_id);
    status.exec();
}

void Store::resume_cue(Id cue_id, Day day) {
    // A pause started today and ended today covered no day at all: drop it.
    SQLite::Statement drop(*m_db,
                           "DELETE FROM pause WHERE cue_id = ? AND until IS NULL AND start >= ?");
    drop.bind(1, cue_id);
    drop.bind(2, day_text(day));
    drop.exec();
    SQLite::Statement st(*m_db, "UPDATE pause SET until = ? WHERE cue_id = ? AND until IS NULL");
    st.bind(1, day_text(day));
    st.bind(2, cue_id);
    st.exec();
    SQLite::Statement status(*m_db, "UPDATE cue SET status = 'active' WHERE id = ?");
    status.bind(1, cue_id);
    status.exec();
}

void Store::archive_cue(Id cue_id, Day day) {
    SQLite::Statement st(*m_db, "UPDATE cue SET status = 'archived', archived = ? WHERE id = ?");
    st.bind(1, day_text(day));
    st.bind(2, cue_id);
    st.exec();
}

// ---- log --------------------------------------------------------------------------------------

void Store::put_log(const LogEntry& entry) {
    SQLite::Statement st(*m_db, "INSERT INTO log (cue_id, day, status, note) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (cue_id, day, status) "
                                "DO UPDATE SET note = coalesce(excluded.note, note)");
    st.bind(1, entry.cue_id);
    st.bind(2, day_text(entry.day));
    st.bind(3, std::string(to_string(entry.status)));
    bind_opt(st, 4, entry.note);
    st.exec();
}

int Store::remove_logs(Id cue_id, Day day, std::optional<LogStatus> status) {
    SQLite::Statement st(*m_db, "DELETE FROM log WHERE cue_id = ? AND day = ? "
                                "AND (? IS NULL OR status = ?)");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    if (status) {
        st.bind(3, std::string(to_string(*status)));
        st.bind(4, std::string(to_string(*status)));
    } else {
        st.bind(3);
        st.bind(4);
    }
    return st.exec();
}

namespace {
void bind_range(SQLite::Statement& st, int first, const DayRange& r) {
    if (r.since)
        st.bind(first, format_day(*r.since));
    else
        st.bind(first, "0000-00-00");
    if (r.until)
        st.bind(first + 1, format_day(*r.until));
    else
        st.bind(first + 1, "9999-99-99");
}
} // namespace

std::vector<LogEntry> Store::logs(const LogQuery& q) const {
    // One cue's entries are a range of the primary key (cue_id, day, status), already in order
    // ('done' < 'skip' < 'slip' sorts as the ranks do): no index lookups, no sort, whatever the
    // store's age. All cues' entries of a range come through log_by_day.
    SQLite::Statement st(*m_db,
                         q.cue_id ? "SELECT cue_id, day, status, note FROM log WHERE cue_id = ? "
                                    "AND day BETWEEN ? AND ? ORDER BY cue_id, day, status"
                                  : "SELECT cue_id, day, status, note FROM log WHERE day BETWEEN ? "
                                    "AND ? ORDER BY day, cue_id, "
                                    "CASE status WHEN 'done' THEN 0 WHEN 'skip' THEN 1 ELSE 2 END");
    if (q.cue_id) {
        st.bind(1, *q.cue_id);
        bind_range(st, 2, q.range);
    } else {
        bind_range(st, 1, q.range);
    }
    std::vector<LogEntry> out;
    while (st.executeStep()) {
        LogEntry e;
        e.cue_id = st.getColumn(0).getInt64();
        if (!tolerant(m_skipped, "a log entry", [&] { e.day = day_of(st.getColumn(1)); })) continue;
        const auto s = st.getColumn(2).getString();
        e.status = s == "done" ? LogStatus::done : s == "skip" ? LogStatus::skip : LogStatus::slip;
        e.note = opt_text(st.getColumn(3));
        out.push_back(std::move(e));
    }
    return out;
}

// ---- ratings ----------------------------------------------------------------------------------

void Store::put_rating(const Rating& r) {
    SQLite::Statement st(*m_db, "INSERT INTO rating (day, kind, value, note) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (day, kind) DO UPDATE SET value = excluded.value, "
                                "note = coalesce(excluded.note, note)");
    st.bind(1, day_text(r.day));
    st.bind(2, std::string(to_string(r.kind)));
    st.bind(3, r.value);
    bind_opt(st, 4, r.note);
    st.exec();
}

namespace {
// A row of `SELECT day, kind, value, note FROM rating`.
Rating read_rating(SQLite::Statement& st) {
    Rating r;
    r.day = day_of(st.getColumn(0));
    r.kind = parse_rating_kind(st.getColumn(1).getString()).value_or(RatingKind::mood);
    r.value = st.getColumn(2).getInt();
    r.note = opt_text(st.getColumn(3));
    return r;
}
} // namespace

std::vector<Rating> Store::ratings(const DayRange& range, std::optional<RatingKind> kind) const {
    SQLite::Statement st(*m_db,
                         "SELECT day, kind, value, note FROM rating WHERE day BETWEEN ? AND ? "
                         "AND (? IS NULL OR kind = ?) ORDER BY day, kind DESC");
    bind_range(st, 1, range);
    if (kind) {
        st.bind(3, std::string(to_string(*kind)));
        st.bind(4, std::string(to_string(*kind)));
    } else {
        st.bind(3);
        st.bind(4);
    }
    std::vector<Rating> out;
    while (st.executeStep())
        tolerant(m_skipped, "a rating", [&] { out.push_back(read_rating(st)); });
    return out;
}

std::vector<Rating> Store::ratings_back_from(Day until, RatingKind kind,
                                             const std::function<bool(const Rating&)>& take) const {
    SQLite::Statement st(*m_db,
                         "SELECT day, kind, value, note FROM rating WHERE kind = ? AND day <= ? "
                         "ORDER BY day DESC");
    st.bind(1, std::string(to_string(kind)));
    st.bind(2, day_text(until));
    std::vector<Rating> out;
    while (st.executeStep()) {
        Rating r;
        if (!tolerant(m_skipped, "a rating", [&] { r = read_rating(st); })) continue;
        if (!take(r)) break;
        out.push_back(std::move(r));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

// ---- journal ----------------------------------------------------------------------------------

namespace {
std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) {
        if (!out.empty()) out += ',';
        out += t;
    }
    return out;
}
std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}
} // namespace

Id Store::add_journal(const JournalEntry& e) {
    SQLite::Statement st(*m_db, "INSERT INTO journal (day, text, tags, kind, prompt) "
                                "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, day_text(e.day));
    st.bind(2, e.text);
    st.bind(3, join_tags(e.tags));
    bind_opt(st, 4, e.kind);
    bind_opt(st, 5, e.prompt);
    st.exec();
    return m_db->getLastInsertRowid();
}

bool Store::remove_journal(Id id) {
    SQLite::Statement st(*m_db, "DELETE FROM journal WHERE id = ?");
    st.bind(1, id);
    return st.exec() > 0;
}

std::vector<JournalEntry> Store::journal(const JournalQuery& q) const {
    SQLite::Statement st(*m_db, "SELECT id, day, text, tags, kind, prompt FROM journal "
                                "WHERE day BETWEEN ? AND ? ORDER BY day, id");
    bind_range(st, 1, q.range);
    std::vector<JournalEntry> out;
    while (st.executeStep()) {
        JournalEntry e;
        e.id = st.getColumn(0).getInt64();
        if (!tolerant(m_skipped, "a journal entry", [&] { e.day = day_of(st.getColumn(1)); }))
            continue;
        e.text = st.getColumn(2).getString();
        e.tags = split_tags(st.getColumn(3).getString());
        e.kind = opt_text(st.getColumn(4));
        e.prompt = opt_text(st.getColumn(5));
        if (q.tag && std::find(e.tags.begin(), e.tags.end(), *q.tag) == e.tags.end()) continue;
        out.push_back(std::move(e));
    }
    return out;
}

// ---- sessions ---------------------------------------------------------------------------------

Id Store::add_session(const Session& s) {
    SQLite::Statement st(*m_db,
                         "INSERT INTO session (day, note) VALUES (?, ?) "
                         "ON CONFLICT (day) DO UPDATE SET note = coalesce(excluded.note, note) "
                         "RETURNING id");
    st.bind(1, day_text(s.day));
    bind_opt(st, 2, s.note);
    st.executeStep();
    return st.getColumn(0).getInt64();
}

std::vector<Session> Store::sessions() const {
    SQLite::Statement st(*m_db, "SELECT id, day, note FROM session ORDER BY day");
    std::vector<Session> out;
    while (st.executeStep())
        tolerant(m_skipped, "a session", [&] {
            out.push_back(Session{st.getColumn(0).getInt64(), day_of(st.getColumn(1)),
                                  opt_text(st.getColumn(2))});
        });
    return out;
}

bool Store::remove_session(Day day) {
    SQLite::Statement st(*m_db, "DELETE FROM session WHERE day = ?");
    st.bind(1, day_text(day));
    return st.exec() > 0;
}

segment::Facts Store::segment_facts(std::optional<Day> until) const {
    const std::string last_day = until ? day_text(*until) : "9999-12-31";
    segment::Facts f;
    if (auto id = focus())
        if (auto i = intention(*id)) f.focus = i->text;
    // The latest done or skipped day of one cue: backwards along its primary key, a row or two.
    SQLite::Statement last(*m_db, "SELECT day FROM log WHERE cue_id = ? AND day <= ? AND status <> "
                                  "'slip' ORDER BY day DESC LIMIT 1");
    for (auto& c : cues(false, /*current_step_only=*/true)) {
        segment::CueFacts cf{c.days, c.created, c.archived_on, std::move(c.pauses), std::nullopt};
        last.bind(1, c.id);
        last.bind(2, last_day);
        if (last.executeStep())
            tolerant(m_skipped, "a log entry", [&] { cf.last_done = day_of(last.getColumn(0)); });
        last.reset();
        f.cues.push_back(std::move(cf));
    }
    SQLite::Statement mood(*m_db,
                           "SELECT day FROM rating WHERE kind = 'mood' AND day <= ? ORDER BY "
                           "day DESC LIMIT 1");
    mood.bind(1, last_day);
    if (mood.executeStep())
        tolerant(m_skipped, "a rating", [&] { f.last_mood = day_of(mood.getColumn(0)); });
    return f;
}

void Store::checkpoint() {
    // TRUNCATE empties the WAL too, so removed text (secure_delete) lingers in no old page image.
    // It must not wait for a reader (the prompt): with one busy it copies what it can and leaves
    // the rest for the next command.
    m_db->setBusyTimeout(0);
    try {
        m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
    }
    m_db->setBusyTimeout(busy_timeout_ms);
}

// ---- export / import --------------------------------------------------------------------------

exchange::Snapshot Store::dump() const {
    exchange::Snapshot s;
    s.intentions = intentions(true);
    s.focus = focus();
    s.cues = cues(true);
    s.logs = logs({});
    s.ratings = ratings({});
    s.journal = journal({});
    s.sessions = sessions();
    return s;
}

bool Store::empty() const {
    return m_db->execAndGet(
                   "SELECT (SELECT count(*) FROM intention) + (SELECT count(*) FROM rating) + "
                   "(SELECT count(*) FROM journal) + (SELECT count(*) FROM session)")
               .getInt() == 0;
}

void Store::load(const exchange::Snapshot& s) {
    auto opt_day = [](const std::optional<Day>& d) {
        return d ? std::optional<std::string>(format_day(*d)) : std::nullopt;
    };
    SQLite::Statement intention(*m_db,
                                "INSERT INTO intention (id, text, grp, catalogue_id, created, "
                                "archived) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& i : s.intentions) {
        intention.bind(1, i.id);
        intention.bind(2, i.text);
        bind_opt(intention, 3, i.group);
        bind_opt(intention, 4, i.catalogue_id);
        intention.bind(5, format_day(i.created));
        bind_opt(intention, 6, opt_day(i.archived_on));
        intention.exec();
        intention.reset();
    }
    if (s.focus) set_focus(*s.focus);
    SQLite::Statement cue(*m_db,
                          "INSERT INTO cue (id, intention_id, kind, trigger, at, days, created, "
                          "status, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement pause(*m_db, "INSERT INTO pause (cue_id, start, until) VALUES (?, ?, ?)");
    for (const auto& c : s.cues) {
        cue.bind(1, c.id);
        cue.bind(2, c.intention_id);
        cue.bind(3, std::string(to_string(c.kind)));
        cue.bind(4, c.trigger);
        if (c.at)
            cue.bind(5, *c.at);
        else
            cue.bind(5);
        cue.bind(6, static_cast<int>(c.days.mask()));
        cue.bind(7, format_day(c.created));
        cue.bind(8, std::string(to_string(c.status)));
        bind_opt(cue, 9, opt_day(c.archived_on));
        cue.exec();
        cue.reset();
        for (const auto& st : c.steps)
            add_step(c.id, st);
        for (const auto& p : c.pauses) {
            pause.bind(1, c.id);
            pause.bind(2, format_day(p.from));
            bind_opt(pause, 3, opt_day(p.until));
            pause.exec();
            pause.reset();
        }
    }
    for (const auto& e : s.logs)
        put_log(e);
    for (const auto& r : s.ratings)
        put_rating(r);
    SQLite::Statement journal(*m_db, "INSERT INTO journal (id, day, text, tags, kind, prompt) "
                                     "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& e : s.journal) {
        journal.bind(1, e.id);
        journal.bind(2, format_day(e.day));
        journal.bind(3, e.text);
        journal.bind(4, join_tags(e.tags));
        bind_opt(journal, 5, e.kind);
        bind_opt(journal, 6, e.prompt);
        journal.exec();
        journal.reset();
    }
    SQLite::Statement session(*m_db, "INSERT INTO session (id, day, note) VALUES (?, ?, ?)");
    for (const auto& x : s.sessions) {
        session.bind(1, x.id);
        session.bind(2, format_day(x.day));
        bind_opt(session, 3, x.note);
        session.exec();
        session.reset();
    }
}

} // namespace kint::store
