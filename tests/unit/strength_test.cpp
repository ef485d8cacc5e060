// The trail strength (SPEC §7.1) on Loop Habit Tracker's published vectors (uhabits-core
// ScoreListTest: YesNo, NumericalAtLeast, NumericalAtMost) and on kint's own rules: if-then
// situations, a plan change mid-history, pauses and today open.
#include "kint/domain/strength.hpp"
#include "test_day.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
using std::chrono::days;

namespace {

const Day T = D("2026-11-20"); // "today" in Loop's tests: offsets count back from it
Day ago(int n) {
    return T - days{n};
}

Cue cue_from(Day created, std::optional<Per> per = std::nullopt,
             std::optional<Measure> measure = std::nullopt) {
    Cue c;
    c.id = 1;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.created = created;
    c.per = per;
    c.steps = {Step{created, "write one sentence", std::nullopt, measure}};
    return c;
}

LogEntry done(Day d, std::optional<double> amount = std::nullopt) {
    return LogEntry{1, d, LogStatus::done, std::nullopt, amount};
}
LogEntry skip(Day d) {
    return LogEntry{1, d, LogStatus::skip, std::nullopt};
}
LogEntry slip(Day d) {
    return LogEntry{1, d, LogStatus::slip, std::nullopt};
}

// S today and on each day before, newest first, as Loop's checkScoreValues reads them.
std::vector<double> newest_first(const Cue& c, const std::vector<LogEntry>& logs, int count,
                                 Day today = T) {
    std::vector<Day> wanted;
    for (int i = count - 1; i >= 0; --i)
        wanted.push_back(today - days{i});
    auto s = strength::at(c, strength::trail_of(logs, 1), c.created, today, wanted);
    std::reverse(s.begin(), s.end());
    return s;
}

void check_vector(const std::vector<double>& got, const std::vector<double>& expected) {
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i] == doctest::Approx(expected[i]).epsilon(1e-6));
    }
}

double today_of(const Cue& c, const std::vector<LogEntry>& logs, Day today = T) {
    return strength::on(c, strength::trail_of(logs, 1), c.created, today, today);
}

const std::vector<double> twenty_done{0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574,
                                      0.525961, 0.500000, 0.472617, 0.443734, 0.413270, 0.381137,
                                      0.347244, 0.311495, 0.273788, 0.234017, 0.192067, 0.147820,
                                      0.101149, 0.051922, 0.000000, 0.000000, 0.000000};

} // namespace

TEST_CASE("strength: Loop's daily vector, 20 days done") {
    const Cue c = cue_from(ago(22));
    std::vector<LogEntry> logs;
    for (int i = 0; i < 20; ++i)
        logs.push_back(done(ago(i)));
    const auto s = newest_first(c, logs, 23);
    check_vector(s, twenty_done);
    CHECK(s[0] == doctest::Approx(0.655747).epsilon(1e-6));
    CHECK(s[19] == doctest::Approx(0.051922).epsilon(1e-5)); // the first done day
    CHECK(s[0] == doctest::Approx(1 - std::pow(strength::multiplier(1), 20)));
}

TEST_CASE("strength: Loop's daily vector with skips 5, 10 and 11 days ago") {
    const Cue c = cue_from(ago(22));
    std::vector<LogEntry> logs;
    for (int i = 0; i < 20; ++i)
        logs.push_back(i == 5 || i == 10 || i == 11 ? skip(ago(i)) : done(ago(i)));
    check_vector(newest_first(c, logs, 23),
                 {0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617, 0.472617, 0.443734,
                  0.413270, 0.381137, 0.347244, 0.347244, 0.347244, 0.311495, 0.273788, 0.234017,
                  0.192067, 0.147820, 0.101149, 0.051922, 0.0,      0.0,      0.0});
    // done > skip > slip: a skip and a done on one day count as done.
    logs.push_back(done(ago(5)));
    CHECK(newest_first(c, logs, 1)[0] ==
          doctest::Approx(1 - std::pow(strength::multiplier(1), 18)));
}

