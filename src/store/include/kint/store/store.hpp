#pragma once
// The SQLite store: the only place in kint that speaks SQL.
#include "kint/core/error.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/segment.hpp"
#include "kint/domain/snapshot.hpp"
#include "kint/domain/strength.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace kint::store {

// The newest schema version this build writes (PRAGMA user_version).
inline constexpr int schema_version = 8;
// PRAGMA application_id marking a file as a kint store ("KINT").
inline constexpr int application_id = 0x4B494E54;

struct NewCue {
    Id intention_id = 0;
    CueKind kind = CueKind::after;
    std::string trigger;
    std::optional<Minutes> at;
    Schedule days;
    Day created;
    std::string behavior;
    std::optional<Per> per = std::nullopt;
    std::optional<Measure> measure = std::nullopt;
};

struct LogQuery {
    DayRange range;
    std::optional<Id> cue_id;
};

// What dump() reads: everything, or (for an import, merge::needs) the log entries of some cues
// only, and ratings, journal entries and sessions only when asked for. Intentions and cues always.
// `clocks` false: only the identities a match goes by (the uids of intentions, cues and journal
// entries, read with their clocks); no step's, plan's, pause's, entry's, rating's or session's
// clock and no tombstone: an import matches by uid and content, never by clock.
struct DumpScope {
    std::optional<std::vector<Id>> log_cues; // nullopt: every cue's
    bool ratings = true, journal = true, sessions = true;
    bool clocks = true;
};

struct JournalQuery {
    DayRange range;
    std::optional<std::string> tag;
};

class Store {
  public:
    // Opens the store at `path`, creating it when missing: whole (never half-made, whoever else
    // creates it at the same moment), private (folders 0700, files 0600). Throws StoreError when
    // it is not a kint store (an empty or foreign file is refused untouched) or cannot be opened.
    // An older schema is read as it is and upgraded by the first write() that changes something,
    // after a PATH.bak-vN copy (journal entries removed later are erased from that copy too).
    static Store open(const std::string& path);
    // A store created at an older schema `version`, as an older kint would have left it (for
    // migration tests).
    static Store open_at_version(const std::string& path, int version);
    // A fresh in-memory store, for tests.
    static Store open_memory();
    // For the prompt hook: opens an existing, current store read-only, with a short busy timeout,
    // no migration and no writes; nullopt when there is no such store (it creates nothing).
    static std::optional<Store> open_readonly(const std::string& path);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    const std::string& path() const { return m_path; }
    int user_version() const;

    // Runs `fn` in one IMMEDIATE transaction: all of a command's writes land together or not at
    // all. An SQLite failure comes out as StoreError (see as_store_error).
    void write(const std::function<void()>& fn);
    // Runs `fn`'s reads in one read transaction: every statement in it sees the store as it was
    // at the first (a write landing meanwhile is for the next command to see), and the WAL index
    // is locked once rather than once a statement (a drawn review made 36 read transactions).
    // `fn` only reads (it has a const store). Inside another transaction it simply runs.
    void reading(const std::function<void()>& fn) const;
    // Runs `keep` inside every write() whose `fn` changed something, after it and before the
    // commit: what is derived from the data (the strength checkpoints) lands with the change.
    void on_change(std::function<void()> keep) { m_on_change = std::move(keep); }

    // Intentions
    Id add_intention(const std::string& text, const std::optional<std::string>& group,
                     const std::optional<std::string>& catalogue_id, Day created);
    std::vector<Intention> intentions(bool include_archived) const;
    std::optional<Intention> intention(Id id) const;
    void set_intention_text(Id id, const std::string& text);
    void archive_intention(Id id, Day day);
    // The focus: an active intention, or none (one statement either way).
    std::optional<Id> focus() const;
    std::optional<Intention> focused_intention() const;
    void set_focus(std::optional<Id> id);

