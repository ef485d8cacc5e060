// The store's sessions: one per day.
#include "internal.hpp"

#include "kint/domain/sync.hpp"

namespace kint::store {

using namespace detail;

Id Store::add_session(const Session& s) {
    const bool v5 = has_schema(5); // older: open_at_version, for tests
    SQLite::Statement st(
        *m_db, v5 ? "INSERT INTO session (day, note, hlc) VALUES (?, ?, ?) "
                    "ON CONFLICT (day) DO UPDATE SET note = coalesce(excluded.note, note), "
                    "hlc = excluded.hlc RETURNING id"
                  : "INSERT INTO session (day, note) VALUES (?, ?) "
                    "ON CONFLICT (day) DO UPDATE SET note = coalesce(excluded.note, note) "
                    "RETURNING id");
    st.bind(1, day_text(s.day));
    bind_opt(st, 2, s.note);
    if (v5) st.bind(3, clock_for(s.hlc));
    st.executeStep();
    return st.getColumn(0).getInt64();
}

// Every row of `st` (id, day, note) as a session; false when a row whose day is no date was left
// out (a seek by day may then have taken it for a real one).
bool Store::read_sessions(SQLite::Statement& st, std::vector<Session>& out) const {
    bool whole = true;
    while (st.executeStep())
        whole &= tolerant(m_skipped, "a session", [&] {
            out.push_back(Session{st.getColumn(0).getInt64(), day_of(st.getColumn(1)),
                                  opt_text(st.getColumn(2))});
        });
    return whole;
}

std::vector<Session> Store::sessions() const {
    SQLite::Statement st(*m_db, "SELECT id, day, note FROM session ORDER BY day");
    std::vector<Session> out;
    read_sessions(st, out);
    return out;
}

std::optional<Session> Store::latest_session(Day until) const {
    SQLite::Statement st(*m_db, fmt::format("SELECT id, day, note FROM session WHERE day <= ? AND "
                                            "day GLOB {} ORDER BY day DESC LIMIT 1",
                                            iso_day_glob));
    st.bind(1, day_text(until));
    std::vector<Session> found;
    if (read_sessions(st, found) && !found.empty()) return std::move(found.front());
    // None, or a row that is no date: the latest as a whole read finds it (a day outside
    // four-digit years included).
    std::optional<Session> latest;
    for (auto& s : sessions())
        if (s.day <= until && (!latest || s.day > latest->day)) latest = std::move(s);
    return latest;
}

bool Store::remove_session(Day day) {
    SQLite::Statement st(*m_db, "DELETE FROM session WHERE day = ?");
    st.bind(1, day_text(day));
    if (st.exec() == 0) return false;
    bury(sync::session_uid(day));
    return true;
}

} // namespace kint::store
