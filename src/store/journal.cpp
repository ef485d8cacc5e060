// The store's journal; a removed entry's text is overwritten, here and in the migration backups.
#include "internal.hpp"

#include <algorithm>

namespace kint::store {

using namespace detail;

std::string detail::join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) {
        if (!out.empty()) out += ',';
        out += t;
    }
    return out;
}
std::vector<std::string> detail::split_tags(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

Id Store::add_journal(const JournalEntry& e) {
    const bool v5 = has_schema(5); // older: open_at_version, for tests
    SQLite::Statement st(*m_db, v5 ? "INSERT INTO journal (day, text, tags, kind, prompt, uid, hlc) "
                                     "VALUES (?, ?, ?, ?, ?, lower(hex(randomblob(16))), ?)"
                                   : "INSERT INTO journal (day, text, tags, kind, prompt) "
                                     "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, day_text(e.day));
    st.bind(2, e.text);
    st.bind(3, join_tags(e.tags));
    bind_opt(st, 4, e.kind);
    bind_opt(st, 5, e.prompt);
    if (v5) st.bind(6, tick());
    st.exec();
    return m_db->getLastInsertRowid();
}

bool Store::remove_journal(Id id) {
    SQLite::Statement st(*m_db, has_schema(5) ? "DELETE FROM journal WHERE id = ? RETURNING uid"
                                              : "DELETE FROM journal WHERE id = ? RETURNING ''");
    st.bind(1, id);
    if (!st.executeStep()) return false;
    const std::string uid = st.getColumn(0).isNull() ? "" : st.getColumn(0).getString();
    while (st.executeStep()) {
    }
    bury(uid);
    if (m_path != ":memory:") scrub_backups(id);
    return true;
}

void Store::scrub_backups(Id journal_id) {
    // A migration backup is a copy from before the upgrade: erased text must not live on there.
    // Each is opened with secure_delete too, and closed (its own WAL, if any, checkpointed away).
    for (const auto& path : backup_files(m_path)) {
        try {
            SQLite::Database backup(path, SQLite::OPEN_READWRITE);
            backup.setBusyTimeout(busy_timeout_ms);
            backup.exec("PRAGMA secure_delete = ON");
            SQLite::Statement st(backup, "DELETE FROM journal WHERE id = ?");
            st.bind(1, journal_id);
            st.exec();
        } catch (const SQLite::Exception& e) {
            throw StoreError(fmt::format(
                "could not erase journal entry {} from the backup {} ({}); nothing was changed: "
                "remove that file or {}",
                journal_id, path, e.what(), advice_for(e.getErrorCode())));
        }
    }
}

std::vector<JournalEntry> Store::journal(const JournalQuery& q) const {
    SQLite::Statement st(*m_db, "SELECT id, day, text, tags, kind, prompt FROM journal "
                                "WHERE day BETWEEN ? AND ? ORDER BY day, id");
    bind_range(st, 1, q.range);
    std::vector<JournalEntry> out;
    while (st.executeStep()) {
        JournalEntry e;
        e.id = st.getColumn(0).getInt64();
        if (!tolerant(m_skipped, "a journal entry", [&] { e.day = day_of(st.getColumn(1)); }))
            continue;
        e.text = st.getColumn(2).getString();
        e.tags = split_tags(st.getColumn(3).getString());
        e.kind = opt_text(st.getColumn(4));
        e.prompt = opt_text(st.getColumn(5));
        if (q.tag && std::find(e.tags.begin(), e.tags.end(), *q.tag) == e.tags.end()) continue;
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace kint::store
