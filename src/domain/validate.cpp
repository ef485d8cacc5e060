#include "kint/domain/validate.hpp"

#include "kint/core/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::validate {

std::optional<std::string> text_problem(std::string_view text, std::size_t max_bytes, Lines lines) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return std::string("is empty; write a few words");
    if (text.size() > max_bytes)
        return fmt::format("is {} bytes long; keep it under {} bytes", text.size(), max_bytes);
    if (!text::valid_utf8(text))
        return std::string("is not valid UTF-8 text; check your terminal's encoding");
    const auto bad = text::find_control(text, lines == Lines::many);
    if (!bad) return std::nullopt;
    if (bad->code == '\n' || bad->code == '\t')
        return fmt::format("holds a {} ({}, character {}); keep it to one line",
                           bad->code == '\n' ? "line break" : "tab", text::code_name(bad->code),
                           bad->character);
    return fmt::format("holds a control character ({}, character {}); use plain text",
                       text::code_name(bad->code), bad->character);
}

bool is_journal_kind(std::string_view kind) {
    return std::find(journal_kinds.begin(), journal_kinds.end(), kind) != journal_kinds.end();
}

namespace {

// The first problem of several checks, each already naming its field.
struct Problems {
    std::optional<std::string> first;

    void text(std::string_view field, std::string_view value, std::size_t max, Lines lines) {
        if (first) return;
        if (auto p = text_problem(value, max, lines)) first = fmt::format("{} {}", field, *p);
    }
    void opt_text(std::string_view field, const std::optional<std::string>& value, std::size_t max,
                  Lines lines) {
        if (value) text(field, *value, max, lines);
    }
    void note(std::string_view field, const std::optional<std::string>& value) {
        opt_text(field, value, long_text_max, Lines::many);
    }
    void day(std::string_view field, Day d) {
        if (first || in_range(d)) return;
        first = fmt::format("{} {} is outside the days kint keeps ({} to {})", field, format_day(d),
                            format_day(first_day), format_day(last_day));
    }
    void opt_day(std::string_view field, const std::optional<Day>& d) {
        if (d) day(field, *d);
    }
    void order(std::string_view field, Day d, std::string_view other, Day earliest) {
        if (first || d >= earliest) return;
        first =
            fmt::format("{} {} is before {} {}", field, format_day(d), other, format_day(earliest));
    }
    void rule(bool broken, std::string_view what) {
        if (!first && broken) first = std::string(what);
    }
};

} // namespace

std::optional<std::string> intention_problem(const Intention& i) {
    Problems p;
    p.text("text", i.text, short_text_max, Lines::one);
    p.opt_text("group", i.group, short_text_max, Lines::one);
    p.opt_text("catalogue_id", i.catalogue_id, short_text_max, Lines::one);
    p.day("created", i.created);
    p.opt_day("archived_on", i.archived_on);
    if (i.archived_on) p.order("archived_on", *i.archived_on, "its created", i.created);
    return p.first;
}

