// The safety rule (SPEC §7.6): low moods within a window of calendar days, when the note shows in
// rate and today (and for how long after), in a review, and the check-in after quiet days.
#include "kint/config/config.hpp"
#include "kint/domain/safety.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <map>
#include <stdexcept>

using namespace kint;
using kint::test::D;
using std::chrono::days;

namespace {

Rating mood(std::string_view day, int value) {
    return Rating{D(day), RatingKind::mood, value, {}};
}
Rating energy(std::string_view day, int value) {
    return Rating{D(day), RatingKind::energy, value, {}};
}

// The default rule: 3 days at 3 or lower within 5 days.
config::Safety rule(int max = 3, int count = 3, int window = 5) {
    config::Safety r;
    r.low_mood_max = max;
    r.low_mood_days = count;
    r.low_mood_window = window;
    r.message = "contact your clinic";
    return r;
}
// The old rule: `count` consecutive days.
config::Safety in_a_row(int max = 3, int count = 3) {
    return rule(max, count, count);
}

std::vector<Day> days_of(std::initializer_list<std::string_view> texts) {
    std::vector<Day> out;
    for (auto t : texts)
        out.push_back(D(t));
    return out;
}

// Moods from `first` on, one a day; -1 is a day not rated.
std::vector<Rating> series(std::string_view first, std::initializer_list<int> values) {
    std::vector<Rating> out;
    Day d = D(first);
    for (int v : values) {
        if (v >= 0) out.push_back(Rating{d, RatingKind::mood, v, {}});
        d += days{1};
    }
    return out;
}

} // namespace

TEST_CASE("safety::low_stretches: the issue's examples under the default rule") {
    const auto r = rule();
    SUBCASE("2, 1, -, 2 meets it: one unrated day does not hide the stretch") {
        const auto s = safety::low_stretches(series("2026-03-01", {2, 1, -1, 2}), r);
        REQUIRE(s.size() == 1);
        CHECK(s[0] == days_of({"2026-03-01", "2026-03-02", "2026-03-04"}));
    }
    SUBCASE("3, 5, 3, 5, 3 meets it: the better days between do not reset it") {
        const auto s = safety::low_stretches(series("2026-03-01", {3, 5, 3, 5, 3}), r);
        REQUIRE(s.size() == 1);
        CHECK(s[0] == days_of({"2026-03-01", "2026-03-03", "2026-03-05"}));
    }
    SUBCASE("2, 2, -, -, -, 2 does not: the third low day is six days from the first") {
        CHECK(safety::low_stretches(series("2026-03-01", {2, 2, -1, -1, -1, 2}), r).empty());
    }
}

TEST_CASE("safety::low_stretches: every edge of the window and the count") {
    SUBCASE("the count's low days spanning exactly the window meet it; one day more does not") {
        // Low on the 1st, 3rd and 5th: 5 days from first to last.
        CHECK(safety::low_stretches(series("2026-03-01", {2, -1, 2, -1, 2}), rule()).size() == 1);
        // Low on the 1st, 3rd and 6th: 6 days.
        CHECK(safety::low_stretches(series("2026-03-01", {2, -1, 2, -1, -1, 2}), rule()).empty());
    }
    SUBCASE("one low day short of the count does not meet it, however close") {
        CHECK(safety::low_stretches(series("2026-03-01", {1, 1}), rule()).empty());
        CHECK(safety::low_stretches(series("2026-03-01", {1, 1, 1}), rule(3, 4, 5)).empty());
        CHECK(safety::low_stretches(series("2026-03-01", {1, 1, 1, 1}), rule(3, 4, 5)).size() == 1);
    }
    SUBCASE("low_mood_max is at or below; one above is a better day") {
        CHECK(safety::low_stretches(series("2026-03-01", {3, 3, 3}), rule()).size() == 1);
        CHECK(safety::low_stretches(series("2026-03-01", {4, 4, 4}), rule()).empty());
        CHECK(safety::low_stretches(series("2026-03-01", {4, 4, 4}), rule(4)).size() == 1);
        CHECK(safety::low_stretches(series("2026-03-01", {0, 0, 0}), rule(0)).size() == 1);
    }
    SUBCASE("a count of one: every low day is a stretch of its own unless a window joins them") {
        const auto s = safety::low_stretches(series("2026-03-01", {2, 8, 8, 2}), rule(3, 1, 1));
        REQUIRE(s.size() == 2);
        CHECK(s[0] == days_of({"2026-03-01"}));
        CHECK(s[1] == days_of({"2026-03-04"}));
        const auto joined =
            safety::low_stretches(series("2026-03-01", {2, 8, 8, 2}), rule(3, 1, 4));
        REQUIRE(joined.size() == 1);
        CHECK(joined[0].size() == 2);
    }
    SUBCASE("the widest window, 31 days") {
        const std::vector<Rating> r{mood("2026-01-01", 1), mood("2026-01-16", 1),
                                    mood("2026-01-31", 1)};
        CHECK(safety::low_stretches(r, rule(3, 3, 31)).size() == 1);
        CHECK(safety::low_stretches(r, rule(3, 3, 30)).empty());
    }
}

