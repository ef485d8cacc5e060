#include "kint/render/exchange.hpp"
#include "kint/core/text.hpp"
#include "kint/domain/hlc.hpp"
#include "kint/domain/sync.hpp"
#include "kint/domain/validate.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>
#include <tuple>

namespace kint::exchange {

namespace {

json::Value day_or_null(const std::optional<Day>& d) {
    if (!d) return {};
    return format_day(*d);
}

std::string where(std::string_view table, std::size_t index) {
    return fmt::format("{}[{}]", table, index);
}

const json::Value& need(const json::Value& obj, std::string_view key, const std::string& at) {
    obj.as_object(at);
    const auto* v = obj.find(key);
    if (!v) throw json::ParseError(fmt::format("{} has no '{}'", at, key));
    return *v;
}

std::optional<std::string> opt_string(const json::Value& obj, std::string_view key,
                                      const std::string& at) {
    const auto* v = obj.find(key);
    if (!v || v->is_null()) return std::nullopt;
    return v->as_string(fmt::format("{}.{}", at, key));
}

std::string text(const json::Value& obj, std::string_view key, const std::string& at) {
    const std::string& s = need(obj, key, at).as_string(fmt::format("{}.{}", at, key));
    if (s.empty()) throw json::ParseError(fmt::format("{}.{} is empty", at, key));
    return s;
}

Day day(const json::Value& obj, std::string_view key, const std::string& at) {
    const std::string& s = need(obj, key, at).as_string(fmt::format("{}.{}", at, key));
    auto d = parse_iso_day(s);
    if (!d) throw json::ParseError(fmt::format("{}.{} '{}' is not a day (YYYY-MM-DD)", at, key, s));
    return *d;
}

std::optional<Day> opt_day(const json::Value& obj, std::string_view key, const std::string& at) {
    const auto* v = obj.find(key);
    if (!v || v->is_null()) return std::nullopt;
    return day(obj, key, at);
}

Id id(const json::Value& obj, std::string_view key, const std::string& at) {
    const auto v = need(obj, key, at).as_int(fmt::format("{}.{}", at, key));
    if (v <= 0) throw json::ParseError(fmt::format("{}.{} should be a positive id", at, key));
    return v;
}

// A number as the export writes it (three decimals below a trillion, json::Value's rule), so that
// what import reads exports to the same bytes again.
double as_written(double v) {
    return std::fabs(v) < 1e12 ? std::round(v * 1000.0) / 1000.0 + 0.0 : v + 0.0;
}

std::optional<double> opt_number(const json::Value& obj, std::string_view key,
                                 const std::string& at) {
    const auto* v = obj.find(key);
    if (!v || v->is_null()) return std::nullopt;
    return as_written(v->as_number(fmt::format("{}.{}", at, key)));
}

bool opt_bool(const json::Value& obj, std::string_view key, const std::string& at) {
    const auto* v = obj.find(key);
    if (!v || v->is_null()) return false;
    return v->as_bool(fmt::format("{}.{}", at, key));
}

std::optional<Per> opt_per(const json::Value& obj, const std::string& at) {
    const auto text = opt_string(obj, "per", at);
    if (!text) return std::nullopt;
    auto per = parse_per(*text);
    if (!per)
        throw json::ParseError(fmt::format(
            "{}.per '{}' should be N/week (N from 1 to 7), N/Md (M from {} to {}, N from 1 to M) "
            "or null",
            at, text::sanitize_line(*text), per_min_days, per_max_days));
    return per;
}

// A step's (or a cue's current) `target`, `unit` and `at_most`: a measure when target is a number.
std::optional<Measure> opt_measure(const json::Value& obj, const std::string& at) {
    const auto target = opt_number(obj, "target", at);
    auto unit = opt_string(obj, "unit", at);
    const bool at_most = opt_bool(obj, "at_most", at);
    if (!target) {
        if (unit)
            throw json::ParseError(at + ".unit is set but target is null: a unit needs a target");
        if (at_most)
            throw json::ParseError(at + ".at_most is true but target is null: a limit needs a "
                                        "target");
        return std::nullopt;
    }
    return Measure{*target, unit.value_or(""), at_most};
}

// A record's global uid (SPEC §7.5): 32 lowercase hex digits, or null (a store from before sync,
// a file before version 3). `seen` holds its kind's uids so far: each names one record.
std::string opt_uid(const json::Value& obj, const std::string& at, std::set<std::string>& seen) {
    auto uid = opt_string(obj, "uid", at);
    if (!uid) return {};
    if (!sync::valid_random_uid(*uid))
        throw json::ParseError(fmt::format("{}.uid '{}' should be 32 lowercase hex digits or null",
                                           at, text::sanitize_line(*uid)));
    if (!seen.insert(*uid).second)
        throw json::ParseError(fmt::format("{} repeats uid {}", at, *uid));
    return *uid;
}

// The clock of a record's last write (domain/hlc.hpp), or null (none yet).
std::string opt_hlc(const json::Value& obj, const std::string& at) {
    auto clock = opt_string(obj, "hlc", at);
    if (!clock) return {};
    if (!hlc::parse(*clock))
        throw json::ParseError(
            fmt::format("{}.hlc '{}' should be a clock of 32 lowercase hex digits or null", at,
                        text::sanitize_line(*clock)));
    return *clock;
}

json::Value per_or_null(const std::optional<Per>& per) {
    if (!per) return {};
    return format_per(*per);
}

json::Value clock_or_null(const std::optional<Minutes>& at) {
    if (!at) return {};
    return format_clock(*at);
}

// `target`, `unit`, `at_most` of a measure: null, null, false when there is none.
json::Value& set_measure(json::Value& obj, const std::optional<Measure>& m) {
    json::Value target, unit;
    if (m) {
        target = m->target;
        unit = m->unit;
    }
    return obj.set("target", std::move(target))
        .set("unit", std::move(unit))
        .set("at_most", m && m->at_most);
}

const json::Array& list(const json::Value& doc, std::string_view key) {
    const auto* v = doc.find(key);
    if (!v) throw json::ParseError(fmt::format("the export has no '{}' list", key));
    return v->as_array(key);
}

// RFC 4180 quoting. Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
// return first) gets a leading ' so it stays text: a note is never a command.
std::string csv_field(std::string_view s) {
    std::string text;
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos)
        text = "'";
    text += s;
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

namespace {

// A uid or a clock; null where a store from before sync has none.
json::Value uid_or_null(const std::string& uid) {
    if (uid.empty()) return {};
    return uid;
}

// A list as the export writes it: in the store's order, or (canonical) by each record's key, then
// by its text, so that even records without uids (a store from before sync) come out in one order.
class List {
  public:
    explicit List(bool sorted) : m_sorted(sorted) {}
    void add(std::string key, json::Value record) {
        m_items.push_back({std::move(key), {}, std::move(record)});
    }
    json::Value done() && {
        if (m_sorted) {
            for (auto& item : m_items)
                item.text = item.record.dump(0);
            std::ranges::sort(m_items, [](const Item& a, const Item& b) {
                return std::tie(a.key, a.text) < std::tie(b.key, b.text);
            });
        }
        auto out = json::array();
        for (auto& item : m_items)
            out.push(std::move(item.record));
        return out;
    }