TEST_CASE("strength: Loop's non-daily vector, 6 in 7 days with skips") {
    const Cue c = cue_from(ago(20), Per{6, 7, false});
    std::vector<LogEntry> logs;
    for (int i = 0; i < 18; ++i)
        logs.push_back(i >= 10 && i <= 12 ? skip(ago(i)) : done(ago(i)));
    // Loop's later versions lengthen the window by the skipped days in it; kint counts the plain
    // 2M days (SPEC §7.1), so the four newest values, whose window still holds the skips after
    // the 2N done days it needs, differ (0.350 for 0.365 today). From the fifth on they agree.
    auto s = newest_first(c, logs, 21);
    CHECK(s[0] == doctest::Approx(0.350290).epsilon(1e-5));
    s.erase(s.begin(), s.begin() + 4);
    check_vector(s, {0.226651, 0.191734, 0.159268, 0.129375, 0.102187, 0.077839, 0.056477, 0.056477,
                     0.056477, 0.056477, 0.038251, 0.023319, 0.011848, 0.004014, 0.0, 0.0, 0.0});
}

TEST_CASE("strength: --per 3/7d done 2 of every 7 days converges to 2/3, 4/7d to 1/2") {
    std::vector<LogEntry> logs;
    for (int k = 0; k < 100; ++k) {
        logs.push_back(done(ago(7 * k)));
        logs.push_back(done(ago(7 * k + 1)));
    }
    CHECK(today_of(cue_from(ago(699), Per{3, 7, false}), logs) ==
          doctest::Approx(2.0 / 3).epsilon(1e-6));
    CHECK(today_of(cue_from(ago(699), Per{4, 7, false}), logs) ==
          doctest::Approx(0.5).epsilon(1e-6));
    // Per week counts the same rolling window for the strength.
    CHECK(today_of(cue_from(ago(699), Per{3, 7, true}), logs) ==
          doctest::Approx(2.0 / 3).epsilon(1e-6));
}

TEST_CASE("strength: --per 1/7d on shifting weekdays converges to 1") {
    std::vector<LogEntry> logs;
    for (int k = 0; k < 100; ++k) {
        logs.push_back(done(ago(14 * k)));
        logs.push_back(done(ago(14 * k + 13)));
    }
    const double s = today_of(cue_from(ago(1399), Per{1, 7, false}), logs);
    CHECK(s == doctest::Approx(1.0).epsilon(1e-3));
    CHECK(s <= 1.0);
}

TEST_CASE("strength: Loop's recompute vectors, daily then 1 in 2 days") {
    const std::vector<LogEntry> logs{done(ago(1)), done(ago(0))};
    CHECK(today_of(cue_from(ago(1)), logs) == doctest::Approx(0.101149).epsilon(1e-5));
    CHECK(today_of(cue_from(ago(1), Per{1, 2, false}), logs) ==
          doctest::Approx(0.054816).epsilon(1e-5));
}

TEST_CASE("strength: measured at least (Loop's NumericalAtLeast vectors, target 2)") {
    const Measure m{2, "km", false};
    std::vector<LogEntry> logs;
    for (int i = 0; i < 20; ++i)
        logs.push_back(done(ago(i), 2.0));
    check_vector(newest_first(cue_from(ago(22), std::nullopt, m), logs, 23), twenty_done);

    std::vector<LogEntry> half, quarter;
    for (int i = 0; i < 500; ++i) {
        half.push_back(done(ago(i), 1.0));
        quarter.push_back(done(ago(i), 0.5));
    }
    CHECK(today_of(cue_from(ago(499), std::nullopt, m), half) ==
          doctest::Approx(0.5).epsilon(1e-6));
    CHECK(today_of(cue_from(ago(499), std::nullopt, m), quarter) ==
          doctest::Approx(0.25).epsilon(1e-6));
    // Overachieving is not relevant; a done entry without an amount met the step.
    CHECK(today_of(cue_from(ago(5), std::nullopt, m), {done(T, 1e7)}) ==
          doctest::Approx(0.051922).epsilon(1e-5));
    CHECK(today_of(cue_from(ago(5), std::nullopt, m), {done(T)}) ==
          doctest::Approx(0.051922).epsilon(1e-5));
    // --per 1/2d: the amounts of the last 2 days against 1 x 2.
    CHECK(today_of(cue_from(ago(1), Per{1, 2, false}, m), {done(ago(1), 2), done(T, 2)}) ==
          doctest::Approx(0.072631).epsilon(1e-5));
}

