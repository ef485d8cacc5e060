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

struct Intention {
    Id id = 0;
    std::string text;
    std::optional<std::string> group;        // catalogue group key
    std::optional<std::string> catalogue_id; // e.g. "anxiety.3" when added --from
    Day created;
    bool archived = false;
    std::optional<Day> archived_on;
    bool focus = false;
};

enum class CueKind { after, if_, place, time };
std::string_view to_string(CueKind kind);
std::optional<CueKind> parse_cue_kind(std::string_view text);

enum class CueStatus { active, paused, archived };
std::string_view to_string(CueStatus status);
std::optional<CueStatus> parse_cue_status(std::string_view text);

// One size of a cue's behavior; the last step is the current one.
struct Step {
    Day day;
    std::string behavior;
    std::optional<std::string> note;
};

// Days from `from` up to (not including) `until` are paused; an open pause has no `until`.
struct Pause {
    Day from;
    std::optional<Day> until;
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
    Schedule days;
    Day created;
    CueStatus status = CueStatus::active;
    std::optional<Day> archived_on;
    std::vector<Step> steps; // oldest first, never empty
    std::vector<Pause> pauses;

    const std::string& behavior() const { return steps.back().behavior; }
    // The step in force on `day` (the first step for days before any change).
    const std::string& behavior_on(Day day) const;
    // Scheduled on `day`: on the schedule, on or after creation, not paused, not archived.
    bool scheduled_on(Day day) const;
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
};

enum class RatingKind { mood, energy };
std::string_view to_string(RatingKind kind);
std::optional<RatingKind> parse_rating_kind(std::string_view text);

struct Rating {
    Day day;
    RatingKind kind = RatingKind::mood;
    int value = 0;
    std::optional<std::string> note;
};

struct JournalEntry {
    Id id = 0;
    Day day;
    std::string text;
    std::vector<std::string> tags;
    std::optional<std::string> kind; // actionable | understanding | acceptance
    std::optional<std::string> prompt;
};

struct Session {
    Id id = 0;
    Day day;
    std::optional<std::string> note;
};

// An inclusive range of days; open ends are unbounded.
struct DayRange {
    std::optional<Day> since;
    std::optional<Day> until;
    bool contains(Day day) const { return (!since || day >= *since) && (!until || day <= *until); }
};

} // namespace kint