    // Cues
    Id add_cue(const NewCue& cue);
    // `current_step_only`: each cue's steps hold only the step in force now, enough for behavior()
    // and scheduled_on() (the prompt hook and the daily view need no history).
    std::vector<Cue> cues(bool include_archived, bool current_step_only = false) const;
    // A review's two reads: the cues with their plans and pauses but no step yet (enough to say
    // how far back it reads), then only the steps that can be in force from `from` on: the one
    // in force the day before and every later one, as Cue::step_on sees them on any day from
    // `from`. Years of adjusting cost a review nothing.
    std::vector<Cue> cues_before_steps(bool include_archived) const;
    void load_steps_from(std::vector<Cue>& cues, Day from) const;
    std::optional<Cue> cue(Id id) const;
    // One cue with its plans and pauses, and only the steps from the day `steps_from` gives once
    // those are read (a comeback's look back, say): the step in force that day and every later
    // one, so that Cue::step_on answers as for the whole cue on any day from then on and
    // behavior() is the latest. A row whose day is no date sends it back to the whole history.
    std::optional<Cue> cue(Id id, const std::function<Day(const Cue&)>& steps_from) const;
    void add_step(Id cue_id, const Step& step);
    // `cue edit`: `cue` becomes what the cue is from `from` on (kind, trigger, at, days, per and
    // created are taken from it). The plan in force before `from` is kept as a Plan until `from`,
    // unless it covered no day (it began on `from` or later: an edit of an edit the same day).
    void edit_cue(const Cue& cue, Day from);
    void pause_cue(Id cue_id, Day day);
    void resume_cue(Id cue_id, Day day);
    void archive_cue(Id cue_id, Day day);

    // Log entries: one per cue, day and status (logging the same status again updates the note).
    // Returns whether the store changed: false when the entry was there already, as given.
    bool put_log(const LogEntry& entry);
    // Removes the entries of `cue_id` on `day` (only `status` when given); returns how many.
    int remove_logs(Id cue_id, Day day, std::optional<LogStatus> status);
    std::vector<LogEntry> logs(const LogQuery& query) const;
    // One cue's entries in `range` as the strength and the tallies read them (no notes): a
    // trail's years of them.
    strength::Trail log_trail(Id cue_id, const DayRange& range) const;

    // Reminders (kint remind): whether one went out for the cue on `day`, and recording one sent
    // at minute `sent` of that day (once per cue and day; a second record is ignored).
    bool reminded(Id cue_id, Day day) const;
    void add_reminder(Id cue_id, Day day, Minutes sent);

    // Ratings: one per day and kind; rating again replaces.
    void put_rating(const Rating& rating);
    std::vector<Rating> ratings(const DayRange& range, std::optional<RatingKind> kind = {}) const;
    // Each day's value of one kind in `range`, and nothing else (a trail's years of mood). The
    // mood of a whole block of 52 weeks comes from its one kept row (keep_mood).
    std::vector<std::pair<Day, int>> rating_values(const DayRange& range, RatingKind kind) const;
    // From schema 8, the mood of each block of 52 weeks (internal.hpp) that ends by `last` and
    // holds one, kept in one row (state 'mood YYYY-MM-DD', the block's last day), so that a trail
    // reads ten rows for ten years, not 3,650. Derived: kept by every write that changes what it
    // is made from (app::keep_strength, when mood_moved() or the week turned), cleared by
    // put_rating for the block of its day and by replace_all. None ends after strength_through().
    void keep_mood(Day last);
    // Whether a write since the transaction began cleared a block of mood (or upgraded the store).
    bool mood_moved() const { return m_mood_moved; }
    // Ratings of `kind` on or before `until`, newest first, while `take` returns true for them;
    // returned oldest first. Reads only as far back as `take` wants.
    std::vector<Rating> ratings_back_from(Day until, RatingKind kind,
                                          const std::function<bool(const Rating&)>& take) const;

    // Journal
    Id add_journal(const JournalEntry& entry);
    std::vector<JournalEntry> journal(const JournalQuery& query) const;
    // Removes entry `id` (its text is overwritten on disk: secure_delete); false when none.
    // The migration backups beside the store lose it too.
    bool remove_journal(Id id);

    // Sessions: one per day; adding a day again updates its note.
    Id add_session(const Session& session);
    std::vector<Session> sessions() const;
    // The latest session on or before `until`.
    std::optional<Session> latest_session(Day until) const;
    // Removes the session on `day`; false when there is none.
    bool remove_session(Day day);

