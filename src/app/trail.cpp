#include "kint/app/trail.hpp"

#include "kint/app/lookup.hpp"
#include "kint/app/strength.hpp"

#include <algorithm>

namespace kint::app {

using std::chrono::days;

void trail(const store::Store& store, const config::Config& cfg, Day today,
           const TrailRequest& request, trail_view::Sink& sink) {
    const auto since = request.since, until = request.until;
    if (since && until) review::range_period(*since, *until);
    std::vector<Cue> cues;
    if (request.cue)
        cues.push_back(cue_or_throw(store, *request.cue));
    else
        cues = store.cues(false);
    std::erase_if(cues, [&](const Cue& c) { return !trail_view::span_of(c, since, until, today); });

    const auto span = trail_view::view_span(cues, since, until, today);
    // The day after the span too: mood_link's next day.
    const review::DayValues mood =
        store.rating_values({span.from, span.to + days{1}}, RatingKind::mood);
    sink.begin(trail_view::frame(cues, mood, store.sessions(), since, until, today, cfg));
    // One cue at a time: its entries are read, drawn and let go before the next one's.
    for (auto& c : cues) {
        const auto cue_span = *trail_view::span_of(c, since, until, today);
        // The strength's pass begins at the checkpoint before the first week's end shown.
        const auto ends = trail_view::week_ends(cue_span, cfg.week_starts);
        const auto start = ends.empty() || cue_span.from == c.created
                               ? StrengthStart{std::nullopt, c.created}
                               : strength_start(store, c, ends.front(), today);
        auto logged =
            store.log_trail(c.id, {std::min(cue_span.from, start.reads_from), cue_span.to});
        sink.cue(trail_view::cue_trail({std::move(c), std::move(logged), start.checkpoint},
                                       cue_span, mood, today, cfg));
    }
    sink.end();
}

} // namespace kint::app
