// The store's intentions and the focus.
#include "internal.hpp"

namespace kint::store {

using namespace detail;

Id Store::add_intention(const std::string& text, const std::optional<std::string>& group,
                        const std::optional<std::string>& catalogue_id, Day created) {
    const bool v5 = has_schema(5); // older: open_at_version, for tests
    SQLite::Statement st(*m_db, v5 ? "INSERT INTO intention (text, grp, catalogue_id, created, uid, "
                                     "hlc) VALUES (?, ?, ?, ?, lower(hex(randomblob(16))), ?)"
                                   : "INSERT INTO intention (text, grp, catalogue_id, created) "
                                     "VALUES (?, ?, ?, ?)");
    st.bind(1, text);
    bind_opt(st, 2, group);
    bind_opt(st, 3, catalogue_id);
    st.bind(4, day_text(created));
    if (v5) st.bind(5, tick());
    st.exec();
    return m_db->getLastInsertRowid();
}

namespace {
Intention read_intention(SQLite::Statement& st, std::optional<Id> focus) {
    Intention i;
    i.id = st.getColumn(0).getInt64();
    i.text = st.getColumn(1).getString();
    i.group = opt_text(st.getColumn(2));
    i.catalogue_id = opt_text(st.getColumn(3));
    i.created = day_of(st.getColumn(4));
    i.archived = !st.getColumn(5).isNull();
    if (i.archived) i.archived_on = day_of(st.getColumn(5));
    i.focus = focus && *focus == i.id;
    return i;
}
constexpr const char* intention_columns = "SELECT id, text, grp, catalogue_id, created, archived "
                                          "FROM intention";
} // namespace

std::vector<Intention> Store::intentions(bool include_archived) const {
    const auto f = focus();
    SQLite::Statement st(
        *m_db, fmt::format("{} WHERE ? OR archived IS NULL ORDER BY id", intention_columns));
    st.bind(1, include_archived ? 1 : 0);
    std::vector<Intention> out;
    while (st.executeStep())
        tolerant(m_skipped, "an intention", [&] { out.push_back(read_intention(st, f)); });
    return out;
}

std::optional<Intention> Store::intention(Id id) const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE id = ?", intention_columns));
    st.bind(1, id);
    std::optional<Intention> out;
    if (st.executeStep())
        tolerant(m_skipped, "an intention", [&] { out = read_intention(st, focus()); });
    return out;
}

void Store::set_intention_text(Id id, const std::string& text) {
    SQLite::Statement st(*m_db, "UPDATE intention SET text = ? WHERE id = ?");
    st.bind(1, text);
    st.bind(2, id);
    if (st.exec() > 0) stamp("intention", id);
}

void Store::archive_intention(Id id, Day day) {
    SQLite::Statement st(*m_db,
                         "UPDATE intention SET archived = ? WHERE id = ? AND archived IS NULL");
    st.bind(1, day_text(day));
    st.bind(2, id);
    if (st.exec() > 0) stamp("intention", id);
}

std::optional<Id> Store::focus() const {
    if (auto i = focused_intention()) return i->id;
    return std::nullopt;
}

std::optional<Intention> Store::focused_intention() const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE id = (SELECT value FROM state WHERE key = "
                                            "'focus') AND archived IS NULL",
                                            intention_columns));
    std::optional<Intention> out;
    if (st.executeStep())
        tolerant(m_skipped, "an intention", [&] { out = read_intention(st, std::nullopt); });
    if (out) out->focus = true;
    return out;
}

void Store::set_focus(std::optional<Id> id) {
    if (!id) {
        m_db->exec("DELETE FROM state WHERE key = 'focus'");
        return;
    }
    SQLite::Statement st(*m_db, "INSERT INTO state (key, value) VALUES ('focus', ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, *id);
    st.exec();
}

} // namespace kint::store
