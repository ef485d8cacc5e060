// The safety rule (SPEC §5): consecutive calendar days of low mood, and when a run counts.
#include "kint/config/config.hpp"
#include "kint/domain/safety.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <map>
#include <stdexcept>

using namespace kint;
using kint::test::D;

namespace {

Rating mood(std::string_view day, int value) {
    return Rating{D(day), RatingKind::mood, value, {}};
}
Rating energy(std::string_view day, int value) {
    return Rating{D(day), RatingKind::energy, value, {}};
}

// The default rule: 3 days in a row at 3 or lower.
config::Safety rule(int max = 3, int days = 3) {
    config::Safety r;
    r.low_mood_max = max;
    r.low_mood_days = days;
    r.message = "contact your clinic";
    return r;
}

std::vector<Day> days(std::initializer_list<std::string_view> texts) {
    std::vector<Day> out;
    for (auto t : texts)
        out.push_back(D(t));
    return out;
}

} // namespace

TEST_CASE("safety::low_runs: only consecutive calendar days make a run") {
    SUBCASE("a missing day breaks the run") {
        const std::vector<Rating> r{mood("2026-03-01", 2), mood("2026-03-02", 2),
                                    mood("2026-03-04", 2), mood("2026-03-05", 1)};
        CHECK(safety::low_runs(r, 3, 3).empty());
        // Each half is a run of two.
        const auto twos = safety::low_runs(r, 3, 2);
        REQUIRE(twos.size() == 2);
        CHECK(twos[0] == days({"2026-03-01", "2026-03-02"}));
        CHECK(twos[1] == days({"2026-03-04", "2026-03-05"}));
    }
    SUBCASE("a month end is consecutive") {
        const std::vector<Rating> r{mood("2026-02-01", 3), mood("2026-01-30", 3),
                                    mood("2026-01-31", 3)};
        const auto runs = safety::low_runs(r, 3, 3);
        REQUIRE(runs.size() == 1);
        CHECK(runs[0] == days({"2026-01-30", "2026-01-31", "2026-02-01"}));
    }
    SUBCASE("a year end and a leap day are consecutive") {
        const std::vector<Rating> r{mood("2027-12-31", 0), mood("2028-01-01", 1),
                                    mood("2028-02-28", 2), mood("2028-02-29", 2),
                                    mood("2028-03-01", 2), mood("2028-01-02", 1)};
        const auto runs = safety::low_runs(r, 3, 3);
        REQUIRE(runs.size() == 2);
        CHECK(runs[0] == days({"2027-12-31", "2028-01-01", "2028-01-02"}));
        CHECK(runs[1] == days({"2028-02-28", "2028-02-29", "2028-03-01"}));
    }
}

TEST_CASE("safety::low_runs: length and value thresholds") {
    SUBCASE("exactly low_mood_days long triggers, one day short does not") {
        const std::vector<Rating> three{mood("2026-05-10", 3), mood("2026-05-11", 0),
                                        mood("2026-05-12", 3)};
        CHECK(safety::low_runs(three, 3, 3).size() == 1);
        const std::vector<Rating> two{mood("2026-05-10", 3), mood("2026-05-11", 0)};
        CHECK(safety::low_runs(two, 3, 3).empty());
        CHECK(safety::check_recent(three, rule(), D("2026-05-12")).triggered);
        CHECK_FALSE(safety::check_recent(two, rule(), D("2026-05-11")).triggered);
        // A longer rule needs a longer run.
        CHECK(safety::low_runs(three, 3, 4).empty());
    }
    SUBCASE("low_mood_max + 1 in the middle breaks the run") {
        const std::vector<Rating> r{mood("2026-05-10", 2), mood("2026-05-11", 3),
                                    mood("2026-05-12", 4), mood("2026-05-13", 1),
                                    mood("2026-05-14", 2)};
        CHECK(safety::low_runs(r, 3, 3).empty());
        // With a higher threshold the 4 counts as low and the five days are one run.
        const auto runs = safety::low_runs(r, 4, 3);
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].size() == 5);
    }
    SUBCASE("energy ratings are ignored") {
        const std::vector<Rating> energy_only{energy("2026-05-10", 0), energy("2026-05-11", 0),
                                              energy("2026-05-12", 0)};
        CHECK(safety::low_runs(energy_only, 3, 3).empty());
        // Low energy does not fill a gap in the mood.
        const std::vector<Rating> mixed{mood("2026-05-10", 1), energy("2026-05-11", 1),
                                        mood("2026-05-12", 1), mood("2026-05-13", 1)};
        CHECK(safety::low_runs(mixed, 3, 3).empty());
        // High energy does not break a low mood run.
        const std::vector<Rating> high_energy{mood("2026-05-10", 1), energy("2026-05-11", 9),
                                              mood("2026-05-11", 2), mood("2026-05-12", 3)};
        CHECK(safety::low_runs(high_energy, 3, 3).size() == 1);
    }
    SUBCASE("a later rating of the same day replaces the earlier one") {
        const std::vector<Rating> r{mood("2026-05-10", 2), mood("2026-05-11", 2),
                                    mood("2026-05-12", 2), mood("2026-05-11", 7)};
        CHECK(safety::low_runs(r, 3, 3).empty());
    }
}

