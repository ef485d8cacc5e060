// Days, clock times and schedules: parsers, formatters and weekday arithmetic.
#include "kint/core/day.hpp"
#include "kint/core/error.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <fmt/chrono.h>
#include <optional>
#include <string>

using namespace kint;
using namespace std::chrono;

namespace {
Day ymd(int y, unsigned m, unsigned d) {
    return Day{year{y} / month{m} / day{d}};
}
const Day today = ymd(2026, 11, 20);
} // namespace

TEST_CASE("parse_day: ISO dates, today, yesterday and -N") {
    CHECK(parse_day("2026-11-20", today) == today);
    CHECK(parse_day("2025-01-31", today) == ymd(2025, 1, 31));
    CHECK(parse_day("today", today) == today);
    CHECK(parse_day("Today", today) == today);
    CHECK(parse_day("yesterday", today) == ymd(2026, 11, 19));
    CHECK(parse_day("YESTERDAY", ymd(2027, 1, 1)) == ymd(2026, 12, 31));
    CHECK(parse_day("-0", today) == today);
    CHECK(parse_day("-1", today) == ymd(2026, 11, 19));
    CHECK(parse_day("-20", today) == ymd(2026, 10, 31));
    CHECK(parse_day("-366", ymd(2025, 3, 1)) == ymd(2024, 2, 29));
    CHECK(parse_day("-1", ymd(2024, 3, 1)) == ymd(2024, 2, 29));
    CHECK(parse_day("-1", ymd(2025, 3, 1)) == ymd(2025, 2, 28));
}

TEST_CASE("parse_day: only real dates are accepted") {
    CHECK(parse_day("2024-02-29", today) == ymd(2024, 2, 29));
    CHECK_THROWS_AS(parse_day("2025-02-29", today), UsageError);
    CHECK_THROWS_AS(parse_day("2026-02-30", today), UsageError);
    CHECK_THROWS_AS(parse_day("1900-02-29", today), UsageError); // not a leap year
    CHECK(parse_day("2000-02-29", today) == ymd(2000, 2, 29));   // a leap year
    // Month ends.
    for (unsigned m : {1U, 3U, 5U, 7U, 8U, 10U, 12U}) {
        const std::string last = "2026-" + std::string(m < 10 ? "0" : "") + std::to_string(m);
        CHECK_MESSAGE(parse_day(last + "-31", today) == ymd(2026, m, 31), m);
        CHECK_THROWS_AS(parse_day(last + "-32", today), UsageError);
    }
    for (unsigned m : {4U, 6U, 9U, 11U}) {
        const std::string last = "2026-" + std::string(m < 10 ? "0" : "") + std::to_string(m);
        CHECK_MESSAGE(parse_day(last + "-30", today) == ymd(2026, m, 30), m);
        CHECK_THROWS_AS(parse_day(last + "-31", today), UsageError);
    }
    CHECK(parse_day("2026-02-28", today) == ymd(2026, 2, 28));
    CHECK_THROWS_AS(parse_day("2026-13-01", today), UsageError);
    CHECK_THROWS_AS(parse_day("2026-00-10", today), UsageError);
    CHECK_THROWS_AS(parse_day("2026-11-00", today), UsageError);
}

TEST_CASE("parse_day: garbage is a usage error that quotes the input") {
    for (const char* bad : {"",
                            "tomorrow",
                            "2026-1-05",
                            "2026-01-5",
                            "20261120",
                            "2026/11/20",
                            "2026-11-20 ",
                            " 2026-11-20",
                            "2026-11-2x",
                            "+1",
                            "-",
                            "--1",
                            "-1x",
                            "-1.5",
                            "1",
                            "1899-12-31",
                            "-36601",
                            "-99999999999999999999",
                            "2026-11-20T00:00",
                            "２０２６-11-20"}) {
        CAPTURE(std::string(bad));
        CHECK_THROWS_AS(parse_day(bad, today), UsageError);
    }
    try {
        parse_day("funday", today);
        FAIL("parse_day accepted 'funday'");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find("'funday'") != std::string::npos);
        CHECK(e.exit_code() == 2);
    }
}

