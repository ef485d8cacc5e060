// Merging another device's records by uid, and choosing what to send (SPEC §7.5).
#include "kint/domain/sync.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace kint::sync {

namespace {

using exchange::Snapshot;

std::string opt(const std::optional<std::string>& s) {
    return s ? "+" + *s : "-";
}
template <typename T> std::string opt_value(const std::optional<T>& v) {
    return v ? fmt::format("+{}", *v) : "-";
}
std::string opt_day(const std::optional<Day>& d) {
    return d ? "+" + format_day(*d) : "-";
}
std::string measure_key(const std::optional<Measure>& m) {
    return m ? fmt::format("+{}|{}|{}", m->target, m->unit, m->at_most) : "-";
}

// The canonical text of a record, for the tie between two writes with the same clock (records
// from before sync): the same on every device.
std::string key_of(const Intention& i) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", i.text, opt(i.group), opt(i.catalogue_id),
                       format_day(i.created), opt_day(i.archived_on));
}
std::string per_key(const std::optional<Per>& p) {
    return p ? "+" + format_per(*p) : "-";
}
std::string key_of(const Cue& c) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", to_string(c.kind), c.trigger,
                       opt_value(c.at), c.days.mask(), per_key(c.per), format_day(c.created),
                       to_string(c.status), opt_day(c.archived_on));
}
std::string key_of(const Step& s) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}", format_day(s.day), s.behavior, opt(s.note),
                       measure_key(s.measure));
}
std::string key_of(const Plan& p) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", to_string(p.kind), p.trigger, opt_value(p.at),
                       p.days.mask(), per_key(p.per));
}
std::string key_of(const Pause& p) {
    return opt_day(p.until);
}
std::string key_of(const LogEntry& e) {
    return fmt::format("{}\x1f{}", opt(e.note), opt_value(e.amount));
}
std::string key_of(const Rating& r) {
    return fmt::format("{:02}\x1f{}", r.value, opt(r.note));
}
std::string key_of(const JournalEntry& e) {
    std::string tags;
    for (const auto& t : e.tags)
        tags += t + ",";
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", format_day(e.day), e.text, tags, opt(e.kind),
                       opt(e.prompt));
}
std::string key_of(const Session& s) {
    return opt(s.note);
}

struct Merger {
    Merged& m;
    std::map<std::string, std::string> tombs;

    bool buried(const std::string& uid, const std::string& hlc) const {
        const auto it = tombs.find(uid);
        return it != tombs.end() && removes(it->second, hlc);
    }
    void heard(const std::string& hlc) {
        if (hlc > m.latest) m.latest = hlc;
    }
    // Puts `record` (named `uid`) into `table` unless the one there is later; keeps the id there.
    // Returns the record in the table, or nullptr when it stays out (buried).
    template <typename T> T* put(std::map<std::string, T>& table, const std::string& uid, T record) {
        heard(record.hlc);
        if (buried(uid, record.hlc)) return nullptr;
        auto it = table.find(uid);
        if (it == table.end()) {
            if constexpr (requires { record.id; }) record.id = 0; // a new id, given later
            it = table.emplace(uid, std::move(record)).first;
            ++m.received;
            m.changed = true;
            return &it->second;
        }
        if (replaces(record.hlc, key_of(record), it->second.hlc, key_of(it->second))) {
            if constexpr (requires { record.id; }) record.id = it->second.id;
            it->second = std::move(record);
            ++m.received;
            m.changed = true;
        }
        return &it->second;
    }
    // Removes what the tombstones bury from `table`.
    template <typename T> void sweep(std::map<std::string, T>& table) {
        std::erase_if(table, [&](const auto& entry) {
            if (!buried(entry.first, entry.second.hlc)) return false;
            m.changed = true;
            return true;
        });
    }
};

template <typename T> Id next_id(const std::map<std::string, T>& table) {
    Id top = 0;
    for (const auto& [uid, r] : table)
        top = std::max(top, r.id);
    return top + 1;
}
template <typename T> void give_ids(std::map<std::string, T>& table) {
    Id next = next_id(table);
    for (auto& [uid, r] : table)
        if (r.id == 0) r.id = next++;
}
template <typename T, typename By> std::vector<T> values(std::map<std::string, T>& table, By by) {
    std::vector<T> out;
    out.reserve(table.size());
    for (auto& [uid, r] : table)
        out.push_back(std::move(r));
    std::sort(out.begin(), out.end(), [&](const T& a, const T& b) { return by(a) < by(b); });
    return out;
}

