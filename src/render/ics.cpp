// RFC 5545 for kint's cues. Why a TZID with its VTIMEZONE rather than floating times: Apple
// Calendar and khal read a floating time as the device's local time, but Google Calendar places
// one by the calendar's zone setting (or X-WR-TIMEZONE), which need not be the person's; an IANA
// TZID is read alike by all three (they know the name; the VTIMEZONE, which RFC 5545 §3.2.19
// requires beside it, serves a client that does not: khal reads it for a name it does not know),
// and keeps 07:30 at 07:30 across daylight saving changes. When the local zone cannot be named
// (UTC, a TZ without a zone file, a rule that is not all of the zone's changes), floating times
// are the honest choice: the phone's own time.
#include "kint/render/ics.hpp"

#include "kint/core/text.hpp"
#include "kint/render/measure.hpp"
#include "kint/render/render.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace kint::render::ics {

namespace {

using std::chrono::days;

constexpr std::string_view weekday_codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

long floor_div(long a, long b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// "+0100", "-0930", "+054500"
std::string offset_text(long seconds) {
    const char sign = seconds < 0 ? '-' : '+';
    const long a = seconds < 0 ? -seconds : seconds;
    std::string out = fmt::format("{}{:02}{:02}", sign, a / 3600, a / 60 % 60);
    if (a % 60 != 0) out += fmt::format("{:02}", a % 60);
    return out;
}

std::string day_text(Day day) {
    const std::chrono::year_month_day ymd{day};
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// YYYYMMDDTHHMMSS of `day` plus `seconds` (any sign, any size).
std::string date_time(Day day, long seconds) {
    const long shift = floor_div(seconds, 86400);
    const long rest = seconds - shift * 86400;
    return fmt::format("{}T{:02}{:02}{:02}", day_text(day + days{shift}), rest / 3600,
                       rest / 60 % 60, rest % 60);
}

int month_length(int month) {
    constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return lengths[month - 1];
}

struct Yearly {
    std::string rrule;
    std::string dtstart; // its first time in 1970, local time before the change
};

// A change as a yearly rule. A time past the day's end (Asia/Jerusalem's M3.4.4/26) or before its
// start (America/Nuuk's M3.5.0/-1) moves the day: then the rule is the moved weekday within the
// moved days of the month, unless they cross the month's end.
std::optional<Yearly> yearly(const zone::Posix::Change& c) {
    const long shift = floor_div(c.seconds, 86400);
    Yearly y;
    y.dtstart = date_time(Day{}, static_cast<long>(zone::local_change(1970, c)));
    if (shift == 0) {
        y.rrule = fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={}{}", c.month,
                              c.week == 5 ? -1 : c.week, weekday_codes[(c.weekday + 6) % 7]);
        return y;
    }
    if (c.week == 5 && c.month == 2) return std::nullopt; // the last week moves with leap years
    const int length = month_length(c.month);
    const long lo = (c.week == 5 ? length - 6 : 7 * (c.week - 1) + 1) + shift;
    const long hi = (c.week == 5 ? length : 7 * c.week) + shift;
    if (lo < 1 || hi > length) return std::nullopt;
    std::string monthdays;
    for (long d = lo; d <= hi; ++d)
        monthdays += fmt::format("{}{}", monthdays.empty() ? "" : ",", d);
    const long moved = ((c.weekday + shift) % 7 + 7) % 7;
    y.rrule = fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={};BYMONTHDAY={}", c.month,
                          weekday_codes[(moved + 6) % 7], monthdays);
    return y;
}

void line(std::string& out, std::string_view text) {
    out += fold(text);
}

std::uint32_t fnv1a(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char ch : s) {
        h ^= ch;
        h *= 16777619u;
    }
    return h;
}

// The event's length: a measured step in minutes is that long; anything else five minutes.
std::string duration_of(const Cue& cue) {
    const auto& m = cue.measure();
    if (m && !m->at_most) {
        std::string unit = m->unit;
        std::transform(unit.begin(), unit.end(), unit.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes")
            return fmt::format("PT{}M", std::clamp(std::lround(m->target), 1L, 720L));
    }
    return "PT5M";
}

std::string description(const app::CalendarEvent& e) {
    const Cue& c = e.cue;
    std::string out = trigger_phrase(c) + ": " + c.behavior();
    if (c.per)
        out += "\n" +
               (c.per->week
                    ? fmt::format("{} this week",
                                  plural(static_cast<std::size_t>(c.per->times), "time", "times"))
                    : schedule_text(c.kind, c.days, c.per));
    if (c.measure()) out += "\n" + target_text(*c.measure());
    if (!e.intention.empty()) out += "\nIntention: " + e.intention;
    out += fmt::format("\nLog it: kint log {}", c.id);
    return out;
}

} // namespace

std::string escape_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = text::utf8_length_at(s, i);
        if (len == 0) { // not UTF-8: left out
            ++i;
            continue;
        }
        const char32_t code = text::code_point_at(s, i, len);
        if (code == '\n')
            out += "\\n";
        else if (code == '\t')
            out += ' ';
        else if (text::is_control(code, /*multiline=*/false))
            ; // a carriage return, an escape, a C1 control or a bidi override: left out
        else if (code == '\\' || code == ';' || code == ',')
            out += '\\', out += static_cast<char>(code);
        else
            out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

