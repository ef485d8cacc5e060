#include "kint/domain/merge.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kint::merge {

namespace {

// The ids a kind of record already uses, and the next free one: a record keeps its own id when
// it is free, so an export read into an empty store gets every id back.
class Ids {
  public:
    template <class Records>
    explicit Ids(const Records& have) {
        for (const auto& r : have)
            m_used.insert(r.id);
    }
    Id take(Id wanted) {
        if (wanted <= 0 || m_used.contains(wanted)) wanted = next();
        m_used.insert(wanted);
        return wanted;
    }

  private:
    Id next() const { return m_used.empty() ? 1 : *m_used.rbegin() + 1; }
    std::set<Id> m_used;
};

// Records of the store under a key, each to be matched once.
template <class Key>
class Pool {
  public:
    void put(Key key, Id id) { m_ids[std::move(key)].push_back(id); }
    // The first of `key`'s ids that `prefer` likes, else the first; removed from the pool.
    template <class Prefer>
    std::optional<Id> take(const Key& key, Prefer prefer) {
        auto it = m_ids.find(key);
        if (it == m_ids.end() || it->second.empty()) return std::nullopt;
        auto& ids = it->second;
        auto pick = std::ranges::find_if(ids, prefer);
        if (pick == ids.end()) pick = ids.begin();
        const Id id = *pick;
        ids.erase(pick);
        return id;
    }
    std::optional<Id> take(const Key& key) {
        return take(key, [](Id) { return false; });
    }
    // Takes `id` out of `key`'s ids (matched another way).
    void drop(const Key& key, Id id) {
        if (auto it = m_ids.find(key); it != m_ids.end()) std::erase(it->second, id);
    }

  private:
    std::map<Key, std::vector<Id>> m_ids;
};

// The store's records of one kind by uid (those that have one): a file record with the same uid is
// the same record, whatever its content says.
template <class Records>
std::map<std::string, Id> by_uid(const Records& have) {
    std::map<std::string, Id> ids;
    for (const auto& r : have)
        if (!r.uid.empty()) ids.emplace(r.uid, r.id);
    return ids;
}
std::optional<Id> uid_match(const std::map<std::string, Id>& ids, const std::string& uid) {
    if (uid.empty()) return std::nullopt;
    const auto it = ids.find(uid);
    if (it == ids.end()) return std::nullopt;
    return it->second;
}

// A cue as import matches it: its first behavior, and every cue (kind and trigger) it has had,
// so a cue given a trigger since an import (cue edit keeps the old plan) is still the same cue.
struct CueShape {
    std::string behavior;
    std::vector<std::pair<CueKind, std::string>> cues;
    bool waiting = false; // one of its triggers is no_cue_yet: an imported habit's
};
CueShape shape_of(const Cue& c) {
    CueShape s;
    s.behavior = c.steps.empty() ? std::string() : c.steps.front().behavior;
    s.cues.emplace_back(c.kind, c.trigger);
    for (const auto& plan : c.plans)
        s.cues.emplace_back(plan.kind, plan.trigger);
    s.waiting = std::ranges::any_of(s.cues, [](const auto& k) { return k.second == no_cue_yet; });
    return s;
}
bool same_cue(const CueShape& a, const CueShape& b) {
    return std::ranges::any_of(
        a.cues, [&](const auto& k) { return std::ranges::find(b.cues, k) != b.cues.end(); });
}

} // namespace

