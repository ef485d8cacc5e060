// The store's cues, with their steps (behaviors over time) and pauses.
#include "internal.hpp"

#include "kint/domain/sync.hpp"

#include <algorithm>
#include <map>

namespace kint::store {

using namespace detail;

namespace {
std::optional<std::string> per_text(const std::optional<Per>& per) {
    if (!per) return std::nullopt;
    return format_per(*per);
}
} // namespace

Id Store::add_cue(const NewCue& cue) {
    // A store kept at an older schema (open_at_version, for tests) has no per column.
    const bool v3 = has_schema(3), v5 = has_schema(5);
    SQLite::Statement st(*m_db, v5   ? "INSERT INTO cue (intention_id, kind, trigger, at, days, "
                                       "created, per, uid, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                       "lower(hex(randomblob(16))), ?)"
                                : v3 ? "INSERT INTO cue (intention_id, kind, trigger, at, days, "
                                       "created, per) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                     : "INSERT INTO cue (intention_id, kind, trigger, at, days, "
                                       "created) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, cue.intention_id);
    st.bind(2, std::string(to_string(cue.kind)));
    st.bind(3, cue.trigger);
    bind_opt(st, 4, cue.at);
    st.bind(5, static_cast<int>(cue.days.mask()));
    st.bind(6, day_text(cue.created));
    if (v3) bind_opt(st, 7, per_text(cue.per));
    if (v5) st.bind(8, tick());
    st.exec();
    const Id id = m_db->getLastInsertRowid();
    add_step(id, Step{cue.created, cue.behavior, std::nullopt, cue.measure});
    // Created on a day the checkpoints already reach: it needs its own.
    if (const auto through = strength_through(); through && cue.created <= *through)
        m_strength_moved = true;
    return id;
}

void Store::insert_plan(Id cue_id, const Plan& plan) {
    const bool v5 = has_schema(5);
    SQLite::Statement st(*m_db,
                         v5 ? "INSERT INTO cue_plan (cue_id, until, kind, trigger, at, days, per, "
                              "hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cue_id, until) DO "
                              "UPDATE SET kind = excluded.kind, trigger = excluded.trigger, "
                              "at = excluded.at, days = excluded.days, per = excluded.per, "
                              "hlc = excluded.hlc"
                            : "INSERT INTO cue_plan (cue_id, until, kind, trigger, at, days, per) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cue_id, until) DO "
                              "UPDATE SET kind = excluded.kind, trigger = excluded.trigger, "
                              "at = excluded.at, days = excluded.days, per = excluded.per");
    st.bind(1, cue_id);
    st.bind(2, day_text(plan.until));
    st.bind(3, std::string(to_string(plan.kind)));
    st.bind(4, plan.trigger);
    bind_opt(st, 5, plan.at);
    st.bind(6, static_cast<int>(plan.days.mask()));
    bind_opt(st, 7, per_text(plan.per));
    if (v5) st.bind(8, clock_for(plan.hlc));
    st.exec();
}

void Store::edit_cue(const Cue& cue, Day from) {
    const auto before = this->cue(cue.id);
    if (!before) throw StoreError(fmt::format("there is no cue {}", cue.id));
    // The plan in force until `from` began at the last earlier plan's end, or at creation.
    const Day began = before->plans.empty() ? before->created : before->plans.back().until;
    const Plan old = before->plan();
    const bool changed = !(old == cue.plan());
    if (changed && began < from && from > cue.created) {
        Plan kept = old;
        kept.until = from;
        insert_plan(cue.id, kept);
    }
    SQLite::Statement st(*m_db, "UPDATE cue SET kind = ?, trigger = ?, at = ?, days = ?, per = ?, "
                                "created = ? WHERE id = ?");
    st.bind(1, std::string(to_string(cue.kind)));
    st.bind(2, cue.trigger);
    bind_opt(st, 3, cue.at);
    st.bind(4, static_cast<int>(cue.days.mask()));
    bind_opt(st, 5, per_text(cue.per));
    st.bind(6, day_text(cue.created));
    st.bind(7, cue.id);
    st.exec();
    stamp("cue", cue.id);
    forget_strength(cue.id, std::nullopt); // the plan of any day may have changed
}

namespace {
// Stores older than schema 3 have no per, measure or amount columns: their reads select NULL.
std::string cue_columns(bool v3) {
    return fmt::format("SELECT id, intention_id, kind, trigger, at, days, created, status, "
                       "archived, {} FROM cue",
                       v3 ? "per" : "NULL");
}

std::optional<Per> read_per(const SQLite::Column& col) {
    if (col.isNull()) return std::nullopt;
    return parse_per(col.getString());
}

// The columns read_step reads, from the step table.
std::string step_select(bool v3) {
    return fmt::format("SELECT cue_id, day, behavior, note, {} FROM step",
                       v3 ? "target, unit, at_most" : "NULL, NULL, 0");
}

// A step from a row of (cue_id, day, behavior, note, target, unit, at_most).
Step read_step(SQLite::Statement& st) {
    Step step{day_of(st.getColumn(1)), st.getColumn(2).getString(), opt_text(st.getColumn(3)),
              std::nullopt};
    if (!st.getColumn(4).isNull())
        step.measure = Measure{st.getColumn(4).getDouble(), opt_text(st.getColumn(5)).value_or(""),
                               st.getColumn(6).getInt() != 0};
    return step;
}

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
    c.per = read_per(st.getColumn(9));
    return c;
}
} // namespace

void Store::load_steps_and_pauses(std::vector<Cue>& cues, bool current_step_only) const {
    load_steps(cues, current_step_only ? StepRead::current : StepRead::all, std::nullopt);
    load_plans_and_pauses(cues);
}

void Store::load_steps(std::vector<Cue>& cues, StepRead read, std::optional<Day> from) const {
    std::map<Id, Cue*> by_id;
    for (auto& c : cues)
        by_id[c.id] = &c;
    // In rowid order, a plain scan: each cue's steps still arrive oldest first. The current step
    // alone is one index seek per cue, however many steps years of adjusting left; the steps from
    // a day on, one seek back from each cue's newest step to the one in force the day before,
    // and the rows after it (Cue::step_on sees the same step on any day from `from`). Only a
    // four-digit ISO day is taken for the one before: any other leaves more rows read, not fewer.
    // One cue (cue(), which every log and step command asks for) reads its own rows by index.
    const bool one = cues.size() == 1 && read == StepRead::all;
    const bool v3 = has_schema(3);
    const std::string step_columns = step_select(v3);
    SQLite::Statement steps(
        *m_db,
        read == StepRead::current
            ? step_columns + " WHERE id IN (SELECT (SELECT max(s.id) FROM step s WHERE "
                             "s.cue_id = c.id) FROM cue c) ORDER BY id"
        : read == StepRead::from
            ? fmt::format("SELECT s.cue_id, s.day, s.behavior, s.note, {} FROM cue c JOIN step s "
                          "ON s.cue_id = c.id AND s.id >= coalesce((SELECT t.id FROM step t WHERE "
                          "t.cue_id = c.id AND t.day < ? AND t.day GLOB {} ORDER BY t.id DESC "
                          "LIMIT 1), 0) ORDER BY c.id, s.id",
                          v3 ? "s.target, s.unit, s.at_most" : "NULL, NULL, 0", iso_day_glob)
        : one ? step_columns + " WHERE cue_id = ? ORDER BY id"
              : step_columns + " ORDER BY id");
    if (read == StepRead::from) steps.bind(1, day_text(from.value_or(Day{})));
    if (one) steps.bind(1, cues.front().id);
    bool whole = true; // every row read (none was left out for a day that is no date)
    while (steps.executeStep()) {
        auto it = by_id.find(steps.getColumn(0).getInt64());
        if (it == by_id.end()) continue;
        whole &=
            tolerant(m_skipped, "a step", [&] { it->second->steps.push_back(read_step(steps)); });
    }
    if (read == StepRead::from && !whole) {
        // A row that is no date may have been the one taken for the step in force before
        // `from`: read them all, as a whole read leaves such a row out.
        for (auto& c : cues)
            c.steps.clear();
        load_steps(cues, StepRead::all, std::nullopt);
        return;
    }
    for (auto& c : cues)
        if (c.steps.empty())
            throw StoreError(fmt::format("cue {} has no behavior in the store", c.id));
}

void Store::load_plans_and_pauses(std::vector<Cue>& cues) const {
    std::map<Id, Cue*> by_id;
    for (auto& c : cues)
        by_id[c.id] = &c;
    const bool one = cues.size() == 1;
    if (has_schema(3)) {
        SQLite::Statement plans(
            *m_db, fmt::format("SELECT cue_id, until, kind, trigger, at, days, per FROM cue_plan "
                               "{} ORDER BY cue_id, until",
                               one ? "WHERE cue_id = ?" : ""));
        if (one) plans.bind(1, cues.front().id);
        while (plans.executeStep()) {
            auto it = by_id.find(plans.getColumn(0).getInt64());
            if (it == by_id.end()) continue;
            tolerant(m_skipped, "a cue plan", [&] {
                Plan p;
                p.until = day_of(plans.getColumn(1));
                p.kind = parse_cue_kind(plans.getColumn(2).getString()).value_or(CueKind::after);
                p.trigger = plans.getColumn(3).getString();
                if (!plans.getColumn(4).isNull()) p.at = plans.getColumn(4).getInt();
                p.days = Schedule(static_cast<std::uint8_t>(plans.getColumn(5).getInt()));
                p.per = read_per(plans.getColumn(6));
                it->second->plans.push_back(std::move(p));
            });
        }
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
}

std::vector<Cue> Store::cue_rows(bool include_archived) const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE ? OR status <> 'archived' ORDER BY id",
                                            cue_columns(has_schema(3))));
    st.bind(1, include_archived ? 1 : 0);
    std::vector<Cue> out;
    while (st.executeStep())
        tolerant(m_skipped, "a cue", [&] { out.push_back(read_cue(st)); });
    return out;
}

