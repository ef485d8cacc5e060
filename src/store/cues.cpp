// The store's cues, with their steps (behaviors over time) and pauses.
#include "internal.hpp"

#include <map>

namespace kint::store {

using namespace detail;

Id Store::add_cue(const NewCue& cue) {
    SQLite::Statement st(*m_db, "INSERT INTO cue (intention_id, kind, trigger, at, days, created) "
                                "VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, cue.intention_id);
    st.bind(2, std::string(to_string(cue.kind)));
    st.bind(3, cue.trigger);
    if (cue.at)
        st.bind(4, *cue.at);
    else
        st.bind(4);
    st.bind(5, static_cast<int>(cue.days.mask()));
    st.bind(6, day_text(cue.created));
    st.exec();
    const Id id = m_db->getLastInsertRowid();
    add_step(id, Step{cue.created, cue.behavior, std::nullopt});
    return id;
}

namespace {
constexpr const char* cue_columns =
    "SELECT id, intention_id, kind, trigger, at, days, created, status, archived FROM cue";

Cue read_cue(SQLite::Statement& st) {
    Cue c;
    c.id = st.getColumn(0).getInt64();
    c.intention_id = st.getColumn(1).getInt64();
    c.kind = parse_cue_kind(st.getColumn(2).getString()).value_or(CueKind::after);
    c.trigger = st.getColumn(3).getString();
    if (!st.getColumn(4).isNull()) c.at = st.getColumn(4).getInt();
    c.days = Schedule(static_cast<std::uint8_t>(st.getColumn(5).getInt()));
    c.created = day_of(st.getColumn(6));
    c.status = parse_cue_status(st.getColumn(7).getString()).value_or(CueStatus::active);
    if (!st.getColumn(8).isNull()) c.archived_on = day_of(st.getColumn(8));
    return c;
}
} // namespace

void Store::load_steps_and_pauses(std::vector<Cue>& cues, bool current_step_only) const {
    std::map<Id, Cue*> by_id;
    for (auto& c : cues)
        by_id[c.id] = &c;
    // In rowid order, a plain scan: each cue's steps still arrive oldest first. The current step
    // alone is one index seek per cue, however many steps years of adjusting left.
    // One cue (cue(), which every log and step command asks for) reads its own rows by index.
    const bool one = cues.size() == 1;
    SQLite::Statement steps(
        *m_db, current_step_only
                   ? "SELECT cue_id, day, behavior, note FROM step WHERE id IN (SELECT (SELECT "
                     "max(s.id) FROM step s WHERE s.cue_id = c.id) FROM cue c) ORDER BY id"
               : one ? "SELECT cue_id, day, behavior, note FROM step WHERE cue_id = ? ORDER BY id"
                     : "SELECT cue_id, day, behavior, note FROM step ORDER BY id");
    if (one && !current_step_only) steps.bind(1, cues.front().id);
    while (steps.executeStep()) {
        auto it = by_id.find(steps.getColumn(0).getInt64());
        if (it == by_id.end()) continue;
        tolerant(m_skipped, "a step", [&] {
            it->second->steps.push_back(Step{day_of(steps.getColumn(1)),
                                             steps.getColumn(2).getString(),
                                             opt_text(steps.getColumn(3))});
        });
    }
    SQLite::Statement pauses(*m_db,
                             one ? "SELECT cue_id, start, until FROM pause WHERE cue_id = ? "
                                   "ORDER BY cue_id, start"
                                 : "SELECT cue_id, start, until FROM pause ORDER BY cue_id, start");
    if (one) pauses.bind(1, cues.front().id);
    while (pauses.executeStep()) {
        auto it = by_id.find(pauses.getColumn(0).getInt64());
        if (it == by_id.end()) continue;
        tolerant(m_skipped, "a pause", [&] {
            Pause p{day_of(pauses.getColumn(1)), std::nullopt};
            if (!pauses.getColumn(2).isNull()) p.until = day_of(pauses.getColumn(2));
            it->second->pauses.push_back(p);
        });
    }
    for (auto& c : cues)
        if (c.steps.empty())
            throw StoreError(fmt::format("cue {} has no behavior in the store", c.id));
}

std::vector<Cue> Store::cues(bool include_archived, bool current_step_only) const {
    SQLite::Statement st(
        *m_db, fmt::format("{} WHERE ? OR status <> 'archived' ORDER BY id", cue_columns));
    st.bind(1, include_archived ? 1 : 0);
    std::vector<Cue> out;
    while (st.executeStep())
        tolerant(m_skipped, "a cue", [&] { out.push_back(read_cue(st)); });
    load_steps_and_pauses(out, current_step_only);
    return out;
}

std::optional<Cue> Store::cue(Id id) const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE id = ?", cue_columns));
    st.bind(1, id);
    std::vector<Cue> one;
    if (st.executeStep()) tolerant(m_skipped, "a cue", [&] { one.push_back(read_cue(st)); });
    if (one.empty()) return std::nullopt;
    load_steps_and_pauses(one);
    return one.front();
}

void Store::add_step(Id cue_id, const Step& step) {
    SQLite::Statement st(*m_db,
                         "INSERT INTO step (cue_id, day, behavior, note) VALUES (?, ?, ?, ?)");
    st.bind(1, cue_id);
    st.bind(2, day_text(step.day));
    st.bind(3, step.behavior);
    bind_opt(st, 4, step.note);
    st.exec();
}

void Store::pause_cue(Id cue_id, Day day) {
    SQLite::Statement st(*m_db, "INSERT INTO pause (cue_id, start) VALUES (?, ?) "
                                "ON CONFLICT (cue_id, start) DO UPDATE SET until = NULL");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    st.exec();
    SQLite::Statement status(*m_db, "UPDATE cue SET status = 'paused' WHERE id = ?");
    status.bind(1, cue_id);
    status.exec();
}

void Store::resume_cue(Id cue_id, Day day) {
    // A pause started today and ended today covered no day at all: drop it.
    SQLite::Statement drop(*m_db,
                           "DELETE FROM pause WHERE cue_id = ? AND until IS NULL AND start >= ?");
    drop.bind(1, cue_id);
    drop.bind(2, day_text(day));
    drop.exec();
    SQLite::Statement st(*m_db, "UPDATE pause SET until = ? WHERE cue_id = ? AND until IS NULL");
    st.bind(1, day_text(day));
    st.bind(2, cue_id);
    st.exec();
    SQLite::Statement status(*m_db, "UPDATE cue SET status = 'active' WHERE id = ?");
    status.bind(1, cue_id);
    status.exec();
}

void Store::archive_cue(Id cue_id, Day day) {
    SQLite::Statement st(*m_db, "UPDATE cue SET status = 'archived', archived = ? WHERE id = ?");
    st.bind(1, day_text(day));
    st.bind(2, cue_id);
    st.exec();
}

} // namespace kint::store
