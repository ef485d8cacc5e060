// The store's strength checkpoints: each cue's strength at each week's end, derived from the rest
// and kept by app::keep_strength. Every write of the store that can move a cue's strength (its
// log, steps, pauses, plan, archive) clears them from the first day it can move, in the same
// transaction: no checkpoint outlives what it was computed from.
#include "internal.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace kint::store {

using namespace detail;
using std::chrono::days;

namespace {

// From schema 7, the row of a block's last week (internal.hpp's blocks of 52 weeks) also holds the
// block's weeks, packed: kint trail reads a row a block, not a row a week. Its weeks are packed
// from its first (or the cue's first) to its last, each as its strength (an IEEE double) and its
// marks (trail_view::pack_week), little-endian. Written when the block's last week is
// (put_strength), cleared with that row: whatever clears a week of the block clears every week
// after it too.
constexpr std::size_t week_bytes = 12;

} // namespace

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
    // No block of mood ends after strength_through() (put_rating's rule rests on it).
    if (!has_schema(8)) return;
    SQLite::Statement mood(*m_db, "DELETE FROM state WHERE key > ? AND key < 'mood!'");
    mood.bind(1, "mood " + day_text(day));
    mood.exec();
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
    if (!has_schema(7) || points.empty()) return;
    // A week rewritten inside a block whose last week stays: that block is packed again below or
    // left a row a week, never read as it was (keep_strength only adds after the latest week, but
    // the rule should not rest on its callers).
    SQLite::Statement stale(*m_db, "UPDATE strength_checkpoint SET weeks = NULL WHERE cue_id = ? "
                                   "AND day >= ? AND weeks IS NOT NULL");
    stale.bind(1, cue_id);
    stale.bind(
        2,
        day_text(std::min_element(points.begin(), points.end(), [](const auto& a, const auto& b) {
                     return a.day < b.day;
                 })->day));
    stale.exec();
    for (const auto& p : points)
        if (is_block_end(p.day)) keep_block(cue_id, p.day);
}

void Store::keep_block(Id cue_id, Day end) {
    const Day first = end - days{7 * (weeks_a_block - 1)};
    const auto weeks = marked_rows(cue_id, {first, end});
    // Whole and in order up to the block's end (from its first week, or the cue's first), every
    // week with its marks; else the block's weeks stay a row each.
    if (weeks.empty() || weeks.back().checkpoint.day != end) return;
    std::string packed;
    packed.reserve(weeks.size() * week_bytes);
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const auto& w = weeks[i];
        if (!w.marks || (i > 0 && w.checkpoint.day != weeks[i - 1].checkpoint.day + days{7}))
            return;
        std::uint64_t bits = 0;
        static_assert(sizeof bits == sizeof w.checkpoint.value);
        std::memcpy(&bits, &w.checkpoint.value, sizeof bits);
        for (int b = 0; b < 8; ++b)
            packed.push_back(static_cast<char>((bits >> (8 * b)) & 0xFF));
        for (int b = 0; b < 4; ++b)
            packed.push_back(static_cast<char>((*w.marks >> (8 * b)) & 0xFF));
    }
    SQLite::Statement st(*m_db,
                         "UPDATE strength_checkpoint SET weeks = ? WHERE cue_id = ? AND day = ?");
    st.bind(1, packed.data(), static_cast<int>(packed.size()));
    st.bind(2, cue_id);
    st.bind(3, day_text(end));
    st.exec();
}

std::vector<Store::MarkedWeek> Store::marked_rows(Id cue_id, const DayRange& range) const {
    std::vector<MarkedWeek> out;
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
    st.reset();
    return out;
}

std::vector<Store::MarkedWeek> Store::marked_weeks(Id cue_id, const DayRange& range) const {
    if (!has_schema(6)) return {};
    if (!has_schema(7) || !range.since || !range.until || !is_sunday(*range.since))
        return marked_rows(cue_id, range);
    // Whole blocks from the row of their last week, the weeks of a block not yet whole (or not
    // kept whole) a row each.
    std::vector<MarkedWeek> out;
    out.reserve(static_cast<std::size_t>(std::max(0L, (*range.until - *range.since).count())) / 7 +
                1);
    SQLite::Statement& block =
        prepared("SELECT weeks FROM strength_checkpoint WHERE cue_id = ? AND day = ?");
    for (Day week = *range.since; week <= *range.until;) {
        const Day end = block_end(week);
        bool whole = false;
        if (end <= *range.until) {
            block.bind(1, cue_id);
            block.bind(2, day_text(end));
            if (block.executeStep()) {
                const SQLite::Column weeks = block.getColumn(0);
                const auto size = static_cast<std::size_t>(weeks.getBytes());
                const auto* bytes = static_cast<const unsigned char*>(weeks.getBlob());
                const std::size_t n = size / week_bytes;
                const Day first = end - days{7 * (static_cast<long>(n) - 1)};
                if (weeks.isBlob() && size % week_bytes == 0 && n > 0 &&
                    n <= static_cast<std::size_t>(weeks_a_block) && first <= week) {
                    for (std::size_t i = static_cast<std::size_t>((week - first).count() / 7);
                         i < n; ++i) {
                        const unsigned char* at = bytes + i * week_bytes;
                        std::uint64_t bits = 0;
                        std::uint32_t marks = 0;
                        if constexpr (std::endian::native == std::endian::little) {
                            std::memcpy(&bits, at, sizeof bits); // the bytes as they lie
                            std::memcpy(&marks, at + 8, sizeof marks);
                        } else {
                            for (int b = 7; b >= 0; --b)
                                bits = (bits << 8) | at[b];
                            for (int b = 11; b >= 8; --b)
                                marks = (marks << 8) | at[b];
                        }
                        double value = 0;
                        std::memcpy(&value, &bits, sizeof value);
                        out.push_back({{first + days{7 * static_cast<long>(i)}, value},
                                       marks <= 0xFFFFFFF ? std::optional(marks) : std::nullopt});
                    }
                    whole = true;
                }
            }
            block.reset();
        }
        if (!whole) {
            const auto rows = marked_rows(cue_id, {week, std::min(end, *range.until)});
            out.insert(out.end(), rows.begin(), rows.end());
        }
        week = end + days{7};
    }
    return out;
}

} // namespace kint::store