// A cue's steps, plans and pauses by their uids.
struct Parts {
    std::map<std::string, Step> steps;
    std::map<std::string, Plan> plans;
    std::map<std::string, Pause> pauses;
};
Parts parts_of(const Cue& c) {
    Parts p;
    for (const auto& s : c.steps)
        p.steps.emplace(s.uid, s);
    for (const auto& x : c.plans)
        p.plans.emplace(plan_uid(c.uid, x.until), x);
    for (const auto& x : c.pauses)
        p.pauses.emplace(pause_uid(c.uid, x.from), x);
    return p;
}

bool device_wrote(std::string_view hlc, std::string_view device, std::string_view since) {
    if (since.empty()) return true;
    return hlc > since && hlc.size() == 32 && hlc.substr(16) == device;
}

} // namespace

Merged merge(const Snapshot& have, const Snapshot& in) {
    Merged m;
    Merger g{m, {}};
    for (const auto& r : have.removals)
        g.tombs[r.uid] = std::max(g.tombs[r.uid], r.hlc);
    for (const auto& r : in.removals) {
        g.heard(r.hlc);
        auto& hlc = g.tombs[r.uid];
        if (r.hlc > hlc) {
            hlc = r.hlc;
            ++m.received;
            m.changed = true;
        }
    }

    // What the store has, by uid.
    std::map<std::string, Intention> intentions;
    std::map<Id, std::string> have_intention;
    for (const auto& i : have.intentions) {
        intentions.emplace(i.uid, i);
        have_intention[i.id] = i.uid;
    }
    std::map<std::string, Cue> cues;
    std::map<std::string, Parts> parts;
    std::map<std::string, std::string> cue_intention; // cue uid → intention uid
    std::map<Id, std::string> have_cue;
    for (const auto& c : have.cues) {
        cues.emplace(c.uid, c);
        parts.emplace(c.uid, parts_of(c));
        cue_intention[c.uid] = have_intention[c.intention_id];
        have_cue[c.id] = c.uid;
    }
    std::map<std::string, LogEntry> logs;
    std::map<std::string, std::string> log_cue; // log uid → cue uid
    for (const auto& e : have.logs) {
        const auto& cue = have_cue[e.cue_id];
        const auto uid = log_uid(cue, e.day, e.status);
        logs.emplace(uid, e);
        log_cue[uid] = cue;
    }
    std::map<std::string, Rating> ratings;
    for (const auto& r : have.ratings)
        ratings.emplace(rating_uid(r.day, r.kind), r);
    std::map<std::string, JournalEntry> journal;
    for (const auto& e : have.journal)
        journal.emplace(e.uid, e);
    std::map<std::string, Session> sessions;
    for (const auto& s : have.sessions)
        sessions.emplace(session_uid(s.day), s);

    // What arrives.
    std::map<Id, std::string> in_intention, in_cue;
    for (const auto& i : in.intentions) {
        if (i.uid.empty()) {
            ++m.left_out;
            continue;
        }
        in_intention[i.id] = i.uid;
        g.put(intentions, i.uid, i);
    }
    for (const auto& c : in.cues) {
        const auto parent = in_intention.find(c.intention_id);
        if (c.uid.empty() || parent == in_intention.end() || !intentions.count(parent->second) ||
            (!cues.count(c.uid) && c.steps.empty())) {
            ++m.left_out;
            continue;
        }
        in_cue[c.id] = c.uid;
        Cue row = c;
        row.steps.clear();
        row.plans.clear();
        row.pauses.clear();
        const auto before = m.received;
        g.put(cues, c.uid, std::move(row));
        if (m.received != before) cue_intention[c.uid] = parent->second; // the later write's
        auto& p = parts[c.uid];
        for (const auto& s : c.steps)
            if (!s.uid.empty()) g.put(p.steps, s.uid, s);
        for (const auto& x : c.plans)
            g.put(p.plans, plan_uid(c.uid, x.until), x);
        for (const auto& x : c.pauses)
            g.put(p.pauses, pause_uid(c.uid, x.from), x);
    }
    for (const auto& e : in.logs) {
        const auto cue = in_cue.find(e.cue_id);
        if (cue == in_cue.end()) {
            ++m.left_out;
            continue;
        }
        const auto uid = log_uid(cue->second, e.day, e.status);
        if (g.put(logs, uid, e)) log_cue[uid] = cue->second;
    }
    for (const auto& r : in.ratings)
        g.put(ratings, rating_uid(r.day, r.kind), r);
    for (const auto& e : in.journal) {
        if (e.uid.empty()) {
            ++m.left_out;
            continue;
        }
        g.put(journal, e.uid, e);
    }
    for (const auto& s : in.sessions)
        g.put(sessions, session_uid(s.day), s);

    // Removals, of what arrived and of what the store had.
    g.sweep(logs);
    g.sweep(ratings);
    g.sweep(journal);
    g.sweep(sessions);
    for (auto& [uid, p] : parts) {
        g.sweep(p.plans);
        g.sweep(p.pauses);
    }

    // Ids for the new records, and references in the store's ids.
    give_ids(intentions);
    give_ids(cues);
    give_ids(journal);
    give_ids(sessions);
    auto& out = m.result;
    out.focus = have.focus;
    for (auto& [uid, c] : cues) {
        c.intention_id = intentions.at(cue_intention.at(uid)).id;
        auto& p = parts[uid];
        c.steps = values(p.steps, [](const Step& s) { return std::pair(s.day, s.uid); });
        c.plans = values(p.plans, [](const Plan& x) { return x.until; });
        c.pauses = values(p.pauses, [](const Pause& x) { return x.from; });
    }
    for (auto& [uid, e] : logs)
        e.cue_id = cues.at(log_cue.at(uid)).id;
    for (auto& [uid, i] : intentions)
        i.focus = have.focus && *have.focus == i.id;
    out.intentions = values(intentions, [](const Intention& i) { return i.id; });
    out.cues = values(cues, [](const Cue& c) { return c.id; });
    out.logs = values(logs, [](const LogEntry& e) {
        return std::tuple(e.day, e.cue_id, rank(e.status) * -1);
    });
    out.ratings = values(ratings, [](const Rating& r) { return std::pair(r.day, r.kind); });
    out.journal = values(journal, [](const JournalEntry& e) { return e.id; });
    out.sessions = values(sessions, [](const Session& s) { return s.day; });
    for (const auto& [uid, hlc] : g.tombs)
        out.removals.push_back({uid, hlc});
    return m;
}