std::vector<Cue> Store::cues(bool include_archived, bool current_step_only) const {
    auto out = cue_rows(include_archived);
    load_steps_and_pauses(out, current_step_only);
    return out;
}

std::vector<Cue> Store::cues_before_steps(bool include_archived) const {
    auto out = cue_rows(include_archived);
    load_plans_and_pauses(out);
    return out;
}

void Store::load_steps_from(std::vector<Cue>& cues, Day from) const {
    // Two years of steps are cheaper read whole than sought into: the seek's statement costs
    // about 100 k instructions more to prepare, a step row about 2 k to read (the same steps on
    // every day from `from` either way).
    const auto oldest = std::min_element(
        cues.begin(), cues.end(), [](const Cue& a, const Cue& b) { return a.created < b.created; });
    const bool young = oldest == cues.end() || from - oldest->created <= std::chrono::days{730};
    load_steps(cues, young ? StepRead::all : StepRead::from, from);
}

std::optional<Cue> Store::cue_row(Id id) const {
    SQLite::Statement st(*m_db, fmt::format("{} WHERE id = ?", cue_columns(has_schema(3))));
    st.bind(1, id);
    std::optional<Cue> one;
    if (st.executeStep()) tolerant(m_skipped, "a cue", [&] { one = read_cue(st); });
    return one;
}

