// The iCalendar writer (kint export --format ics): RFC 5545 text escaping and line folding, the
// recurrence of each kind of schedule, the time zone from its POSIX rule, and the whole calendar.
#include "kint/core/text.hpp"
#include "kint/domain/zone.hpp"
#include "kint/render/ics.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
namespace ics = kint::render::ics;

namespace {

// The physical lines of `text` (each must end in CRLF).
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from < text.size()) {
        const auto end = text.find("\r\n", from);
        REQUIRE(end != std::string::npos);
        out.push_back(text.substr(from, end - from));
        from = end + 2;
    }
    return out;
}

// RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab goes.
std::string unfold(const std::string& text) {
    std::string out;
    for (const auto& l : lines_of(text)) {
        if (!l.empty() && l.front() == ' ')
            out += l.substr(1);
        else
            out += (out.empty() ? "" : "\n") + l;
    }
    return out;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& text, std::string_view part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

Cue timed_cue(Id id, Minutes at, Schedule days = Schedule::daily()) {
    Cue c;
    c.id = id;
    c.kind = CueKind::after;
    c.trigger = "I pour my coffee";
    c.at = at;
    c.days = days;
    c.created = D("2026-11-02");
    c.steps = {Step{D("2026-11-02"), "write one sentence", std::nullopt}};
    return c;
}

app::CalendarEvent event_of(Cue cue) {
    app::CalendarEvent e;
    e.first = cue.created;
    e.revised = cue.created;
    e.intention = "I am open to learning new ways to cope";
    e.cue = std::move(cue);
    return e;
}

} // namespace

TEST_CASE("ics::escape_text: backslash, semicolon, comma and newline escaped, controls gone") {
    CHECK(ics::escape_text("plain words") == "plain words");
    CHECK(ics::escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne");
    CHECK(ics::escape_text("tab\there") == "tab here");
    // A carriage return, an escape sequence, DEL, a C1 CSI and a bidi override leave no trace.
    CHECK(ics::escape_text("a\rb\x1b[31mc\x7f") == "ab[31mc");
    CHECK(ics::escape_text("x\xc2\x9by\xe2\x80\xaez") == "xyz");
    // Bytes that are not UTF-8 go; real characters stay.
    CHECK(ics::escape_text("caf\xc3\xa9 \xff\xfe ok") == "café  ok");
    CHECK(ics::escape_text("Tee 🍵, dann") == "Tee 🍵\\, dann");
}

TEST_CASE("ics::fold: at most 75 octets a line, never inside a character, CRLF ended") {
    CHECK(ics::fold("SUMMARY:short") == "SUMMARY:short\r\n");
    const std::string exact = "X:" + std::string(73, 'a'); // 75 octets: not folded
    CHECK(ics::fold(exact) == exact + "\r\n");
    const std::string ascii = "DESCRIPTION:" + std::string(200, 'a');
    const auto folded = ics::fold(ascii);
    const auto lines = lines_of(folded);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75); // the space and 74 octets
    CHECK(lines[1].front() == ' ');
    CHECK(unfold(folded) == ascii);
    // Two-, three- and four-byte characters at every offset: no line over 75 octets, each line
    // whole UTF-8, and unfolding gives the line back.
    for (const std::string ch : {"é", "€", "🍵"})
        for (int pad = 0; pad < 4; ++pad) {
            std::string line = "SUMMARY:" + std::string(static_cast<std::size_t>(pad), 'x');
            for (int i = 0; i < 60; ++i)
                line += ch;
            CAPTURE(ch);
            CAPTURE(pad);
            const auto text = ics::fold(line);
            for (const auto& l : lines_of(text)) {
                CHECK(l.size() <= 75);
                CHECK(text::valid_utf8(l));
            }
            CHECK(unfold(text) == line);
        }
}