Outgoing changes_since(const Snapshot& all, std::string_view device, std::string_view since) {
    Outgoing result;
    std::size_t& changed = result.changed;
    auto mine = [&](const std::string& hlc) {
        const bool wrote = device_wrote(hlc, device, since);
        if (wrote) ++changed;
        return wrote;
    };
    Snapshot& out = result.records;
    std::set<Id> cue_ids, intention_ids;
    for (const auto& e : all.logs)
        if (mine(e.hlc)) {
            out.logs.push_back(e);
            cue_ids.insert(e.cue_id);
        }
    for (const auto& c : all.cues) {
        bool send = mine(c.hlc);
        for (const auto& s : c.steps)
            send = mine(s.hlc) || send;
        for (const auto& p : c.plans)
            send = mine(p.hlc) || send;
        for (const auto& p : c.pauses)
            send = mine(p.hlc) || send;
        if (!send && !cue_ids.count(c.id)) continue;
        out.cues.push_back(c); // whole: see the header
        intention_ids.insert(c.intention_id);
    }
    for (const auto& i : all.intentions)
        if (mine(i.hlc) || intention_ids.count(i.id)) out.intentions.push_back(i);
    for (const auto& r : all.ratings)
        if (mine(r.hlc)) out.ratings.push_back(r);
    for (const auto& e : all.journal)
        if (mine(e.hlc)) out.journal.push_back(e);
    for (const auto& s : all.sessions)
        if (mine(s.hlc)) out.sessions.push_back(s);
    for (const auto& r : all.removals)
        if (mine(r.hlc)) out.removals.push_back(r);
    return result;
}

std::size_t count(const Snapshot& s) {
    std::size_t n = s.intentions.size() + s.logs.size() + s.ratings.size() + s.journal.size() +
                    s.sessions.size() + s.removals.size();
    for (const auto& c : s.cues)
        n += 1 + c.steps.size() + c.plans.size() + c.pauses.size();
    return n;
}

} // namespace kint::sync