Plan plan(const exchange::Snapshot& have, const exchange::Snapshot& incoming) {
    Plan p;

    // Cues first: an intention is added only when one of its cues is new (or it has none).
    struct HaveCue {
        Id id, intention;
        CueShape shape;
        bool taken = false;
    };
    std::vector<HaveCue> have_cues;
    std::map<Id, Day> have_cue_created;
    for (const auto& c : have.cues) {
        have_cues.push_back({c.id, c.intention_id, shape_of(c)});
        have_cue_created[c.id] = c.created;
    }
    Pool<std::string> intention_pool;
    std::map<Id, const Intention*> have_intention;
    for (const auto& i : have.intentions) {
        intention_pool.put(i.text, i.id);
        have_intention[i.id] = &i;
    }
    // The file's intention ids that name one of the store's: by uid first, then by text.
    std::map<Id, Id> intention_to;
    const auto intention_uids = by_uid(have.intentions);
    for (const auto& i : incoming.intentions)
        if (auto id = uid_match(intention_uids, i.uid)) {
            intention_to[i.id] = *id;
            intention_pool.drop(have_intention.at(*id)->text, *id);
        }
    for (const auto& i : incoming.intentions)
        if (!intention_to.contains(i.id))
            if (auto id = intention_pool.take(i.text)) intention_to[i.id] = *id;

    std::map<Id, Id> cue_to;        // the file's cue id -> the store's (matched or new)
    std::set<Id> new_cue;           // the file's cue ids that are added
    std::set<Id> wanted_intentions; // the file's intention ids a new cue hangs under
    std::set<Id> intentions_with_cues;
    // The same uid is the same cue, before any matching by content.
    const auto cue_uids = by_uid(have.cues);
    std::set<Id> cue_by_uid; // the file's cue ids matched so
    for (const auto& c : incoming.cues)
        if (auto id = uid_match(cue_uids, c.uid)) {
            const auto h = std::ranges::find(have_cues, *id, &HaveCue::id);
            if (h->taken) continue;
            h->taken = true;
            cue_to[c.id] = *id;
            cue_by_uid.insert(c.id);
        }
    for (const auto& c : incoming.cues) {
        intentions_with_cues.insert(c.intention_id);
        if (cue_by_uid.contains(c.id)) {
            ++p.skipped.cues;
            continue;
        }
        const auto mapped = intention_to.find(c.intention_id);
        const auto shape = shape_of(c);
        // The same behavior and a cue in common; else the same behavior where one side is still
        // waiting for its cue (Loop's backup has the reminder time its CSV export lacks). Under
        // the same intention first.
        HaveCue* found = nullptr;
        for (const bool loose : {false, true}) {
            for (auto& h : have_cues) {
                if (h.taken || h.shape.behavior != shape.behavior) continue;
                if (!(loose ? h.shape.waiting || shape.waiting : same_cue(h.shape, shape)))
                    continue;
                const auto home = [&](const HaveCue& x) {
                    return mapped != intention_to.end() && x.intention == mapped->second;
                };
                if (!found || (home(h) && !home(*found))) found = &h;
            }
            if (found) break;
        }
        if (found) {
            found->taken = true;
            cue_to[c.id] = found->id;
            ++p.skipped.cues;
        } else {
            new_cue.insert(c.id);
            wanted_intentions.insert(c.intention_id);
        }
    }

    Ids intention_ids(have.intentions);
    for (const auto& i : incoming.intentions) {
        if (intention_to.contains(i.id)) {
            ++p.skipped.intentions;
            continue;
        }
        if (intentions_with_cues.contains(i.id) && !wanted_intentions.contains(i.id)) {
            ++p.skipped.intentions; // every cue of it is already there, under other intentions
            continue;
        }
        Intention added = i;
        added.id = intention_ids.take(i.id);
        added.focus = false;
        intention_to[i.id] = added.id;
        p.add.intentions.push_back(std::move(added));
        ++p.added.intentions;
    }
    if (!have.focus) {
        if (incoming.focus && intention_to.contains(*incoming.focus))
            p.add.focus = intention_to[*incoming.focus];
        else if (auto first = std::ranges::find_if(p.add.intentions,
                                                   [](const Intention& i) { return !i.archived; });
                 first != p.add.intentions.end())
            p.add.focus = first->id;
    }

    Ids cue_ids(have.cues);
    for (const auto& c : incoming.cues) {
        if (!new_cue.contains(c.id)) continue;
        Cue added = c;
        added.id = cue_ids.take(c.id);
        added.intention_id = intention_to.at(c.intention_id);
        cue_to[c.id] = added.id;
        p.add.cues.push_back(std::move(added));
        ++p.added.cues;
    }

    // Only the entries of the store's cues a file's cue matched can be the file's.
    std::set<Id> matched;
    for (const auto& [file_id, id] : cue_to)
        if (!new_cue.contains(file_id)) matched.insert(id);
    std::set<std::tuple<Id, Day, LogStatus>> have_logs;
    for (const auto& e : have.logs)
        if (matched.contains(e.cue_id)) have_logs.emplace(e.cue_id, e.day, e.status);
    for (const auto& e : incoming.logs) {
        const auto to = cue_to.find(e.cue_id);
        if (to == cue_to.end()) continue; // a log of no cue: snapshot_problem refuses it first
        const bool matched_cue = !new_cue.contains(e.cue_id);
        if (matched_cue && e.day < have_cue_created[to->second]) {
            ++p.before_cue;
            ++p.skipped.logs;
            continue;
        }
        if (!have_logs.emplace(to->second, e.day, e.status).second) {
            ++p.skipped.logs;
            continue;
        }
        LogEntry added = e;
        added.cue_id = to->second;
        p.add.logs.push_back(std::move(added));
        ++p.added.logs;
        ++(e.status == LogStatus::done ? p.done : e.status == LogStatus::skip ? p.skips : p.slips);
    }

    std::map<std::pair<Day, RatingKind>, int> have_ratings;
    for (const auto& r : have.ratings)
        have_ratings.emplace(std::pair{r.day, r.kind}, r.value);
    for (const auto& r : incoming.ratings) {
        const auto [it, is_new] = have_ratings.emplace(std::pair{r.day, r.kind}, r.value);
        if (is_new) {
            p.add.ratings.push_back(r);
            ++p.added.ratings;
            continue;
        }
        ++p.skipped.ratings;
        if (it->second != r.value) p.conflicts.push_back({r.day, r.kind, it->second, r.value});
    }

    Pool<std::pair<Day, std::string>> journal_pool;
    for (const auto& e : have.journal)
        journal_pool.put({e.day, e.text}, e.id);
    const auto journal_uids = by_uid(have.journal);
    std::set<const JournalEntry*> journal_by_uid; // the file's entries the store has by uid
    for (const auto& e : incoming.journal)
        if (auto id = uid_match(journal_uids, e.uid)) {
            const auto h = std::ranges::find(have.journal, *id, &JournalEntry::id);
            journal_pool.drop({h->day, h->text}, *id);
            journal_by_uid.insert(&e);
        }
    Ids journal_ids(have.journal);
    for (const auto& e : incoming.journal) {
        if (journal_by_uid.contains(&e) || journal_pool.take({e.day, e.text})) {
            ++p.skipped.journal;
            continue;
        }
        JournalEntry added = e;
        added.id = journal_ids.take(e.id);
        p.add.journal.push_back(std::move(added));
        ++p.added.journal;
    }

    std::set<Day> have_sessions;
    for (const auto& s : have.sessions)
        have_sessions.insert(s.day);
    Ids session_ids(have.sessions);
    for (const auto& s : incoming.sessions) {
        if (!have_sessions.insert(s.day).second) {
            ++p.skipped.sessions;
            continue;
        }
        Session added = s;
        added.id = session_ids.take(s.id);
        p.add.sessions.push_back(std::move(added));
        ++p.added.sessions;
    }
    // The file's tombstones come along (the store keeps the later clock of each), so that a store
    // restored from an export still tells sync what was removed.
    p.add.removals = incoming.removals;
    return p;
}

