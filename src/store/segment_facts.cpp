// What the prompt segment needs, in a few indexed reads; and the checkpoint its cache relies on.
#include "internal.hpp"

namespace kint::store {

using namespace detail;

segment::Facts Store::segment_facts(std::optional<Day> until) const {
    const std::string last_day = until ? day_text(*until) : "9999-12-31";
    segment::Facts f;
    if (auto id = focus())
        if (auto i = intention(*id)) f.focus = i->text;
    // The latest done or skipped day of one cue: backwards along its primary key, a row or two.
    SQLite::Statement last(*m_db, "SELECT day FROM log WHERE cue_id = ? AND day <= ? AND status <> "
                                  "'slip' ORDER BY day DESC LIMIT 1");
    for (auto& c : cues(false, /*current_step_only=*/true)) {
        segment::CueFacts cf{c.days, c.created, c.archived_on, std::move(c.pauses), std::nullopt};
        last.bind(1, c.id);
        last.bind(2, last_day);
        if (last.executeStep()) cf.last_done = day_of(last.getColumn(0));
        last.reset();
        f.cues.push_back(std::move(cf));
    }
    SQLite::Statement mood(*m_db,
                           "SELECT day FROM rating WHERE kind = 'mood' AND day <= ? ORDER BY "
                           "day DESC LIMIT 1");
    mood.bind(1, last_day);
    if (mood.executeStep()) f.last_mood = day_of(mood.getColumn(0));
    return f;
}

void Store::checkpoint() {
    // TRUNCATE empties the WAL too, so removed text (secure_delete) lingers in no old page image.
    // It must not wait for a reader (the prompt): with one busy it copies what it can and leaves
    // the rest for the next command.
    m_db->setBusyTimeout(0);
    try {
        m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
    }
    m_db->setBusyTimeout(busy_timeout_ms);
}

} // namespace kint::store
