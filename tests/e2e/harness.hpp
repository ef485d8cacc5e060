#pragma once
// End-to-end harness: runs the real kint binary in a private temp dir with a clean environment.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

// SQL that takes away what v8 added: the blocks of mood.
#define KINT_E2E_UNDO_V8 "DELETE FROM state WHERE key BETWEEN 'mood ' AND 'mood!'; "

// SQL that turns a current store into a schema-7 store, as kint 7 left it.
inline constexpr const char* schema_v7_sql = KINT_E2E_UNDO_V8 "PRAGMA user_version = 7;";

// SQL that takes away what v7 changed: ratings keyed by (day, kind) again, no blocks of weeks.
#define KINT_E2E_UNDO_V7                                                                           \
    KINT_E2E_UNDO_V8                                                                               \
    "CREATE TABLE rating_by_day (day TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('mood', "   \
    "'energy')), value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10), note TEXT, hlc TEXT NOT "  \
    "NULL DEFAULT '', PRIMARY KEY (day, kind)) WITHOUT ROWID; INSERT INTO rating_by_day SELECT "   \
    "day, kind, value, note, hlc FROM rating; DROP TABLE rating; ALTER TABLE rating_by_day "       \
    "RENAME TO rating; ALTER TABLE strength_checkpoint DROP COLUMN weeks; "

// SQL that turns a current store into a schema-6 store, as kint 6 left it.
inline constexpr const char* schema_v6_sql = KINT_E2E_UNDO_V7 "PRAGMA user_version = 6;";

// SQL that takes away what v6 added: the marks of each checkpoint's week.
#define KINT_E2E_UNDO_V6 KINT_E2E_UNDO_V7 "ALTER TABLE strength_checkpoint DROP COLUMN marks; "

// SQL that turns a current store into a schema-5 store, as kint 5 left it.
inline constexpr const char* schema_v5_sql = KINT_E2E_UNDO_V6 "PRAGMA user_version = 5;";

// SQL that takes away what v5 added: uids, clocks, tombstones and the store's clock.
#define KINT_E2E_UNDO_V5                                                                           \
    KINT_E2E_UNDO_V6                                                                               \
    "DROP TABLE tombstone; ALTER TABLE intention DROP COLUMN uid; ALTER TABLE intention DROP "     \
    "COLUMN hlc; ALTER TABLE cue DROP COLUMN uid; ALTER TABLE cue DROP COLUMN hlc; ALTER "         \
    "TABLE "                                                                                       \
    "step DROP COLUMN uid; ALTER TABLE step DROP COLUMN hlc; ALTER TABLE journal DROP COLUMN "     \
    "uid; "                                                                                        \
    "ALTER TABLE journal DROP COLUMN hlc; ALTER TABLE cue_plan DROP COLUMN hlc; ALTER TABLE "      \
    "pause "                                                                                       \
    "DROP COLUMN hlc; ALTER TABLE log DROP COLUMN hlc; ALTER TABLE rating DROP COLUMN hlc; "       \
    "ALTER "                                                                                       \
    "TABLE session DROP COLUMN hlc; "

// SQL that turns a current store into a schema-4 store, as kint 4 left it.
inline constexpr const char* schema_v4_sql = KINT_E2E_UNDO_V5 "PRAGMA user_version = 4;";

// SQL that takes away what v4 added: the strength checkpoints and the reminders.
#define KINT_E2E_UNDO_V4 KINT_E2E_UNDO_V5 "DROP TABLE strength_checkpoint; DROP TABLE reminder; "

// SQL that turns a current store into a schema-3 store, as kint 3 left it.
inline constexpr const char* schema_v3_sql = KINT_E2E_UNDO_V4 "PRAGMA user_version = 3;";

// SQL that turns a current store into a schema-1 store, as kint 1 left it: v2 added one index,
// v3 the per, measure and amount columns and the cue_plan table.
inline constexpr const char* schema_v1_sql = KINT_E2E_UNDO_V4
    "DROP TABLE cue_plan; ALTER TABLE log DROP COLUMN amount; ALTER TABLE step DROP COLUMN "
    "at_most; ALTER TABLE step DROP COLUMN unit; ALTER TABLE step DROP COLUMN target; ALTER TABLE "
    "cue DROP COLUMN per; DROP INDEX cue_by_intention; PRAGMA user_version = 1;";