TEST_CASE("safety::check_recent: a run must end today or yesterday") {
    const std::vector<Rating> r{mood("2026-11-15", 5), mood("2026-11-16", 2), mood("2026-11-17", 3),
                                mood("2026-11-18", 1)};
    const auto on_day = safety::check_recent(r, rule(), D("2026-11-18"));
    CHECK(on_day.triggered);
    CHECK(on_day.days == days({"2026-11-16", "2026-11-17", "2026-11-18"}));

    const auto next_day = safety::check_recent(r, rule(), D("2026-11-19"));
    CHECK(next_day.triggered);
    CHECK(next_day.days == on_day.days);

    const auto two_days_later = safety::check_recent(r, rule(), D("2026-11-20"));
    CHECK_FALSE(two_days_later.triggered);
    CHECK(two_days_later.days.empty());

    // A good day today ends the run yesterday: still shown, since the low days were just now.
    auto with_today = r;
    with_today.push_back(mood("2026-11-19", 8));
    CHECK(safety::check_recent(with_today, rule(), D("2026-11-19")).triggered);
    // Two good days and it is past.
    with_today.push_back(mood("2026-11-20", 8));
    CHECK_FALSE(safety::check_recent(with_today, rule(), D("2026-11-20")).triggered);
    // A run seen from before it ended (a day in its middle) does not count: it ends later.
    CHECK_FALSE(safety::check_recent(r, rule(), D("2026-11-15")).triggered);
    // The rule's own numbers apply.
    CHECK_FALSE(safety::check_recent(r, rule(2, 3), D("2026-11-18")).triggered);
    CHECK(safety::check_recent(r, rule(3, 2), D("2026-11-18")).triggered);
}