TEST_CASE("ics::vtimezone: each change a yearly rule from its first time in 1970") {
    const auto berlin =
        ics::vtimezone("Europe/Berlin", *zone::parse_posix("CET-1CEST,M3.5.0,M10.5.0/3"));
    REQUIRE(berlin);
    CHECK(*berlin == "BEGIN:VTIMEZONE\r\n"
                     "TZID:Europe/Berlin\r\n"
                     "BEGIN:DAYLIGHT\r\n"
                     "DTSTART:19700329T020000\r\n"
                     "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                     "TZOFFSETFROM:+0100\r\n"
                     "TZOFFSETTO:+0200\r\n"
                     "TZNAME:CEST\r\n"
                     "END:DAYLIGHT\r\n"
                     "BEGIN:STANDARD\r\n"
                     "DTSTART:19701025T030000\r\n"
                     "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                     "TZOFFSETFROM:+0200\r\n"
                     "TZOFFSETTO:+0100\r\n"
                     "TZNAME:CET\r\n"
                     "END:STANDARD\r\n"
                     "END:VTIMEZONE\r\n");
    const auto new_york =
        ics::vtimezone("America/New_York", *zone::parse_posix("EST5EDT,M3.2.0,M11.1.0"));
    REQUIRE(new_york);
    CHECK(has(*new_york, "DTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"));
    CHECK(has(*new_york, "DTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"));
    CHECK(has(*new_york, "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"));

    // No daylight time: one STANDARD part with the same offset both ways.
    const auto pago = ics::vtimezone("Pacific/Pago_Pago", *zone::parse_posix("SST11"));
    REQUIRE(pago);
    CHECK(has(*pago, "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:-1100\r\n"
                     "TZOFFSETTO:-1100\r\nTZNAME:SST\r\nEND:STANDARD\r\n"));
    CHECK_FALSE(has(*pago, "DAYLIGHT"));
    CHECK_FALSE(has(*pago, "RRULE"));
    const auto half = ics::vtimezone("Australia/Lord_Howe",
                                     *zone::parse_posix("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"));
    REQUIRE(half);
    CHECK(has(*half, "TZOFFSETFROM:+1030\r\nTZOFFSETTO:+1100\r\nTZNAME:+11\r\n"));

    // A change at 26:00 on the 4th Thursday is on the Friday after it; one at -1:00 on the last
    // Sunday is on the Saturday before it: the moved weekday within the moved days.
    const auto jerusalem =
        ics::vtimezone("Asia/Jerusalem", *zone::parse_posix("IST-2IDT,M3.4.4/26,M10.5.0"));
    REQUIRE(jerusalem);
    CHECK(has(*jerusalem,
              "DTSTART:19700327T020000\r\n"
              "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29\r\n"));
    const auto nuuk =
        ics::vtimezone("America/Nuuk", *zone::parse_posix("<-02>2<-01>,M3.5.0/-1,M10.5.0/0"));
    REQUIRE(nuuk);
    CHECK(has(*nuuk, "DTSTART:19700328T230000\r\n"
                     "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=SA;BYMONTHDAY=24,25,26,27,28,29,30\r\n"));
    CHECK(has(*nuuk, "DTSTART:19701025T000000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));
    // A move across the month's end cannot be one yearly rule: no VTIMEZONE.
    CHECK_FALSE(ics::vtimezone("X/Y", *zone::parse_posix("AAA-1BBB,M3.5.0/25,M10.5.0")));
}

TEST_CASE("ics::recurrence: every day, some weekdays, N a week, N in M days") {
    auto daily = event_of(timed_cue(1, 7 * 60 + 30));
    CHECK(ics::recurrence(daily) == "FREQ=DAILY");
    auto weekdays = daily;
    weekdays.weekly = true;
    weekdays.weekdays = Schedule::parse("mon,wed,fri").mask();
    CHECK(ics::recurrence(weekdays) == "FREQ=WEEKLY;BYDAY=MO,WE,FR");
    weekdays.weekdays = Schedule::parse("weekends").mask();
    CHECK(ics::recurrence(weekdays) == "FREQ=WEEKLY;BYDAY=SA,SU");
    auto rolling = daily;
    rolling.interval = 5;
    CHECK(ics::recurrence(rolling) == "FREQ=DAILY;INTERVAL=5");
}

TEST_CASE("ics::uid: the cue's id, first step day and behavior, nothing that changes later") {
    auto c = timed_cue(7, 7 * 60 + 30);
    const auto uid = ics::uid(c);
    CHECK(uid.starts_with("kint-cue-7-20261102-"));
    CHECK(uid.ends_with("@kint"));
    // A later step, a new plan, another creation day (cue edit --since): the same UID.
    c.steps.push_back(Step{D("2026-11-10"), "write three sentences", std::nullopt});
    c.created = D("2026-10-01");
    c.at = 8 * 60;
    c.plans.push_back(Plan{D("2026-11-12"), CueKind::after, "I pour my coffee", 7 * 60 + 30,
                           Schedule::daily(), std::nullopt});
    CHECK(ics::uid(c) == uid);
    // Another cue with the same number in another store: another UID.
    auto other = timed_cue(7, 7 * 60 + 30);
    other.steps.front().behavior = "stretch";
    CHECK(ics::uid(other) != uid);
}

TEST_CASE("ics::to_ics: a whole calendar in the local zone") {
    app::Calendar cal;
    cal.today = D("2026-11-20");
    cal.zone = app::TimeZone{"Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"};
    auto daily = event_of(timed_cue(1, 7 * 60 + 30));
    daily.revised = D("2026-11-05");
    daily.sequence = 2;
    auto per = event_of(timed_cue(2, 18 * 60));
    per.cue.steps.front().behavior = "a walk, then tea; slowly\\";
    per.cue.per = Per{3, 7, true};
    per.weekly = true;
    per.weekdays = 1; // Mondays
    per.first = D("2026-11-02");
    per.last = D("2026-11-18");
    auto measured = event_of(timed_cue(3, 21 * 60));
    measured.cue.steps.front().measure = Measure{10, "min", false};
    cal.events = {daily, per, measured};
    const auto text = ics::to_ics(cal);

    // CRLF only, no line over 75 octets.
    for (const auto& l : lines_of(text))
        CHECK(l.size() <= 75);
    std::size_t lf = 0, crlf = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') ++lf, crlf += (i > 0 && text[i - 1] == '\r') ? 1 : 0;
    CHECK(lf == crlf);

    const auto all = unfold(text);
    CHECK(all.starts_with("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:"));
    CHECK(all.ends_with("\nEND:VCALENDAR"));
    CHECK(has(all, "\nBEGIN:VTIMEZONE\nTZID:Europe/Berlin\n"));
    CHECK(has(all, "\nUID:" + ics::uid(daily.cue) +
                       "\nDTSTAMP:20261105T000000Z\n"
                       "LAST-MODIFIED:20261105T000000Z\nSEQUENCE:2\n"
                       "DTSTART;TZID=Europe/Berlin:20261102T073000\nDURATION:PT5M\n"
                       "RRULE:FREQ=DAILY\nSUMMARY:write one sentence\n"
                       "DESCRIPTION:after I pour my coffee: write one sentence\\nIntention: I am "
                       "open to learning new ways to cope\\nLog it: kint log 1\n"));
    CHECK(has(all, "\nBEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:write one sentence\n"
                   "TRIGGER:PT0M\nEND:VALARM\nEND:VEVENT\n"));
    // A paused cue's rule ends at its last day's time in UTC, at the zone's smaller offset
    // (18:00 in Berlin in November is 17:00 UTC); its text is escaped, its target said.
    CHECK(has(all, "\nDTSTART;TZID=Europe/Berlin:20261102T180000\n"));
    CHECK(has(all, "\nRRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261118T170000Z\n"));
    CHECK(has(all, "\nSUMMARY:a walk\\, then tea\\; slowly\\\\\n"));
    CHECK(has(all, "\\n3 times this week\\n"));
    // A measured step in minutes lasts as long as it.
    CHECK(has(all, "\nDTSTART;TZID=Europe/Berlin:20261102T210000\nDURATION:PT10M\n"));
    CHECK(has(all, "write one sentence\\n10 min\\nIntention"));
    CHECK(count_of(all, "BEGIN:VEVENT") == 3);
    CHECK(count_of(all, "BEGIN:VALARM") == 3);
}

TEST_CASE("ics::to_ics: floating local times without a zone that can be written") {
    app::Calendar cal;
    cal.today = D("2026-11-20");
    auto paused = event_of(timed_cue(1, 7 * 60 + 30));
    paused.last = D("2026-11-18");
    cal.events = {paused};
    for (const std::optional<app::TimeZone>& zone :
         {std::optional<app::TimeZone>{},
          std::optional<app::TimeZone>{app::TimeZone{"Somewhere/Else", "not a rule"}},
          std::optional<app::TimeZone>{app::TimeZone{"X/Y", "AAA-1BBB,M3.5.0/25,M10.5.0"}}}) {
        cal.zone = zone;
        const auto all = unfold(ics::to_ics(cal));
        CHECK_FALSE(has(all, "VTIMEZONE"));
        CHECK_FALSE(has(all, "TZID"));
        CHECK(has(all, "\nDTSTART:20261102T073000\n"));
        // Floating too: UNTIL in local time, without Z.
        CHECK(has(all, "\nRRULE:FREQ=DAILY;UNTIL=20261118T073000\n"));
    }
    // No events at all: still a calendar (a subscription stays valid when every cue is archived).
    cal.events.clear();
    cal.zone = app::TimeZone{"Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"};
    const auto empty = unfold(ics::to_ics(cal));
    CHECK(has(empty, "BEGIN:VTIMEZONE"));
    CHECK_FALSE(has(empty, "VEVENT"));
}