// SQL that turns a current store into a schema-2 store, as kint 2 left it: v3 added the per,
// measure and amount columns and the cue_plan table.
inline constexpr const char* schema_v2_sql = KINT_E2E_UNDO_V4
    "DROP TABLE cue_plan; ALTER TABLE log DROP COLUMN amount; ALTER TABLE step DROP COLUMN "
    "at_most; ALTER TABLE step DROP COLUMN unit; ALTER TABLE step DROP COLUMN target; ALTER TABLE "
    "cue DROP COLUMN per; PRAGMA user_version = 2;";

namespace kint::e2e {

// `kint import --from TRACKER PATH EXTRA...`
inline std::vector<std::string> import_from(const std::string& tracker, const std::string& path,
                                            const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"import", "--from", tracker, path};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

struct Result {
    int code = -1; // exit status; 128 + signal when killed
    std::string out, err;
    bool timed_out = false;
};

// Everything kint keeps, for asserting that a command changed nothing.
struct Snapshot {
    std::string listings;             // the --json output of every list command
    std::optional<std::string> store; // the store's bytes, or nullopt without a store
    std::optional<std::string> config;
    std::string folder; // the names in the store's folder
    bool operator==(const Snapshot&) const = default;
};

// Extra environment for one run: a value replaces the sandbox's, nullopt removes the variable.
using Env = std::map<std::string, std::optional<std::string>>;

// A fresh temp dir (removed at the end) with KINT_DB, KINT_CONFIG, KINT_TODAY=2026-11-20, HOME and
// NO_COLOR pointing kint at it. Nothing of the test process's environment leaks into a run.
class Sandbox {
  public:
    Sandbox();
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    const std::string& dir() const { return m_dir; }
    std::string db() const { return m_dir + "/data/kint.db"; }
    std::string config() const { return m_dir + "/config.toml"; }
    std::string path(std::string_view name) const { return m_dir + "/" + std::string(name); }
    // The environment every run starts from; tests may change it for all later runs.
    std::map<std::string, std::string> env;
    // A command that runs kint (e.g. setpriv to drop root); empty runs kint directly.
    std::vector<std::string> wrapper;

    // Runs `kint args...` with stdin from /dev/null; `umask_value` is the child's umask.
    Result run(const std::vector<std::string>& args, const Env& extra = {},
               std::optional<mode_t> umask_value = std::nullopt) const;
    // As run, and REQUIREs exit 0 with an empty stderr.
    Result ok(const std::vector<std::string>& args, const Env& extra = {}) const;

    // Everything kint keeps: the --json listings of every command, the bytes of the store and of
    // the config, and the names in the store's folder. Does not create the store when missing.
    Snapshot snapshot(const Env& extra = {}) const;
    // Removes the views a reading command keeps beside the store (a cache: <store>.view for
    // `today`, <store>.review.view and so on), so that a snapshot shows the store alone.
    void forget_views() const;

  private:
    std::string m_dir;
};

// Runs the sqlite3 shell on `db` with `sql` through the sandbox's spawner; returns its exit code.
int sqlite3(Sandbox& s, const std::string& db, const std::string& sql);
bool have_sqlite3();
// SQL whose exit (through sqlite3()) is 0 when `condition` is true, else the sqlite3 shell's
// integer overflow error (it has no assert).
std::string sql_true(const std::string& condition);

// Helpers for assertions on text and files.
bool contains(std::string_view text, std::string_view part);
std::size_t count_of(std::string_view text, std::string_view part);
// `"key": value` as kint's pretty-printed JSON writes it; `value` is raw JSON (quote strings).
std::string kv(std::string_view key, std::string_view raw_value);
std::string quoted(std::string_view s);
// Exactly one line, starting "kint: ", with no C++ exception residue.
bool is_error_line(std::string_view err);
std::optional<std::string> read_file(const std::string& path);
void write_file(const std::string& path, std::string_view text);
// The permission bits of `path` (st_mode & 07777), or -1 when it does not exist.
int mode_of(const std::string& path);

// A store with an intention ("Be gentle") and two cues (1: after coffee, breathe; 2: if anger
// rises, breathe out), and the writes that each change what a view kept beside it shows: logs and
// their undo, ratings up to the safety note, a cue's plan, step, pause and resume, intentions, the
// journal and a session (today_test, views_test).
void seed_for_views(const Sandbox& s, const Env& env = {});
const std::vector<std::vector<std::string>>& writes_that_move_views();

} // namespace kint::e2e

// Failed comparisons print the listings and a digest of the bytes, not 50 KB of SQLite pages.
template <>
struct doctest::StringMaker<kint::e2e::Snapshot> {
    static doctest::String convert(const kint::e2e::Snapshot& s);
};