TEST_CASE("safety::low_stretches: days listed and stretches joined or apart") {
    SUBCASE("only the low days of qualifying windows are listed") {
        // A low day alone a week before, a better day inside the window: neither is listed.
        const auto s =
            safety::low_stretches(series("2026-03-01", {2, 8, 8, 8, 8, 8, 8, 1, 9, 2, 3}), rule());
        REQUIRE(s.size() == 1);
        CHECK(s[0] == days_of({"2026-03-08", "2026-03-10", "2026-03-11"}));
    }
    SUBCASE("windows sharing a low day make one stretch; a wider gap makes two") {
        // 1..3 low, 4 unrated, 5..7 low: each window shares days with the next.
        const auto one =
            safety::low_stretches(series("2026-03-01", {2, 2, 2, -1, 2, 2, 2}), rule());
        REQUIRE(one.size() == 1);
        CHECK(one[0].size() == 6);
        // Four days apart (1..3 and 8..10): no window holds three low days across the gap.
        const auto two =
            safety::low_stretches(series("2026-03-01", {2, 2, 2, -1, -1, -1, -1, 2, 2, 2}), rule());
        REQUIRE(two.size() == 2);
        CHECK(two[0] == days_of({"2026-03-01", "2026-03-02", "2026-03-03"}));
        CHECK(two[1] == days_of({"2026-03-08", "2026-03-09", "2026-03-10"}));
    }
    SUBCASE("energy ratings are ignored; a later rating of the same day replaces the earlier") {
        const std::vector<Rating> energy_only{energy("2026-05-10", 0), energy("2026-05-11", 0),
                                              energy("2026-05-12", 0)};
        CHECK(safety::low_stretches(energy_only, rule()).empty());
        const std::vector<Rating> replaced{mood("2026-05-10", 2), mood("2026-05-11", 2),
                                           mood("2026-05-12", 2), mood("2026-05-11", 7)};
        CHECK(safety::low_stretches(replaced, rule()).empty());
        const std::vector<Rating> high_energy{mood("2026-05-10", 1), energy("2026-05-11", 9),
                                              mood("2026-05-11", 2), mood("2026-05-12", 3)};
        CHECK(safety::low_stretches(high_energy, rule()).size() == 1);
    }
    SUBCASE("unordered ratings, across a month end, a year end and a leap day") {
        const std::vector<Rating> r{mood("2028-03-01", 2), mood("2027-12-31", 0),
                                    mood("2028-02-28", 2), mood("2028-01-01", 1),
                                    mood("2028-02-29", 2), mood("2028-01-02", 1)};
        const auto s = safety::low_stretches(r, rule());
        REQUIRE(s.size() == 2);
        CHECK(s[0] == days_of({"2027-12-31", "2028-01-01", "2028-01-02"}));
        CHECK(s[1] == days_of({"2028-02-28", "2028-02-29", "2028-03-01"}));
    }
}