TEST_CASE("parse_iso_day and format_day round trip") {
    for (Day d = ymd(2023, 12, 25); d <= ymd(2024, 3, 5); d += days{1}) {
        const auto text = format_day(d);
        CHECK(text.size() == 10);
        CHECK(parse_iso_day(text) == d);
    }
    CHECK(format_day(ymd(2026, 1, 2)) == "2026-01-02");
    CHECK_FALSE(parse_iso_day("today"));
    CHECK_FALSE(parse_iso_day("2026-02-29"));
    // Every day of two centuries, and what is not a day.
    for (Day d = ymd(1900, 1, 1); d <= ymd(2100, 12, 31); d += days{1})
        REQUIRE(parse_iso_day(format_day(d)) == d);
    CHECK(parse_iso_day("2024-02-29") == ymd(2024, 2, 29));
    CHECK(parse_iso_day("9999-12-31") == ymd(9999, 12, 31));
    for (const char* bad :
         {"2026-1a-01", "+026-01-01", " 2026-01-1", "2026-01-1 ", "2026-00-10", "2026-13-01",
          "2026-01-00", "2026-01-32", "2026-04-31", "0000-01-01", "1899-12-31", "2026/01/01",
          "2026-01-01x", "2026-0-101", "-026-01-01", "2026-\x01-01", "２026-01-0"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_day(bad));
    }
    CHECK_FALSE(parse_iso_day(std::string_view("2026-01-0\0", 10)));
}

TEST_CASE("format_day: every digit in its place, the years past 9999 and before 0 too") {
    // The fast path (years 0-9999) against fmt's own padded fields, across its edges.
    const auto by_fmt = [](Day d) {
        const std::chrono::year_month_day x{d};
        return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(x.year()),
                           static_cast<unsigned>(x.month()), static_cast<unsigned>(x.day()));
    };
    for (const auto& [from, to] :
         {std::pair{ymd(0, 1, 1), ymd(12, 12, 31)}, std::pair{ymd(99, 12, 1), ymd(101, 1, 31)},
          std::pair{ymd(999, 12, 1), ymd(1001, 1, 31)},
          std::pair{ymd(9998, 12, 1), ymd(10001, 1, 31)}})
        for (Day d = from; d <= to; d += days{1})
            REQUIRE(format_day(d) == by_fmt(d));
    CHECK(format_day(ymd(7, 3, 9)) == "0007-03-09");
    CHECK(format_day(ymd(10000, 1, 1)) == "10000-01-01");
    CHECK(format_day(ymd(-1, 12, 31)) == "-001-12-31");
}

TEST_CASE("parse_clock: HH:MM from 00:00 to 23:59") {
    CHECK(parse_clock("00:00") == 0);
    CHECK(parse_clock("23:59") == 23 * 60 + 59);
    CHECK(parse_clock("7:05") == 7 * 60 + 5);
    CHECK(parse_clock("07:05") == 7 * 60 + 5);
    CHECK(parse_clock("12:00") == 720);
    for (const char* bad :
         {"24:00", "12:60", "7:5", "", ":30", "7:", "123:00", "12:345", "-1:00", "12:3a", " 7:00",
          "07:00 ", "7pm", "07.30", "0730", "7:05:00", "+7:05", "99:99"}) {
        CAPTURE(std::string(bad));
        CHECK_FALSE(parse_clock(bad));
    }
    CHECK(format_clock(0) == "00:00");
    CHECK(format_clock(425) == "07:05");
    CHECK(format_clock(1439) == "23:59");
    for (Minutes m = 0; m < 24 * 60; m += 7)
        CHECK(parse_clock(format_clock(m)) == m);
}

