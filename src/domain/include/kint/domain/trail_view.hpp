#pragma once
// kint trail (SPEC §7.4): a cue's whole life day by day, its strength at each week's end, its
// steps and pauses, the sessions and the weekly mean mood beside it. Pure: the caller loads each
// cue's entries (and a strength checkpoint where the span starts late), this builds the view.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/long_view.hpp"
#include "kint/domain/review.hpp"
#include "kint/domain/strength.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kint::trail_view {

using review::Period;

// A day of a cue's trail, by the plan in force that day (review::cue_report's calendar):
//   - done: done (a measured step met), or done on a day off the schedule;
//   - skip, slip: as logged; a measured step logged done short of its target reads slip;
//   - missed: a scheduled day that is over with no entry;
//   - paused: a day inside a pause;
//   - not_scheduled: off the schedule; an if-then day without entry (the situation did not
//     arise, never missed); a --per day without entry (a week short of its target is the
//     review's figure, not any one day's);
//   - open: today, due and not logged yet.
enum class Status { done, skip, slip, missed, paused, not_scheduled, open };
std::string_view to_string(Status s);
Status status_of(const Cue& cue, Day day, review::DayMark mark);

// The days of `cue`'s life shown for --since/--until (both optional) and `today`: from its
// creation (or `since`) to `until` or today, whichever is earlier, and before its archiving day.
// nullopt when nothing of its life falls there.
std::optional<Period> span_of(const Cue& cue, std::optional<Day> since, std::optional<Day> until,
                              Day today);

// The last day of each week (weeks begin on `week_starts`, 0 = Monday) inside `p`.
std::vector<Day> week_ends(const Period& p, int week_starts);

struct CueTrail {
    Cue cue;
    Period span;
    std::vector<Status> days;                   // every day of the span, span.from's first
    std::vector<strength::Checkpoint> strength; // S at each week's end in the span
    std::vector<Step> steps;                    // the steps taken in the span (oldest first)
    std::vector<Pause> pauses;                  // the pauses overlapping the span
    long_view::MoodLink mood_link;              // mood beside this cue over the span
    int done_days = 0;
};

// A week's marks in one number: the review::DayMark of each day, Monday in bits 0-3 to Sunday in
// bits 24-27 (a day outside `calendar` is not_scheduled). The store keeps one with each strength
// checkpoint (app::keep_strength), for the week that ends on it.
std::uint32_t pack_week(const std::vector<std::pair<Day, review::DayMark>>& calendar, Day sunday);
// The mark of day `i` (0 = Monday) of a packed week; nullopt for a number no week packs to.
std::optional<review::DayMark> unpack_day(std::uint32_t week, int i);
// Whether every day of a packed week is a mark (unpack_day has a value for each): no bit above
// the seven days, no day above DayMark::unmet (9: a day's bits 8 and 4 or 2). No branch a day.
constexpr bool whole_week(std::uint32_t week) {
    static_assert(static_cast<int>(review::DayMark::unmet) == 9);
    const std::uint32_t eights = week & 0x8888888U;
    const std::uint32_t fours_or_twos = ((week & 0x4444444U) << 1) | ((week & 0x2222222U) << 2);
    return (week & 0xF0000000U) == 0 && (eights & fours_or_twos) == 0;
}

// A week kept with its strength checkpoint: S at its end (a Sunday) and its days' marks.
struct KeptWeek {
    strength::Checkpoint checkpoint;
    std::uint32_t marks = 0;
};

// One cue's entries as loaded: from its creation (or from `checkpoint`'s reads_from, see
// app::strength_start) to the span's end, by day. Or, where the store keeps its weeks: `kept`,
// every week's end of the span from the first one on, in order, up to a checkpoint before
// today, and `trail` from reads_from(cue, the day after the last of them) on.
struct CueInput {
    Cue cue;
    strength::Trail trail;
    std::optional<strength::Checkpoint> checkpoint;
    std::vector<KeptWeek> kept;
};

// What the whole view shares, around its cues: the days it covers, the sessions and the weekly
// mood. A trail is written frame first, then one cue at a time (only one cue's days are held).
struct Frame {
    Period span; // every cue's span together (or since..until when there is no cue)
    Day today;
    int week_starts = 0;
    std::vector<Session> sessions;               // in the span
    std::vector<long_view::MoodWeek> mood_weeks; // each week touching the span
};

struct View : Frame {
    std::vector<CueTrail> cues;
};

// Where a trail goes as it is built: the frame, each cue's trail in turn, then the end.
class Sink {
  public:
    virtual ~Sink() = default;
    virtual void begin(const Frame& frame) = 0;
    virtual void cue(const CueTrail& trail) = 0;
    virtual void end() = 0;
};

// One cue's trail over `span`. `mood`: the mood of each day of the span and the day after it
// (mood_link's next day), read once for every cue of the view.
CueTrail cue_trail(const CueInput& in, const Period& span, const long_view::MoodRow& mood,
                   Day today, const config::Config& config);

// The days the whole view covers: every span of `cues` together, or since..until (cut to today)
// when none has one.
Period view_span(const std::vector<Cue>& cues, std::optional<Day> since, std::optional<Day> until,
                 Day today);

// The frame of the view of `cues`: its span, the sessions in it, and the weekly mood of
// `mood` (the mood of each day, review::mood_by_day).
Frame frame(const std::vector<Cue>& cues, const review::DayValues& mood,
            const std::vector<Session>& sessions, std::optional<Day> since,
            std::optional<Day> until, Day today, const config::Config& config);

// The view whole: the frame, and every cue of `cues` with a span (a cue with none is left out).
// Each cue's `logs` as loaded (see CueInput); `ratings`: mood over the span and the day after it.
struct CueLogs {
    Cue cue;
    std::vector<LogEntry> logs;
    std::optional<strength::Checkpoint> checkpoint;
};
View build(const std::vector<CueLogs>& cues, const std::vector<Rating>& ratings,
           const std::vector<Session>& sessions, std::optional<Day> since, std::optional<Day> until,
           Day today, const config::Config& config);

} // namespace kint::trail_view
