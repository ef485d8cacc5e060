// The store's strength checkpoints: each cue's strength at each week's end, derived from the rest
// and kept by app::keep_strength. Every write of the store that can move a cue's strength (its
// log, steps, pauses, plan, archive) clears them from the first day it can move, in the same
// transaction: no checkpoint outlives what it was computed from.
#include "internal.hpp"

namespace kint::store {

using namespace detail;

std::optional<strength::Checkpoint> Store::strength_checkpoint(Id cue_id, Day day) const {
    if (!has_schema(4)) return std::nullopt;
    SQLite::Statement& st = prepared("SELECT day, value FROM strength_checkpoint WHERE cue_id = ? "
                                     "AND day <= ? ORDER BY day DESC LIMIT 1");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    if (!st.executeStep()) return std::nullopt;
    const auto found = parse_stored_day(st.getColumn(0).getString());
    const double value = st.getColumn(1).getDouble();
    st.reset();                      // done with it: no read left open
    if (!found) return std::nullopt; // not ours: replay instead
    return strength::Checkpoint{*found, value};
}

std::vector<strength::Checkpoint> Store::strength_checkpoints(Id cue_id,
                                                              const DayRange& range) const {
    std::vector<strength::Checkpoint> out;
    if (!has_schema(4)) return out;
    SQLite::Statement st(*m_db, "SELECT day, value FROM strength_checkpoint WHERE cue_id = ? AND "
                                "day BETWEEN ? AND ? ORDER BY day");
    st.bind(1, cue_id);
    bind_range(st, 2, range);
    while (st.executeStep())
        if (const auto d = parse_stored_day(st.getColumn(0).getString()))
            out.push_back({*d, st.getColumn(1).getDouble()});
    return out;
}

std::vector<Id> Store::strength_behind(Day day) const {
    std::vector<Id> out;
    if (!has_schema(4)) return out;
    SQLite::Statement st(*m_db,
                         "SELECT id FROM cue WHERE created <= ?1 AND coalesce((SELECT max(day) "
                         "FROM strength_checkpoint WHERE cue_id = cue.id), '') < ?1 ORDER BY id");
    st.bind(1, day_text(day));
    while (st.executeStep())
        out.push_back(st.getColumn(0).getInt64());
    return out;
}

void Store::forget_strength(Id cue_id, std::optional<Day> from) {
    if (!has_schema(4)) return;
    // None kept yet, or none on or after `from`: nothing to clear (and no statement to prepare,
    // the bulk of a one-row write's cost).
    const auto through = strength_through();
    if (!through || (from && *from > *through)) return;
    SQLite::Statement st(*m_db, "DELETE FROM strength_checkpoint WHERE cue_id = ? AND day >= ?");
    st.bind(1, cue_id);
    st.bind(2, from ? day_text(*from) : std::string());
    if (st.exec() > 0) m_strength_moved = true;
}

void Store::forget_strength_after(Day day) {
    SQLite::Statement st(*m_db, "DELETE FROM strength_checkpoint WHERE day > ?");
    st.bind(1, day_text(day));
    st.exec();
}

std::optional<Day> Store::strength_through() {
    if (!has_schema(4)) return std::nullopt;
    if (!m_strength_through) {
        SQLite::Statement st(*m_db, "SELECT value FROM state WHERE key = 'strength_through'");
        std::optional<Day> day;
        if (st.executeStep()) day = parse_stored_day(st.getColumn(0).getString());
        m_strength_through = day;
    }
    return *m_strength_through;
}

void Store::set_strength_through(Day day) {
    SQLite::Statement st(*m_db, "INSERT INTO state (key, value) VALUES ('strength_through', ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, day_text(day));
    st.exec();
    m_strength_through = std::optional<Day>(day);
}

void Store::put_strength(Id cue_id, const std::vector<strength::Checkpoint>& points,
                         const std::vector<std::uint32_t>& marks) {
    const bool v6 = has_schema(6);
    SQLite::Statement st(*m_db, v6 ? "INSERT OR REPLACE INTO strength_checkpoint "
                                     "(cue_id, day, value, marks) VALUES (?, ?, ?, ?)"
                                   : "INSERT OR REPLACE INTO strength_checkpoint "
                                     "(cue_id, day, value) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < points.size(); ++i) {
        st.bind(1, cue_id);
        st.bind(2, day_text(points[i].day));
        st.bind(3, points[i].value);
        if (v6) {
            if (i < marks.size())
                st.bind(4, static_cast<std::int64_t>(marks[i]));
            else
                st.bind(4); // NULL
        }
        st.exec();
        st.reset();
    }
}

std::vector<Store::MarkedWeek> Store::marked_weeks(Id cue_id, const DayRange& range) const {
    std::vector<MarkedWeek> out;
    if (!has_schema(6)) return out;
    SQLite::Statement& st = prepared("SELECT day, value, marks FROM strength_checkpoint WHERE "
                                     "cue_id = ? AND day BETWEEN ? AND ? ORDER BY day");
    st.bind(1, cue_id);
    bind_range(st, 2, range);
    while (st.executeStep()) {
        const SQLite::Column day = st.getColumn(0); // read in place: no string per row
        const auto d = parse_stored_day({day.getText(), static_cast<std::size_t>(day.getBytes())});
        if (!d) continue; // not ours: the caller finds a week missing and reads the log instead
        const SQLite::Column marks = st.getColumn(2);
        std::optional<std::uint32_t> m;
        if (marks.isInteger()) {
            const std::int64_t v = marks.getInt64();
            if (v >= 0 && v <= 0xFFFFFFF) m = static_cast<std::uint32_t>(v);
        }
        out.push_back({{*d, st.getColumn(1).getDouble()}, m});
    }
    return out;
}

} // namespace kint::store
