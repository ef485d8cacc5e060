#include "kint/app/trail.hpp"

#include "kint/app/lookup.hpp"
#include "kint/app/strength.hpp"

#include <algorithm>

namespace kint::app {

using std::chrono::days;

namespace {

// The weeks of `span` the store keeps with their checkpoints (each of `ends`, the span's week
// ends, from the first on, while every one is there with its marks), or none where they cannot
// serve: weeks that end on another day than Sunday (the checkpoints' day), or a cue whose plan
// today is --per N/Md (today's mark weighs the whole span's done days against its target).
std::vector<trail_view::KeptWeek> kept_weeks(const store::Store& store, const Cue& cue,
                                             const trail_view::Period& span,
                                             const std::vector<Day>& ends, Day today,
                                             const config::Config& cfg) {
    std::vector<trail_view::KeptWeek> out;
    if (cfg.week_starts != 0 || ends.empty()) return out;
    if (const auto& per = cue.plan_on(today).per;
        per && !per->week && cue.plan_on(today).kind != CueKind::if_)
        return out;
    const Day last = std::min(strength::last_checkpoint_day(today), span.to);
    if (ends.front() > last) return out;
    const auto weeks = store.marked_weeks(cue.id, {ends.front(), last});
    out.reserve(weeks.size());
    for (std::size_t i = 0; i < weeks.size() && i < ends.size(); ++i) {
        const auto& w = weeks[i];
        if (w.checkpoint.day != ends[i] || !w.marks || !trail_view::whole_week(*w.marks)) break;
        out.push_back({w.checkpoint, *w.marks});
    }
    return out;
}

} // namespace

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
    const review::DayValues mood(
        store.rating_values({span.from, span.to + days{1}}, RatingKind::mood));
    sink.begin(trail_view::frame(cues, mood, store.sessions(), since, until, today, cfg));
    const long_view::MoodRow mood_row(mood, span.from, span.to + days{1});
    // One cue at a time: its entries are read, drawn and let go before the next one's.
    for (auto& c : cues) {
        const auto cue_span = *trail_view::span_of(c, since, until, today);
        const auto ends = trail_view::week_ends(cue_span, cfg.week_starts);
        // The weeks the store keeps: a row a week up to the latest checkpoint, the entries after.
        auto kept = kept_weeks(store, c, cue_span, ends, today, cfg);
        if (!kept.empty()) {
            auto logged = store.log_trail(
                c.id, {strength::reads_from(c, kept.back().checkpoint.day + days{1}), cue_span.to});
            sink.cue(trail_view::cue_trail(
                {std::move(c), std::move(logged), std::nullopt, std::move(kept)}, cue_span,
                mood_row, today, cfg));
            continue;
        }
        // The strength's pass begins at the checkpoint before the first week's end shown.
        const auto start = ends.empty() || cue_span.from == c.created
                               ? StrengthStart{std::nullopt, c.created}
                               : strength_start(store, c, ends.front(), today);
        auto logged =
            store.log_trail(c.id, {std::min(cue_span.from, start.reads_from), cue_span.to});
        sink.cue(trail_view::cue_trail({std::move(c), std::move(logged), start.checkpoint, {}},
                                       cue_span, mood_row, today, cfg));
    }
    sink.end();
}

} // namespace kint::app
