// The store's log entries: one per cue, day and status.
#include "internal.hpp"

#include "kint/domain/sync.hpp"

namespace kint::store {

using namespace detail;

namespace {
LogStatus status_of(std::string_view s) {
    return s == "done" ? LogStatus::done : s == "skip" ? LogStatus::skip : LogStatus::slip;
}
} // namespace

bool Store::put_log(const LogEntry& entry) {
    // Logging an amount again the same day replaces it (a measured day has one amount, as in
    // Loop Habit Tracker); logging without one keeps it.
    const bool v3 = has_schema(3), v5 = has_schema(5); // older: open_at_version, for tests
    SQLite::Statement st(*m_db, v5 ? "INSERT INTO log (cue_id, day, status, note, amount, hlc) "
                                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (cue_id, day, status) "
                                     "DO UPDATE SET note = coalesce(excluded.note, note), "
                                     "amount = coalesce(excluded.amount, amount), "
                                     "hlc = excluded.hlc WHERE excluded.note IS NOT NULL AND "
                                     "excluded.note IS NOT note OR excluded.amount IS NOT NULL "
                                     "AND excluded.amount IS NOT amount"
                                : v3
                                    ? "INSERT INTO log (cue_id, day, status, note, amount) VALUES "
                                      "(?, ?, ?, ?, ?) ON CONFLICT (cue_id, day, status) DO UPDATE "
                                      "SET note = coalesce(excluded.note, note), "
                                      "amount = coalesce(excluded.amount, amount)"
                                    : "INSERT INTO log (cue_id, day, status, note) VALUES "
                                      "(?, ?, ?, ?) ON CONFLICT (cue_id, day, status) DO UPDATE "
                                      "SET note = coalesce(excluded.note, note)");
    st.bind(1, entry.cue_id);
    st.bind(2, day_text(entry.day));
    st.bind(3, std::string(to_string(entry.status)));
    bind_opt(st, 4, entry.note);
    if (v3) bind_opt(st, 5, entry.amount);
    if (v5) st.bind(6, clock_for(entry.hlc));
    if (st.exec() == 0) return false; // the same entry again: nothing to recompute
    forget_strength(entry.cue_id, entry.day);
    return true;
}

int Store::remove_logs(Id cue_id, Day day, std::optional<LogStatus> status) {
    SQLite::Statement st(*m_db, "DELETE FROM log WHERE cue_id = ? AND day = ? "
                                "AND (? IS NULL OR status = ?) RETURNING status");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    if (status) {
        st.bind(3, std::string(to_string(*status)));
        st.bind(4, std::string(to_string(*status)));
    } else {
        st.bind(3);
        st.bind(4);
    }
    std::vector<LogStatus> removed;
    while (st.executeStep())
        removed.push_back(status_of(st.getColumn(0).getString()));
    if (removed.empty()) return 0;
    if (has_schema(5)) {
        const std::string cue = cue_uid(cue_id);
        for (const auto status : removed)
            bury(sync::log_uid(cue, day, status));
    }
    forget_strength(cue_id, day);
    return static_cast<int>(removed.size());
}

std::vector<LogEntry> Store::logs(const LogQuery& q) const {
    // One cue's entries are a range of the primary key (cue_id, day, status), already in order
    // ('done' < 'skip' < 'slip' sorts as the ranks do): no index lookups, no sort, whatever the
    // store's age. All cues' entries of a range come through log_by_day.
    const std::string columns = fmt::format("SELECT cue_id, day, status, note, {} FROM log",
                                            has_schema(3) ? "amount" : "NULL");
    SQLite::Statement& st =
        prepared(q.cue_id ? columns + " WHERE cue_id = ? AND day BETWEEN ? AND ? "
                                      "ORDER BY cue_id, day, status"
                          : columns + " WHERE day BETWEEN ? AND ? ORDER BY day, cue_id, "
                                      "CASE status WHEN 'done' THEN 0 WHEN 'skip' THEN 1 "
                                      "ELSE 2 END");
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
        e.status = status_of(st.getColumn(2).getString());
        e.note = opt_text(st.getColumn(3));
        e.amount = opt_real(st.getColumn(4));
        out.push_back(std::move(e));
    }
    return out;
}

strength::Trail Store::log_trail(Id cue_id, const DayRange& range) const {
    SQLite::Statement& st = prepared(
        fmt::format("SELECT day, status, {} FROM log WHERE cue_id = ? AND day BETWEEN ? AND ? "
                    "ORDER BY cue_id, day, status",
                    has_schema(3) ? "amount" : "NULL"));
    st.bind(1, cue_id);
    bind_range(st, 2, range);
    strength::Trail out;
    while (st.executeStep()) {
        Day day;
        if (!tolerant(m_skipped, "a log entry", [&] { day = day_of(st.getColumn(0)); })) continue;
        const SQLite::Column status = st.getColumn(1); // read in place: no string per row
        strength::add(out, day,
                      status_of({status.getText(), static_cast<std::size_t>(status.getBytes())}),
                      opt_real(st.getColumn(2)));
    }
    return out;
}

} // namespace kint::store
