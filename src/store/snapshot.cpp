// Export and import: the whole store out as a snapshot, and back into an empty one.
#include "internal.hpp"

namespace kint::store {

using namespace detail;

exchange::Snapshot Store::dump() const {
    exchange::Snapshot s;
    s.intentions = intentions(true);
    s.focus = focus();
    s.cues = cues(true);
    s.logs = logs({});
    s.ratings = ratings({});
    s.journal = journal({});
    s.sessions = sessions();
    return s;
}

bool Store::empty() const {
    return m_db->execAndGet(
                   "SELECT (SELECT count(*) FROM intention) + (SELECT count(*) FROM rating) + "
                   "(SELECT count(*) FROM journal) + (SELECT count(*) FROM session)")
               .getInt() == 0;
}

void Store::load(const exchange::Snapshot& s) {
    m_strength_moved = true; // every cue's checkpoints to be made
    auto opt_day = [](const std::optional<Day>& d) {
        return d ? std::optional<std::string>(format_day(*d)) : std::nullopt;
    };
    SQLite::Statement intention(*m_db,
                                "INSERT INTO intention (id, text, grp, catalogue_id, created, "
                                "archived) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& i : s.intentions) {
        intention.bind(1, i.id);
        intention.bind(2, i.text);
        bind_opt(intention, 3, i.group);
        bind_opt(intention, 4, i.catalogue_id);
        intention.bind(5, format_day(i.created));
        bind_opt(intention, 6, opt_day(i.archived_on));
        intention.exec();
        intention.reset();
    }
    if (s.focus) set_focus(*s.focus);
    SQLite::Statement cue(*m_db,
                          "INSERT INTO cue (id, intention_id, kind, trigger, at, days, created, "
                          "status, archived, per) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement pause(*m_db, "INSERT INTO pause (cue_id, start, until) VALUES (?, ?, ?)");
    for (const auto& c : s.cues) {
        cue.bind(1, c.id);
        cue.bind(2, c.intention_id);
        cue.bind(3, std::string(to_string(c.kind)));
        cue.bind(4, c.trigger);
        if (c.at)
            cue.bind(5, *c.at);
        else
            cue.bind(5);
        cue.bind(6, static_cast<int>(c.days.mask()));
        cue.bind(7, format_day(c.created));
        cue.bind(8, std::string(to_string(c.status)));
        bind_opt(cue, 9, opt_day(c.archived_on));
        bind_opt(cue, 10, c.per ? std::optional<std::string>(format_per(*c.per)) : std::nullopt);
        cue.exec();
        cue.reset();
        for (const auto& st : c.steps)
            add_step(c.id, st);
        for (const auto& p : c.plans)
            insert_plan(c.id, p);
        for (const auto& p : c.pauses) {
            pause.bind(1, c.id);
            pause.bind(2, format_day(p.from));
            bind_opt(pause, 3, opt_day(p.until));
            pause.exec();
            pause.reset();
        }
    }
    for (const auto& e : s.logs)
        put_log(e);
    for (const auto& r : s.ratings)
        put_rating(r);
    SQLite::Statement journal(*m_db, "INSERT INTO journal (id, day, text, tags, kind, prompt) "
                                     "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& e : s.journal) {
        journal.bind(1, e.id);
        journal.bind(2, format_day(e.day));
        journal.bind(3, e.text);
        journal.bind(4, join_tags(e.tags));
        bind_opt(journal, 5, e.kind);
        bind_opt(journal, 6, e.prompt);
        journal.exec();
        journal.reset();
    }
    SQLite::Statement session(*m_db, "INSERT INTO session (id, day, note) VALUES (?, ?, ?)");
    for (const auto& x : s.sessions) {
        session.bind(1, x.id);
        session.bind(2, format_day(x.day));
        bind_opt(session, 3, x.note);
        session.exec();
        session.reset();
    }
}

} // namespace kint::store
