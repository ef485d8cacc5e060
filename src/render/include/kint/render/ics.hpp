#pragma once
// kint export --format ics: the calendar app::calendar decided, as RFC 5545 text. Pure.
#include "kint/app/calendar.hpp"
#include "kint/domain/zone.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kint::render::ics {

// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped; every other
// control character (C0, DEL, C1, bidi overrides) and every byte that is not UTF-8 left out.
std::string escape_text(std::string_view s);

// One content line as written (RFC 5545 §3.1): folded so that no line is longer than 75 octets
// (a continuation begins with a space), never inside a UTF-8 character, each ended by CRLF.
std::string fold(std::string_view line);

// A VTIMEZONE for `name` following `rule` (each change as a yearly RRULE from 1970), or nullopt
// when a change cannot be said as one (a time that moves it across a month's end).
std::optional<std::string> vtimezone(std::string_view name, const zone::Posix& rule);

// "FREQ=DAILY", "FREQ=DAILY;INTERVAL=5", "FREQ=WEEKLY;BYDAY=MO,WE,FR" (without UNTIL).
std::string recurrence(const app::CalendarEvent& event);

// The UID a cue's event keeps from export to export, through `cue step`, `cue edit` (even
// --since) and an export and import: "kint-cue-ID-FIRSTSTEPDAY-HASH@kint", HASH being of the
// first step's behavior, so that cue 1 of another store is another event.
std::string uid(const Cue& cue);

// The whole calendar, CRLF line ends. In the local zone (TZID and its VTIMEZONE) when the
// calendar has one that can be written, else in floating local times.
std::string to_ics(const app::Calendar& calendar);

} // namespace kint::render::ics