  private:
    struct Item {
        std::string key, text;
        json::Value record;
    };
    bool m_sorted;
    std::vector<Item> m_items;
};

// The plain export (canonical false) or the canonical one: one writer, so they cannot drift.
json::Value document(const Snapshot& s, bool canonical) {
    // A record's start: its id in this store (not in the canonical export), then its uid.
    const auto head = [&](Id id, const std::string& uid) {
        auto obj = json::object();
        if (!canonical) obj.set("id", id);
        obj.set("uid", uid_or_null(uid));
        return obj;
    };
    const auto intention_uid = [&](Id id) -> std::string {
        const auto it = std::ranges::find(s.intentions, id, &Intention::id);
        return it == s.intentions.end() ? std::string() : it->uid;
    };
    const auto cue_uid = [&](Id id) -> std::string {
        const auto it = std::ranges::find(s.cues, id, &Cue::id);
        return it == s.cues.end() ? std::string() : it->uid;
    };
    List intentions(canonical);
    for (const auto& i : s.intentions)
        intentions.add(i.uid, head(i.id, i.uid)
                                  .set("text", i.text)
                                  .set("group", i.group)
                                  .set("catalogue_id", i.catalogue_id)
                                  .set("created", format_day(i.created))
                                  .set("archived_on", day_or_null(i.archived_on))
                                  .set("hlc", uid_or_null(i.hlc)));
    List cues(canonical);
    for (const auto& c : s.cues) {
        List steps(canonical);
        for (const auto& st : c.steps) {
            auto step = json::object()
                            .set("uid", uid_or_null(st.uid))
                            .set("day", format_day(st.day))
                            .set("behavior", st.behavior)
                            .set("note", st.note);
            set_measure(step, st.measure).set("hlc", uid_or_null(st.hlc));
            steps.add(st.uid, std::move(step));
        }
        List pauses(canonical);
        for (const auto& p : c.pauses)
            pauses.add(sync::pause_uid(c.uid, p.from), json::object()
                                                           .set("from", format_day(p.from))
                                                           .set("until", day_or_null(p.until))
                                                           .set("hlc", uid_or_null(p.hlc)));
        List plans(canonical);
        for (const auto& p : c.plans)
            plans.add(sync::plan_uid(c.uid, p.until), json::object()
                                                          .set("until", format_day(p.until))
                                                          .set("kind", to_string(p.kind))
                                                          .set("trigger", p.trigger)
                                                          .set("at", clock_or_null(p.at))
                                                          .set("days", p.days.to_string())
                                                          .set("per", per_or_null(p.per))
                                                          .set("hlc", uid_or_null(p.hlc)));
        auto cue = head(c.id, c.uid);
        if (canonical)
            cue.set("intention", uid_or_null(intention_uid(c.intention_id)));
        else
            cue.set("intention_id", c.intention_id);
        cue.set("kind", to_string(c.kind))
            .set("trigger", c.trigger)
            .set("at", clock_or_null(c.at))
            .set("days", c.days.to_string())
            .set("per", per_or_null(c.per));
        set_measure(cue, c.measure())
            .set("created", format_day(c.created))
            .set("status", to_string(c.status))
            .set("archived_on", day_or_null(c.archived_on))
            .set("hlc", uid_or_null(c.hlc))
            .set("steps", std::move(steps).done())
            .set("pauses", std::move(pauses).done())
            .set("plans", std::move(plans).done());
        cues.add(c.uid, std::move(cue));
    }
    List logs(canonical);
    for (const auto& e : s.logs) {
        const auto cue = canonical ? cue_uid(e.cue_id) : std::string();
        auto log = json::object();
        if (canonical)
            log.set("cue", uid_or_null(cue));
        else
            log.set("cue_id", e.cue_id);
        log.set("day", format_day(e.day))
            .set("status", to_string(e.status))
            .set("note", e.note)
            .set("amount", e.amount)
            .set("hlc", uid_or_null(e.hlc));
        logs.add(sync::log_uid(cue, e.day, e.status), std::move(log));
    }
    List ratings(canonical);
    for (const auto& r : s.ratings)
        ratings.add(sync::rating_uid(r.day, r.kind), json::object()
                                                         .set("day", format_day(r.day))
                                                         .set("kind", to_string(r.kind))
                                                         .set("value", r.value)
                                                         .set("note", r.note)
                                                         .set("hlc", uid_or_null(r.hlc)));
    List journal(canonical);
    for (const auto& e : s.journal) {
        auto tags = json::array();
        for (const auto& t : e.tags)
            tags.push(t);
        journal.add(e.uid, head(e.id, e.uid)
                               .set("day", format_day(e.day))
                               .set("text", e.text)
                               .set("tags", std::move(tags))
                               .set("kind", e.kind)
                               .set("prompt", e.prompt)
                               .set("hlc", uid_or_null(e.hlc)));
    }
    List sessions(canonical);
    for (const auto& x : s.sessions) {
        auto session = json::object();
        if (!canonical) session.set("id", x.id);
        session.set("day", format_day(x.day)).set("note", x.note).set("hlc", uid_or_null(x.hlc));
        sessions.add(sync::session_uid(x.day), std::move(session));
    }
    List removals(canonical);
    for (const auto& r : s.removals)
        removals.add(r.uid,
                     json::object().set("uid", uid_or_null(r.uid)).set("hlc", uid_or_null(r.hlc)));
    auto doc = json::object().set("format", "kint-export").set("version", format_version);
    // The focus is each device's own (which intention it shows first): sync leaves it, so the
    // canonical document, which compares what stores hold in common, leaves it out.
    if (canonical)
        doc.set("canonical", true);
    else
        doc.set("focus", s.focus ? json::Value(*s.focus) : json::Value());
    return doc.set("intentions", std::move(intentions).done())
        .set("cues", std::move(cues).done())
        .set("logs", std::move(logs).done())
        .set("ratings", std::move(ratings).done())
        .set("journal", std::move(journal).done())
        .set("sessions", std::move(sessions).done())
        .set("removals", std::move(removals).done());
}

} // namespace

json::Value to_json(const Snapshot& s) {
    return document(s, false);
}

json::Value to_canonical_json(const Snapshot& s) {
    return document(s, true);
}

Snapshot from_json(const json::Value& doc, Day today) {
    // What the commands refuse, import refuses too: a day that has not happened yet.
    const auto past = [&](Day d, const std::string& at, std::string_view key) {
        if (d > today)
            throw json::ParseError(fmt::format("{}.{} {} is after today ({})", at, key,
                                               format_day(d), format_day(today)));
        return d;
    };
    doc.as_object("the export");
    const auto* format = doc.find("format");
    if (!format || format->is_null() || format->as_string("format") != "kint-export")
        throw json::ParseError("this is not a kint export (no \"format\": \"kint-export\")");
    const auto version = need(doc, "version", "the export").as_int("version");
    if (version < 1 || version > format_version)
        throw json::ParseError(fmt::format("export version {} is not one this kint reads (1 to {})",
                                           version, format_version));
    if (const auto* canonical = doc.find("canonical");
        canonical && !canonical->is_null() && canonical->as_bool("canonical"))
        throw json::ParseError(
            "it is a canonical export, for comparing stores; import reads a plain 'kint export'");
    Snapshot s;
    std::set<Id> intention_ids, cue_ids, journal_ids, session_ids;
    std::set<std::string> intention_uids, cue_uids, step_uids, journal_uids, removal_uids;
    std::size_t i = 0;
    for (const auto& v : list(doc, "intentions")) {
        const auto at = where("intentions", i++);
        Intention x;
        x.id = id(v, "id", at);
        x.text = text(v, "text", at);
        x.group = opt_string(v, "group", at);
        x.catalogue_id = opt_string(v, "catalogue_id", at);
        x.created = past(day(v, "created", at), at, "created");
        x.archived_on = opt_day(v, "archived_on", at);
        x.archived = x.archived_on.has_value();
        x.uid = opt_uid(v, at, intention_uids);
        x.hlc = opt_hlc(v, at);
        if (!intention_ids.insert(x.id).second)
            throw json::ParseError(at + " repeats id " + std::to_string(x.id));
        s.intentions.push_back(std::move(x));
    }
    if (const auto* f = doc.find("focus"); f && !f->is_null()) {
        s.focus = f->as_int("focus");
        if (!intention_ids.count(*s.focus))
            throw json::ParseError("focus names no intention in the export");
    }
    i = 0;
    for (const auto& v : list(doc, "cues")) {
        const auto at = where("cues", i++);
        Cue c;
        c.id = id(v, "id", at);
        c.intention_id = id(v, "intention_id", at);
        if (!intention_ids.count(c.intention_id))
            throw json::ParseError(at + ".intention_id names no intention");
        const auto kind = parse_cue_kind(text(v, "kind", at));
        if (!kind) throw json::ParseError(at + ".kind should be after, if, place or time");
        c.kind = *kind;
        c.trigger = text(v, "trigger", at);
        if (auto a = opt_string(v, "at", at)) {
            c.at = parse_clock(*a);
            if (!c.at) throw json::ParseError(at + ".at should be HH:MM");
        }
        try {
            c.days = Schedule::parse(text(v, "days", at));
        } catch (const std::exception&) {
            throw json::ParseError(at + ".days should be daily, weekdays, weekends or mon,wed,...");
        }
        c.per = opt_per(v, at);
        c.created = past(day(v, "created", at), at, "created");
        const auto status = parse_cue_status(text(v, "status", at));
        if (!status) throw json::ParseError(at + ".status should be active, paused or archived");
        c.status = *status;
        c.archived_on = opt_day(v, "archived_on", at);
        c.uid = opt_uid(v, at, cue_uids);
        c.hlc = opt_hlc(v, at);
        std::size_t k = 0;
        for (const auto& st : need(v, "steps", at).as_array(at + ".steps")) {
            const auto sat = fmt::format("{}.steps[{}]", at, k++);
            c.steps.push_back(Step{past(day(st, "day", sat), sat, "day"), text(st, "behavior", sat),
                                   opt_string(st, "note", sat), opt_measure(st, sat),
                                   opt_uid(st, sat, step_uids), opt_hlc(st, sat)});
        }
        if (c.steps.empty())
            throw json::ParseError(at + ".steps is empty: a cue needs its behavior");
        // The cue's target, unit and at_most repeat its current step's (export writes both).
        if (v.find("target") && opt_measure(v, at) != c.measure())
            throw json::ParseError(fmt::format(
                "{}.target, unit and at_most differ from its current step's (steps[{}]); the "
                "steps hold the measure",
                at, c.steps.size() - 1));
        k = 0;
        for (const auto& p : need(v, "pauses", at).as_array(at + ".pauses")) {
            const auto pat = fmt::format("{}.pauses[{}]", at, k++);
            // A cue paused after its day was done pauses from tomorrow.
            const Day from = day(p, "from", pat);
            Pause pause{from == today + std::chrono::days{1} ? from : past(from, pat, "from"),
                        opt_day(p, "until", pat), opt_hlc(p, pat)};
            if (pause.until && *pause.until < pause.from)
                throw json::ParseError(fmt::format("{}.until {} is before its from {}", pat,
                                                   format_day(*pause.until),
                                                   format_day(pause.from)));
            c.pauses.push_back(pause);
        }
        k = 0;
        if (const auto* plans = v.find("plans"); plans && !plans->is_null())
            for (const auto& p : plans->as_array(at + ".plans")) {
                const auto pat = fmt::format("{}.plans[{}]", at, k++);
                Plan plan;
                plan.until = day(p, "until", pat);
                const auto plan_kind = parse_cue_kind(text(p, "kind", pat));
                if (!plan_kind)
                    throw json::ParseError(pat + ".kind should be after, if, place or time");
                plan.kind = *plan_kind;
                plan.trigger = text(p, "trigger", pat);
                if (auto a = opt_string(p, "at", pat)) {
                    plan.at = parse_clock(*a);
                    if (!plan.at) throw json::ParseError(pat + ".at should be HH:MM");
                }
                try {
                    plan.days = Schedule::parse(text(p, "days", pat));
                } catch (const std::exception&) {
                    throw json::ParseError(
                        pat + ".days should be daily, weekdays, weekends or mon,wed,...");
                }
                plan.per = opt_per(p, pat);
                plan.hlc = opt_hlc(p, pat);
                c.plans.push_back(std::move(plan));
            }
        if (!cue_ids.insert(c.id).second)
            throw json::ParseError(at + " repeats id " + std::to_string(c.id));
        s.cues.push_back(std::move(c));
    }
    i = 0;
    std::set<std::tuple<Id, Day, int>> log_keys;
    for (const auto& v : list(doc, "logs")) {
        const auto at = where("logs", i++);
        LogEntry e;
        e.cue_id = id(v, "cue_id", at);
        const auto cue = std::find_if(s.cues.begin(), s.cues.end(),
                                      [&](const Cue& c) { return c.id == e.cue_id; });
        if (cue == s.cues.end()) throw json::ParseError(at + ".cue_id names no cue");
        e.day = past(day(v, "day", at), at, "day");
        if (e.day < cue->created)
            throw json::ParseError(fmt::format("{}.day {} is before cue {} was placed ({})", at,
                                               format_day(e.day), cue->id,
                                               format_day(cue->created)));
        const auto st = text(v, "status", at);
        if (st == "done")
            e.status = LogStatus::done;
        else if (st == "skip")
            e.status = LogStatus::skip;
        else if (st == "slip")
            e.status = LogStatus::slip;
        else
            throw json::ParseError(at + ".status should be done, skip or slip");
        e.note = opt_string(v, "note", at);
        e.amount = opt_number(v, "amount", at);
        e.hlc = opt_hlc(v, at);
        if (!log_keys.insert({e.cue_id, e.day, rank(e.status)}).second)
            throw json::ParseError(at + " repeats an entry");
        s.logs.push_back(std::move(e));
    }
    i = 0;
    std::set<std::pair<Day, int>> rating_keys;
    for (const auto& v : list(doc, "ratings")) {
        const auto at = where("ratings", i++);
        Rating r;
        r.day = past(day(v, "day", at), at, "day");
        const auto kind = parse_rating_kind(text(v, "kind", at));
        if (!kind) throw json::ParseError(at + ".kind should be mood or energy");
        r.kind = *kind;
        const auto value = need(v, "value", at).as_int(at + ".value");
        if (value < 0 || value > 10) throw json::ParseError(at + ".value should be 0-10");
        r.value = static_cast<int>(value);
        r.note = opt_string(v, "note", at);
        r.hlc = opt_hlc(v, at);
        if (!rating_keys.insert({r.day, static_cast<int>(r.kind)}).second)
            throw json::ParseError(at + " repeats a rating");
        s.ratings.push_back(std::move(r));
    }
    i = 0;
    for (const auto& v : list(doc, "journal")) {
        const auto at = where("journal", i++);
        JournalEntry e;
        e.id = id(v, "id", at);
        e.day = past(day(v, "day", at), at, "day");
        e.text = text(v, "text", at);
        for (const auto& t : need(v, "tags", at).as_array(at + ".tags")) {
            const auto& tag = t.as_string(at + ".tags[]");
            if (!text::is_tag(tag))
                throw json::ParseError(fmt::format("{}.tags holds '{}'; a tag is one word of "
                                                   "lowercase letters, digits, - or _",
                                                   at, tag));
            e.tags.push_back(tag);
        }
        e.kind = opt_string(v, "kind", at);
        e.prompt = opt_string(v, "prompt", at);
        e.uid = opt_uid(v, at, journal_uids);
        e.hlc = opt_hlc(v, at);
        if (!journal_ids.insert(e.id).second)
            throw json::ParseError(at + " repeats id " + std::to_string(e.id));
        s.journal.push_back(std::move(e));
    }
    i = 0;
    std::set<Day> session_days;
    for (const auto& v : list(doc, "sessions")) {
        const auto at = where("sessions", i++);
        Session x{id(v, "id", at), day(v, "day", at), opt_string(v, "note", at), opt_hlc(v, at)};
        if (!session_ids.insert(x.id).second || !session_days.insert(x.day).second)
            throw json::ParseError(at + " repeats a session");
        s.sessions.push_back(std::move(x));
    }
    // The removals sync keeps (version 3 on): each a record's uid, random or made from its
    // content, and the clock it was removed at.
    i = 0;
    if (version >= 3)
        for (const auto& v : list(doc, "removals")) {
            const auto at = where("removals", i++);
            const auto& uid = need(v, "uid", at).as_string(at + ".uid");
            if (!sync::valid_uid(uid))
                throw json::ParseError(fmt::format(
                    "{}.uid '{}' should be a record's uid (32 lowercase hex digits, or one made "
                    "from its content, such as '<cue uid>/log/2026-11-03/done')",
                    at, text::sanitize_line(uid)));
            if (!removal_uids.insert(uid).second)
                throw json::ParseError(fmt::format("{} repeats uid {}", at, uid));
            const auto& clock = need(v, "hlc", at).as_string(at + ".hlc");
            if (!hlc::parse(clock))
                throw json::ParseError(
                    fmt::format("{}.hlc '{}' should be a clock of 32 lowercase hex digits", at,
                                text::sanitize_line(clock)));
            s.removals.push_back({uid, clock});
        }
    // What the commands keep to, import keeps to: one set of rules for both.
    if (auto problem = validate::snapshot_problem(s)) throw json::ParseError(*problem);
    return s;
}

// One table, a column per field and none reused, so nothing the JSON export holds is missing.
std::string to_csv(const Snapshot& s) {
    // Designated initializers name what each row holds; a field left out is an empty cell.
    struct Row {
        std::string_view record = {};
        std::string id = {}, ref = {}, day = {}, until = {};
        std::string_view kind = {}, status = {};
        std::string group = {}, catalogue_id = {}, trigger = {}, at = {}, days = {}, value = {},
                    text = {}, note = {}, tags = {}, prompt = {};
        // Added with export version 2, after the columns before them (which keep their places).
        std::string amount = {}, per = {}, target = {}, unit = {};
        std::string_view at_most = {};
    };
    std::string out = "record,id,ref,day,until,kind,status,group,catalogue_id,trigger,at,days,"
                      "value,text,note,tags,prompt,amount,per,target,unit,at_most\n";
    const auto add = [&](const Row& r) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                           r.record, r.id, r.ref, r.day, r.until, r.kind, r.status,
                           csv_field(r.group), csv_field(r.catalogue_id), csv_field(r.trigger),
                           r.at, csv_field(r.days), r.value, csv_field(r.text), csv_field(r.note),
                           csv_field(r.tags), csv_field(r.prompt), r.amount, r.per, r.target,
                           csv_field(r.unit), r.at_most);
    };
    // Numbers as the JSON export writes them.
    const auto number = [](const std::optional<double>& v) {
        return v ? json::Value(*v).dump() : std::string();
    };
    const auto per_text = [](const std::optional<Per>& per) {
        return per ? format_per(*per) : std::string();
    };
    // target, unit, at_most of a measure (empty when there is none; at_most true or false).
    const auto measured = [&](Row r, const std::optional<Measure>& m) {
        if (m) {
            r.target = number(m->target);
            r.unit = m->unit;
            r.at_most = m->at_most ? "true" : "false";
        }
        return r;
    };
    const auto day_or_empty = [](const std::optional<Day>& d) {
        return d ? format_day(*d) : std::string();
    };
    for (const auto& i : s.intentions)
        add({.record = "intention",
             .id = std::to_string(i.id),
             .day = format_day(i.created),
             .until = day_or_empty(i.archived_on),
             .status = i.archived_on ? "archived" : (s.focus == i.id ? "focus" : "active"),
             .group = i.group.value_or(""),
             .catalogue_id = i.catalogue_id.value_or(""),
             .text = i.text});
    for (const auto& c : s.cues) {
        add(measured({.record = "cue",
                      .id = std::to_string(c.id),
                      .ref = std::to_string(c.intention_id),
                      .day = format_day(c.created),
                      .until = day_or_empty(c.archived_on),
                      .kind = to_string(c.kind),
                      .status = to_string(c.status),
                      .trigger = c.trigger,
                      .at = c.at ? format_clock(*c.at) : "",
                      .days = c.days.to_string(),
                      .per = per_text(c.per)},
                     c.measure()));
        for (const auto& st : c.steps)
            add(measured({.record = "step",
                          .ref = std::to_string(c.id),
                          .day = format_day(st.day),
                          .text = st.behavior,
                          .note = st.note.value_or("")},
                         st.measure));
        for (const auto& p : c.pauses)
            add({.record = "pause",
                 .ref = std::to_string(c.id),
                 .day = format_day(p.from),
                 .until = day_or_empty(p.until)});
        // An earlier plan (cue edit): what the cue was until `until`, not including that day.
        for (const auto& p : c.plans)
            add({.record = "plan",
                 .ref = std::to_string(c.id),
                 .until = format_day(p.until),
                 .kind = to_string(p.kind),
                 .trigger = p.trigger,
                 .at = p.at ? format_clock(*p.at) : "",
                 .days = p.days.to_string(),
                 .per = per_text(p.per)});
    }
    for (const auto& e : s.logs)
        add({.record = "log",
             .ref = std::to_string(e.cue_id),
             .day = format_day(e.day),
             .status = to_string(e.status),
             .note = e.note.value_or(""),
             .amount = number(e.amount)});
    for (const auto& r : s.ratings)
        add({.record = "rating",
             .day = format_day(r.day),
             .kind = to_string(r.kind),
             .value = std::to_string(r.value),
             .note = r.note.value_or("")});
    for (const auto& e : s.journal) {
        std::string tags;
        for (const auto& t : e.tags)
            tags += (tags.empty() ? "" : " ") + t;
        add({.record = "journal",
             .id = std::to_string(e.id),
             .day = format_day(e.day),
             .kind = e.kind ? std::string_view(*e.kind) : std::string_view(),
             .text = e.text,
             .tags = tags,
             .prompt = e.prompt.value_or("")});
    }
    for (const auto& x : s.sessions)
        add({.record = "session",
             .id = std::to_string(x.id),
             .day = format_day(x.day),
             .note = x.note.value_or("")});
    return out;
}

} // namespace kint::exchange