std::optional<Cue> Store::cue(Id id) const {
    auto row = cue_row(id);
    if (!row) return row;
    std::vector<Cue> one{std::move(*row)};
    load_steps_and_pauses(one);
    return std::move(one.front());
}

std::optional<Cue> Store::cue(Id id, const std::function<Day(const Cue&)>& steps_from) const {
    auto row = cue_row(id);
    if (!row) return row;
    std::vector<Cue> one{std::move(*row)};
    load_plans_and_pauses(one);
    Cue& cue = one.front();
    const Day from = steps_from(cue);
    // Newest first, down to the step in force on `from`: the latest whose day is on or before it
    // (Cue::step_on's own rule, which takes the last such step in id order).
    SQLite::Statement st(*m_db, step_select(has_schema(3)) + " WHERE cue_id = ? ORDER BY id DESC");
    st.bind(1, id);
    while (st.executeStep()) {
        if (!tolerant(m_skipped, "a step", [&] { cue.steps.push_back(read_step(st)); })) {
            // A row that is no date may stand where the step in force was: the whole history.
            cue.steps.clear();
            load_steps(one, StepRead::all, std::nullopt);
            return std::move(cue);
        }
        if (cue.steps.back().day <= from) break;
    }
    if (cue.steps.empty()) throw StoreError(fmt::format("cue {} has no behavior in the store", id));
    std::reverse(cue.steps.begin(), cue.steps.end());
    return std::move(cue);
}

