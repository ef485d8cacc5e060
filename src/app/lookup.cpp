#include "kint/app/lookup.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/period.hpp"
#include "kint/domain/safety.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kint::app {

Intention intention_or_throw(const store::Store& store, Id id) {
    auto i = store.intention(id);
    if (!i)
        throw NotFound(fmt::format("there is no intention {}; see 'kint intent list --all'", id));
    return *i;
}

namespace {
Cue found(std::optional<Cue> cue, Id id) {
    if (!cue) throw NotFound(fmt::format("there is no cue {}; see 'kint cue list --all'", id));
    return std::move(*cue);
}
} // namespace

Cue cue_or_throw(const store::Store& store, Id id) {
    return found(store.cue(id), id);
}

Cue cue_or_throw(const store::Store& store, Id id,
                 const std::function<Day(const Cue&)>& steps_from) {
    return found(store.cue(id, steps_from), id);
}

void refuse_if_archived(const Cue& cue) {
    if (cue.status == CueStatus::archived)
        throw UsageError(fmt::format("cue {} is archived; its history is kept but closed. To take "
                                     "it up again, place a new cue with 'kint cue add'",
                                     cue.id));
}

std::vector<Rating> recent_mood(const store::Store& store, const config::Safety& rule, Day today) {
    safety::RecentRun run(rule, today);
    return store.ratings_back_from(today, RatingKind::mood,
                                   [&](const Rating& r) { return run.take(r); });
}

int per_remaining(const store::Store& store, const config::Config& cfg, const Cue& cue, Day day) {
    const Per& per = *cue.per;
    // The period's done days: one indexed range of this cue's entries.
    std::vector<Day> done;
    const auto& measure = cue.measure();
    for (const auto& e :
         store.logs({DayRange{period::counted_from(per, day, cfg.week_starts), day}, cue.id}))
        if (period::counts_done(e, measure)) done.push_back(e.day);
    // Counted from the day this plan began (cue edit), not under an earlier one.
    const Day since =
        cue.plans.empty() ? cue.created : std::max(cue.created, cue.plans.back().until);
    return period::remaining(per, done, day, cfg.week_starts, since);
}

bool young_cue_active(const store::Store& store, Day day) {
    for (const auto& c : store.cues(false, /*current_step_only=*/true))
        if (c.status == CueStatus::active && (day - c.created).count() < 14) return true;
    return false;
}

} // namespace kint::app
