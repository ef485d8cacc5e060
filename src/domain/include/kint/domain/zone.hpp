#pragma once
// Time zone rules for the calendar export: the POSIX TZ string a TZif file ends with (RFC 8536
// §3.3), what offset it gives at an instant, and whether a TZif file's own transitions from a day
// on are the rule's. Pure: bytes and numbers in, numbers out. (kint's days never pass through a
// zone; only the .ics file names one, for the calendar apps that read it.)
#include "kint/core/day.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::zone {

// "CET-1CEST,M3.5.0,M10.5.0/3": offsets east of UTC in seconds, and for a zone with daylight
// time the two yearly changes.
struct Posix {
    struct Change {
        int month = 1, week = 1, weekday = 0; // Mm.w.d: week 5 = the last; weekday 0 = Sunday
        long seconds = 7200;                  // local time of the change (may pass a day's end)
    };
    std::string std_name;
    long std_offset = 0;
    std::optional<std::string> dst_name;
    long dst_offset = 0;
    Change dst_start, dst_end;
};
// nullopt for anything but the Mm.w.d form TZif files end with (no Jn or n days, no default rule).
std::optional<Posix> parse_posix(std::string_view rule);

// The local time of `change` in `year` as seconds since 1970-01-01T00:00 of that local clock.
std::int64_t local_change(int year, const Posix::Change& change);
// The offset (seconds east of UTC) the rule gives at `utc` (seconds since the epoch).
long offset_at(const Posix& rule, std::int64_t utc);

// A TZif file of version 2 or later: its 64-bit transitions (when, and the offset from then on),
// the offset before the first, and the POSIX TZ string at its end.
struct Tzif {
    struct Transition {
        std::int64_t at = 0;
        long offset = 0;
    };
    std::vector<Transition> transitions;
    long first_offset = 0;
    std::string footer;
};
std::optional<Tzif> parse_tzif(std::string_view bytes);

// Whether `footer`'s rule gives the same offsets as the file's own transitions from `from` on
// (a file may list years ahead: Africa/Casablanca's Ramadan changes are not in its rule).
bool rule_holds_from(const Tzif& tzif, const Posix& rule, Day from);

} // namespace kint::zone