TEST_CASE("strength: measured at most starts full (Loop's NumericalAtMost vectors, limit 2)") {
    const Measure m{2, "min", true};
    std::vector<LogEntry> logs{done(ago(20), 1.0)};
    for (int i = 0; i < 20; ++i)
        logs.push_back(done(ago(i), 5.0));
    check_vector(newest_first(cue_from(ago(20), std::nullopt, m), logs, 21),
                 {0.344253, 0.363106, 0.382992, 0.403967, 0.426090, 0.449426, 0.474039,
                  0.500000, 0.527383, 0.556266, 0.586730, 0.618863, 0.652756, 0.688505,
                  0.726212, 0.765983, 0.807933, 0.852180, 0.898851, 0.948078, 1.0});

    CHECK(today_of(cue_from(ago(1), std::nullopt, m), {}) == doctest::Approx(1.0));
    CHECK(today_of(cue_from(ago(1), std::nullopt, m), {done(ago(1), 5), done(T, 5)}) ==
          doctest::Approx(0.898850).epsilon(1e-5));
    CHECK(today_of(cue_from(ago(1), Per{1, 2, false}, m), {done(ago(1), 5), done(T, 5)}) ==
          doctest::Approx(0.927369).epsilon(1e-5));
    std::vector<LogEntry> half, quarter;
    for (int i = 0; i < 500; ++i) {
        half.push_back(done(ago(i), 3.0));
        quarter.push_back(done(ago(i), 3.5));
    }
    CHECK(today_of(cue_from(ago(499), std::nullopt, m), half) ==
          doctest::Approx(0.5).epsilon(1e-6));
    CHECK(today_of(cue_from(ago(499), std::nullopt, m), quarter) ==
          doctest::Approx(0.25).epsilon(1e-6));
    // Far over yesterday; today open takes no step (Loop steps it as within the limit: 0.950773),
    // logged within the limit it does.
    CHECK(today_of(cue_from(ago(1), std::nullopt, m), {done(ago(1), 1e7)}) ==
          doctest::Approx(0.948078).epsilon(1e-5));
    CHECK(today_of(cue_from(ago(1), std::nullopt, m), {done(ago(1), 1e7), done(T, 0)}) ==
          doctest::Approx(0.950773).epsilon(1e-5));
    // A day over without an entry was within the limit; a slip went over it.
    CHECK(today_of(cue_from(ago(1), std::nullopt, m), {slip(ago(1))}) ==
          doctest::Approx(strength::multiplier(1)));
    const double k = strength::multiplier(1);
    CHECK(today_of(cue_from(ago(3), std::nullopt, m), {done(ago(3), 9)}) ==
          doctest::Approx((k * k + (1 - k)) * k + (1 - k)));
}

TEST_CASE("strength: an if-then cue steps only on days with an entry") {
    Cue c = cue_from(ago(60));
    c.kind = CueKind::if_;
    const double m = strength::multiplier(1);
    const std::vector<LogEntry> logs{done(ago(40)), done(ago(30)), slip(ago(20)), skip(ago(10)),
                                     done(ago(3))};
    // done, done, slip, (skip), done: three steps up and one down, whatever the days between.
    const double expected = ((1 - m) * m + (1 - m)) * m * m + (1 - m);
    CHECK(today_of(c, logs) == doctest::Approx(expected));
    // No entry at all: nothing arose, nothing dents it.
    CHECK(today_of(c, {}) == 0.0);
    const auto s = newest_first(c, logs, 41);
    CHECK(s[0] == s[3]);   // days without entry since the 3rd leave it
    CHECK(s[11] == s[19]); // a skip leaves it
    CHECK(s[20] < s[21]);  // a slip dents it
    // Measured if-then: the day's amount against the target.
    Cue mc = cue_from(ago(60), std::nullopt, Measure{5, "breaths", false});
    mc.kind = CueKind::if_;
    CHECK(today_of(mc, {done(ago(3), 2.5)}) == doctest::Approx(0.5 * (1 - m)));
}

