#include "kint/app/today.hpp"

#include "kint/app/lookup.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/domain/trail.hpp"

#include <algorithm>

namespace kint::app {

TodayView today(const store::Store& store, const config::Config& cfg, Day day, bool with_history) {
    TodayView v;
    v.day = day;
    v.focus = store.focused_intention();
    if (!v.focus) v.has_intentions = !store.intentions(false).empty();
    const auto logs = store.logs({DayRange{day, day}, std::nullopt});
    for (auto& c : store.cues(false, /*current_step_only=*/!with_history)) {
        if (!c.scheduled_on(day)) continue;
        const auto days = trail::effective(logs, c.id);
        std::optional<LogStatus> status;
        if (auto it = days.find(day); it != days.end()) status = it->second;
        v.cues.push_back({std::move(c), status});
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