TEST_CASE("Schedule::parse: names, lists and the unknown") {
    CHECK(Schedule::parse("daily") == Schedule::daily());
    CHECK(Schedule::parse("Daily").is_daily());
    CHECK(Schedule::parse("weekdays").mask() == 0x1F);
    CHECK(Schedule::parse("weekends").mask() == 0x60);
    CHECK(Schedule::parse("mon,wed,fri").mask() == 0x15);
    CHECK(Schedule::parse("Monday, Friday").mask() == 0x11);
    CHECK(Schedule::parse("sun").mask() == 0x40);
    CHECK(Schedule::parse("mon,mon").mask() == 0x01);
    CHECK(Schedule::parse("mon,tue,wed,thu,fri,sat,sun").is_daily());
    for (const char* bad : {"funday", "", "mon,", ",mon", "mon,,fri", "mon;wed", "mo", "monday2"}) {
        CAPTURE(std::string(bad));
        CHECK_THROWS_AS(Schedule::parse(bad), UsageError);
    }
    // Nothing at all is said as such, not as a day of the week named ''.
    CHECK_THROWS_WITH_AS(Schedule::parse(" , "),
                         "no days given; use daily, weekdays, weekends or a list like mon,wed,fri",
                         UsageError);
    try {
        Schedule::parse("mon,funday");
        FAIL("Schedule::parse accepted 'funday'");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find("'funday'") != std::string::npos);
    }
}

TEST_CASE("Schedule: to_string and parse round trip for every non-empty mask") {
    CHECK(Schedule::daily().to_string() == "daily");
    CHECK(Schedule(0x1F).to_string() == "weekdays");
    CHECK(Schedule(0x60).to_string() == "weekends");
    CHECK(Schedule(0x15).to_string() == "mon,wed,fri");
    CHECK(Schedule(0x41).to_string() == "mon,sun");
    for (unsigned m = 1; m <= 0x7F; ++m) {
        const Schedule s(static_cast<std::uint8_t>(m));
        CAPTURE(m);
        CHECK(Schedule::parse(s.to_string()) == s);
    }
    CHECK(Schedule(0xFF).mask() == 0x7F); // the eighth bit is not a day
}

TEST_CASE("weekday_index and Schedule::on across a month and a year end") {
    CHECK(weekday_index(ymd(2026, 11, 20)) == 4); // Friday
    CHECK(weekday_index(ymd(2026, 11, 30)) == 0); // Monday
    CHECK(weekday_index(ymd(2026, 12, 1)) == 1);  // Tuesday
    CHECK(weekday_index(ymd(2026, 12, 31)) == 3); // Thursday
    CHECK(weekday_index(ymd(2027, 1, 1)) == 4);   // Friday
    CHECK(weekday_index(ymd(2027, 1, 3)) == 6);   // Sunday
    CHECK(weekday_index(ymd(2027, 1, 4)) == 0);   // Monday
    CHECK(weekday_index(ymd(2024, 2, 29)) == 3);  // Thursday
    CHECK(weekday_index(ymd(2023, 12, 31)) == 6); // Sunday
    CHECK(weekday_index(ymd(2024, 1, 1)) == 0);   // Monday
    // Consecutive days step through the week without a gap.
    for (Day d = ymd(2026, 12, 20); d < ymd(2027, 1, 10); d += days{1})
        CHECK((weekday_index(d) + 1) % 7 == weekday_index(d + days{1}));

    const Schedule mwf = Schedule::parse("mon,wed,fri");
    CHECK(mwf.on(ymd(2026, 12, 30)));       // Wednesday
    CHECK_FALSE(mwf.on(ymd(2026, 12, 31))); // Thursday
    CHECK(mwf.on(ymd(2027, 1, 1)));         // Friday
    CHECK_FALSE(mwf.on(ymd(2027, 1, 3)));   // Sunday
    CHECK(mwf.on(ymd(2027, 1, 4)));         // Monday
    const Schedule weekends = Schedule::parse("weekends");
    CHECK(weekends.on(ymd(2027, 1, 2)));
    CHECK_FALSE(weekends.on(ymd(2027, 1, 1)));
}

