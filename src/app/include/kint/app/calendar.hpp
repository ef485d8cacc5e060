#pragma once
// kint export --format ics: the cues with a clock time as recurring calendar events (SPEC §7.2).
// This decides which cues, from which day and how often; render/ics.hpp writes RFC 5545.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kint::app {

// The local time zone: its IANA name and the rule in force now, the POSIX TZ string a TZif file
// ends with (RFC 8536 §3.3), e.g. {"Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"}.
struct TimeZone {
    std::string name;
    std::string rule;
    bool operator==(const TimeZone&) const = default;
};

// The zone named by `tz` (the TZ variable: "Europe/Berlin", ":Europe/Berlin" or a path into the
// zoneinfo folder) when set, else by /etc/timezone, else by where /etc/localtime links to; read
// from `tzdir` (TZDIR, else /usr/share/zoneinfo). nullopt when none names a zone file whose rule
// is all its changes from `today` on (Africa/Casablanca's Ramadan changes are not), and for UTC
// itself (the default of servers and containers, not a place: a calendar that floats follows the
// phone instead).
std::optional<TimeZone> local_time_zone(const std::optional<std::string>& tz,
                                        const std::optional<std::string>& tzdir, Day today);

// One recurring event: a cue's time on the days its plan gives, from `first` (DTSTART's day).
struct CalendarEvent {
    Cue cue;
    std::string intention;     // the text of the cue's intention
    Day first;                 // the first day it rings: on the rule, on or after the cue began
    std::optional<Day> last;   // paused: the last day before the pause (RRULE UNTIL)
    bool weekly = false;       // FREQ=WEEKLY;BYDAY=weekdays, else FREQ=DAILY
    std::uint8_t weekdays = 0; // weekly: bit 0 Monday ... bit 6 Sunday
    int interval = 1;          // FREQ=DAILY: every `interval` days (a --per N/Md cue: M / N)
    Day revised;               // the latest day the cue changed (DTSTAMP, LAST-MODIFIED)
    int sequence = 0;          // SEQUENCE: how many changes it has had (steps, plans, pauses)
};

struct Calendar {
    std::vector<CalendarEvent> events; // by cue id
    std::optional<TimeZone> zone;      // nullopt: floating local times
    Day today;
};

// Every cue with a clock time that is active or paused (archived ones and if-then cues, which
// have no time of their own, are left out), as recurring events:
// - every day: daily; some weekdays: weekly on those days;
// - --per N/week: weekly on the first day of the week (config day.week_starts), "N times this
//   week"; --per N/Md: every M / N days (at least 1), N reminders in M days;
// - from the day its current stretch began: its creation, the day its plan last changed
//   (cue edit) or the end of its last pause, whichever is latest, moved on to the rule's first day;
// - a paused cue ends the day before its pause; one paused before it rang at all is left out.
Calendar calendar(const store::Store& store, const config::Config& cfg, Day today,
                  std::optional<TimeZone> zone);

} // namespace kint::app