TEST_CASE(
    "safety::low_stretches: low_mood_window = low_mood_days is the old rule of days in a row") {
    SUBCASE("a missing day breaks the run") {
        const auto r = series("2026-03-01", {2, 2, -1, 2, 1});
        CHECK(safety::low_stretches(r, in_a_row()).empty());
        const auto twos = safety::low_stretches(r, in_a_row(3, 2));
        REQUIRE(twos.size() == 2);
        CHECK(twos[0] == days_of({"2026-03-01", "2026-03-02"}));
        CHECK(twos[1] == days_of({"2026-03-04", "2026-03-05"}));
        // The default window bridges that gap.
        CHECK(safety::low_stretches(r, rule()).size() == 1);
    }
    SUBCASE("a better day in the middle breaks the run") {
        const auto r = series("2026-05-10", {2, 3, 4, 1, 2});
        CHECK(safety::low_stretches(r, in_a_row()).empty());
        CHECK(safety::low_stretches(r, in_a_row(4, 3)).size() == 1);
        CHECK(safety::low_stretches(r, in_a_row(4, 3))[0].size() == 5);
    }
    SUBCASE("exactly low_mood_days long triggers, one day short does not") {
        CHECK(safety::low_stretches(series("2026-05-10", {3, 0, 3}), in_a_row()).size() == 1);
        CHECK(safety::low_stretches(series("2026-05-10", {3, 0}), in_a_row()).empty());
        CHECK(safety::low_stretches(series("2026-05-10", {3, 0, 3}), in_a_row(3, 4)).empty());
    }
    SUBCASE("a long run is one stretch") {
        const auto s = safety::low_stretches(series("2026-05-10", {1, 1, 1, 1, 1, 1}), in_a_row());
        REQUIRE(s.size() == 1);
        CHECK(s[0].size() == 6);
    }
}

TEST_CASE("safety::check_recent: a stretch ending today or yesterday") {
    const auto r = series("2026-11-15", {5, 2, 3, 1}); // low 16th-18th
    const auto on_day = safety::check_recent(r, rule(), D("2026-11-18"));
    CHECK(on_day.triggered);
    CHECK(on_day.days == days_of({"2026-11-16", "2026-11-17", "2026-11-18"}));
    CHECK(safety::check_recent(r, rule(), D("2026-11-19")).days == on_day.days);
    // Seen from before it qualified (the 17th: two low days so far), nothing yet.
    CHECK_FALSE(safety::check_recent(r, rule(), D("2026-11-17")).triggered);
    CHECK_FALSE(safety::check_recent(r, rule(), D("2026-11-15")).triggered);
    // The rule's own numbers apply.
    CHECK_FALSE(safety::check_recent(r, rule(2, 3), D("2026-11-18")).triggered);
    CHECK(safety::check_recent(r, rule(3, 2), D("2026-11-18")).triggered);
    // A rating after `today` is not counted (it does not exist yet on that day).
    auto later = r;
    later.push_back(mood("2026-11-20", 9));
    CHECK(safety::check_recent(later, rule(), D("2026-11-19")).triggered);
}

TEST_CASE("safety::check_recent: going quiet keeps the note up to seven days") {
    const auto r = series("2026-11-16", {2, 3, 1}); // low 16th-18th, then nothing rated
    for (int after = 0; after <= 7; ++after) {
        CAPTURE(after);
        const auto v = safety::check_recent(r, rule(), D("2026-11-18") + days{after});
        CHECK(v.triggered);
        CHECK(v.days == days_of({"2026-11-16", "2026-11-17", "2026-11-18"}));
    }
    CHECK_FALSE(safety::check_recent(r, rule(), D("2026-11-26")).triggered); // the eighth day
    CHECK(safety::check_recent(r, rule(), D("2026-11-26")).days.empty());
    // The old rule's run counts the same way.
    CHECK(safety::check_recent(r, in_a_row(), D("2026-11-25")).triggered);
    CHECK_FALSE(safety::check_recent(r, in_a_row(), D("2026-11-26")).triggered);
}

