#include "kint/app/strength.hpp"

#include "kint/domain/review.hpp"
#include "kint/domain/trail_view.hpp"

#include <algorithm>

namespace kint::app {

using std::chrono::days;

void keep_strength(store::Store& store, Day today) {
    if (!store.has_schema(4)) return;
    const Day last = strength::last_checkpoint_day(today);
    const auto through = store.strength_through();
    // Most writes: every cue's checkpoints reach last week's end already, none was cleared, nor
    // a block of mood.
    if (!store.strength_moved() && !store.mood_moved() && through == last) return;
    if (through && *through > last) store.forget_strength_after(last); // the day went back
    for (const Id id : store.strength_behind(last)) {
        const auto cue = store.cue(id);
        if (!cue) continue;
        const auto from = store.strength_checkpoint(id, last);
        const Day begin = from ? from->day + days{1} : cue->created;
        const auto wanted = strength::checkpoint_days(begin, last);
        if (wanted.empty()) continue;
        const auto logs = store.logs({DayRange{strength::reads_from(*cue, begin), last}, id});
        const auto trail = strength::trail_of(logs, id);
        const auto values = strength::at(*cue, trail, cue->created, today, wanted, from);
        // Each week's marks beside its strength (kint trail's days), by the review's one rule.
        const auto marks = review::calendar(*cue, trail, {begin, last}, today, 0);
        std::vector<strength::Checkpoint> points;
        std::vector<std::uint32_t> weeks;
        points.reserve(wanted.size());
        weeks.reserve(wanted.size());
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            points.push_back({wanted[i], values[i]});
            weeks.push_back(trail_view::pack_week(marks, wanted[i]));
        }
        store.put_strength(id, points, weeks);
    }
    store.keep_mood(last);
    store.set_strength_through(last);
}

StrengthStart strength_start(const store::Store& store, const Cue& cue, Day first_wanted,
                             Day today) {
    // A checkpoint before today only: today's own S is not over yet.
    const Day latest = std::min(first_wanted, today - days{1});
    auto checkpoint =
        latest >= cue.created ? store.strength_checkpoint(cue.id, latest) : std::nullopt;
    const Day reads =
        checkpoint ? strength::reads_from(cue, checkpoint->day + days{1}) : cue.created;
    return {checkpoint, reads};
}

} // namespace kint::app