    // What the prompt segment shows: for its cache (every day) and for the prompt when the cache
    // is stale (days up to `until` only, so that segment::count can answer for that day).
    segment::Facts segment_facts(std::optional<Day> until = std::nullopt) const;
    // Copies what the WAL holds into the main file and empties the WAL, without waiting for a
    // reader (the store is opened not to checkpoint on close, so that closing leaves the files as
    // the prompt's cache stamped them; the main file stays whole for a plain copy all the same).
    void checkpoint();

    // Strength checkpoints (derived: app::keep_strength keeps them, the store's own writes clear
    // them from the first day a change can move; an older schema has none). The latest of
    // `cue_id` on or before `day`:
    std::optional<strength::Checkpoint> strength_checkpoint(Id cue_id, Day day) const;
    std::vector<strength::Checkpoint> strength_checkpoints(Id cue_id, const DayRange& range) const;
    // The cues created by `day` whose latest checkpoint (if any) comes before it.
    std::vector<Id> strength_behind(Day day) const;
    // With each checkpoint, from schema 6, the marks of its week's seven days (`marks[i]` for
    // `points[i]`; trail_view::pack_week): what kint trail draws of the weeks before it, cleared
    // with it. Empty: none (an older schema, or tests).
    void put_strength(Id cue_id, const std::vector<strength::Checkpoint>& points,
                      const std::vector<std::uint32_t>& marks = {});
    // A cue's checkpoints in `range` with their weeks' marks (nullopt: none kept with it).
    struct MarkedWeek {
        strength::Checkpoint checkpoint;
        std::optional<std::uint32_t> marks;
    };
    std::vector<MarkedWeek> marked_weeks(Id cue_id, const DayRange& range) const;
    // The day the checkpoints were last brought up to (state 'strength_through'): no checkpoint
    // lies after it, and every cue created by then had them at each week's end up to it, unless
    // strength_moved(). Read once per write (nullopt: none kept yet).
    std::optional<Day> strength_through();
    void set_strength_through(Day day);
    // Whether a write since the transaction began cleared checkpoints or added a cue they miss.
    bool strength_moved() const { return m_strength_moved; }
    // Clears every cue's checkpoints after `day` (when the day went back: tests, a clock set back).
    void forget_strength_after(Day day);

    // Export and import: everything, ids included. load() adds records whose ids the store does
    // not use yet (merge::plan gives them such ids) and sets the focus when the snapshot has one.
    exchange::Snapshot dump(const DumpScope& scope = {}) const;

    // The rows the readers skipped because a day in them is not a calendar date (another tool
    // wrote it): "a rating with the day 'hello'", each once. Reading never fails on such a row.
    const std::vector<std::string>& skipped_rows() const { return m_skipped; }
    bool empty() const;
    void load(const exchange::Snapshot& snapshot);
    // Sync's apply (a v5 store, inside write()): the store holds exactly `snapshot` afterwards,
    // clocks and uids as they are in it (sync::merge made it from dump(), ids kept).
    void replace_all(const exchange::Snapshot& snapshot);

    // Whether the store's schema has the columns of `version` (reads work on older schemas).
    bool has_schema(int version) const { return m_version >= version; }

    // Sync (SPEC §7.5). The hybrid logical clock stamped on the records this write transaction
    // writes: one per transaction, later than every clock the store has written or heard
    // (domain/hlc.hpp). Kept in the state row 'hlc', whose last 16 digits are the store's device
    // (made on its first write). "" on a schema before v5 (no clocks there).
    const std::string& tick();
    // The wall clock tick() reads, in milliseconds since the epoch (the system's by default; the
    // CLI gives KINT_TODAY and KINT_NOW's, so tests are repeatable).
    void wall_clock(std::function<std::int64_t()> now_ms) { m_now_ms = std::move(now_ms); }
    // The store's device id (16 hex digits) and the latest clock it has written or heard; empty
    // before its first stamped write.
    std::string device() const;
    std::string last_clock() const;
    // Raises the store's clock past `seen` (a clock heard from another device), keeping its own
    // device, so its next write is later than everything it has applied.
    void hear_clock(const std::string& seen);
    // Writes the transaction's clock to the state row now (write() does it at the commit of a
    // transaction that changed something): `kint sync init` makes the device id this way.
    void keep_clock();
    // Gives the store a new device id (a copy of another device's store file must not write into
    // that device's folder); its clock goes on from where it was.
    void new_device();
    // A record removed (its uid): remembered with this transaction's clock (a tombstone).
    void bury(const std::string& uid);
    // Gives a uid to every record that has none (rows another program inserted), before sync.
    void give_uids();
    // Sync's bookkeeping in the state table ("sync.sent", "sync.seen.<device>"): nullopt unset.
    std::optional<std::string> state(const std::string& key) const;
    void set_state(const std::string& key, const std::string& value);