std::string fold(std::string_view line) {
    std::string out;
    for (bool first = true;; first = false) {
        if (!first) out += ' ';
        const std::size_t room = first ? 75 : 74; // a continuation's space counts
        if (line.size() <= room) {
            out.append(line);
            out += "\r\n";
            return out;
        }
        std::size_t cut = room;
        // Back to the start of the character the cut would split.
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(line.substr(0, cut));
        out += "\r\n";
        line.remove_prefix(cut);
    }
}

std::optional<std::string> vtimezone(std::string_view name, const zone::Posix& z) {
    std::string out;
    line(out, "BEGIN:VTIMEZONE");
    line(out, fmt::format("TZID:{}", name));
    if (!z.dst_name) {
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:" + offset_text(z.std_offset));
        line(out, "TZOFFSETTO:" + offset_text(z.std_offset));
        line(out, "TZNAME:" + escape_text(z.std_name));
        line(out, "END:STANDARD");
    } else {
        const auto start = yearly(z.dst_start);
        const auto end = yearly(z.dst_end);
        if (!start || !end) return std::nullopt;
        line(out, "BEGIN:DAYLIGHT");
        line(out, "DTSTART:" + start->dtstart);
        line(out, "RRULE:" + start->rrule);
        line(out, "TZOFFSETFROM:" + offset_text(z.std_offset));
        line(out, "TZOFFSETTO:" + offset_text(z.dst_offset));
        line(out, "TZNAME:" + escape_text(*z.dst_name));
        line(out, "END:DAYLIGHT");
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:" + end->dtstart);
        line(out, "RRULE:" + end->rrule);
        line(out, "TZOFFSETFROM:" + offset_text(z.dst_offset));
        line(out, "TZOFFSETTO:" + offset_text(z.std_offset));
        line(out, "TZNAME:" + escape_text(z.std_name));
        line(out, "END:STANDARD");
    }
    line(out, "END:VTIMEZONE");
    return out;
}

std::string recurrence(const app::CalendarEvent& e) {
    if (!e.weekly)
        return e.interval > 1 ? fmt::format("FREQ=DAILY;INTERVAL={}", e.interval) : "FREQ=DAILY";
    std::string byday;
    for (int d = 0; d < 7; ++d)
        if ((e.weekdays >> d) & 1U)
            byday += fmt::format("{}{}", byday.empty() ? "" : ",", weekday_codes[d]);
    return "FREQ=WEEKLY;BYDAY=" + byday;
}

std::string uid(const Cue& cue) {
    const Step& first = cue.steps.front();
    return fmt::format("kint-cue-{}-{}-{:08x}@kint", cue.id, day_text(first.day),
                       fnv1a(first.behavior));
}

std::string to_ics(const app::Calendar& cal) {
    std::optional<std::string> zone_text;
    long least_offset = 0; // the zone's smaller offset, standard or daylight
    if (cal.zone)
        if (const auto rule = zone::parse_posix(cal.zone->rule)) {
            zone_text = vtimezone(cal.zone->name, *rule);
            least_offset =
                std::min(rule->std_offset, rule->dst_name ? rule->dst_offset : rule->std_offset);
        }
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//kint//kint habit cues//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:kint");
    if (zone_text) {
        line(out, "X-WR-TIMEZONE:" + cal.zone->name);
        out += *zone_text;
    }
    for (const auto& e : cal.events) {
        const Cue& c = e.cue;
        const long at = static_cast<long>(*c.at) * 60;
        std::string rrule = recurrence(e);
        // With a TZID, UNTIL is in UTC (RFC 5545 §3.3.10): the last day's time at the zone's
        // smaller offset is at or after that day's occurrence and before the next day's.
        if (e.last)
            rrule += zone_text ? fmt::format(";UNTIL={}Z", date_time(*e.last, at - least_offset))
                               : fmt::format(";UNTIL={}", date_time(*e.last, at));
        const std::string start = date_time(e.first, at);
        // kint keeps the day of a change, not its time: midnight UTC of that day, the same in
        // every export until the cue changes again.
        const std::string stamp = date_time(e.revised, 0) + "Z";
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(c));
        line(out, "DTSTAMP:" + stamp);
        line(out, "LAST-MODIFIED:" + stamp);
        line(out, fmt::format("SEQUENCE:{}", e.sequence));
        line(out, zone_text ? fmt::format("DTSTART;TZID={}:{}", cal.zone->name, start)
                            : "DTSTART:" + start);
        line(out, "DURATION:" + duration_of(c));
        line(out, "RRULE:" + rrule);
        line(out, "SUMMARY:" + escape_text(c.behavior()));
        line(out, "DESCRIPTION:" + escape_text(description(e)));
        line(out, "TRANSP:TRANSPARENT"); // a reminder, not a busy hour
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, "DESCRIPTION:" + escape_text(c.behavior()));
        line(out, "TRIGGER:PT0M");
        line(out, "END:VALARM");
        line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out;
}

} // namespace kint::render::ics
