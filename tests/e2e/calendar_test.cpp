// kint export --format ics through the real binary: the calendar on stdout or in a 0600 file, the
// same bytes from export to export, UIDs kept through an edit, the local zone from TZ, and every
// refusal leaving the store as it was. (A real iCalendar parser and khal read it in
// tests/calendar/ics_test.sh.)
#include "harness.hpp"

#include <fmt/format.h>

using namespace kint::e2e;

namespace {

const Env berlin{{"TZ", "Europe/Berlin"}};

// An intention and cues of every kind, placed on Monday 2026-11-02.
void seed(const Sandbox& s) {
    const Env monday{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "I am open to learning new ways to cope"}, monday);
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence", "--at",
          "07:30"},
         monday);
    s.ok({"cue", "add", "--place", "the yoga mat", "--do", "stretch", "--at", "18:00", "--days",
          "mon,wed,fri"},
         monday);
    s.ok({"cue", "add", "--after", "work", "--do", "a walk", "--at", "09:00", "--per", "3/week"},
         monday);
    s.ok({"cue", "add", "--after", "dinner", "--do", "read"}, monday); // no time: not exported
    s.ok({"cue", "add", "--if", "anger rises", "--do", "five breaths"}, monday);
}

std::vector<std::string> uids(const std::string& ics) {
    std::vector<std::string> out;
    for (auto at = ics.find("\r\nUID:"); at != std::string::npos; at = ics.find("\r\nUID:", at + 1))
        out.push_back(ics.substr(at + 6, ics.find("\r\n", at + 6) - at - 6));
    return out;
}

// RFC 5545 unfolding: a CRLF followed by a space goes.
std::string unfold(const std::string& ics) {
    std::string out;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += ics[i];
    }
    return out;
}

// What follows `name` in the event whose UID is `uid`, up to the end of its (unfolded) line.
std::string property(const std::string& folded, const std::string& uid, std::string_view name) {
    const std::string ics = unfold(folded);
    const auto event = ics.find("\r\nUID:" + uid + "\r\n");
    REQUIRE(event != std::string::npos);
    const auto end = ics.find("\r\nEND:VEVENT", event);
    const auto at = ics.find(fmt::format("\r\n{}", name), event);
    REQUIRE(at < end);
    const auto value = at + 2 + name.size();
    return ics.substr(value, ics.find("\r\n", value) - value);
}

} // namespace

