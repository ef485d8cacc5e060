#pragma once
// kint remind (SPEC §7.2): which cues call for a desktop reminder now, and what it says. Pure:
// the cue, today's facts about it and the clock time in; a yes or no, or the words, out.
#include "kint/core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::remind {

// Minutes from the start of the kint day (`day_starts_at`) to clock time `m`.
Minutes minutes_into_day(Minutes m, Minutes day_starts_at);
// Whether clock time `at` has come by `now` in the kint day (the one rule of the reminders, the
// prompt's due cue and its mood reminder), which begins at `day_starts_at`, not
// at midnight: at 01:30 with the day starting at 04:00 it is still the evening before, so 23:00
// has come and 07:00 has not. All in minutes after midnight.
bool time_has_come(Minutes now, Minutes at, Minutes day_starts_at);

// Everything but today's log and reminders: the cue is active, not an if-then cue (a situation
// has no time of its own), has a time in the plan in force on `day`, is scheduled that day
// (weekdays, pauses, archived) and its time has come. The use case reads the rest only for these.
bool may_be_due(const Cue& cue, Day day, Minutes now, Minutes day_starts_at);

// What the rule needs to know of a cue on the day, besides the cue itself.
struct Facts {
    bool logged = false;   // an entry that day, of any status (done, skip or slip)
    bool reminded = false; // a reminder was sent for it that day already
    // A --per cue: how many more its period asks for (0: met), as `today` counts it.
    std::optional<int> remaining = std::nullopt;
};

// Whether `cue` is reminded now: may_be_due, not logged, not reminded yet, and, for a --per cue,
// its period's target not met yet. Once a day per cue.
bool due(const Cue& cue, Day day, Minutes now, Minutes day_starts_at, const Facts& facts);

// The notification, in plain text: the behavior as the summary (one line) and, as the body, the
// cue's trigger and time, the intention, and the command that logs it. Stored text is made safe
// first: a control character becomes U+FFFD, so it cannot rewrite a terminal or a notification.
struct Message {
    std::string summary;
    std::vector<std::string> body; // lines
};
Message message(const Cue& cue, std::string_view intention);

// The body as a notification server takes it: the lines joined by newlines, with &, < and >
// escaped (the freedesktop notification spec lets a server read the body as markup).
std::string body_markup(const Message& message);

} // namespace kint::remind
