#pragma once
// The domain's plain records, as the store returns them and the domain code consumes them.
#include "kint/core/day.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint {

using Id = std::int64_t;

// Identity across stores (SPEC §7.5, ARCHITECTURE.md "Two devices"): intentions, cues, steps and
// journal entries carry a random global `uid`; a record named by its content (a log entry, a
// rating, a session, a pause, an earlier plan) has a uid made from that content and its cue's uid
// (domain/sync.hpp), so two stores that make the same record agree on it. Every record carries the
// hybrid logical clock of its last write (`hlc`), by which sync keeps the later one. `Id`s are the
// short numbers people type: per store.

struct Intention {
    Id id = 0;
    std::string text;
    std::optional<std::string> group;        // catalogue group key
    std::optional<std::string> catalogue_id; // e.g. "anxiety.3" when added --from
    Day created;
    bool archived = false;
    std::optional<Day> archived_on;
    bool focus = false;
    std::string uid = {}; // global (SPEC §7.5); the store makes it
    std::string hlc = {}; // its last write's clock (domain/hlc.hpp); "" before any
};

enum class CueKind { after, if_, place, time };
std::string_view to_string(CueKind kind);
// A cue's trigger in words: "after I pour my coffee", "if I feel anger rising", "at the front
// door", "at 08:00" (a time cue's trigger is its time).
std::string cue_phrase(CueKind kind, std::string_view trigger);
std::optional<CueKind> parse_cue_kind(std::string_view text);

enum class CueStatus { active, paused, archived };
std::string_view to_string(CueStatus status);
std::optional<CueStatus> parse_cue_status(std::string_view text);

// "N times in any M days" (--per N/Md, M 2..31) or "N times per week" (--per N/week, weeks from
// day.week_starts; `days` is then 7). SPEC §7.1.
struct Per {
    int times = 1;
    int days = 7;
    bool week = false;
    bool operator==(const Per&) const = default;
};
inline constexpr int per_min_days = 2, per_max_days = 31;
// "3/week" or "3/7d", as the CLI takes it and JSON and the store keep it.
std::string format_per(const Per& per);
// nullopt unless `text` is N/week or N/Md with 1 <= N <= M and M in 2..31 (N <= 7 for a week).
std::optional<Per> parse_per(std::string_view text);

// A measured step: an amount of `unit` to reach (at least) or to stay under (at_most).
struct Measure {
    double target = 0; // > 0
    std::string unit;  // "min", "pages"; may be empty
    bool at_most = false;
    bool operator==(const Measure&) const = default;
};

// One size of a cue's behavior; the last step is the current one.
struct Step {
    Day day;
    std::string behavior;
    std::optional<std::string> note;
    std::optional<Measure> measure = std::nullopt; // a measured step (--target)
    std::string uid = {};                          // global (SPEC §7.5); the store makes it
    std::string hlc = {}; // its last write's clock (domain/hlc.hpp); "" before any
};

// What a cue was until `until` (not including that day): `cue edit` keeps the old plan here so
// that past days keep the schedule they had. The plan in force from the last one's `until` on is
// the cue's own fields.
struct Plan {
    Day until;
    CueKind kind = CueKind::after;
    std::string trigger;
    std::optional<Minutes> at;
    Schedule days;
    std::optional<Per> per;
    std::string hlc = {}; // its last write (domain/hlc.hpp); not part of the plan itself
    bool operator==(const Plan& o) const {
        return until == o.until && kind == o.kind && trigger == o.trigger && at == o.at &&
               days == o.days && per == o.per;
    }
};

// Days from `from` up to (not including) `until` are paused; an open pause has no `until`.
struct Pause {
    Day from;
    std::optional<Day> until;
    std::string hlc = {}; // its last write (domain/hlc.hpp)
    bool covers(Day day) const { return day >= from && (!until || day < *until); }
};

// On the schedule, on or after `created`, not archived by then, not paused: the one rule of a
// scheduled day, for cues and for the prompt's cached facts of them.
bool scheduled_on(const Schedule& days, Day created, const std::optional<Day>& archived_on,
                  const std::vector<Pause>& pauses, Day day);

struct Cue {
    Id id = 0;
    Id intention_id = 0;
    CueKind kind = CueKind::after;
    std::string trigger;
    std::optional<Minutes> at;
    Schedule days;          // for a --per cue: every day (the days it may happen on)
    std::optional<Per> per; // N per week or per M days; nullopt: every day of `days` is due
    Day created;
    CueStatus status = CueStatus::active;
    std::optional<Day> archived_on;
    std::vector<Step> steps; // oldest first, never empty
    std::vector<Pause> pauses;
    std::vector<Plan> plans; // earlier plans (cue edit), oldest first; usually empty
    std::string uid = {};    // global (SPEC §7.5); the store makes it
    std::string hlc = {};    // its last write's clock (domain/hlc.hpp); "" before any

    const std::string& behavior() const { return steps.back().behavior; }
    // The step in force on `day` (the first step for days before any change).
    const std::string& behavior_on(Day day) const;
    const Step& step_on(Day day) const;
    const std::optional<Measure>& measure() const { return steps.back().measure; }
    // The plan in force on `day`: an earlier one (cue edit), or the cue's current one.
    Plan plan_on(Day day) const;
    Plan plan() const; // the current plan (until is unset: Day{})
    // Scheduled on `day`: on the schedule in force then, on or after creation, not paused, not
    // archived. An if-then or --per day is "on the schedule" whenever it may happen (every day of
    // its days): whether it was due is the strength rule's and the review's question.
    bool scheduled_on(Day day) const;
    // Active on `day`: on or after creation, not paused, not archived (whatever the schedule).
    bool active_on(Day day) const;
};

enum class LogStatus { done, skip, slip };
std::string_view to_string(LogStatus status);
// done > skip > slip: the status that counts when a day has several entries.
int rank(LogStatus status);

struct LogEntry {
    Id cue_id = 0;
    Day day;
    LogStatus status = LogStatus::done;
    std::optional<std::string> note;
    std::optional<double> amount = std::nullopt; // a measured cue's amount (log --amount)
    std::string hlc = {};                        // its last write (domain/hlc.hpp)
};

enum class RatingKind { mood, energy };
std::string_view to_string(RatingKind kind);
std::optional<RatingKind> parse_rating_kind(std::string_view text);

struct Rating {
    Day day;
    RatingKind kind = RatingKind::mood;
    int value = 0;
    std::optional<std::string> note;
    std::string hlc = {}; // its last write (domain/hlc.hpp)
};

struct JournalEntry {
    Id id = 0;
    Day day;
    std::string text;
    std::vector<std::string> tags;
    std::optional<std::string> kind; // actionable | understanding | acceptance
    std::optional<std::string> prompt;
    std::string uid = {}; // global (SPEC §7.5); the store makes it
    std::string hlc = {}; // its last write's clock (domain/hlc.hpp); "" before any
};

struct Session {
    Id id = 0;
    Day day;
    std::optional<std::string> note;
    std::string hlc = {}; // its last write (domain/hlc.hpp)
};

// An inclusive range of days; open ends are unbounded.
struct DayRange {
    std::optional<Day> since;
    std::optional<Day> until;
    bool contains(Day day) const { return (!since || day >= *since) && (!until || day <= *until); }
};

} // namespace kint
