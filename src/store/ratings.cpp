// The store's ratings: one per day and kind.
#include "internal.hpp"

#include <algorithm>

namespace kint::store {

using namespace detail;
using std::chrono::days;

namespace {

// A block of mood as its state row holds it: the key names the block's last day, the text has a
// character a day from its first, 'a' + the day's mood (0-10), or '-' where none was rated.
constexpr char unrated = '-';

std::string mood_key(Day end) {
    return "mood " + day_text(end);
}

} // namespace

void Store::put_rating(const Rating& r) {
    const bool v5 = has_schema(5); // older: open_at_version, for tests
    SQLite::Statement st(
        *m_db, v5 ? "INSERT INTO rating (day, kind, value, note, hlc) VALUES (?, ?, ?, ?, "
                    "?) ON CONFLICT (day, kind) DO UPDATE SET value = excluded.value, "
                    "note = coalesce(excluded.note, note), hlc = excluded.hlc WHERE value IS NOT "
                    "excluded.value OR excluded.note IS NOT NULL AND excluded.note IS NOT note"
                  : "INSERT INTO rating (day, kind, value, note) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (day, kind) DO UPDATE SET value = excluded.value, "
                    "note = coalesce(excluded.note, note)");
    st.bind(1, day_text(r.day));
    st.bind(2, std::string(to_string(r.kind)));
    st.bind(3, r.value);
    bind_opt(st, 4, r.note);
    if (v5) st.bind(5, clock_for(r.hlc));
    // The block of mood holding the day, if one is kept, goes; the write keeps it anew (or keeps
    // it first, when it held no mood). None ends after strength_through(): a day after it (today's
    // rating) clears nothing, at no cost; nor does a rating that changed nothing.
    if (st.exec() == 0 || r.kind != RatingKind::mood || !has_schema(8)) return;
    if (const auto through = strength_through(); !through || r.day > *through) return;
    SQLite::Statement clear(*m_db, "DELETE FROM state WHERE key = ?");
    clear.bind(1, mood_key(block_end(r.day)));
    clear.exec();
    m_mood_moved = true;
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
    // One kind is a range of the key (kind, day), read in order. Both kinds are its two ranges,
    // read by the same statement and merged here into days, a day's mood first: no sorter, no
    // IN list (each builds a temporary b-tree: 37 k instructions for a day's view). A store before
    // schema 7, read as it is, has the key (day, kind): the same SQL, a scan of the span.
    SQLite::Statement& st = prepared("SELECT day, kind, value, note FROM rating WHERE kind = ? "
                                     "AND day BETWEEN ? AND ? ORDER BY day");
    std::vector<Rating> out;
    const auto read = [&](RatingKind k) {
        st.bind(1, std::string(to_string(k)));
        bind_range(st, 2, range);
        while (st.executeStep())
            tolerant(m_skipped, "a rating", [&] { out.push_back(read_rating(st)); });
        st.reset();
    };
    if (kind) {
        read(*kind);
        return out;
    }
    read(RatingKind::energy);
    const auto energy = static_cast<std::ptrdiff_t>(out.size());
    read(RatingKind::mood);
    const auto before = [](const Rating& a, const Rating& b) {
        return a.day < b.day ||
               (a.day == b.day && a.kind == RatingKind::mood && b.kind == RatingKind::energy);
    };
    const auto mid = out.begin() + energy;
    // Days the text key sorts otherwise than the calendar (a year past 9999) sort whole.
    if (std::is_sorted(out.begin(), mid, before) && std::is_sorted(mid, out.end(), before))
        std::inplace_merge(out.begin(), mid, out.end(), before);
    else
        std::stable_sort(out.begin(), out.end(), before);
    return out;
}

std::vector<std::pair<Day, int>> Store::rating_values(const DayRange& range,
                                                      RatingKind kind) const {
    SQLite::Statement& st = prepared(
        "SELECT day, value FROM rating WHERE kind = ? AND day BETWEEN ? AND ? ORDER BY day");
    std::vector<std::pair<Day, int>> out;
    const auto rows = [&](const DayRange& r) {
        st.bind(1, std::string(to_string(kind)));
        bind_range(st, 2, r);
        while (st.executeStep())
            tolerant(m_skipped, "a rating",
                     [&] { out.emplace_back(day_of(st.getColumn(0)), st.getColumn(1).getInt()); });
        st.reset();
    };
    // Blocks only in a store of schema 8 or later: before it, a row of that name is not kint's.
    if (kind != RatingKind::mood || !has_schema(8) || !range.since || !range.until ||
        *range.since > *range.until) {
        rows(range);
        return out;
    }
    // The blocks kept that touch the range, in order (a key names a block's last day); the days
    // no block holds (the block not over yet, one not kept) are read a row each. A row that is
    // not a whole block as keep_mood writes it is not read.
    const Day since = *range.since, until = *range.until;
    SQLite::Statement& blocks = prepared("SELECT key, value FROM state WHERE key BETWEEN ? AND ?");
    blocks.bind(1, mood_key(since));
    blocks.bind(2, mood_key(std::min(until + days{days_a_block - 1}, last_day)));
    Day next = since; // the first day not read yet
    while (blocks.executeStep()) {
        const SQLite::Column key = blocks.getColumn(0), value = blocks.getColumn(1);
        if (!value.isText()) continue; // asked before getText(), which would make it text
        const std::string_view name(key.getText(), static_cast<std::size_t>(key.getBytes()));
        const std::string_view text(value.getText(), static_cast<std::size_t>(value.getBytes()));
        const auto end = parse_stored_day(name.substr(std::min<std::size_t>(name.size(), 5)));
        if (!end || !is_block_end(*end) || *end < next ||
            text.size() != static_cast<std::size_t>(days_a_block) ||
            text.find_first_not_of("-abcdefghijk") != std::string_view::npos)
            continue;
        const Day first = *end - days{days_a_block - 1};
        if (first > until) break;
        if (first > next) rows({next, first - days{1}});
        const Day last = std::min(*end, until);
        for (Day d = std::max(first, next); d <= last; d += days{1})
            if (const char c = text[static_cast<std::size_t>((d - first).count())]; c != unrated)
                out.emplace_back(d, c - 'a');
        next = *end + days{1};
    }
    blocks.reset();
    if (next <= until) rows({next, until});
    return out;
}

void Store::keep_mood(Day last) {
    if (!has_schema(8)) return;
    std::vector<Day> kept; // the blocks' ends, in order
    SQLite::Statement found(*m_db, "SELECT key FROM state WHERE key BETWEEN 'mood ' AND 'mood!'");
    while (found.executeStep()) {
        const std::string key = found.getColumn(0).getString();
        if (const auto end = parse_stored_day(std::string_view(key).substr(5)))
            kept.push_back(*end);
    }
    std::sort(kept.begin(), kept.end());
    // From the first day rated on: each block ending by `last` that holds a mood and is not kept.
    SQLite::Statement after(*m_db, "SELECT day FROM rating WHERE kind = 'mood' AND day > ? "
                                   "ORDER BY day LIMIT 1");
    SQLite::Statement put(*m_db, "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) "
                                 "DO UPDATE SET value = excluded.value");
    std::string from; // '' sorts before every day
    for (;;) {
        after.bind(1, from);
        if (!after.executeStep()) break;
        std::string text = after.getColumn(0).getString();
        after.reset();
        // A day SQLite sorts after every text (a blob, another tool's) would come back for ever.
        if (text <= from) break;
        const auto day = parse_stored_day(text);
        if (!day) { // not a calendar date (another tool's row): its block is not packed
            from = std::move(text);
            continue;
        }
        const Day end = block_end(*day);
        if (end <= last && !std::binary_search(kept.begin(), kept.end(), end))
            if (auto block = pack_mood(end)) {
                put.bind(1, mood_key(end));
                put.bind(2, *block);
                put.exec();
                put.reset();
            }
        // On past the block's last day, and never back: a row's text need not sort as its day
        // does (a year of five digits, or before 0), so the next row is one after both.
        from = std::max(std::move(text), day_text(end));
    }
}

std::optional<std::string> Store::pack_mood(Day end) const {
    const Day first = end - days{days_a_block - 1};
    std::string text(static_cast<std::size_t>(days_a_block), unrated);
    SQLite::Statement st(*m_db, "SELECT day, value FROM rating WHERE kind = 'mood' AND day "
                                "BETWEEN ? AND ?");
    bind_range(st, 1, {first, end});
    while (st.executeStep()) {
        // Only what the rows' reader would read the same: a calendar day of the block, once, and
        // a whole mood. Anything else (another tool's row) leaves the block a row a day, and the
        // reader's note about it.
        const auto day = parse_stored_day(st.getColumn(0).getString());
        const SQLite::Column value = st.getColumn(1);
        if (!day || *day < first || *day > end || !value.isInteger()) return std::nullopt;
        const auto at = static_cast<std::size_t>((*day - first).count());
        const auto v = value.getInt64();
        if (v < 0 || v > 10 || text[at] != unrated) return std::nullopt;
        text[at] = static_cast<char>('a' + v);
    }
    return text;
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

} // namespace kint::store