TEST_CASE("safety::check_period: a run must overlap the period") {
    const std::vector<Rating> r{mood("2026-11-10", 2), mood("2026-11-11", 2),
                                mood("2026-11-12", 2)};
    const auto run = days({"2026-11-10", "2026-11-11", "2026-11-12"});
    auto check = [&](std::string_view from, std::string_view to) {
        return safety::check_period(r, rule(), D(from), D(to));
    };
    CHECK(check("2026-11-12", "2026-11-18").triggered); // overlaps on the period's first day
    CHECK(check("2026-11-04", "2026-11-10").triggered); // overlaps on the period's last day
    CHECK(check("2026-11-11", "2026-11-11").triggered); // a period inside the run
    CHECK(check("2026-11-01", "2026-11-30").triggered); // the run inside the period
    CHECK(check("2026-11-12", "2026-11-18").days == run);
    CHECK_FALSE(check("2026-11-13", "2026-11-19").triggered); // just after
    CHECK_FALSE(check("2026-11-03", "2026-11-09").triggered); // just before
    CHECK(check("2026-11-13", "2026-11-19").days.empty());

    SUBCASE("with two runs the latest overlapping one is reported") {
        auto two = r;
        for (auto d : {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"})
            two.push_back(mood(d, 1));
        const auto v = safety::check_period(two, rule(), D("2026-11-01"), D("2026-11-30"));
        CHECK(v.triggered);
        CHECK(v.days.size() == 4);
        CHECK(v.days.front() == D("2026-11-20"));
        const auto first = safety::check_period(two, rule(), D("2026-11-09"), D("2026-11-15"));
        CHECK(first.days == run);
    }
}

TEST_CASE("safety::RecentRun: the few newest ratings it keeps give the whole history's verdict") {
    // Random histories with gaps, low stretches and high days; every rule and every `today` near
    // their end: check_recent over what RecentRun keeps equals check_recent over everything.
    std::uint32_t seed = 12345;
    auto next = [&](std::uint32_t n) {
        seed = seed * 1664525U + 1013904223U;
        return (seed >> 8) % n;
    };
    const Day start = D("2026-01-01");
    int triggered = 0, checked = 0;
    for (int history = 0; history < 300; ++history) {
        std::vector<Rating> all; // oldest first, as the store returns them
        for (Day d = start; d < start + std::chrono::days{40}; d += std::chrono::days{1}) {
            if (next(6) == 0) continue; // a day not rated
            all.push_back(Rating{
                d, RatingKind::mood, static_cast<int>(next(3) == 0 ? next(11) : next(5)), {}});
        }
        for (const auto& r : {rule(), rule(2, 2), rule(4, 5), rule(3, 1)}) {
            for (int back = 0; back < 6; ++back) {
                const Day today = start + std::chrono::days{39 - back};
                safety::RecentRun run(r, today);
                std::vector<Rating> kept;
                for (auto it = all.rbegin(); it != all.rend(); ++it) {
                    if (it->day > today) continue; // the store reads from today back
                    if (!run.take(*it)) break;
                    kept.insert(kept.begin(), *it);
                }
                std::vector<Rating> until_today; // what exists when `today` is today
                std::map<Day, int> value;
                for (const auto& x : all)
                    if (x.day <= today) until_today.push_back(x), value[x.day] = x.value;
                const auto whole = safety::check_recent(until_today, r, today);
                const auto part = safety::check_recent(kept, r, today);
                CAPTURE(history);
                CAPTURE(back);
                REQUIRE(whole.triggered == part.triggered);
                CHECK(whole.days == part.days);
                // It reads today, yesterday and the low days reaching them, no more.
                auto low_run_to = [&](Day end) {
                    std::size_t n = 0;
                    for (Day d = end; value.count(d) && value[d] <= r.low_mood_max;
                         d -= std::chrono::days{1})
                        ++n;
                    return n;
                };
                CHECK(kept.size() <=
                      2 + std::max(low_run_to(today), low_run_to(today - std::chrono::days{1})));
                triggered += whole.triggered;
                ++checked;
            }
        }
    }
    CHECK(triggered > checked / 10); // the histories do reach the rule, often
}

TEST_CASE("safety::RecentRun: stops at a gap or a high day before yesterday") {
    const auto r = rule();
    safety::RecentRun run(r, D("2026-11-20"));
    CHECK(run.take(mood("2026-11-20", 8))); // today is always kept
    CHECK(run.take(mood("2026-11-19", 2))); // yesterday, low: a run may end here
    CHECK(run.take(mood("2026-11-18", 1)));
    CHECK(run.take(mood("2026-11-17", 3)));
    CHECK_FALSE(run.take(mood("2026-11-15", 2))); // a gap: the run ended on the 17th

    safety::RecentRun high(r, D("2026-11-20"));
    CHECK(high.take(mood("2026-11-20", 2)));
    CHECK(high.take(mood("2026-11-19", 7)));
    CHECK_FALSE(high.take(mood("2026-11-18", 1))); // cannot reach a run ending today or yesterday
}