TEST_CASE("strength: a plan change mid-history (mon,wed,fri, then 2 per week)") {
    // Created Monday 2 Nov on mon,wed,fri; from Monday 9 Nov 2 per week; today Wed 11 Nov.
    Cue c = cue_from(D("2026-11-02"), Per{2, 7, true});
    c.plans = {Plan{D("2026-11-09"), CueKind::after, "I pour my coffee", std::nullopt,
                    Schedule::parse("mon,wed,fri"), std::nullopt}};
    const std::vector<LogEntry> logs{done(D("2026-11-02")), done(D("2026-11-03")),
                                     slip(D("2026-11-04")), done(D("2026-11-10"))};
    const double m = strength::multiplier(1), mp = strength::multiplier(2.0 / 7);
    double s = 1 - m;             // Mon 2: done
    s *= m;                       // Wed 4: slip (Tue 3 is off the schedule then)
    s *= m;                       // Fri 6: missed
    s = s * mp + 0.5 * (1 - mp);  // Mon 9: done 2 (2nd, 3rd) in 14 days of 4
    s = s * mp + 0.75 * (1 - mp); // Tue 10: done 3 of 4
    const Day today = D("2026-11-11");
    const auto t = strength::trail_of(logs, 1);
    CHECK(strength::on(c, t, c.created, today, today) == doctest::Approx(s)); // Wed 11 open
    const auto both = strength::at(c, t, c.created, today, {D("2026-11-08"), D("2026-11-30")});
    CHECK(both[0] == doctest::Approx((1 - m) * m * m));
    CHECK(both[1] == doctest::Approx(s)); // after today: today's value
}

TEST_CASE("strength: today is open until logged, pauses and days before the start leave S") {
    const Cue c = cue_from(ago(10));
    const double m = strength::multiplier(1);
    const std::vector<LogEntry> three{done(ago(3)), done(ago(2)), done(ago(1))};
    CHECK(today_of(c, three) == doctest::Approx(1 - std::pow(m, 3)));
    auto slipped = three;
    slipped.push_back(slip(T));
    CHECK(today_of(c, slipped) == doctest::Approx((1 - std::pow(m, 3)) * m));
    // Yesterday unlogged is over: missed.
    CHECK(today_of(c, {done(ago(3)), done(ago(2))}) == doctest::Approx((1 - m * m) * m));
    // A --per cue today: open as well.
    const Cue per = cue_from(ago(10), Per{3, 7, false});
    const auto t = strength::trail_of(three, 1);
    const auto s = strength::at(per, t, per.created, T, {ago(1), T});
    CHECK(s[0] == s[1]);
    // Paused days take no step.
    Cue paused = c;
    paused.pauses = {Pause{ago(2), T}};
    CHECK(today_of(paused, {done(ago(3))}) == doctest::Approx(1 - m));
    // A window start after the creation: S before it is 0.
    CHECK(strength::on(c, strength::trail_of(three, 1), ago(2), T, T) ==
          doctest::Approx(1 - m * m));
    CHECK(strength::on(c, strength::trail_of(three, 1), ago(2), T, ago(4)) == 0.0);
}

TEST_CASE("strength: N in N days (7/week, 5/5d) counts the last N days, as Loop does at f = 1") {
    // Loop doubles the window only for a frequency below 1 (ScoreList.recompute): at N = M the
    // value is done days in the last M days / N, and m = 0.5^(1/13) as for a daily habit.
    for (const Per per : {Per{7, 7, true}, Per{5, 5, false}}) {
        CAPTURE(per.days);
        const Day created = ago(9);
        std::vector<LogEntry> logs;
        for (int i = 9; i >= 0; --i)
            if (i != 4) logs.push_back(done(ago(i))); // one day left out, 4 days ago
        const auto got = newest_first(cue_from(created, per), logs, 10);
        // The reference: Loop's recurrence written out.
        const double m = std::pow(0.5, 1.0 / 13.0);
        std::vector<double> want;
        double s = 0;
        for (int i = 9; i >= 0; --i) {
            int in_window = 0;
            for (int j = i; j < i + per.days && j <= 9; ++j)
                if (j != 4) ++in_window;
            s = s * m + std::min(1.0, static_cast<double>(in_window) / per.times) * (1 - m);
            want.push_back(s);
        }
        std::reverse(want.begin(), want.end());
        check_vector(got, want);
    }
}