std::optional<std::string> cue_problem(const Cue& c) {
    Problems p;
    p.text("trigger", c.trigger, short_text_max, Lines::one);
    p.day("created", c.created);
    p.opt_day("archived_on", c.archived_on);
    if (c.archived_on) p.order("archived_on", *c.archived_on, "its created", c.created);
    p.rule(c.steps.empty(), "steps is empty: a cue needs its behavior");
    Day earliest = c.created;
    for (std::size_t k = 0; k < c.steps.size(); ++k) {
        const auto& s = c.steps[k];
        const auto at = fmt::format("steps[{}]", k);
        p.text(at + ".behavior", s.behavior, short_text_max, Lines::one);
        p.note(at + ".note", s.note);
        p.day(at + ".day", s.day);
        p.order(at + ".day", s.day, k == 0 ? "the cue's created" : "the step before,", earliest);
        earliest = s.day;
        if (s.measure) {
            p.rule(!(s.measure->target > 0),
                   fmt::format("{}.target {} should be more than 0", at, s.measure->target));
            if (!s.measure->unit.empty())
                p.text(at + ".unit", s.measure->unit, short_text_max, Lines::one);
        }
    }
    const auto per_days = [&](std::string_view at, const Schedule& days, bool per) {
        p.rule(per && !days.is_daily(),
               fmt::format("{}days is {} but per is set: a cue counted per period may happen on "
                           "any day (days daily)",
                           at, days.to_string()));
    };
    per_days("", c.days, c.per.has_value());
    // Earlier plans (cue edit), oldest first: each in force until its `until`, after creation.
    Day plan_from = c.created;
    for (std::size_t k = 0; k < c.plans.size(); ++k) {
        const auto& plan = c.plans[k];
        const auto at = fmt::format("plans[{}]", k);
        p.day(at + ".until", plan.until);
        p.rule(plan.until <= plan_from,
               fmt::format("{}.until {} should be after {} {} (plans oldest first, each covering "
                           "a day)",
                           at, format_day(plan.until),
                           k == 0 ? "the cue's created" : "the plan before, until",
                           format_day(plan_from)));
        plan_from = plan.until;
        p.text(at + ".trigger", plan.trigger, short_text_max, Lines::one);
        per_days(at + ".", plan.days, plan.per.has_value());
    }
    std::optional<Day> free_from = c.created; // the first day the next pause may start
    bool open = false;
    for (std::size_t k = 0; k < c.pauses.size(); ++k) {
        const auto& pause = c.pauses[k];
        const auto at = fmt::format("pauses[{}]", k);
        p.day(at + ".from", pause.from);
        p.opt_day(at + ".until", pause.until);
        if (pause.until) p.order(at + ".until", *pause.until, "its from", pause.from);
        p.rule(open, fmt::format("{} follows a pause that never ended", at));
        if (free_from)
            p.order(at + ".from", pause.from,
                    k == 0 ? "the cue's created" : "the end of the pause before,", *free_from);
        free_from = pause.until;
        open = !pause.until;
    }
    if (c.status == CueStatus::paused)
        p.rule(!open, "status is paused but no pause is open (a pause with until null)");
    else
        p.rule(open, fmt::format("status is {} but the last pause never ended (until null)",
                                 to_string(c.status)));
    if (c.status == CueStatus::archived)
        p.rule(!c.archived_on, "status is archived but archived_on is null");
    else
        p.rule(c.archived_on.has_value(),
               fmt::format("status is {} but archived_on is set", to_string(c.status)));
    return p.first;
}

std::optional<std::string> log_problem(const LogEntry& e) {
    Problems p;
    p.day("day", e.day);
    p.note("note", e.note);
    if (e.amount)
        p.rule(!(*e.amount >= 0), fmt::format("amount {} should be 0 or more", *e.amount));
    return p.first;
}

std::optional<std::string> rating_problem(const Rating& r) {
    Problems p;
    p.day("day", r.day);
    p.rule(r.value < 0 || r.value > 10, "value should be 0-10");
    p.note("note", r.note);
    return p.first;
}

std::optional<std::string> journal_problem(const JournalEntry& e) {
    Problems p;
    p.day("day", e.day);
    p.text("text", e.text, long_text_max, Lines::many);
    for (const auto& tag : e.tags)
        p.rule(!text::is_tag(tag),
               fmt::format("tags holds '{}'; a tag is one word of lowercase letters, digits, - "
                           "or _",
                           text::sanitize_line(tag)));
    if (e.kind)
        p.rule(!is_journal_kind(*e.kind),
               fmt::format("kind '{}' should be actionable, understanding or acceptance",
                           text::sanitize_line(*e.kind)));
    p.opt_text("prompt", e.prompt, short_text_max, Lines::one);
    return p.first;
}

std::optional<std::string> session_problem(const Session& s) {
    Problems p;
    p.day("day", s.day);
    p.note("note", s.note);
    return p.first;
}

namespace {
template <typename Record, typename Check>
std::optional<std::string> first_in(std::string_view table, const std::vector<Record>& records,
                                    Check check) {
    for (std::size_t i = 0; i < records.size(); ++i)
        if (auto p = check(records[i])) return fmt::format("{}[{}].{}", table, i, *p);
    return std::nullopt;
}
} // namespace

std::optional<std::string> snapshot_problem(const exchange::Snapshot& s) {
    if (auto p = first_in("intentions", s.intentions, intention_problem)) return p;
    if (auto p = first_in("cues", s.cues, cue_problem)) return p;
    if (auto p = first_in("logs", s.logs, log_problem)) return p;
    if (auto p = first_in("ratings", s.ratings, rating_problem)) return p;
    if (auto p = first_in("journal", s.journal, journal_problem)) return p;
    return first_in("sessions", s.sessions, session_problem);
}

} // namespace kint::validate
