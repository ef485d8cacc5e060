// Time zone rules for the calendar export: POSIX TZ strings, the offset they give at an instant,
// and TZif files read against them (the system's own zoneinfo files: tzdata is a CI package).
#include "kint/domain/zone.hpp"
#include "kint/io/files.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {

// Seconds since the epoch of a UTC day and time.
std::int64_t utc(std::string_view day, int hour, int minute = 0) {
    return static_cast<std::int64_t>(D(day).time_since_epoch().count()) * 86400 + hour * 3600 +
           minute * 60;
}

zone::Tzif system_zone(const std::string& name) {
    const auto tzif = zone::parse_tzif(io::read_file("/usr/share/zoneinfo/" + name, 1 << 20));
    REQUIRE(tzif);
    return *tzif;
}

} // namespace

TEST_CASE("zone::parse_posix: the rules TZif files end with") {
    const auto berlin = zone::parse_posix("CET-1CEST,M3.5.0,M10.5.0/3");
    REQUIRE(berlin);
    CHECK(berlin->std_name == "CET");
    CHECK(berlin->std_offset == 3600);
    CHECK(berlin->dst_name == "CEST");
    CHECK(berlin->dst_offset == 7200);
    CHECK(berlin->dst_start.month == 3);
    CHECK(berlin->dst_start.week == 5);
    CHECK(berlin->dst_start.weekday == 0);
    CHECK(berlin->dst_start.seconds == 7200); // 02:00 by default
    CHECK(berlin->dst_end.seconds == 3 * 3600);

    const auto new_york = zone::parse_posix("EST5EDT,M3.2.0,M11.1.0");
    REQUIRE(new_york);
    CHECK(new_york->std_offset == -5 * 3600);
    CHECK(new_york->dst_offset == -4 * 3600);

    const auto pago = zone::parse_posix("SST11");
    REQUIRE(pago);
    CHECK(pago->std_offset == -11 * 3600);
    CHECK_FALSE(pago->dst_name);
    const auto kiritimati = zone::parse_posix("<+14>-14");
    REQUIRE(kiritimati);
    CHECK(kiritimati->std_name == "+14");
    CHECK(kiritimati->std_offset == 14 * 3600);

    const auto lord_howe = zone::parse_posix("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
    REQUIRE(lord_howe);
    CHECK(lord_howe->std_offset == 10 * 3600 + 1800);
    CHECK(lord_howe->dst_offset == 11 * 3600);
    const auto nuuk = zone::parse_posix("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
    REQUIRE(nuuk);
    CHECK(nuuk->dst_start.seconds == -3600);
    const auto jerusalem = zone::parse_posix("IST-2IDT,M3.4.4/26,M10.5.0");
    REQUIRE(jerusalem);
    CHECK(jerusalem->dst_start.seconds == 26 * 3600);

    // Forms TZif files do not use, and damage: nothing (the calendar then floats).
    for (const char* bad :
         {"", "C", "CET", "CET-1CEST", "EST5EDT,J60,J300", "EST5EDT,60,300",
          "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0",
          "CET-1CEST,M3.5.0", "CET-25", "<+14-14", "CET-1CEST,M3.5.0,M10.5.0/3x", "CET-1:5"}) {
        CAPTURE(bad);
        CHECK_FALSE(zone::parse_posix(bad));
    }
}

TEST_CASE("zone::offset_at: daylight time between the changes, north and south") {
    const auto berlin = *zone::parse_posix("CET-1CEST,M3.5.0,M10.5.0/3");
    // 2027: from 29 March 01:00 UTC to 31 October 01:00 UTC.
    CHECK(zone::offset_at(berlin, utc("2027-03-28", 0, 59)) == 3600);
    CHECK(zone::offset_at(berlin, utc("2027-03-28", 1)) == 7200);
    CHECK(zone::offset_at(berlin, utc("2027-10-31", 0, 59)) == 7200);
    CHECK(zone::offset_at(berlin, utc("2027-10-31", 1)) == 3600);
    CHECK(zone::offset_at(berlin, utc("2027-01-01", 0)) == 3600);
    const auto sydney = *zone::parse_posix("AEST-10AEDT,M10.1.0,M4.1.0/3");
    CHECK(zone::offset_at(sydney, utc("2027-01-15", 12)) == 11 * 3600);
    CHECK(zone::offset_at(sydney, utc("2027-07-15", 12)) == 10 * 3600);
    // The change at 26:00 on Thursday is Friday 02:00 local (00:00 UTC).
    const auto jerusalem = *zone::parse_posix("IST-2IDT,M3.4.4/26,M10.5.0");
    CHECK(zone::offset_at(jerusalem, utc("2027-03-25", 23, 59)) == 2 * 3600);
    CHECK(zone::offset_at(jerusalem, utc("2027-03-26", 0)) == 3 * 3600);
    CHECK(zone::offset_at(*zone::parse_posix("SST11"), utc("2027-07-01", 0)) == -11 * 3600);
}

TEST_CASE("zone::parse_tzif: the system's files, their transitions and their rule") {
    const auto berlin = system_zone("Europe/Berlin");
    CHECK(berlin.footer == "CET-1CEST,M3.5.0,M10.5.0/3");
    CHECK(berlin.transitions.size() > 100);
    const auto rule = zone::parse_posix(berlin.footer);
    REQUIRE(rule);
    CHECK(zone::rule_holds_from(berlin, *rule, D("2026-11-20")));
    // Before 1980 Berlin kept other changes: the rule is not the file's truth then.
    CHECK_FALSE(zone::rule_holds_from(berlin, *rule, D("1970-01-01")));
    for (const char* name :
         {"America/New_York", "Australia/Sydney", "Europe/Dublin", "Asia/Jerusalem", "America/Nuuk",
          "Pacific/Pago_Pago", "Pacific/Kiritimati", "Asia/Kolkata", "Australia/Lord_Howe"}) {
        CAPTURE(name);
        const auto tzif = system_zone(name);
        const auto r = zone::parse_posix(tzif.footer);
        REQUIRE(r);
        CHECK(zone::rule_holds_from(tzif, *r, D("2026-11-20")));
    }
    // Morocco's Ramadan changes are listed years ahead and are not in its rule ("<+01>-1").
    const auto casablanca = system_zone("Africa/Casablanca");
    const auto r = zone::parse_posix(casablanca.footer);
    REQUIRE(r);
    CHECK_FALSE(zone::rule_holds_from(casablanca, *r, D("2026-11-20")));

    // Version 1 (no rule), cut short, not TZif: nothing.
    std::string bytes = io::read_file("/usr/share/zoneinfo/Europe/Berlin", 1 << 20);
    CHECK_FALSE(zone::parse_tzif(bytes.substr(0, bytes.size() - 1)));
    CHECK_FALSE(zone::parse_tzif(bytes.substr(0, 200)));
    CHECK_FALSE(zone::parse_tzif("not a zone file"));
    auto v1 = bytes;
    v1[4] = '\0';
    CHECK_FALSE(zone::parse_tzif(v1));
}
