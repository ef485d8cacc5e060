#include "kint/app/cue.hpp"

#include "kint/app/lookup.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/phases.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::app {

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
    const bool changed = request.behavior != before.behavior();
    if (changed)
        store.write([&] {
            store.add_step(before.id, Step{today, request.behavior, request.note});
        });
    return {cue_view(cue_or_throw(store, request.id), cfg, today), before.behavior(), changed};
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
