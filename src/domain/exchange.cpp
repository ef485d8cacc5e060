#include "kint/exchange.hpp"
#include "kint/text.hpp"

#include <fmt/format.h>
#include <set>

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

// Imported text meets the same rule as typed text: no control characters but newlines and tabs.
const std::string& plain(const std::string& s, std::string_view key, const std::string& at) {
    if (text::has_control_characters(s, true))
        throw json::ParseError(fmt::format("{}.{} holds a control character", at, key));
    return s;
}

std::optional<std::string> opt_string(const json::Value& obj, std::string_view key,
                                      const std::string& at) {
    const auto* v = obj.find(key);
    if (!v || v->is_null()) return std::nullopt;
    return plain(v->as_string(fmt::format("{}.{}", at, key)), key, at);
}

std::string text(const json::Value& obj, std::string_view key, const std::string& at) {
    const std::string& s = need(obj, key, at).as_string(fmt::format("{}.{}", at, key));
    if (s.empty()) throw json::ParseError(fmt::format("{}.{} is empty", at, key));
    return plain(s, key, at);
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

const json::Array& list(const json::Value& doc, std::string_view key) {
    const auto* v = doc.find(key);
    if (!v) throw json::ParseError(fmt::format("the export has no '{}' list", key));
    return v->as_array(key);
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

json::Value to_json(const Snapshot& s) {
    auto intentions = json::array();
    for (const auto& i : s.intentions)
        intentions.push(json::object()
                            .set("id", i.id)
                            .set("text", i.text)
                            .set("group", i.group)
                            .set("catalogue_id", i.catalogue_id)
                            .set("created", format_day(i.created))
                            .set("archived_on", day_or_null(i.archived_on)));
    auto cues = json::array();
    for (const auto& c : s.cues) {
        auto steps = json::array();
        for (const auto& st : c.steps)
            steps.push(json::object().set("day", format_day(st.day)).set("behavior", st.behavior).set("note", st.note));
        auto pauses = json::array();
        for (const auto& p : c.pauses)
            pauses.push(json::object().set("from", format_day(p.from)).set("until", day_or_null(p.until)));
        json::Value at;
        if (c.at) at = format_clock(*c.at);
        cues.push(json::object()
                      .set("id", c.id)
                      .set("intention_id", c.intention_id)
                      .set("kind", to_string(c.kind))
                      .set("trigger", c.trigger)
                      .set("at", at)
                      .set("days", c.days.to_string())
                      .set("created", format_day(c.created))
                      .set("status", to_string(c.status))
                      .set("archived_on", day_or_null(c.archived_on))
                      .set("steps", std::move(steps))
                      .set("pauses", std::move(pauses)));
    }
    auto logs = json::array();
    for (const auto& e : s.logs)
        logs.push(json::object()
                      .set("cue_id", e.cue_id)
                      .set("day", format_day(e.day))
                      .set("status", to_string(e.status))
                      .set("note", e.note));
    auto ratings = json::array();
    for (const auto& r : s.ratings)
        ratings.push(json::object()
                         .set("day", format_day(r.day))
                         .set("kind", to_string(r.kind))
                         .set("value", r.value)
                         .set("note", r.note));
    auto journal = json::array();
    for (const auto& e : s.journal) {
        auto tags = json::array();
        for (const auto& t : e.tags) tags.push(t);
        journal.push(json::object()
                         .set("id", e.id)
                         .set("day", format_day(e.day))
                         .set("text", e.text)
                         .set("tags", std::move(tags))
                         .set("kind", e.kind)
                         .set("prompt", e.prompt));
    }
    auto sessions = json::array();
    for (const auto& x : s.sessions)
        sessions.push(json::object().set("id", x.id).set("day", format_day(x.day)).set("note", x.note));
    json::Value focus;
    if (s.focus) focus = *s.focus;
    return json::object()
        .set("format", "kint-export")
        .set("version", format_version)
        .set("focus", std::move(focus))
        .set("intentions", std::move(intentions))
        .set("cues", std::move(cues))
        .set("logs", std::move(logs))
        .set("ratings", std::move(ratings))
        .set("journal", std::move(journal))
        .set("sessions", std::move(sessions));
}

Snapshot from_json(const json::Value& doc) {
    doc.as_object("the export");
    const auto* format = doc.find("format");
    if (!format || format->is_null() || format->as_string("format") != "kint-export")
        throw json::ParseError("this is not a kint export (no \"format\": \"kint-export\")");
    const auto version = need(doc, "version", "the export").as_int("version");
    if (version != format_version)
        throw json::ParseError(fmt::format("export version {} is not one this kint reads ({})", version,
                                           format_version));
    Snapshot s;
    std::set<Id> intention_ids, cue_ids, journal_ids, session_ids;
    std::size_t i = 0;
    for (const auto& v : list(doc, "intentions")) {
        const auto at = where("intentions", i++);
        Intention x;
        x.id = id(v, "id", at);
        x.text = text(v, "text", at);
        x.group = opt_string(v, "group", at);
        x.catalogue_id = opt_string(v, "catalogue_id", at);
        x.created = day(v, "created", at);
        x.archived_on = opt_day(v, "archived_on", at);
        x.archived = x.archived_on.has_value();
        if (!intention_ids.insert(x.id).second) throw json::ParseError(at + " repeats id " + std::to_string(x.id));
        s.intentions.push_back(std::move(x));
    }
    if (const auto* f = doc.find("focus"); f && !f->is_null()) {
        s.focus = f->as_int("focus");
        if (!intention_ids.count(*s.focus)) throw json::ParseError("focus names no intention in the export");
    }
    i = 0;
    for (const auto& v : list(doc, "cues")) {
        const auto at = where("cues", i++);
        Cue c;
        c.id = id(v, "id", at);
        c.intention_id = id(v, "intention_id", at);
        if (!intention_ids.count(c.intention_id)) throw json::ParseError(at + ".intention_id names no intention");
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
        c.created = day(v, "created", at);
        const auto status = parse_cue_status(text(v, "status", at));
        if (!status) throw json::ParseError(at + ".status should be active, paused or archived");
        c.status = *status;
        c.archived_on = opt_day(v, "archived_on", at);
        std::size_t k = 0;
        for (const auto& st : need(v, "steps", at).as_array(at + ".steps")) {
            const auto sat = fmt::format("{}.steps[{}]", at, k++);
            c.steps.push_back(Step{day(st, "day", sat), text(st, "behavior", sat), opt_string(st, "note", sat)});
        }
        if (c.steps.empty()) throw json::ParseError(at + ".steps is empty: a cue needs its behavior");
        k = 0;
        for (const auto& p : need(v, "pauses", at).as_array(at + ".pauses")) {
            const auto pat = fmt::format("{}.pauses[{}]", at, k++);
            c.pauses.push_back(Pause{day(p, "from", pat), opt_day(p, "until", pat)});
        }
        if (!cue_ids.insert(c.id).second) throw json::ParseError(at + " repeats id " + std::to_string(c.id));
        s.cues.push_back(std::move(c));
    }
    i = 0;
    std::set<std::tuple<Id, Day, int>> log_keys;
    for (const auto& v : list(doc, "logs")) {
        const auto at = where("logs", i++);
        LogEntry e;
        e.cue_id = id(v, "cue_id", at);
        if (!cue_ids.count(e.cue_id)) throw json::ParseError(at + ".cue_id names no cue");
        e.day = day(v, "day", at);
        const auto st = text(v, "status", at);
        if (st == "done") e.status = LogStatus::done;
        else if (st == "skip") e.status = LogStatus::skip;
        else if (st == "slip") e.status = LogStatus::slip;
        else throw json::ParseError(at + ".status should be done, skip or slip");
        e.note = opt_string(v, "note", at);
        if (!log_keys.insert({e.cue_id, e.day, rank(e.status)}).second)
            throw json::ParseError(at + " repeats an entry");
        s.logs.push_back(std::move(e));
    }
    i = 0;
    std::set<std::pair<Day, int>> rating_keys;
    for (const auto& v : list(doc, "ratings")) {
        const auto at = where("ratings", i++);
        Rating r;
        r.day = day(v, "day", at);
        const auto kind = parse_rating_kind(text(v, "kind", at));
        if (!kind) throw json::ParseError(at + ".kind should be mood or energy");
        r.kind = *kind;
        const auto value = need(v, "value", at).as_int(at + ".value");
        if (value < 0 || value > 10) throw json::ParseError(at + ".value should be 0-10");
        r.value = static_cast<int>(value);
        r.note = opt_string(v, "note", at);
        if (!rating_keys.insert({r.day, static_cast<int>(r.kind)}).second)
            throw json::ParseError(at + " repeats a rating");
        s.ratings.push_back(std::move(r));
    }
    i = 0;
    for (const auto& v : list(doc, "journal")) {
        const auto at = where("journal", i++);
        JournalEntry e;
        e.id = id(v, "id", at);
        e.day = day(v, "day", at);
        e.text = text(v, "text", at);
        for (const auto& t : need(v, "tags", at).as_array(at + ".tags")) {
            const auto& tag = t.as_string(at + ".tags[]");
            if (tag.empty() || tag.find(',') != std::string::npos)
                throw json::ParseError(at + ".tags holds an empty tag or a comma");
            e.tags.push_back(tag);
        }
        e.kind = opt_string(v, "kind", at);
        e.prompt = opt_string(v, "prompt", at);
        if (!journal_ids.insert(e.id).second) throw json::ParseError(at + " repeats id " + std::to_string(e.id));
        s.journal.push_back(std::move(e));
    }
    i = 0;
    std::set<Day> session_days;
    for (const auto& v : list(doc, "sessions")) {
        const auto at = where("sessions", i++);
        Session x{id(v, "id", at), day(v, "day", at), opt_string(v, "note", at)};
        if (!session_ids.insert(x.id).second || !session_days.insert(x.day).second)
            throw json::ParseError(at + " repeats a session");
        s.sessions.push_back(std::move(x));
    }
    return s;
}

std::string to_csv(const Snapshot& s) {
    std::string out = "record,id,day,ref,kind,status,value,text,note,tags\n";
    auto row = [&](std::string_view record, std::string id, std::string day, std::string ref,
                   std::string_view kind, std::string_view status, std::string value,
                   std::string_view text, const std::optional<std::string>& note, std::string tags) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", record, id, day, ref, csv_field(kind),
                           status, value, csv_field(text), csv_field(note.value_or("")), csv_field(tags));
    };
    for (const auto& i : s.intentions)
        row("intention", std::to_string(i.id), format_day(i.created), "", i.catalogue_id.value_or(i.group.value_or("")),
            i.archived_on ? "archived" : (s.focus == i.id ? "focus" : "active"), "", i.text, std::nullopt, "");
    for (const auto& c : s.cues) {
        row("cue", std::to_string(c.id), format_day(c.created), std::to_string(c.intention_id), to_string(c.kind),
            to_string(c.status), c.at ? format_clock(*c.at) : "", c.trigger, std::nullopt, c.days.to_string());
        for (const auto& st : c.steps)
            row("step", "", format_day(st.day), std::to_string(c.id), "", "", "", st.behavior, st.note, "");
        for (const auto& p : c.pauses)
            row("pause", "", format_day(p.from), std::to_string(c.id), "", "", p.until ? format_day(*p.until) : "", "",
                std::nullopt, "");
    }
    for (const auto& e : s.logs)
        row("log", "", format_day(e.day), std::to_string(e.cue_id), "", to_string(e.status), "", "", e.note, "");
    for (const auto& r : s.ratings)
        row("rating", "", format_day(r.day), "", to_string(r.kind), "", std::to_string(r.value), "", r.note, "");
    for (const auto& e : s.journal) {
        std::string tags;
        for (const auto& t : e.tags) tags += (tags.empty() ? "" : " ") + t;
        row("journal", std::to_string(e.id), format_day(e.day), e.prompt.value_or(""), e.kind.value_or(""), "", "",
            e.text, std::nullopt, tags);
    }
    for (const auto& x : s.sessions)
        row("session", std::to_string(x.id), format_day(x.day), "", "", "", "", "", x.note, "");
    return out;
}

} // namespace kint::exchange
