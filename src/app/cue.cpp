#include "kint/app/cue.hpp"

#include "kint/app/lookup.hpp"
#include "kint/core/error.hpp"
#include "kint/core/text.hpp"
#include "kint/domain/phases.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace kint::app {

namespace {

// Targets are kept, shown and exported to three decimals (an export must import again): a
// target that rounds to 0 there is refused, and one beyond a billion too.
void check_measure(std::optional<Measure>& m) {
    if (m && !(std::isfinite(m->target) && m->target >= 0.0005 && m->target <= 1e9))
        throw UsageError("--target takes a number from 0.001 to 1000000000, e.g. --target 10 "
                         "--unit min");
    if (m) m->target = std::round(m->target * 1000) / 1000;
}

// An if-then cue is a situation: it has no count per week to reach.
void refuse_if_per(CueKind kind, const std::optional<Per>& per) {
    if (kind == CueKind::if_ && per)
        throw UsageError("an if-then cue counts the times its situation comes, not N per week; "
                         "leave out --per (or give --days daily)");
}

std::string stored_trigger(CueKind kind, std::string_view trigger) {
    if (kind == CueKind::time) return std::string(trigger);
    auto stored = text::strip_lead_in(trigger);
    std::string word = stored;
    for (char& c : word)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Only the word kint puts before a trigger itself would show twice ("at at").
    for (std::string_view lead : {"after", "if", "at", "when"})
        if (word == lead)
            throw UsageError(fmt::format("'{}' is the word kint puts before a cue itself; give the "
                                         "words that follow it, e.g. \"I pour my coffee\"",
                                         stored));
    return stored;
}

} // namespace

CueView cue_view(Cue cue, const config::Config& cfg, Day today) {
    const auto* phase = phases::habit_phase(cfg.habit_phases, cue.created, today);
    const int week = phases::habit_week(cue.created, today);
    return {std::move(cue), phase, week};
}

CueList cue_list(const store::Store& store, const config::Config& cfg, Day today, bool all) {
    CueList out;
    for (auto& c : store.cues(all))
        out.cues.push_back(cue_view(std::move(c), cfg, today));
    return out;
}

CueAdded cue_add(store::Store& store, const config::Config& cfg, Day today,
                 const CueAddRequest& request) {
    store::NewCue nc = request.cue;
    nc.trigger = stored_trigger(nc.kind, nc.trigger);
    check_measure(nc.measure);
    refuse_if_per(nc.kind, nc.per);
    if (request.intention) {
        const auto i = intention_or_throw(store, *request.intention);
        if (i.archived)
            throw UsageError(fmt::format("intention {} is archived; choose an active one "
                                         "('kint intent list')",
                                         i.id));
        nc.intention_id = i.id;
    } else {
        auto focus = store.focus();
        if (!focus)
            throw UsageError("there is no focus intention; add one ('kint intent add') or pass "
                             "--intent ID");
        nc.intention_id = *focus;
    }
    std::string note = young_cue_active(store, today) ? cfg.guidance.second_cue : std::string();
    Id id = 0;
    store.write([&] { id = store.add_cue(nc); });
    return {cue_view(cue_or_throw(store, id), cfg, today), std::move(note)};
}

CueShown cue_show(const store::Store& store, const config::Config& cfg, Day today, Id id) {
    auto c = cue_or_throw(store, id);
    auto intention = store.intention(c.intention_id);
    return {cue_view(std::move(c), cfg, today), std::move(intention), today};
}

CueStepped cue_step(store::Store& store, const config::Config& cfg, Day today,
                    const CueStepRequest& request) {
    const auto before = cue_or_throw(store, request.id);
    refuse_if_archived(before);
    if (!request.behavior && !request.target && !request.unit && !request.at_most)
        throw UsageError(
            "nothing to change; give the new behavior or a new --target, e.g. "
            "kint cue step ID \"write two sentences\" or kint cue step ID --target 15");
    const std::string behavior = request.behavior.value_or(before.behavior());
    std::optional<Measure> measure = before.measure();
    if (request.target) {
        if (!measure) measure = Measure{};
        measure->target = *request.target;
    }
    if ((request.unit || request.at_most) && !measure)
        throw UsageError(fmt::format("cue {} has no target yet; give one with --target, e.g. "
                                     "--target 10 --unit min",
                                     before.id));
    if (request.unit) measure->unit = *request.unit;
    if (request.at_most) measure->at_most = *request.at_most;
    check_measure(measure);
    const bool changed = behavior != before.behavior() || measure != before.measure();
    if (changed)
        store.write([&] {
            store.add_step(before.id, Step{today, behavior, request.note, measure});
        });
    return {cue_view(cue_or_throw(store, request.id), cfg, today), before.behavior(),
            before.measure(), changed};
}