TEST_CASE("safety::check_recent: a better day ends the note, once the stretch is past") {
    const auto r = series("2026-11-16", {2, 3, 1}); // low 16th-18th
    SUBCASE("a better mood today, the day after the stretch: still shown") {
        auto x = r;
        x.push_back(mood("2026-11-19", 8));
        CHECK(safety::check_recent(x, rule(), D("2026-11-19")).triggered);
        // The next day, quiet or not, the better day has ended it.
        CHECK_FALSE(safety::check_recent(x, rule(), D("2026-11-20")).triggered);
    }
    SUBCASE("a better mood three days on ends it that day") {
        auto x = r;
        CHECK(safety::check_recent(x, rule(), D("2026-11-21")).triggered);
        x.push_back(mood("2026-11-21", 4)); // just above low_mood_max
        CHECK_FALSE(safety::check_recent(x, rule(), D("2026-11-21")).triggered);
        CHECK_FALSE(safety::check_recent(x, rule(), D("2026-11-22")).triggered);
    }
    SUBCASE("another low day after the stretch does not end it, and may extend it") {
        auto x = r;
        x.push_back(mood("2026-11-21", 3)); // within a window of the 18th with the 17th: joins
        const auto v = safety::check_recent(x, rule(), D("2026-11-27"));
        CHECK(v.triggered);
        CHECK(v.days.back() == D("2026-11-21"));
        CHECK_FALSE(safety::check_recent(x, rule(), D("2026-11-29")).triggered);
        // A lone low day too far to join does not end the quiet days either.
        auto y = r;
        y.push_back(mood("2026-11-24", 2));
        CHECK(safety::check_recent(y, rule(), D("2026-11-25")).triggered);
        CHECK(safety::check_recent(y, rule(), D("2026-11-25")).days.back() == D("2026-11-18"));
    }
    SUBCASE("a better mood before the stretch's last day does not end it") {
        const auto x = series("2026-11-16", {2, 7, 2, 2}); // low 16th, 18th, 19th
        CHECK(safety::check_recent(x, rule(), D("2026-11-24")).triggered);
    }
}

TEST_CASE("safety::check_recent: a custom window") {
    // Four low days within seven.
    const auto r7 = rule(3, 4, 7);
    const auto x = series("2026-06-01", {2, 6, 2, -1, 3, 6, 1}); // low 1st, 3rd, 5th, 7th
    CHECK(safety::check_recent(x, r7, D("2026-06-07")).triggered);
    CHECK(safety::check_recent(x, r7, D("2026-06-07")).days.size() == 4);
    CHECK(safety::check_recent(x, rule(), D("2026-06-07")).triggered); // 3 of them within 5
    const auto y = series("2026-06-01", {2, 6, 2, -1, 3, 6, 6, 1});    // the 4th low day on the 8th
    CHECK_FALSE(safety::check_recent(y, r7, D("2026-06-08")).triggered);
    CHECK(safety::check_recent(y, rule(3, 4, 8), D("2026-06-08")).triggered);
}