void Store::add_step(Id cue_id, const Step& step) {
    const bool v3 = has_schema(3), v5 = has_schema(5);
    SQLite::Statement st(*m_db, v5   ? "INSERT INTO step (cue_id, day, behavior, note, target, "
                                       "unit, at_most, uid, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                       "coalesce(?, lower(hex(randomblob(16)))), ?)"
                                : v3 ? "INSERT INTO step (cue_id, day, behavior, note, target, "
                                       "unit, at_most) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                     : "INSERT INTO step (cue_id, day, behavior, note) "
                                       "VALUES (?, ?, ?, ?)");
    st.bind(1, cue_id);
    st.bind(2, day_text(step.day));
    st.bind(3, step.behavior);
    bind_opt(st, 4, step.note);
    if (v3) {
        const auto& m = step.measure;
        bind_opt(st, 5, m ? std::optional<double>(m->target) : std::nullopt);
        bind_opt(st, 6, m ? std::optional<std::string>(m->unit) : std::nullopt);
        st.bind(7, m && m->at_most ? 1 : 0);
    }
    if (v5) {
        bind_opt(st, 8, step.uid.empty() ? std::nullopt : std::optional<std::string>(step.uid));
        st.bind(9, clock_for(step.hlc));
    }
    st.exec();
    forget_strength(cue_id, step.day);
}

void Store::pause_cue(Id cue_id, Day day) {
    const bool v5 = has_schema(5);
    SQLite::Statement st(*m_db, v5 ? "INSERT INTO pause (cue_id, start, hlc) VALUES (?, ?, ?) "
                                     "ON CONFLICT (cue_id, start) DO UPDATE SET until = NULL, "
                                     "hlc = excluded.hlc"
                                   : "INSERT INTO pause (cue_id, start) VALUES (?, ?) "
                                     "ON CONFLICT (cue_id, start) DO UPDATE SET until = NULL");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    if (v5) st.bind(3, tick());
    st.exec();
    SQLite::Statement status(*m_db, "UPDATE cue SET status = 'paused' WHERE id = ?");
    status.bind(1, cue_id);
    status.exec();
    stamp("cue", cue_id);
    forget_strength(cue_id, day);
}

void Store::resume_cue(Id cue_id, Day day) {
    // A pause started today and ended today covered no day at all: drop it.
    SQLite::Statement drop(*m_db, "DELETE FROM pause WHERE cue_id = ? AND until IS NULL AND "
                                  "start >= ? RETURNING start");
    drop.bind(1, cue_id);
    drop.bind(2, day_text(day));
    std::vector<std::string> dropped;
    while (drop.executeStep())
        dropped.push_back(drop.getColumn(0).getString());
    if (!dropped.empty() && has_schema(5)) {
        const std::string cue = cue_uid(cue_id);
        for (const auto& start : dropped)
            if (const auto from = parse_stored_day(start)) bury(sync::pause_uid(cue, *from));
    }
    const bool v5 = has_schema(5);
    SQLite::Statement st(*m_db,
                         v5 ? "UPDATE pause SET until = ?, hlc = ? WHERE cue_id = ? AND "
                              "until IS NULL"
                            : "UPDATE pause SET until = ? WHERE cue_id = ? AND until IS NULL");
    st.bind(1, day_text(day));
    if (v5) st.bind(2, tick());
    st.bind(v5 ? 3 : 2, cue_id);
    st.exec();
    SQLite::Statement status(*m_db, "UPDATE cue SET status = 'active' WHERE id = ?");
    status.bind(1, cue_id);
    status.exec();
    stamp("cue", cue_id);
    forget_strength(cue_id, day); // a pause from `day` on ended or dropped
}

void Store::archive_cue(Id cue_id, Day day) {
    // Archived again on a later day, the days between the two come back to life: the strength
    // moves from the earlier of the two.
    std::optional<Day> before;
    {
        SQLite::Statement old(*m_db, "SELECT archived FROM cue WHERE id = ?");
        old.bind(1, cue_id);
        if (old.executeStep() && !old.getColumn(0).isNull())
            before = parse_stored_day(old.getColumn(0).getString());
    }
    SQLite::Statement st(*m_db, "UPDATE cue SET status = 'archived', archived = ? WHERE id = ?");
    st.bind(1, day_text(day));
    st.bind(2, cue_id);
    st.exec();
    stamp("cue", cue_id);
    forget_strength(cue_id, before ? std::min(*before, day) : day);
}

} // namespace kint::store
