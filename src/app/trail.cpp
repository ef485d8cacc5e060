#include "kint/app/trail.hpp"

#include "kint/app/lookup.hpp"
#include "kint/app/strength.hpp"

#include <algorithm>

namespace kint::app {

using std::chrono::days;

trail_view::View trail(const store::Store& store, const config::Config& cfg, Day today,
                       const TrailRequest& request) {
    if (request.since && request.until) review::range_period(*request.since, *request.until);
    std::vector<Cue> cues;
    if (request.cue)
        cues.push_back(cue_or_throw(store, *request.cue));
    else
        cues = store.cues(false);

    std::vector<trail_view::CueInput> inputs;
    for (auto& c : cues) {
        const auto span = trail_view::span_of(c, request.since, request.until, today);
        if (!span) continue;
        // The strength's pass begins at the checkpoint before the first week's end shown.
        const auto ends = trail_view::week_ends(*span, cfg.week_starts);
        const auto start = ends.empty() || span->from == c.created
                               ? StrengthStart{std::nullopt, c.created}
                               : strength_start(store, c, ends.front(), today);
        auto logs = store.logs({{std::min(span->from, start.reads_from), span->to}, c.id});
        inputs.push_back({std::move(c), std::move(logs), start.checkpoint});
    }
    const auto span = trail_view::view_span(
        [&] {
            std::vector<Cue> plain;
            for (const auto& i : inputs)
                plain.push_back(i.cue);
            return plain;
        }(),
        request.since, request.until, today);
    // The day after the span too: mood_link's next day.
    const auto ratings = store.ratings({span.from, span.to + days{1}}, RatingKind::mood);
    return trail_view::build(inputs, ratings, store.sessions(), request.since, request.until, today,
                             cfg);
}

} // namespace kint::app
