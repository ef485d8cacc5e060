#include "kint/app/today.hpp"

#include "kint/app/lookup.hpp"
#include "kint/domain/period.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/domain/trail.hpp"

#include <algorithm>

namespace kint::app {

namespace {
// Resumed today: the cue's latest pause ended with today as its last day (cue_set_status ends a
// pause the day after the resume unless the day is done).
bool resumed_today(const Cue& cue, Day day) {
    if (cue.status != CueStatus::active || cue.pauses.empty()) return false;
    const auto latest =
        std::max_element(cue.pauses.begin(), cue.pauses.end(),
                         [](const Pause& a, const Pause& b) { return a.from < b.from; });
    if (!latest->until || *latest->until != day + std::chrono::days{1} || !latest->covers(day))
        return false;
    Cue unpaused = cue;
    unpaused.pauses.clear();
    return unpaused.scheduled_on(day);
}
} // namespace

TodayView today(const store::Store& store, const config::Config& cfg, Day day, bool with_history) {
    TodayView v;
    v.day = day;
    v.focus = store.focused_intention();
    if (!v.focus) v.has_intentions = !store.intentions(false).empty();
    const auto logs = store.logs({DayRange{day, day}, std::nullopt});
    for (auto& c : store.cues(false, /*current_step_only=*/!with_history)) {
        const bool resumed = resumed_today(c, day);
        if (!c.scheduled_on(day) && !resumed) continue;
        const auto days = trail::effective(logs, c.id);
        TodayCue t{std::move(c), std::nullopt};
        if (auto it = days.find(day); it != days.end()) t.status = it->second;
        for (const auto& e : logs)
            if (e.cue_id == t.cue.id && e.status == LogStatus::done) t.amount = e.amount;
        const auto& cue = t.cue;
        if (cue.per && cue.kind != CueKind::if_) t.remaining = per_remaining(store, cfg, cue, day);
        t.resumed = resumed;
        t.due = cue.kind != CueKind::if_ && (t.status || (!resumed && t.remaining.value_or(1) > 0));
        v.cues.push_back(std::move(t));
    }
    std::stable_sort(v.cues.begin(), v.cues.end(), [](const TodayCue& a, const TodayCue& b) {
        return a.cue.at.value_or(24 * 60) < b.cue.at.value_or(24 * 60);
    });
    for (const auto& r : store.ratings(DayRange{day, day}))
        (r.kind == RatingKind::mood ? v.mood : v.energy) = r;
    const auto sessions = store.sessions();
    v.phase = phases::timeline_position(cfg.timeline, sessions, day);
    const auto moods = recent_mood(store, cfg.safety, day);
    v.safety = safety::check_recent(moods, cfg.safety, day);
    v.check_in = safety::check_in(moods, cfg.safety, day);
    v.prompts = prompts::for_day(cfg.prompts, phases::phase_tag(v.phase, sessions, day), day, 1,
                                 /*gentle=*/v.safety.triggered);
    v.safety_rule = cfg.safety;
    v.no_session = cfg.guidance.no_session;
    return v;
}

} // namespace kint::app
