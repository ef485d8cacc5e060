// Export and import: the whole store out as a snapshot, and back into an empty one.
#include "internal.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>

namespace kint::store {

using namespace detail;

namespace {

// Each row's identity and clock, read beside the everyday readers (which never pay for them):
// `key` → {uid, hlc}.
using Identities = std::unordered_map<std::string, std::pair<std::string, std::string>>;

Identities identities(SQLite::Database& db, const char* sql) {
    Identities out;
    SQLite::Statement st(db, sql);
    while (st.executeStep())
        out.emplace(st.getColumn(0).getString(),
                    std::pair{st.getColumn(1).isNull() ? "" : st.getColumn(1).getString(),
                              st.getColumn(2).getString()});
    return out;
}

// A step's identity is its cue, day and behavior, then its place among the steps that share them
// (in the order they were written). Counted here over the rows in their table's order: SQLite's
// window function for the same numbers cost about 30 k instructions a row.
Identities step_identities(SQLite::Database& db) {
    Identities out;
    // Counted by the three columns themselves, not their joined text; a row whose day is no date
    // is left out as its reader leaves it out (a malformed day holding a '|' would otherwise name
    // another step's key).
    std::map<std::tuple<std::int64_t, std::string, std::string>, int> seen;
    SQLite::Statement st(db, "SELECT cue_id, day, behavior, uid, hlc FROM step ORDER BY id");
    while (st.executeStep()) {
        const SQLite::Column day_text = st.getColumn(1);
        if (!parse_stored_day(std::string_view(day_text.getText(),
                                               static_cast<std::size_t>(day_text.getBytes()))))
            continue;
        auto group = std::tuple(st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                                st.getColumn(2).getString());
        const int n = ++seen[group];
        const auto& [cue, day, behavior] = group;
        out.emplace(fmt::format("{}|{}|{}|{}", cue, day, behavior, n),
                    std::pair{st.getColumn(3).isNull() ? "" : st.getColumn(3).getString(),
                              st.getColumn(4).getString()});
    }
    return out;
}

template <typename Record>
void identify(Record& record, const Identities& known, const std::string& key) {
    const auto it = known.find(key);
    if (it == known.end()) return;
    if constexpr (requires { record.uid; }) record.uid = it->second.first;
    record.hlc = it->second.second;
}

// Gives each record its clock from `sql`: the rows its reader read, in its order (the key's
// columns, then the clock), so the rows whose day is a date line up one to one with the records,
// with no table of every row's clock in memory (a ten-year store has tens of thousands of log
// entries). Should a row not be its record's (a day past 9999 comes in the calendar's order from
// the ratings' reader, in the text's here), the rest are found through a table.
template <typename Record, typename KeyOf, typename RowKey>
void clock_in_order(SQLite::Database& db, const char* sql, std::vector<Record>& records,
                    KeyOf key_of, RowKey row_key, int clock_column) {
    using Key = decltype(key_of(records.front()));
    SQLite::Statement st(db, sql);
    std::size_t i = 0;
    std::map<Key, std::string> rest; // only when the rows and records part
    bool aligned = true;
    while (st.executeStep()) {
        Key k;
        try {
            k = row_key(st);
        } catch (const MalformedDay&) {
            continue; // the reader left it out too
        }
        if (aligned && i < records.size() && key_of(records[i]) == k)
            records[i++].hlc = st.getColumn(clock_column).getString();
        else {
            aligned = false;
            rest.emplace(k, st.getColumn(clock_column).getString());
        }
    }
    for (; i < records.size() && !rest.empty(); ++i)
        if (const auto it = rest.find(key_of(records[i])); it != rest.end())
            records[i].hlc = it->second;
}

std::string key(Id cue, Day day, std::string_view more = {}) {
    return fmt::format("{}|{}|{}", cue, format_day(day), more);
}

} // namespace

exchange::Snapshot Store::dump(const DumpScope& scope) const {
    exchange::Snapshot s;
    s.intentions = intentions(true);
    s.focus = focus();
    s.cues = cues(true);
    if (!scope.log_cues) {
        s.logs = logs({});
    } else {
        for (const Id cue : *scope.log_cues) {
            auto some = logs({.cue_id = cue});
            s.logs.insert(s.logs.end(), std::make_move_iterator(some.begin()),
                          std::make_move_iterator(some.end()));
        }
        // In logs({})'s order: day, cue, then done, skip, slip.
        std::ranges::sort(s.logs, [](const LogEntry& a, const LogEntry& b) {
            return std::tuple(a.day, a.cue_id, a.status) < std::tuple(b.day, b.cue_id, b.status);
        });
    }
    if (scope.ratings) s.ratings = ratings({});
    if (scope.journal) s.journal = journal({});
    if (scope.sessions) s.sessions = sessions();
    if (!has_schema(5)) return s;
    auto& db = *m_db;
    // The uids a match goes by: intentions, cues and (when read) journal entries.
    const auto intention_ids = identities(db, "SELECT id, uid, hlc FROM intention");
    for (auto& i : s.intentions)
        identify(i, intention_ids, std::to_string(i.id));
    const auto cue_ids = identities(db, "SELECT id, uid, hlc FROM cue");
    for (auto& c : s.cues)
        identify(c, cue_ids, std::to_string(c.id));
    if (scope.journal) {
        const auto journal_ids = identities(db, "SELECT id, uid, hlc FROM journal");
        for (auto& e : s.journal)
            identify(e, journal_ids, std::to_string(e.id));
    }
    if (!scope.clocks) return s;
    const auto step_ids = step_identities(db);
    const auto plan_ids =
        identities(db, "SELECT cue_id || '|' || until || '|', '', hlc FROM cue_plan");
    const auto pause_ids =
        identities(db, "SELECT cue_id || '|' || start || '|', '', hlc FROM pause");
    for (auto& c : s.cues) {
        std::unordered_map<std::string, int> seen;
        for (auto& st : c.steps) {
            const auto k = key(c.id, st.day, st.behavior);
            identify(st, step_ids, fmt::format("{}|{}", k, ++seen[k]));
        }
        for (auto& p : c.plans)
            identify(p, plan_ids, key(c.id, p.until));
        for (auto& p : c.pauses)
            identify(p, pause_ids, key(c.id, p.from));
    }
    const auto rank = [](std::string_view status) {
        return status == "done" ? 0 : status == "skip" ? 1 : 2;
    };
    if (!scope.log_cues)
        clock_in_order(
            db,
            "SELECT day, cue_id, status, hlc FROM log WHERE day BETWEEN '0000-00-00' AND "
            "'9999-99-99' ORDER BY day, cue_id, CASE status WHEN 'done' THEN 0 WHEN 'skip' THEN 1 "
            "ELSE 2 END",
            s.logs,
            [&](const LogEntry& e) {
                return std::tuple(e.day, e.cue_id, rank(to_string(e.status)));
            },
            [&](SQLite::Statement& row) {
                return std::tuple(day_of(row.getColumn(0)), Id{row.getColumn(1).getInt64()},
                                  rank(row.getColumn(2).getText()));
            },
            3);
    if (scope.ratings)
        clock_in_order(
            db,
            "SELECT day, kind, hlc FROM rating WHERE day BETWEEN '0000-00-00' AND '9999-99-99' "
            "ORDER BY day, kind DESC",
            s.ratings,
            [](const Rating& r) { return std::pair(r.day, r.kind == RatingKind::mood ? 0 : 1); },
            [](SQLite::Statement& row) {
                return std::pair(day_of(row.getColumn(0)),
                                 std::string_view(row.getColumn(1).getText()) == "mood" ? 0 : 1);
            },
            2);
    if (scope.sessions) {
        const auto session_ids = identities(db, "SELECT day, '', hlc FROM session");
        for (auto& x : s.sessions)
            identify(x, session_ids, format_day(x.day));
    }
    SQLite::Statement tomb(db, "SELECT uid, hlc FROM tombstone ORDER BY uid");
    while (tomb.executeStep())
        s.removals.push_back({tomb.getColumn(0).getString(), tomb.getColumn(1).getString()});
    return s;
}

bool Store::empty() const {
    return m_db->execAndGet(
                   "SELECT (SELECT count(*) FROM intention) + (SELECT count(*) FROM rating) + "
                   "(SELECT count(*) FROM journal) + (SELECT count(*) FROM session)")
               .getInt() == 0;
}

void Store::load(const exchange::Snapshot& s) {
    // A record without a clock (written before sync) keeps none in a store that has never synced:
    // its first sync sends everything anyway, and an export comes back byte for byte. Once the
    // store has synced, such a record is a write here, stamped now, or it would never go out.
    const bool keep_clocks = m_keep_clocks;
    if (has_schema(5) && !state("sync.sent")) m_keep_clocks = true;
    struct Restore {
        bool& flag;
        bool value;
        ~Restore() { flag = value; }
    } restore{m_keep_clocks, keep_clocks};
    m_strength_moved = true; // every cue's checkpoints to be made
    auto opt_day = [](const std::optional<Day>& d) {
        return d ? std::optional<std::string>(format_day(*d)) : std::nullopt;
    };
    // A record without a uid (an export from before sync) gets a new one.
    const bool v5 = has_schema(5);
    auto uid_or_new = [](const std::string& uid) {
        return uid.empty() ? std::nullopt : std::optional<std::string>(uid);
    };
    SQLite::Statement intention(*m_db,
                                v5 ? "INSERT INTO intention (id, text, grp, catalogue_id, "
                                     "created, archived, uid, hlc) VALUES (?, ?, ?, ?, ?, ?, "
                                     "coalesce(?, lower(hex(randomblob(16)))), ?)"
                                   : "INSERT INTO intention (id, text, grp, catalogue_id, "
                                     "created, archived) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& i : s.intentions) {
        intention.bind(1, i.id);
        intention.bind(2, i.text);
        bind_opt(intention, 3, i.group);
        bind_opt(intention, 4, i.catalogue_id);
        intention.bind(5, format_day(i.created));
        bind_opt(intention, 6, opt_day(i.archived_on));
        if (v5) {
            bind_opt(intention, 7, uid_or_new(i.uid));
            intention.bind(8, clock_for(i.hlc));
        }
        intention.exec();
        intention.reset();
    }
    if (s.focus) set_focus(*s.focus);
    SQLite::Statement cue(*m_db, v5 ? "INSERT INTO cue (id, intention_id, kind, trigger, at, "
                                      "days, created, status, archived, per, uid, hlc) VALUES (?, "
                                      "?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, "
                                      "lower(hex(randomblob(16)))), ?)"
                                    : "INSERT INTO cue (id, intention_id, kind, trigger, at, "
                                      "days, created, status, archived, per) VALUES (?, ?, ?, ?, "
                                      "?, ?, ?, ?, ?, ?)");
    SQLite::Statement pause(*m_db, v5 ? "INSERT INTO pause (cue_id, start, until, hlc) VALUES (?, "
                                        "?, ?, ?)"
                                      : "INSERT INTO pause (cue_id, start, until) VALUES (?, ?, "
                                        "?)");
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
        bind_opt(cue, 10, c.per ? std::optional<std::string>(format_per(*c.per)) : std::nullopt);
        if (v5) {
            bind_opt(cue, 11, uid_or_new(c.uid));
            cue.bind(12, clock_for(c.hlc));
        }
        cue.exec();
        cue.reset();
        for (const auto& st : c.steps)
            add_step(c.id, st);
        for (const auto& p : c.plans)
            insert_plan(c.id, p);
        for (const auto& p : c.pauses) {
            pause.bind(1, c.id);
            pause.bind(2, format_day(p.from));
            bind_opt(pause, 3, opt_day(p.until));
            if (v5) pause.bind(4, clock_for(p.hlc));
            pause.exec();
            pause.reset();
        }
    }
    for (const auto& e : s.logs)
        put_log(e);
    for (const auto& r : s.ratings)
        put_rating(r);
    SQLite::Statement journal(*m_db, v5 ? "INSERT INTO journal (id, day, text, tags, kind, "
                                          "prompt, uid, hlc) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, "
                                          "lower(hex(randomblob(16)))), ?)"
                                        : "INSERT INTO journal (id, day, text, tags, kind, "
                                          "prompt) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& e : s.journal) {
        journal.bind(1, e.id);
        journal.bind(2, format_day(e.day));
        journal.bind(3, e.text);
        journal.bind(4, join_tags(e.tags));
        bind_opt(journal, 5, e.kind);
        bind_opt(journal, 6, e.prompt);
        if (v5) {
            bind_opt(journal, 7, uid_or_new(e.uid));
            journal.bind(8, clock_for(e.hlc));
        }
        journal.exec();
        journal.reset();
    }
    SQLite::Statement session(*m_db, v5 ? "INSERT INTO session (id, day, note, hlc) VALUES (?, ?, "
                                          "?, ?)"
                                        : "INSERT INTO session (id, day, note) VALUES (?, ?, ?)");
    for (const auto& x : s.sessions) {
        session.bind(1, x.id);
        session.bind(2, format_day(x.day));
        bind_opt(session, 3, x.note);
        if (v5) session.bind(4, clock_for(x.hlc));
        session.exec();
        session.reset();
    }
    if (!v5) return;
    SQLite::Statement tomb(*m_db, "INSERT INTO tombstone (uid, hlc) VALUES (?, ?) ON CONFLICT "
                                  "(uid) DO UPDATE SET hlc = max(hlc, excluded.hlc)");
    for (const auto& r : s.removals) {
        tomb.bind(1, r.uid);
        tomb.bind(2, r.hlc);
        tomb.exec();
        tomb.reset();
    }
}

void Store::replace_all(const exchange::Snapshot& s) {
    // The ids stay (merge keeps each record's), so the reminders and the focus that name them stay
    // right; the foreign keys are checked at the commit, when every cue is back.
    m_db->exec("PRAGMA defer_foreign_keys = ON");
    m_db->exec("DELETE FROM log; DELETE FROM rating; DELETE FROM session; DELETE FROM journal; "
               "DELETE FROM pause; DELETE FROM cue_plan; DELETE FROM step; "
               "DELETE FROM strength_checkpoint; DELETE FROM cue; DELETE FROM intention; "
               "DELETE FROM state WHERE key BETWEEN 'mood ' AND 'mood!'; "
               "DELETE FROM tombstone");
    struct Restore {
        bool& flag;
        ~Restore() { flag = false; }
    } restore{m_keep_clocks};
    m_keep_clocks = true;
    m_mood_moved = true; // the blocks of mood to be kept anew
    load(s);
}

} // namespace kint::store