  private:
    Store(std::unique_ptr<SQLite::Database> db, std::string path);
    // open() and open_at_version(): a missing store is made at `new_version` (the newest when
    // nullopt).
    static Store open_existing(const std::string& path, std::optional<int> new_version);
    void prepare_connection();
    void check_identity();
    void write_upgrading(const std::function<void()>& fn);
    void backup_to(const std::string& path);
    void scrub_backups(Id journal_id);
    void load_steps_and_pauses(std::vector<Cue>& cues, bool current_step_only = false) const;
    std::vector<Cue> cue_rows(bool include_archived) const; // no step, plan or pause yet
    std::optional<Cue> cue_row(Id id) const;                // the same, for one cue
    enum class StepRead { all, current, from };
    void load_steps(std::vector<Cue>& cues, StepRead read, std::optional<Day> from) const;
    void load_plans_and_pauses(std::vector<Cue>& cues) const;
    bool read_sessions(SQLite::Statement& st, std::vector<Session>& out) const;
    // The weekly rows of marked_weeks, and the packing of a whole block into its last week's row
    // (schema 7; strength.cpp).
    std::vector<MarkedWeek> marked_rows(Id cue_id, const DayRange& range) const;
    void keep_block(Id cue_id, Day end);
    void insert_plan(Id cue_id, const Plan& plan);
    // Clears `cue_id`'s strength checkpoints from `from` on (all of them: nullopt). Every write
    // that can move a cue's strength calls it.
    void forget_strength(Id cue_id, std::optional<Day> from);

    // A statement prepared once and run again for each cue: the review
    // reads each cue's log and checkpoint with the same two, and preparing one costs more than
    // running it. Reset, bindings cleared; finalized before the connection closes (declared after
    // m_db).
    SQLite::Statement& prepared(const std::string& sql) const;

    std::unique_ptr<SQLite::Database> m_db;
    mutable std::vector<std::pair<std::string, std::unique_ptr<SQLite::Statement>>> m_prepared;
    std::string m_path;
    // The schema version found on opening; write() upgrades an older one.
    int m_version = schema_version;
    bool m_keep_schema = false; // open_at_version(): write() never upgrades
    std::function<void()> m_on_change;
    std::function<std::int64_t()> m_now_ms;
    std::string m_tick; // this write transaction's clock, once asked for
    std::int64_t wall_ms() const;
    // A record's clock as written: its own, or this transaction's when it has none (an import of
    // an export from before sync is a write here); sync's apply keeps even an empty one.
    bool m_keep_clocks = false;
    const std::string& clock_for(const std::string& hlc) {
        return m_keep_clocks || !hlc.empty() ? hlc : tick();
    }
    // The uid of cue `id` (tombstones of records named by their cue).
    std::string cue_uid(Id id) const;
    // Sets `table`'s hlc for row `id` to this transaction's clock (a v5 store; else nothing).
    void stamp(const char* table, Id id);
    // The text of the block of mood that ends on `end` (keep_mood), or none when a row in it is
    // not one the rows' reader reads as it is.
    std::optional<std::string> pack_mood(Day end) const;
    // Per write transaction: strength_through() as read (outer: read yet), and strength_moved().
    std::optional<std::optional<Day>> m_strength_through;
    bool m_strength_moved = false;
    bool m_mood_moved = false;
    mutable std::vector<std::string> m_skipped;
};

// What a person can do about an SQLite error code: free disk space for a full disk or an I/O
// error (a file-size limit shows as one), check permissions otherwise.
std::string_view advice_for(int sqlite_error_code);

// An SQLite failure that escaped a store call, in kint's words (what failed, that nothing was
// changed, and what to do); nullopt for any other exception. SQLite's own types stay in store/.
std::optional<StoreError> as_store_error(const std::exception& e, const std::string& path);

} // namespace kint::store
