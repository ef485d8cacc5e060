// parse_per and format_per: the text of --per, of JSON's "per" and of the store's cue.per.
#include "kint/core/model.hpp"
#include "kint/domain/period.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kint;

TEST_CASE("per: N/week and N/Md are read, with their bounds") {
    CHECK(parse_per("3/week") == Per{3, 7, true});
    CHECK(parse_per("1/week") == Per{1, 7, true});
    CHECK(parse_per("7/week") == Per{7, 7, true});
    CHECK(parse_per("1/7d") == Per{1, 7, false});
    CHECK(parse_per("3/7d") == Per{3, 7, false});
    CHECK(parse_per("1/2d") == Per{1, 2, false});
    CHECK(parse_per("2/2d") == Per{2, 2, false});
    CHECK(parse_per("31/31d") == Per{31, 31, false});
    CHECK(parse_per("1/31d") == Per{1, 31, false});
    // A week is not 7 days: it starts on day.week_starts; 3/7d rolls.
    CHECK_FALSE(parse_per("3/week") == parse_per("3/7d"));
}

TEST_CASE("per: anything else is refused") {
    for (const char* bad : {"0/week",   "8/week",     "3/1d",
                            "3/32d",    "4/3d",       "0/7d",
                            "x",        "3/",         "/week",
                            "3/weeks",  "",           "/",
                            "3",        "3/d",        "3/7",
                            "3/7days",  "-1/week",    "+3/week",
                            "3 /week",  " 3/week",    "3/week ",
                            "3/Week",   "3/7D",       "3/0d",
                            "1/1d",     "1000/7d",    "3/1000d",
                            "3.5/week", "3/7.0d",     "3//week",
                            "3/week/2", "three/week", "\xef\xbc\x93/week"}) {
        CAPTURE(std::string(bad));
        CHECK_FALSE(parse_per(bad));
    }
}

TEST_CASE("per: format_per writes what parse_per reads, and reads back the same") {
    CHECK(format_per(Per{3, 7, true}) == "3/week");
    CHECK(format_per(Per{3, 7, false}) == "3/7d");
    CHECK(format_per(Per{31, 31, false}) == "31/31d");
    for (int days = per_min_days; days <= per_max_days; ++days)
        for (int times = 1; times <= days; ++times) {
            const Per per{times, days, false};
            CAPTURE(format_per(per));
            CHECK(parse_per(format_per(per)) == per);
            if (days == 7) {
                const Per week{times, 7, true};
                CHECK(parse_per(format_per(week)) == week);
            }
        }
    // Every text that reads writes back as its one canonical form, which reads the same.
    for (const char* text : {"3/week", "1/7d", "31/31d", "2/5d"}) {
        CAPTURE(std::string(text));
        REQUIRE(parse_per(text));
        CHECK(format_per(*parse_per(text)) == text);
    }
}

using kint::test::D;

TEST_CASE("period: a first week cut short has the review's share of the target, at least 1") {
    using kint::period::remaining;
    using kint::period::target;
    const Per three{3, 7, true};
    // Weeks from Monday; 2026-11-16 is a Monday, 2026-11-22 its Sunday.
    CHECK(target(three, D("2026-11-18"), 0, D("2026-11-01")) == 3); // began before the week
    CHECK(target(three, D("2026-11-18"), 0, D("2026-11-16")) == 3); // began on its first day
    CHECK(target(three, D("2026-11-20"), 0, D("2026-11-18")) == 2); // 5 days: 3 x 5 / 7 = 2.1
    CHECK(target(three, D("2026-11-22"), 0, D("2026-11-22")) == 1); // Sunday alone: 0.4, at least 1
    CHECK(remaining(three, {}, D("2026-11-22"), 0, D("2026-11-22")) == 1);
    CHECK(remaining(three, {D("2026-11-22")}, D("2026-11-22"), 0, D("2026-11-22")) == 0);
    // Done days under an earlier plan (before `since`) do not count toward this one.
    // (Thursday to Sunday: 3 x 4 / 7 = 1.7, so 2.)
    CHECK(remaining(three, {D("2026-11-17")}, D("2026-11-20"), 0, D("2026-11-19")) == 2);
    // A rolling window is always N.
    CHECK(target(Per{2, 10, false}, D("2026-11-20"), 0, D("2026-11-19")) == 2);
}
