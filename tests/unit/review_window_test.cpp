// The review reads each cue's log over review::log_range only; over ten years of history every
// figure must come out as it does from the whole history.
#include "kint/config/config.hpp"
#include "kint/domain/review.hpp"

#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>

using namespace kint;
using std::chrono::days;

namespace {

Cue cue_with(Id id, Day created, std::uint8_t schedule, std::vector<Pause> pauses) {
    Cue c;
    c.id = id;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.days = Schedule(schedule);
    c.created = created;
    c.steps = {Step{created, "write one sentence", std::nullopt}};
    c.pauses = std::move(pauses);
    return c;
}

// Ten years of a trail: mostly done, some skips, slips and misses, in a fixed pseudo-random order.
std::vector<LogEntry> history(const Cue& c, Day until, std::uint32_t seed) {
    std::vector<LogEntry> out;
    for (Day d = c.created; d <= until; d += days{1}) {
        seed = seed * 1664525U + 1013904223U;
        const int roll = static_cast<int>((seed >> 8) % 100);
        if (roll < 70)
            out.push_back({c.id, d, LogStatus::done, std::nullopt});
        else if (roll < 76)
            out.push_back({c.id, d, LogStatus::skip, std::nullopt});
        else if (roll < 88)
            out.push_back({c.id, d, LogStatus::slip, std::nullopt});
    }
    return out;
}

} // namespace

TEST_CASE("review: a cue's log window gives the figures of its whole history") {
    const config::Config cfg = config::parse();
    const Day today{std::chrono::year{2026} / 3 / 18};
    const Day start = today - days{3650};
    // Daily; Mon/Wed/Fri; and one paused for two years right before the period.
    const std::vector<Cue> cues = {
        cue_with(1, start, Schedule::all, {}),
        cue_with(2, start + days{3}, 0b0010101, {Pause{start + days{400}, start + days{420}}}),
        cue_with(3, start + days{6}, Schedule::all, {Pause{today - days{760}, today - days{20}}}),
    };
    std::vector<LogEntry> all;
    for (const auto& c : cues)
        for (auto& e : history(c, today, static_cast<std::uint32_t>(c.id) * 7919U))
            if (c.scheduled_on(e.day)) all.push_back(std::move(e));

    for (const auto& period : {review::Period{today - days{9}, today - days{3}},
                               review::Period{today - days{400}, today - days{394}},
                               review::Period{start + days{2}, start + days{8}}}) {
        CAPTURE(format_day(period.from));
        std::vector<LogEntry> windowed;
        for (const auto& c : cues) {
            const DayRange r = review::log_range(c, period);
            for (const auto& e : all)
                if (e.cue_id == c.id && r.contains(e.day)) windowed.push_back(e);
        }
        CHECK(windowed.size() < all.size());
        const auto full = review::build(review::Input{
            .period = period, .today = today, .config = cfg, .cues = cues, .logs = all});
        const auto part = review::build(review::Input{
            .period = period, .today = today, .config = cfg, .cues = cues, .logs = windowed});
        REQUIRE(full.cues.size() == part.cues.size());
        for (std::size_t i = 0; i < full.cues.size(); ++i) {
            const auto& a = full.cues[i];
            const auto& b = part.cues[i];
            CAPTURE(a.cue.id);
            // Within about 2^-25 of the whole history's value: invisible at the three decimals
            // shown.
            CHECK(std::abs(a.strength - b.strength) < 5e-8);
            CHECK(std::abs(a.previous_strength - b.previous_strength) < 5e-8);
            CHECK(std::round(a.strength * 1000) == std::round(b.strength * 1000));
            CHECK(a.comebacks == b.comebacks);
            CHECK(a.done_days == b.done_days);
            CHECK(a.missed_days == b.missed_days);
            CHECK(a.consistency == b.consistency);
            CHECK(a.previous_consistency == b.previous_consistency);
            CHECK(a.suggestion == b.suggestion);
        }
    }
}

TEST_CASE("review: the log window of --per, if-then and at-most cues gives the whole history's "
          "figures") {
    const config::Config cfg = config::parse();
    const Day today{std::chrono::year{2026} / 3 / 18};
    const Day start = today - days{3650};
    Cue per = cue_with(1, start, Schedule::all, {});
    per.per = Per{3, 7, false};
    Cue weekly = cue_with(2, start, Schedule::all, {Pause{today - days{300}, today - days{200}}});
    weekly.per = Per{1, 7, true};
    Cue situation = cue_with(3, start, Schedule::all, {});
    situation.kind = CueKind::if_;
    Cue at_most = cue_with(4, start, Schedule::all, {});
    at_most.steps[0].measure = Measure{20, "min", true};
    const std::vector<Cue> cues{per, weekly, situation, at_most};
    std::vector<LogEntry> all;
    for (const auto& c : cues)
        for (auto& e : history(c, today, static_cast<std::uint32_t>(c.id) * 104729U)) {
            // Sparse: a --per or if-then cue is logged on some days only.
            if (c.id != 4 && (e.day.time_since_epoch().count() % 3) != 0) continue;
            if (c.id == 4) e.amount = static_cast<double>(e.day.time_since_epoch().count() % 40);
            all.push_back(std::move(e));
        }
    for (const auto& period : {review::Period{today - days{9}, today - days{3}},
                               review::Period{today - days{400}, today - days{394}}}) {
        CAPTURE(format_day(period.from));
        std::vector<LogEntry> windowed;
        for (const auto& c : cues) {
            DayRange r = review::log_range(c, period);
            auto read = [&] {
                std::vector<LogEntry> out;
                for (const auto& e : all)
                    if (e.cue_id == c.id && r.contains(e.day)) out.push_back(e);
                return out;
            };
            auto got = read();
            while (const auto wider = review::wider_range(c, got, r, period)) {
                r = *wider;
                got = read();
            }
            windowed.insert(windowed.end(), got.begin(), got.end());
        }
        CHECK(windowed.size() < all.size());
        const auto full = review::build(review::Input{
            .period = period, .today = today, .config = cfg, .cues = cues, .logs = all});
        const auto part = review::build(review::Input{
            .period = period, .today = today, .config = cfg, .cues = cues, .logs = windowed});
        REQUIRE(full.cues.size() == part.cues.size());
        for (std::size_t i = 0; i < full.cues.size(); ++i) {
            const auto& a = full.cues[i];
            const auto& b = part.cues[i];
            CAPTURE(a.cue.id);
            CHECK(std::abs(a.strength - b.strength) < 5e-8);
            CHECK(std::abs(a.previous_strength - b.previous_strength) < 5e-8);
            CHECK(a.comebacks == b.comebacks);
            CHECK(a.done_days == b.done_days);
            CHECK(a.missed_days == b.missed_days);
            CHECK(a.consistency == b.consistency);
            CHECK(a.previous_consistency == b.previous_consistency);
        }
    }
}