TEST_CASE("safety::check_period: a stretch overlapping the period") {
    const auto r = series("2026-11-10", {2, 2, 2});
    const auto run = days_of({"2026-11-10", "2026-11-11", "2026-11-12"});
    auto check = [&](std::string_view from, std::string_view to) {
        return safety::check_period(r, rule(), D(from), D(to));
    };
    CHECK(check("2026-11-12", "2026-11-18").triggered); // overlaps on the period's first day
    CHECK(check("2026-11-04", "2026-11-10").triggered); // overlaps on the period's last day
    CHECK(check("2026-11-11", "2026-11-11").triggered); // a period inside the stretch
    CHECK(check("2026-11-01", "2026-11-30").triggered); // the stretch inside the period
    CHECK(check("2026-11-12", "2026-11-18").days == run);
    CHECK_FALSE(check("2026-11-13", "2026-11-19").triggered); // just after
    CHECK_FALSE(check("2026-11-03", "2026-11-09").triggered); // just before
    CHECK(check("2026-11-13", "2026-11-19").days.empty());

    SUBCASE("a window spanning the period from both sides overlaps it") {
        const auto gap = series("2026-11-10", {2, 2, 8, 2}); // a better day on the 12th only
        CHECK(safety::check_period(gap, rule(), D("2026-11-12"), D("2026-11-12")).triggered);
    }
    SUBCASE("with two stretches the latest overlapping one is reported") {
        auto two = r;
        for (auto d : {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"})
            two.push_back(mood(d, 1));
        const auto v = safety::check_period(two, rule(), D("2026-11-01"), D("2026-11-30"));
        CHECK(v.triggered);
        CHECK(v.days.size() == 4);
        CHECK(v.days.front() == D("2026-11-20"));
        CHECK(safety::check_period(two, rule(), D("2026-11-09"), D("2026-11-15")).days == run);
    }
}

TEST_CASE("safety::check_in: a low last mood, then two quiet days, and no note") {
    const auto r = rule();
    SUBCASE("one low rating, then quiet") {
        const auto x = series("2026-11-10", {6, 2});
        CHECK_FALSE(safety::check_in(x, r, D("2026-11-11"))); // rated today
        CHECK_FALSE(safety::check_in(x, r, D("2026-11-12"))); // one day since
        const auto c = safety::check_in(x, r, D("2026-11-13"));
        REQUIRE(c);
        CHECK(*c == safety::CheckIn{D("2026-11-11"), 2});
        CHECK(safety::check_in(x, r, D("2027-03-01"))); // still, after months
    }
    SUBCASE("a latest mood above low_mood_max: none") {
        CHECK_FALSE(safety::check_in(series("2026-11-10", {2, 4}), r, D("2026-11-20")));
        CHECK(safety::check_in(series("2026-11-10", {2, 4}), rule(4), D("2026-11-20")));
    }
    SUBCASE("no mood at all, or only energy: none") {
        CHECK_FALSE(safety::check_in({}, r, D("2026-11-20")));
        CHECK_FALSE(safety::check_in({energy("2026-11-10", 1)}, r, D("2026-11-20")));
    }
    SUBCASE("while the note stands there is no check-in; it follows when the note ends") {
        const auto x = series("2026-11-16", {2, 3, 1}); // low 16th-18th, then quiet
        for (int after = 2; after <= 7; ++after)
            CHECK_FALSE(safety::check_in(x, r, D("2026-11-18") + days{after}));
        const auto c = safety::check_in(x, r, D("2026-11-26"));
        REQUIRE(c);
        CHECK(c->last_day == D("2026-11-18"));
        CHECK(c->last_value == 1);
    }
    SUBCASE("ratings after today are not counted") {
        auto x = series("2026-11-10", {2});
        x.push_back(mood("2026-11-20", 7));
        CHECK(safety::check_in(x, r, D("2026-11-12")));
    }
}

TEST_CASE("safety::RecentRun: the few newest ratings it keeps give the whole history's verdict") {
    // Random histories with gaps, low stretches and better days; several rules and every `today`
    // near their end: check_recent and check_in over what RecentRun keeps equal them over all.
    std::uint32_t seed = 12345;
    auto next = [&](std::uint32_t n) {
        seed = seed * 1664525U + 1013904223U;
        return (seed >> 8) % n;
    };
    const Day start = D("2026-01-01");
    int triggered = 0, checked_in = 0, checked = 0;
    for (int history = 0; history < 300; ++history) {
        std::vector<Rating> all; // oldest first, as the store returns them
        const int length = 60;
        const auto quiet_from = static_cast<int>(next(3) == 0 ? 40 + next(20) : length);
        for (Day d = start; d < start + days{quiet_from}; d += days{1}) {
            if (next(4) == 0) continue; // a day not rated
            all.push_back(Rating{
                d, RatingKind::mood, static_cast<int>(next(3) == 0 ? next(11) : next(5)), {}});
        }
        for (const auto& r : {rule(), in_a_row(), in_a_row(2, 2), rule(4, 5, 9), rule(3, 1, 1),
                              rule(3, 2, 31), rule(2, 4, 6)}) {
            for (int back = 0; back < 12; ++back) {
                const Day today = start + days{length - 1 - back};
                safety::RecentRun run(r, today);
                std::vector<Rating> kept;
                for (auto it = all.rbegin(); it != all.rend(); ++it) {
                    if (it->day > today) continue; // the store reads from today back
                    if (!run.take(*it)) break;
                    kept.insert(kept.begin(), *it);
                }
                std::vector<Rating> until_today; // what exists when `today` is today
                for (const auto& x : all)
                    if (x.day <= today) until_today.push_back(x);
                const auto whole = safety::check_recent(until_today, r, today);
                const auto part = safety::check_recent(kept, r, today);
                CAPTURE(history);
                CAPTURE(back);
                CAPTURE(r.low_mood_days);
                CAPTURE(r.low_mood_window);
                REQUIRE(whole.triggered == part.triggered);
                CHECK(whole.days == part.days);
                CHECK(safety::check_in(until_today, r, today) == safety::check_in(kept, r, today));
                // Bounded: back to a window before the quiet days, or before the stretch shown.
                Day oldest = today - days{safety::quiet_days + r.low_mood_window};
                if (whole.triggered)
                    oldest = std::min(oldest, whole.days.front() - days{r.low_mood_window});
                for (std::size_t i = 0; i + 1 < kept.size(); ++i) // the newest is always kept
                    CHECK(kept[i].day >= oldest);
                triggered += whole.triggered;
                checked_in += safety::check_in(until_today, r, today).has_value();
                ++checked;
            }
        }
    }
    CHECK(triggered > checked / 10);  // the histories do reach the rule, often
    CHECK(checked_in > checked / 50); // and the check-in
}

TEST_CASE("safety::RecentRun: where it stops") {
    SUBCASE("the newest rating, however old, and nothing before it") {
        safety::RecentRun run(rule(), D("2026-11-20"));
        CHECK(run.take(mood("2026-09-01", 2)));
        CHECK_FALSE(run.take(mood("2026-08-31", 2)));
    }
    SUBCASE("no low window in reach: stops a window before the quiet days") {
        safety::RecentRun run(rule(), D("2026-11-20"));
        for (Day d = D("2026-11-20"); d >= D("2026-11-09"); d -= days{1})
            CHECK(run.take(Rating{d, RatingKind::mood, 7, {}}));
        CHECK_FALSE(run.take(mood("2026-11-08", 1)));
    }
    SUBCASE("a stretch too old for the note: stops at its last window") {
        safety::RecentRun run(rule(), D("2026-11-20"));
        CHECK(run.take(mood("2026-11-20", 8)));
        CHECK(run.take(mood("2026-11-12", 2))); // ended 8 days ago
        CHECK(run.take(mood("2026-11-11", 2)));
        CHECK_FALSE(run.take(mood("2026-11-10", 2))); // the window found: too old
        CHECK_FALSE(run.take(mood("2026-11-09", 2)));
    }
    SUBCASE("a stretch shown: reads on while an earlier window could join it") {
        safety::RecentRun run(rule(), D("2026-11-20"));
        CHECK(run.take(mood("2026-11-19", 2)));
        CHECK(run.take(mood("2026-11-18", 2)));
        CHECK(run.take(mood("2026-11-17", 2)));       // a window: the stretch starts here so far
        CHECK(run.take(mood("2026-11-14", 2)));       // joins (14th, 17th, 18th)
        CHECK(run.take(mood("2026-11-10", 9)));       // within a window of the 14th: read on
        CHECK_FALSE(run.take(mood("2026-11-09", 2))); // a window before the 14th: stop
    }
}

TEST_CASE("safety::reason: in the person's own numbers") {
    CHECK(safety::reason({}, rule()).empty());
    CHECK(safety::reason({true, days_of({"2026-11-14", "2026-11-15", "2026-11-16"})}, rule()) ==
          "Your mood has been 3 or lower for 3 days in a row (2026-11-14 to 2026-11-16).");
    CHECK(safety::reason({true, days_of({"2026-11-14", "2026-11-15", "2026-11-18"})}, rule()) ==
          "Your mood has been 3 or lower on 3 days between 2026-11-14 and 2026-11-18.");
}