CueEdited cue_edit(store::Store& store, const config::Config& cfg, Day today,
                   const CueEditRequest& request) {
    const auto before = cue_or_throw(store, request.id);
    refuse_if_archived(before);
    const auto& r = request;
    if (!r.trigger && !r.kind && !r.at && !r.no_at && !r.days && !r.per && !r.since)
        throw UsageError("nothing to change; give --trigger, --kind, --at, --no-at, --days, --per "
                         "or --since, e.g. kint cue edit ID --at 07:30");
    if (r.at && r.no_at) throw UsageError("--at and --no-at exclude each other; give one");
    if (r.days && r.per)
        throw UsageError("--days and --per exclude each other: a --per cue may happen any day");
    Cue edited = before;
    edited.kind = r.kind.value_or(before.kind);
    if (r.at) edited.at = r.at;
    if (r.no_at) edited.at.reset();
    if (edited.kind == CueKind::time) {
        if (r.trigger)
            throw UsageError("a time cue's trigger is its time; change it with --at HH:MM");
        if (!edited.at)
            throw UsageError("a time cue needs its time; give --at HH:MM, e.g. --at 07:30");
        edited.trigger = format_clock(*edited.at);
    } else if (r.trigger) {
        edited.trigger = stored_trigger(edited.kind, *r.trigger);
    } else if (before.kind == CueKind::time) {
        throw UsageError(fmt::format("--kind {} needs the words of its cue; give --trigger, e.g. "
                                     "--trigger \"I pour my coffee\"",
                                     to_string(edited.kind)));
    }
    if (r.days) {
        edited.days = *r.days;
        edited.per.reset();
    }
    if (r.per) {
        edited.per = r.per;
        edited.days = Schedule::daily();
    }
    refuse_if_per(edited.kind, edited.per);
    if (edited.kind == CueKind::if_) {
        // A situation has no days: it counts whenever it comes up.
        if (r.days)
            throw UsageError("an if-then cue counts when its situation comes up, on any day; "
                             "leave out --days");
        edited.days = Schedule::daily();
    }
    if (r.since) {
        if (*r.since > today)
            throw UsageError(fmt::format("--since {} is after today ({}); a cue begins on a day "
                                         "that has happened",
                                         format_day(*r.since), format_day(today)));
        // Later would leave its first step, plans or entries before the cue began.
        if (*r.since > before.created)
            throw UsageError(
                fmt::format("--since moves cue {}'s first day earlier; it began on {}, "
                            "so give that day or an earlier one (to start afresh "
                            "later, place a new cue)",
                            before.id, format_day(before.created)));
        edited.created = *r.since;
    }
    const bool plan_changed = !(edited.plan() == before.plan());
    const bool changed = plan_changed || edited.created != before.created;
    // As Store::edit_cue: the old plan is kept when it was in force on a day before today.
    const Day began = before.plans.empty() ? before.created : before.plans.back().until;
    const bool kept = plan_changed && began < today && today > edited.created;
    if (changed) store.write([&] { store.edit_cue(edited, today); });
    return {cue_view(cue_or_throw(store, before.id), cfg, today), before.plan(), before.created,
            changed, kept};
}

CueStatusChanged cue_set_status(store::Store& store, const config::Config& cfg, Day today, Id id,
                                CueStatus target) {
    const auto before = cue_or_throw(store, id);
    if (target != CueStatus::archived) refuse_if_archived(before);
    const bool changed = before.status != target;
    bool from_tomorrow = false;
    if (changed)
        store.write([&] {
            if (target == CueStatus::paused) {
                const auto logged = store.logs({DayRange{today, today}, before.id});
                from_tomorrow = before.scheduled_on(today) &&
                                std::any_of(logged.begin(), logged.end(), [](const LogEntry& e) {
                                    return e.status == LogStatus::done;
                                });
                store.pause_cue(before.id, from_tomorrow
                                               ? add_days(today, 1, "a pause that begins tomorrow")
                                               : today);
            }
            if (target == CueStatus::active) {
                // A resume in the evening must not leave the rest of the day to count as
                // missed: the pause ends tomorrow, and the day counts once it is done (app::log
                // ends the pause on it then). Already done today: it counts from today.
                const auto logged = store.logs({DayRange{today, today}, before.id});
                const bool done = std::any_of(logged.begin(), logged.end(), [](const LogEntry& e) {
                    return e.status == LogStatus::done;
                });
                const bool paused_before =
                    std::any_of(before.pauses.begin(), before.pauses.end(),
                                [&](const Pause& p) { return !p.until && p.from < today; });
                from_tomorrow = paused_before && !done;
                store.resume_cue(before.id, from_tomorrow
                                                ? add_days(today, 1, "the day after the resume")
                                                : today);
            }
            if (target == CueStatus::archived) {
                if (before.status == CueStatus::paused) store.resume_cue(before.id, today);
                store.archive_cue(before.id, today);
            }
        });
    return {cue_view(cue_or_throw(store, id), cfg, today), target, changed, from_tomorrow};
}

} // namespace kint::app
