// The store's ratings: one per day and kind.
#include "internal.hpp"

#include <algorithm>

namespace kint::store {

using namespace detail;

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
    st.bind(1, std::string(to_string(kind)));
    bind_range(st, 2, range);
    std::vector<std::pair<Day, int>> out;
    while (st.executeStep())
        tolerant(m_skipped, "a rating",
                 [&] { out.emplace_back(day_of(st.getColumn(0)), st.getColumn(1).getInt()); });
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

} // namespace kint::store
