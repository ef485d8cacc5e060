// Opening a store and checking it is kint's; SQLite's errors in kint's words.
#include "internal.hpp"

#include "kint/io/files.hpp"
#include "kint/store/sqlite_settings.hpp"

#include <filesystem>
#include <sqlite3.h>

namespace kint::store {

using namespace detail;
namespace fs = std::filesystem;

namespace {
// Before the first connection (sqlite_settings.hpp).
[[maybe_unused]] const bool sqlite_configured = configure_sqlite();
} // namespace

StoreError detail::not_a_store(const std::string& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0 && !ec)
        return StoreError(fmt::format("{} is an empty file, not a kint store; remove it or point "
                                      "--db or KINT_DB elsewhere (the file was left untouched)",
                                      path));
    return StoreError(fmt::format("{} is not a kint store; point --db or KINT_DB elsewhere (the "
                                  "file was left untouched)",
                                  path));
}

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

SQLite::Statement& Store::prepared(const std::string& sql) const {
    for (auto& [text, st] : m_prepared)
        if (text == sql) {
            st->reset();
            st->clearBindings();
            return *st;
        }
    m_prepared.emplace_back(sql, std::make_unique<SQLite::Statement>(*m_db, sql));
    return *m_prepared.back().second;
}

Store Store::open(const std::string& path) {
    return open_existing(path, std::nullopt);
}

Store Store::open_at_version(const std::string& path, int version) {
    if (version < 1 || version > schema_version)
        throw StoreError(fmt::format("no schema version {}", version));
    auto store = open_existing(path, version);
    // Its writes keep the old schema, as the older kint's did; its reads and writes use the
    // columns that schema has.
    store.m_version = store.user_version();
    store.m_keep_schema = true;
    return store;
}

Store Store::open_existing(const std::string& path, std::optional<int> new_version) {
    std::error_code ec;
    io::refuse_special_store_files(path); // a FIFO as kint.db-wal would block SQLite
    if (fs::is_directory(path, ec))
        throw StoreError(fmt::format("{} is a folder, not a kint store; give a file path", path));
    try {
        // Made whole or not at all (create_store_file): an existing file is never made a store,
        // so an empty or foreign one is refused untouched below.
        if (!fs::exists(path, ec)) create_store_file(path, new_version.value_or(schema_version));
        auto db =
            std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
        Store store(std::move(db), path);
        store.prepare_connection();
        store.check_identity();
        return store;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB) throw not_a_store(path);
        throw StoreError(fmt::format("cannot open the store {}: {}; {}", path, e.what(),
                                     advice_for(e.getErrorCode())));
    }
}

std::optional<Store> Store::open_readonly(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    io::refuse_special_store_files(path);
    try {
        auto db = std::make_unique<SQLite::Database>(
            io::sqlite_reader_uri(path), // creates no -wal/-shm
            SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX | SQLITE_OPEN_URI);
        // A prompt must never wait long: give up after 50 ms and show nothing.
        db->setBusyTimeout(50);
        if (db->execAndGet("PRAGMA application_id").getInt() != application_id) return std::nullopt;
        // An older schema reads as well (reads never migrate: schema.cpp).
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        if (version < 1 || version > schema_version) return std::nullopt;
        Store store(std::move(db), path);
        store.m_version = version;
        return store;
    } catch (const SQLite::Exception& e) {
        throw *as_store_error(e, path);
    }
}

Store Store::open_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    Store store(std::move(db), ":memory:");
    store.prepare_connection();
    SQLite::Transaction tx(*store.m_db, SQLite::TransactionBehavior::IMMEDIATE);
    apply_migrations(*store.m_db, 0, schema_version);
    tx.commit();
    return store;
}

void Store::prepare_connection() {
    // Wait for another kint process rather than report "database is locked".
    m_db->setBusyTimeout(busy_timeout_ms);
    // PRAGMA foreign_keys = ON, without a statement to prepare.
    sqlite3_db_config(m_db->getHandle(), SQLITE_DBCONFIG_ENABLE_FKEY, 1, nullptr);
    // Removed journal text is overwritten, not left in free pages.
    m_db->exec("PRAGMA secure_delete = ON");
    // Closing leaves the files alone (no checkpoint, the WAL kept): the prompt's segment cache is
    // stamped with their state after a command's writes, and checkpoint() has already copied the
    // WAL into the main file by then.
    sqlite3_db_config(m_db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    // A command that reads years (trail, export) recycles the page cache's pages past this
    // rather than keep every page it read: 2 MB less at the peak. The everyday commands read far
    // less, and a page read again comes from the system's own cache.
    sqlite3_soft_heap_limit64(soft_heap_limit_bytes);
}

void Store::check_identity() {
    // Reads only: a foreign file must be refused before anything is written to it. Two bare
    // pragmas and the journal mode: cheaper to prepare than one SELECT over their table-valued
    // forms. A store is made whole with its id (create_store_file), so any other id, 0 included,
    // is not kint's: an empty file, or another application's database.
    const int app_id = m_db->execAndGet("PRAGMA application_id").getInt();
    if (app_id != application_id) throw not_a_store(m_path);
    m_version = m_db->execAndGet("PRAGMA user_version").getInt();
    if (m_version > schema_version)
        throw StoreError(
            fmt::format("{} was written by a newer kint (schema {}, this one knows {}); "
                        "upgrade kint",
                        m_path, m_version, schema_version));
    // Why these (the stress tests hold them to it): WAL lets the prompt hook read while a command
    // writes, so neither waits for the other; writers queue through the busy timeout and BEGIN
    // IMMEDIATE (no lock upgrade can deadlock). synchronous = NORMAL under WAL: a killed process
    // never loses a commit and the file never corrupts; only a power cut may lose the last commits.
    // FULL would add an fsync to every one-row write, the bulk of its cost.
    if (m_db->execAndGet("PRAGMA journal_mode").getString() != "wal")
        m_db->exec("PRAGMA journal_mode = WAL"); // kept in the file once set
    m_db->exec("PRAGMA synchronous = NORMAL");
}

} // namespace kint::store