Needs needs(const std::vector<Cue>& have_cues, const exchange::Snapshot& incoming) {
    Needs n;
    std::set<std::string> uids, behaviors;
    for (const auto& c : incoming.cues) {
        if (!c.uid.empty()) uids.insert(c.uid);
        behaviors.insert(shape_of(c).behavior);
    }
    for (const auto& c : have_cues)
        if ((!c.uid.empty() && uids.contains(c.uid)) || behaviors.contains(shape_of(c).behavior))
            n.log_cues.push_back(c.id);
    n.ratings = !incoming.ratings.empty();
    n.journal = !incoming.journal.empty();
    n.sessions = !incoming.sessions.empty();
    return n;
}

std::optional<std::string> day_after(const exchange::Snapshot& s, Day today) {
    std::optional<std::pair<Day, std::string>> first;
    auto see = [&](Day day, const char* what) {
        if (day > today && (!first || day < first->first)) first = {day, what};
    };
    for (const auto& i : s.intentions)
        see(i.created, "an intention");
    for (const auto& c : s.cues) {
        see(c.created, "a cue");
        for (const auto& st : c.steps)
            see(st.day, "a step");
    }
    for (const auto& e : s.logs)
        see(e.day, "a log entry");
    for (const auto& r : s.ratings)
        see(r.day, "a rating");
    for (const auto& e : s.journal)
        see(e.day, "a journal entry");
    for (const auto& x : s.sessions)
        see(x.day, "a session");
    if (!first) return std::nullopt;
    return format_day(first->first) + ", " + first->second;
}

} // namespace kint::merge