TEST_CASE("format_long_day: the heading's day is the calendar day in every time zone") {
    CHECK(weekday_name(ymd(2026, 11, 20)) == "Friday");
    CHECK(weekday_name(ymd(2026, 11, 22)) == "Sunday");
    CHECK(month_name(ymd(2026, 1, 31)) == "January");
    CHECK(month_name(ymd(2026, 12, 1)) == "December");
    CHECK(format_long_day(ymd(2026, 11, 5)) == "Thursday 05 November 2026");
    CHECK(format_long_day(ymd(1900, 1, 1)) == "Monday 01 January 1900");
    CHECK(format_long_day(ymd(9999, 12, 31)) == "Friday 31 December 9999");

    // fmt's chrono formatter passes a day through local time: west of UTC it names the day before.
    const char* old = std::getenv("TZ");
    const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
    for (const char* zone : {"America/New_York", "Pacific/Pago_Pago", "Pacific/Kiritimati"}) {
        ::setenv("TZ", zone, 1);
        ::tzset();
        CHECK(format_long_day(ymd(2026, 11, 20)) == "Friday 20 November 2026");
        CHECK(format_long_day(ymd(2027, 1, 1)) == "Friday 01 January 2027");
    }
    // In UTC it gives what that formatter gave there, on every day of a leap year and its edges.
    ::setenv("TZ", "UTC", 1);
    ::tzset();
    for (Day d = ymd(2023, 12, 25); d < ymd(2025, 1, 8); d += days{1})
        CHECK(format_long_day(d) == fmt::format("{:%A %d %B %Y}", d));
    if (saved)
        ::setenv("TZ", saved->c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
}

TEST_CASE("add_days and parse_day: no derived day leaves 1900-01-01..9999-12-31") {
    CHECK(add_days(ymd(1900, 1, 2), -1, "x") == first_day);
    CHECK(add_days(ymd(9999, 12, 30), 1, "x") == last_day);
    CHECK_THROWS_AS(add_days(first_day, -1, "'yesterday'"), UsageError);
    CHECK_THROWS_AS(add_days(last_day, 1, "tomorrow"), UsageError);
    CHECK_THROWS_AS(add_days(today, 1LL << 40, "far"), UsageError); // no overflow
    CHECK_THROWS_AS(add_days(today, -(1LL << 40), "far"), UsageError);
    try {
        (void)parse_day("yesterday", first_day);
        FAIL("1899-12-31 was accepted");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "'yesterday' falls before 1900-01-01; kint keeps days from "
                                       "1900-01-01 to 9999-12-31");
    }
    CHECK_THROWS_AS(parse_day("-36600", ymd(1950, 1, 1)), UsageError);
    CHECK(parse_day("-36600", ymd(2050, 1, 1)) == ymd(2050, 1, 1) - days{36600});
}

TEST_CASE("parse_stored_day: any real date a row may hold, in or out of kint's range") {
    CHECK(parse_stored_day("2026-11-20") == today);
    CHECK(parse_stored_day("1849-10-20") == ymd(1849, 10, 20));
    CHECK(parse_stored_day("10000-01-01") == ymd(10000, 1, 1));
    CHECK(format_day(*parse_stored_day("10000-01-01")) == "10000-01-01");
    CHECK_FALSE(parse_stored_day("hello"));
    CHECK_FALSE(parse_stored_day("2026-13-45"));
    CHECK_FALSE(parse_stored_day(""));
    CHECK_FALSE(parse_stored_day("99999-01-01"));
    CHECK_FALSE(parse_stored_day("-"));
    CHECK_FALSE(parse_stored_day("2026-1-01"));
    CHECK_FALSE(parse_iso_day("1899-12-31"));
}