TEST_CASE("calendar: export --format ics writes each timed cue as a recurring event") {
    Sandbox s;
    seed(s);
    const auto ics = s.ok({"export", "--format", "ics"}, berlin).out;
    CHECK(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    CHECK(ics.ends_with("END:VCALENDAR\r\n"));
    CHECK(count_of(ics, "\n") == count_of(ics, "\r\n")); // CRLF only
    CHECK(contains(ics, "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    const auto ids = uids(ics);
    REQUIRE(ids.size() == 3); // the untimed and the if-then cue have no time of their own
    CHECK(ids[0].starts_with("kint-cue-1-20261102-"));
    CHECK(ids[1].starts_with("kint-cue-2-20261102-"));
    CHECK(ids[2].starts_with("kint-cue-3-20261102-"));
    CHECK(property(ics, ids[0], "DTSTART") == ";TZID=Europe/Berlin:20261102T073000");
    CHECK(property(ics, ids[0], "RRULE") == ":FREQ=DAILY");
    CHECK(property(ics, ids[0], "SUMMARY") == ":write one sentence");
    CHECK(property(ics, ids[0], "DESCRIPTION:after I pour my coffee") ==
          ": write one sentence\\nIntention: I am open to learning new ways to cope\\nLog it: "
          "kint log 1");
    CHECK(property(ics, ids[1], "DTSTART") == ";TZID=Europe/Berlin:20261102T180000");
    CHECK(property(ics, ids[1], "RRULE") == ":FREQ=WEEKLY;BYDAY=MO,WE,FR");
    // 3 a week: a reminder on the first day of each week, with the target.
    CHECK(property(ics, ids[2], "DTSTART") == ";TZID=Europe/Berlin:20261102T090000");
    CHECK(property(ics, ids[2], "RRULE") == ":FREQ=WEEKLY;BYDAY=MO");
    CHECK(contains(property(ics, ids[2], "DESCRIPTION"), "\\n3 times this week\\n"));
    CHECK(count_of(ics, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n") == 3);
    CHECK(count_of(ics, "TRIGGER:PT0M\r\n") == 3);

    // Nothing changed, the same bytes: a calendar exported every few minutes syncs nothing new.
    CHECK(s.ok({"export", "--format", "ics"}, berlin).out == ics);
    CHECK(
        s.ok({"export", "--format", "ics"}, {{"TZ", "Europe/Berlin"}, {"KINT_TODAY", "2026-12-24"}})
            .out == ics);

    // An edit moves the time from its day on and counts as a change: the same UID, a new
    // SEQUENCE and DTSTAMP, so a calendar updates the event rather than adding another.
    s.ok({"cue", "edit", "1", "--at", "08:00"});
    s.ok({"cue", "step", "2", "stretch for two minutes"});
    const auto edited = s.ok({"export", "--format", "ics"}, berlin).out;
    CHECK(uids(edited) == ids);
    CHECK(property(edited, ids[0], "DTSTART") == ";TZID=Europe/Berlin:20261120T080000");
    CHECK(property(ics, ids[0], "SEQUENCE") == ":0");
    CHECK(property(edited, ids[0], "SEQUENCE") == ":1");
    CHECK(property(edited, ids[0], "DTSTAMP") == ":20261120T000000Z");
    CHECK(property(edited, ids[1], "SUMMARY") == ":stretch for two minutes");

    // Paused: the rule ends the day before the pause (a calendar keeps the past ones only);
    // archived: gone.
    s.ok({"cue", "pause", "2"});
    s.ok({"cue", "archive", "3"});
    const auto later = s.ok({"export", "--format", "ics"}, berlin).out;
    REQUIRE(uids(later).size() == 2);
    CHECK(property(later, ids[1], "RRULE") == ":FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261119T170000Z");
    CHECK_FALSE(contains(later, ids[2]));
}

TEST_CASE("calendar: --out writes the file atomically, 0600, without it, stdout") {
    Sandbox s;
    seed(s);
    const auto file = s.path("kint.ics");
    const auto r = s.run({"export", "--format", "ics", "--out", file}, berlin, mode_t{0});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(mode_of(file) == 0600);
    CHECK(read_file(file) == s.ok({"export", "--format", "ics"}, berlin).out);
    // Again over the old file: replaced whole, still 0600.
    s.ok({"cue", "edit", "1", "--at", "06:45"});
    s.ok({"export", "--format", "ics", "--out", file}, berlin);
    CHECK(mode_of(file) == 0600);
    CHECK(contains(*read_file(file), ":20261120T064500\r\n"));
    CHECK(read_file(file) == s.ok({"export", "--format", "ics", "--out", "-"}, berlin).out);
}

TEST_CASE("calendar: the local zone from TZ, floating times for UTC or an unknown zone") {
    Sandbox s;
    seed(s);
    const auto ny = s.ok({"export", "--format", "ics"}, {{"TZ", "America/New_York"}}).out;
    CHECK(contains(ny, "TZID:America/New_York\r\n"));
    CHECK(contains(ny, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"));
    CHECK(contains(ny, "DTSTART;TZID=America/New_York:20261102T073000\r\n"));
    CHECK(contains(s.ok({"export", "--format", "ics"}, {{"TZ", ":Pacific/Kiritimati"}}).out,
                   "TZOFFSETFROM:+1400\r\nTZOFFSETTO:+1400\r\n"));
    for (const char* tz : {"UTC", "Etc/UTC", "Mars/Olympus_Mons", "CET-1CEST,M3.5.0,M10.5.0/3",
                           "../../etc/passwd"}) {
        CAPTURE(tz);
        const auto floating = s.ok({"export", "--format", "ics"}, {{"TZ", tz}}).out;
        CHECK_FALSE(contains(floating, "TZID"));
        CHECK_FALSE(contains(floating, "VTIMEZONE"));
        CHECK(contains(floating, "\r\nDTSTART:20261102T073000\r\n"));
    }
    // TZDIR names another zoneinfo folder, as for the C library.
    const auto none = s.ok({"export", "--format", "ics"},
                           {{"TZ", "Europe/Berlin"}, {"TZDIR", s.path("no-zones")}})
                          .out;
    CHECK_FALSE(contains(none, "TZID"));
}

TEST_CASE("calendar: text escaped, control characters gone, long lines folded") {
    Sandbox s;
    const auto long_words = std::string(30, 'a') + ", " + std::string(30, 'b') + "; " +
                            std::string(30, 'c') + " \\ ünïcödé 🍵🍵🍵";
    s.ok({"intent", "add", "Rest, then; more"});
    s.ok({"cue", "add", "--after", "tea", "--do", long_words, "--at", "15:00"});
    const auto ics = s.ok({"export", "--format", "ics"}, berlin).out;
    std::size_t from = 0;
    while (from < ics.size()) {
        const auto end = ics.find("\r\n", from);
        REQUIRE(end != std::string::npos);
        CHECK(end - from <= 75);
        from = end + 2;
    }
    const std::string unfolded = unfold(ics);
    CHECK(contains(unfolded, "\r\nSUMMARY:" + std::string(30, 'a') + "\\, " + std::string(30, 'b') +
                                 "\\; " + std::string(30, 'c') + " \\\\ ünïcödé 🍵🍵🍵\r\n"));
    CHECK(contains(unfolded, "Intention: Rest\\, then\\; more\\n"));
}

TEST_CASE("calendar: refusals say what to do and leave everything as it was") {
    Sandbox s;
    seed(s);
    const auto before = s.snapshot();
    const auto both = s.run({"export", "--format", "ics", "--json"});
    CHECK(both.code == 2);
    CHECK(both.out.empty());
    CHECK(both.err == "kint: --json and --format ics ask for two formats; give one of them\n");
    const auto unknown = s.run({"export", "--format", "ical"});
    CHECK(unknown.code == 2);
    CHECK(is_error_line(unknown.err));
    CHECK(contains(unknown.err, "ics"));
    const auto store = s.run({"export", "--format", "ics", "--out", s.db()});
    CHECK(store.code == 2);
    CHECK(store.err ==
          fmt::format("kint: --out {} is the kint store; write to another file\n", s.db()));
    const auto folder = s.run({"export", "--format", "ics", "--out", s.path("none/kint.ics")});
    CHECK(folder.code != 0);
    CHECK(is_error_line(folder.err));
    CHECK(mode_of(s.path("none")) == -1);
    CHECK(s.snapshot() == before);

    // No store yet: an empty calendar, and still no store.
    Sandbox fresh;
    const auto empty = fresh.ok({"export", "--format", "ics"}, berlin).out;
    CHECK(contains(empty, "BEGIN:VCALENDAR\r\n"));
    CHECK_FALSE(contains(empty, "VEVENT"));
    CHECK(mode_of(fresh.db()) == -1);
}
