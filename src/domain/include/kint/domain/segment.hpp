#pragma once
// What the prompt segment knows about a store, and the cache of it the prompt reads instead of
// SQLite. Pure: facts in, counts or text out; the cache's file and its stamp live in src/cli.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/safety.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::segment {

struct CueFacts {
    Schedule days;
    Day created;
    std::optional<Day> archived_on;
    std::vector<Pause> pauses;
    std::optional<Day> last_done; // the latest day logged done or skip
    bool situation = false;       // an if-then cue: never due (logged when it comes up)
    // A --per cue: due only while its period's target is not met, so its done days are kept
    // (the newest per_days_kept days of them, oldest first).
    std::optional<Per> per = std::nullopt;
    std::vector<Day> done_days = {};
    // A timed cue (not an if-then one): its clock time, the latest day with any entry (a slip
    // too: a slip logged is an answer) and its behavior, which the prompt names once it is due.
    std::optional<Minutes> at = std::nullopt;
    std::optional<Day> last_logged = std::nullopt;
    std::string behavior = {};
    bool scheduled_on(Day day) const;
};

// The done days the facts keep of a --per cue: enough for the longest window (today included).
inline constexpr int per_days_kept = per_max_days;

struct MoodFact {
    Day day;
    int value = 0;
    bool operator==(const MoodFact&) const = default;
};

// The mood ratings the facts keep: the newest, and those up to this many days before it. Enough
// for the safety rule and the check-in on any later day: a window that ends within the quiet
// days before that day starts at most max_low_mood_window - 1 days earlier.
inline constexpr int mood_days_kept = safety::quiet_days + config::max_low_mood_window - 1;

// Everything the segment shows, for any day from the latest one the store mentions on.
struct Facts {
    std::optional<Day> from;          // answers for this day and later only (see prune)
    std::optional<std::string> focus; // the focus intention's text
    std::vector<CueFacts> cues;       // the cues that are not archived
    std::vector<MoodFact> moods;      // see mood_days_kept; oldest first
    std::optional<Day> last_mood() const;
};

struct Today {
    int scheduled = 0, done = 0; // due today (a --per cue while its target is open), and logged
    bool mood_rated = false;
    bool note = false;     // the safety note stands (safety::check_recent)
    bool check_in = false; // a check-in is due (safety::check_in)
};
// Today's counts, or nullopt when the facts cannot tell: `today` is before `from`, or they name a
// day after `today` (a clock set back, or days logged ahead), so whether `today` itself has an
// entry is unknown. `rule`: the config's [safety] numbers, `week_starts` the config's first day of
// the week (0 = Monday; both from the hook cache at the prompt).
std::optional<Today> count(const Facts& facts, Day today, const config::Safety& rule = {},
                           int week_starts = 0);
// The timed cue the prompt names: the earliest whose time has come by `now` (in the kint day,
// which begins at `day_starts_at`) and that is still open today (scheduled, not paused, a --per
// target not met, no entry today), and how many more are; nullopt when none, or when count()
// cannot tell for `today`.
struct Due {
    std::string behavior;
    int more = 0;
};
std::optional<Due> due(const Facts& facts, Day today, Minutes now, Minutes day_starts_at,
                       int week_starts = 0);
// Whether the mood reminder is due at clock time `now`: from `after` until the kint day ends at
// `day_starts_at` (past midnight, the day being rated is still the one before). All in minutes
// after midnight.
bool mood_reminder_due(Minutes now, Minutes after, Minutes day_starts_at);

// Keeps only what days from `from` on need: pauses over by then go (ten years of them would
// otherwise be read at every prompt), moods too old for the rule go, done days of --per cues
// before any window from `from` on go, and the facts answer for those days only.
void prune(Facts& facts, Day from);

// The cache file: the stamp of the store it was read from, then the facts. parse() gives nullopt
// unless the text is whole and its stamp equals `stamp` (the store is exactly as it was then).
std::string format_cache(std::string_view stamp, const Facts& facts);
std::optional<Facts> parse_cache(std::string_view text, std::string_view stamp);
// Whether `text` is a cache of the store as `stamp` finds it, from its first lines and its end
// only: what a command asks after each write, where parse_cache() is the prompt's check before
// it shows anything. (The file is replaced whole, never written in place.)
bool cache_is_current(std::string_view text, std::string_view stamp);

} // namespace kint::segment
