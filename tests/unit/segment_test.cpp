// The prompt segment's facts and their cache: counts for a day, and a cache trusted only whole and
// only for the exact store state it was filled from.
#include "kint/domain/safety.hpp"
#include "kint/domain/segment.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace kint;
using kint::test::D;
using std::chrono::days;

namespace {

segment::Facts sample() {
    segment::Facts f;
    f.focus = "I am open to learning new ways to cope";
    f.moods = {{D("2026-11-18"), 7}, {D("2026-11-19"), 6}};
    // Daily since the 10th, done on the 20th; Mon/Wed/Fri, paused 16th-18th then again from the
    // 23rd; one archived on the 19th.
    f.cues.push_back({Schedule::daily(), D("2026-11-10"), std::nullopt, {}, D("2026-11-20")});
    f.cues.push_back(
        {Schedule(0b0010101),
         D("2026-11-02"),
         std::nullopt,
         {Pause{D("2026-11-16"), D("2026-11-18")}, Pause{D("2026-11-23"), std::nullopt}},
         D("2026-11-13")});
    f.cues.push_back({Schedule::daily(), D("2026-11-01"), D("2026-11-19"), {}, std::nullopt});
    return f;
}

} // namespace

TEST_CASE("segment::count: scheduled, done and rated for the day asked") {
    const auto f = sample();
    const auto fri = segment::count(f, D("2026-11-20")); // a Friday
    REQUIRE(fri);
    CHECK(fri->scheduled == 2);
    CHECK(fri->done == 1);
    CHECK_FALSE(fri->mood_rated);
    const auto mon = segment::count(f, D("2026-11-23")); // paused again: only the daily one
    REQUIRE(mon);
    CHECK(mon->scheduled == 1);
    CHECK(mon->done == 0);
    // A day before what the facts mention cannot be told from them.
    CHECK_FALSE(segment::count(f, D("2026-11-19")));
    auto rated = f;
    rated.moods.push_back({D("2026-11-21"), 5});
    const auto sat = segment::count(rated, D("2026-11-21"));
    REQUIRE(sat);
    CHECK(sat->mood_rated);
    CHECK(sat->scheduled == 1); // Saturday: not a Mon/Wed/Fri
}

TEST_CASE("segment cache: read back whole, only under the same stamp") {
    const auto f = sample();
    const std::string stamp = "db=1:61440:1.000000001 wal=0:1.000000001:";
    const auto text = segment::format_cache(stamp, f);
    const auto back = segment::parse_cache(text, stamp);
    REQUIRE(back);
    CHECK(back->focus == f.focus);
    CHECK(back->moods == f.moods);
    CHECK(back->last_mood() == D("2026-11-19"));
    REQUIRE(back->cues.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(back->cues[i].days == f.cues[i].days);
        CHECK(back->cues[i].created == f.cues[i].created);
        CHECK(back->cues[i].archived_on == f.cues[i].archived_on);
        CHECK(back->cues[i].last_done == f.cues[i].last_done);
        REQUIRE(back->cues[i].pauses.size() == f.cues[i].pauses.size());
        for (std::size_t j = 0; j < f.cues[i].pauses.size(); ++j) {
            CHECK(back->cues[i].pauses[j].from == f.cues[i].pauses[j].from);
            CHECK(back->cues[i].pauses[j].until == f.cues[i].pauses[j].until);
        }
    }
    CHECK(segment::format_cache(stamp, *back) == text);

    CHECK_FALSE(segment::parse_cache(text, stamp + "x")); // the store changed since
    CHECK_FALSE(segment::parse_cache(text.substr(0, text.size() - 4), stamp)); // cut short
    CHECK_FALSE(segment::parse_cache("", stamp));
    // A command's check after its write: the stamp and the end, not every line.
    CHECK(segment::cache_is_current(text, stamp));
    CHECK_FALSE(segment::cache_is_current(text, stamp + "x"));
    CHECK_FALSE(segment::cache_is_current(text, stamp.substr(0, stamp.size() - 1)));
    CHECK_FALSE(segment::cache_is_current(text.substr(0, text.size() - 4), stamp));
    CHECK_FALSE(segment::cache_is_current("", stamp));
    CHECK_FALSE(segment::cache_is_current("kint-segment-3" + text.substr(14), stamp));
    std::string bad_day = text;
    bad_day.replace(bad_day.find("2026-11-19"), 10, "2026-02-30");
    CHECK_FALSE(segment::parse_cache(bad_day, stamp));
    std::string bad_mask = text;
    bad_mask.replace(bad_mask.find("cue 127"), 7, "cue 128");
    CHECK_FALSE(segment::parse_cache(bad_mask, stamp));

    // No focus, no mood, no cues; a focus with a line break stays one line.
    segment::Facts empty;
    CHECK(segment::parse_cache(segment::format_cache(stamp, empty), stamp).has_value());
    segment::Facts two_lines;
    two_lines.focus = "first\nsecond";
    const auto one = segment::parse_cache(segment::format_cache(stamp, two_lines), stamp);
    REQUIRE(one);
    CHECK(one->focus == "first second");
}

TEST_CASE("segment::prune: what is over by `from` goes, and days before it are not answered") {
    auto f = sample();
    const auto whole = f;
    segment::prune(f, D("2026-11-20"));
    CHECK(f.from == D("2026-11-20"));
    REQUIRE(f.cues.size() == 2);           // the cue archived on the 19th is gone
    REQUIRE(f.cues[1].pauses.size() == 1); // the pause that ended on the 18th is gone
    CHECK(f.cues[1].pauses[0].from == D("2026-11-23"));
    for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-23", "2026-11-25", "2027-01-04"}) {
        CAPTURE(day);
        const auto a = segment::count(f, D(day));
        const auto b = segment::count(whole, D(day));
        REQUIRE(a);
        REQUIRE(b);
        CHECK(a->scheduled == b->scheduled);
        CHECK(a->done == b->done);
        CHECK(a->mood_rated == b->mood_rated);
        CHECK(a->note == b->note);
        CHECK(a->check_in == b->check_in);
    }
    // An earlier day: the pruned facts cannot tell, so the prompt asks the store.
    segment::Facts later = whole;
    later.cues[0].last_done.reset();
    later.moods.clear();
    segment::prune(later, D("2026-11-20"));
    CHECK_FALSE(segment::count(later, D("2026-11-17")));
    // `from` survives the cache file.
    const auto back = segment::parse_cache(segment::format_cache("s", f), "s");
    REQUIRE(back);
    CHECK(back->from == D("2026-11-20"));
}

TEST_CASE("segment::mood_reminder_due: from its time until the kint day ends, past midnight") {
    const Minutes six_pm = 18 * 60, four_am = 4 * 60;
    CHECK_FALSE(segment::mood_reminder_due(17 * 60 + 59, six_pm, four_am));
    CHECK(segment::mood_reminder_due(six_pm, six_pm, four_am));
    CHECK(segment::mood_reminder_due(23 * 60 + 59, six_pm, four_am));
    // 00:30 and 03:59 still belong to the day before, which is still unrated.
    CHECK(segment::mood_reminder_due(30, six_pm, four_am));
    CHECK(segment::mood_reminder_due(four_am - 1, six_pm, four_am));
    // A new kint day begins at 04:00: no reminder until 18:00 again.
    CHECK_FALSE(segment::mood_reminder_due(four_am, six_pm, four_am));
    CHECK_FALSE(segment::mood_reminder_due(9 * 60, six_pm, four_am));
    // Days that begin at midnight: from 18:00 to 23:59.
    CHECK(segment::mood_reminder_due(23 * 60 + 59, six_pm, 0));
    CHECK_FALSE(segment::mood_reminder_due(30, six_pm, 0));
    // A reminder set after midnight but before the day ends (02:00, days from 04:00).
    CHECK_FALSE(segment::mood_reminder_due(60, 2 * 60, four_am));
    CHECK(segment::mood_reminder_due(2 * 60 + 30, 2 * 60, four_am));
    CHECK_FALSE(segment::mood_reminder_due(23 * 60, 2 * 60, four_am));
    // From the start of the day: always.
    CHECK(segment::mood_reminder_due(four_am, four_am, four_am));
    CHECK(segment::mood_reminder_due(four_am - 1, four_am, four_am));
}

TEST_CASE("segment::count: the safety note and the check-in, for later days from the facts alone") {
    segment::Facts f;
    f.moods = {{D("2026-11-10"), 7},
               {D("2026-11-14"), 2},
               {D("2026-11-15"), 1},
               {D("2026-11-17"), 3}}; // 3 low days within 5: the note from the 17th
    const config::Safety rule;        // the default: 3 at or below 3 within 5 days
    for (int after = 0; after <= 7; ++after) {
        CAPTURE(after);
        const auto t = segment::count(f, D("2026-11-17") + days{after}, rule);
        REQUIRE(t);
        CHECK(t->note);
        CHECK_FALSE(t->check_in);
        CHECK(t->mood_rated == (after == 0));
    }
    // Seven quiet days on, the note gives way to the check-in, for as long as nothing is rated.
    for (const char* day : {"2026-11-25", "2026-12-30"}) {
        const auto t = segment::count(f, D(day), rule);
        REQUIRE(t);
        CHECK_FALSE(t->note);
        CHECK(t->check_in);
    }
    // The config's rule decides: with the old one (days in a row) there is no note, and the
    // check-in comes two days after the last low rating.
    config::Safety in_a_row = rule;
    in_a_row.low_mood_window = 3;
    CHECK_FALSE(segment::count(f, D("2026-11-18"), in_a_row)->note);
    CHECK_FALSE(segment::count(f, D("2026-11-18"), in_a_row)->check_in);
    CHECK(segment::count(f, D("2026-11-19"), in_a_row)->check_in);
    // A better mood last: neither.
    f.moods.push_back({D("2026-11-20"), 6});
    const auto better = segment::count(f, D("2026-11-22"), rule);
    REQUIRE(better);
    CHECK_FALSE(better->note);
    CHECK_FALSE(better->check_in);
    // No moods: neither.
    CHECK_FALSE(segment::count(segment::Facts{}, D("2026-11-22"), rule)->note);
}

TEST_CASE("segment: the moods kept answer as the whole history would, after prune and the cache") {
    // A long history: low stretches, gaps, better days. For any day from the newest rating on,
    // the facts pruned to mood_days_kept and read back from the cache give the verdicts of all.
    std::uint32_t seed = 777;
    auto next = [&](std::uint32_t n) {
        seed = seed * 1664525U + 1013904223U;
        return (seed >> 8) % n;
    };
    int notes = 0, check_ins = 0;
    for (int history = 0; history < 100; ++history) {
        segment::Facts all;
        std::vector<Rating> ratings;
        const Day start = D("2026-01-01");
        const int length = 40 + static_cast<int>(next(60));
        for (Day d = start; d < start + days{length}; d += days{1}) {
            if (next(3) == 0) continue;
            const int v = static_cast<int>(next(2) == 0 ? next(4) : next(11));
            all.moods.push_back({d, v});
            ratings.push_back(Rating{d, RatingKind::mood, v, {}});
        }
        if (all.moods.empty()) continue;
        const Day newest = *all.last_mood();
        for (const auto& rule : {config::Safety{}, config::Safety{3, 3, 3, {}, {}},
                                 config::Safety{4, 2, 31, {}, {}}}) {
            for (int after = 0; after < 12; ++after) {
                const Day from = newest + days{after};
                auto kept = all;
                // What the store gives (mood_days_kept before the newest), then pruned for `from`.
                std::erase_if(kept.moods, [&](const segment::MoodFact& m) {
                    return m.day < newest - days{segment::mood_days_kept};
                });
                segment::prune(kept, from);
                const auto back = segment::parse_cache(segment::format_cache("s", kept), "s");
                REQUIRE(back);
                for (int later = 0; later < 10; ++later) {
                    const Day today = from + days{later};
                    const auto t = segment::count(*back, today, rule);
                    REQUIRE(t);
                    CAPTURE(history);
                    CHECK(t->note == safety::check_recent(ratings, rule, today).triggered);
                    CHECK(t->check_in == safety::check_in(ratings, rule, today).has_value());
                    notes += t->note;
                    check_ins += t->check_in;
                }
            }
        }
    }
    CHECK(notes > 100);
    CHECK(check_ins > 100);
}

TEST_CASE("segment cache: the format is versioned and its moods are checked") {
    segment::Facts f;
    f.moods = {{D("2026-11-18"), 2}, {D("2026-11-19"), 10}};
    const auto text = segment::format_cache("s", f);
    CHECK(text.starts_with("kint-segment-4\n"));
    CHECK(text.find("\nmood 2026-11-18 2\nmood 2026-11-19 10\n") != std::string::npos);
    for (const char* older : {"kint-segment-1", "kint-segment-2", "kint-segment-3"}) {
        auto old = text;
        old.replace(0, 14, older);
        CHECK_FALSE(segment::parse_cache(old, "s")); // an older kint's cache: the store answers
    }
    auto bad = [&](std::string_view from, std::string_view to) {
        auto t = text;
        t.replace(t.find(from), from.size(), to);
        return !segment::parse_cache(t, "s").has_value();
    };
    CHECK(bad("mood 2026-11-19 10", "mood 2026-11-19 11")); // out of range
    CHECK(bad("mood 2026-11-19 10", "mood 2026-11-19"));    // no value
    CHECK(bad("mood 2026-11-19 10", "mood 2026-11-19 1x")); // not a number
    CHECK(bad("mood 2026-11-19 10", "mood 2026-11-18 10")); // a day twice
    CHECK(bad("mood 2026-11-19 10", "mood 2026-11-17 10")); // out of order
    CHECK(bad("mood 2026-11-19 10", "mood 2026-11-31 10")); // no such day
}

TEST_CASE("segment::prune: moods too old for any later day go, the newest stays") {
    segment::Facts f;
    f.moods = {{D("2026-01-01"), 2}, {D("2026-10-01"), 2}, {D("2026-10-20"), 5}};
    auto pruned = f;
    segment::prune(pruned, D("2026-11-20"));
    // 2026-11-20 - 37 days = 2026-10-14: only the newest is left.
    REQUIRE(pruned.moods.size() == 1);
    CHECK(pruned.moods[0].day == D("2026-10-20"));
    pruned = f;
    segment::prune(pruned, D("2026-11-07")); // back to 2026-10-01
    CHECK(pruned.moods.size() == 2);
    f.moods.resize(1);
    segment::prune(f, D("2027-01-01")); // the newest (and only) one stays however old
    CHECK(f.moods.size() == 1);
}

namespace {
// A --per cue in the facts: daily days, placed on the 2nd, done on `done` (oldest first).
segment::CueFacts per_cue(Per per, std::vector<Day> done) {
    segment::CueFacts c{Schedule::daily(), D("2026-11-02"), std::nullopt, {}, std::nullopt};
    if (!done.empty()) c.last_done = done.back();
    c.per = per;
    c.done_days = std::move(done);
    return c;
}
} // namespace

TEST_CASE("segment::count: a --per cue is due while its target is open, an if-then never") {
    segment::Facts f;
    // 3/week (Monday weeks): done Mon 16th and Wed 18th; 2026-11-20 is a Friday.
    f.cues.push_back(per_cue(Per{3, 7, true}, {D("2026-11-16"), D("2026-11-18")}));
    // 2 in 7 days: done on the 13th (out of the 14th-20th) and the 19th.
    f.cues.push_back(per_cue(Per{2, 7, false}, {D("2026-11-13"), D("2026-11-19")}));
    // An if-then cue, never due, even when logged today.
    segment::CueFacts situation{
        Schedule::daily(), D("2026-11-02"), std::nullopt, {}, D("2026-11-20")};
    situation.situation = true;
    f.cues.push_back(situation);
    auto t = segment::count(f, D("2026-11-20"));
    REQUIRE(t);
    CHECK(t->scheduled == 2);
    CHECK(t->done == 0);

    // The week's third done day today: due and done. The rolling one met by the 20th's window.
    f.cues[0].done_days.push_back(D("2026-11-20"));
    f.cues[0].last_done = D("2026-11-20");
    f.cues[1].done_days.push_back(D("2026-11-20"));
    f.cues[1].last_done = D("2026-11-20");
    t = segment::count(f, D("2026-11-20"));
    CHECK(t->scheduled == 2);
    CHECK(t->done == 2);
    // Saturday: both targets met and nothing logged: nothing due.
    t = segment::count(f, D("2026-11-21"));
    CHECK(t->scheduled == 0);
    // Monday: a new week opens; the rolling window still holds the 19th and 20th until the 26th.
    t = segment::count(f, D("2026-11-23"));
    CHECK(t->scheduled == 1);
    t = segment::count(f, D("2026-11-26"));
    CHECK(t->scheduled == 2);
    // Sunday weeks: Sunday the 22nd begins a new week.
    CHECK(segment::count(f, D("2026-11-22"), {}, 6)->scheduled == 1);
    CHECK(segment::count(f, D("2026-11-22"), {}, 0)->scheduled == 0);
}

TEST_CASE("segment cache: plans and done days survive the cache and prune") {
    segment::Facts f;
    f.cues.push_back(per_cue(Per{3, 7, true}, {D("2026-10-01"), D("2026-11-16"), D("2026-11-18")}));
    f.cues.push_back(per_cue(Per{2, 10, false}, {}));
    segment::CueFacts situation{Schedule::daily(), D("2026-11-02"), std::nullopt, {}, std::nullopt};
    situation.situation = true;
    f.cues.push_back(situation);
    f.cues.push_back({Schedule::daily(), D("2026-11-02"), std::nullopt, {}, std::nullopt});
    const auto text = segment::format_cache("s", f);
    CHECK(text.find("\ncue 127 2026-11-02 - 2026-11-18 3/week - - +2026-10-01 +2026-11-16 "
                    "+2026-11-18\n") != std::string::npos);
    CHECK(text.find("\ncue 127 2026-11-02 - - 2/10d - -\n") != std::string::npos);
    CHECK(text.find("\ncue 127 2026-11-02 - - if - -\n") != std::string::npos);
    CHECK(text.find("\ncue 127 2026-11-02 - - - - -\n") != std::string::npos);
    const auto back = segment::parse_cache(text, "s");
    REQUIRE(back);
    REQUIRE(back->cues.size() == 4);
    CHECK(back->cues[0].per == Per{3, 7, true});
    CHECK(back->cues[0].done_days == f.cues[0].done_days);
    CHECK(back->cues[1].per == Per{2, 10, false});
    CHECK(back->cues[2].situation);
    CHECK_FALSE(back->cues[3].per);
    CHECK_FALSE(back->cues[3].situation);
    CHECK(segment::format_cache("s", *back) == text);

    auto bad = [&](std::string_view from, std::string_view to) {
        auto t = text;
        t.replace(t.find(from), from.size(), to);
        return !segment::parse_cache(t, "s").has_value();
    };
    CHECK(bad("3/week", "8/week"));
    CHECK(bad("3/week", "3/1d"));
    CHECK(bad(" - if - -\n", " - iff - -\n"));
    CHECK(bad("+2026-11-16 +2026-11-18", "+2026-11-18 +2026-11-16")); // out of order
    CHECK(bad("+2026-11-16", "+2026-11-31"));
    CHECK(bad(" - - - - -\n", " - - - - - +2026-11-16\n")); // done days only for a --per cue
    CHECK(bad(" - - - - -\n", " - - - -\n"));               // every word is required

    // Prune keeps the done days any window from `from` on can see (31 days).
    auto pruned = f;
    segment::prune(pruned, D("2026-11-20"));
    CHECK(pruned.cues[0].done_days == std::vector{D("2026-11-16"), D("2026-11-18")});
    for (const char* day : {"2026-11-20", "2026-11-22", "2026-11-23", "2026-12-20"}) {
        CAPTURE(day);
        CHECK(segment::count(pruned, D(day))->scheduled == segment::count(f, D(day))->scheduled);
    }
}

namespace {
// A daily cue at `at`, placed on the 2nd, as a timed cue's facts.
segment::CueFacts timed(Minutes at, std::string behavior) {
    segment::CueFacts c{Schedule::daily(), D("2026-11-02"), std::nullopt, {}, std::nullopt};
    c.at = at;
    c.behavior = std::move(behavior);
    return c;
}
constexpr Minutes day_starts = 4 * 60;
} // namespace

TEST_CASE("segment::due: a timed cue from its time until it is logged, the earliest named") {
    const Day fri = D("2026-11-20");
    segment::Facts f;
    f.cues.push_back(timed(7 * 60 + 30, "stretch"));
    f.cues.push_back(timed(18 * 60, "write one sentence"));
    f.cues.push_back({Schedule::daily(), D("2026-11-02"), std::nullopt, {}, std::nullopt});
    // Before the first time: nothing; from it on, the cue by name.
    CHECK_FALSE(segment::due(f, fri, 7 * 60 + 29, day_starts));
    auto d = segment::due(f, fri, 7 * 60 + 30, day_starts);
    REQUIRE(d);
    CHECK(d->behavior == "stretch");
    CHECK(d->more == 0);
    // After both times: the earlier one, and one more waiting.
    d = segment::due(f, fri, 20 * 60, day_starts);
    REQUIRE(d);
    CHECK(d->behavior == "stretch");
    CHECK(d->more == 1);
    // Past midnight it is still the same kint day: both still wait; at 04:00 a new day begins.
    CHECK(segment::due(f, fri, 1 * 60, day_starts)->more == 1);
    CHECK_FALSE(segment::due(f, fri, 4 * 60, day_starts));

    // Logged done, skipped or slipped: answered, no longer named.
    auto done = f;
    done.cues[0].last_done = fri;
    done.cues[0].last_logged = fri;
    d = segment::due(done, fri, 20 * 60, day_starts);
    REQUIRE(d);
    CHECK(d->behavior == "write one sentence");
    CHECK(d->more == 0);
    auto slipped = f;
    slipped.cues[0].last_logged = fri;
    CHECK(segment::due(slipped, fri, 20 * 60, day_starts)->behavior == "write one sentence");
    CHECK_FALSE(segment::due(slipped, fri, 8 * 60, day_starts));
    // Logged yesterday: due again today.
    auto yesterday = f;
    yesterday.cues[0].last_done = yesterday.cues[0].last_logged = D("2026-11-19");
    CHECK(segment::due(yesterday, fri, 8 * 60, day_starts)->behavior == "stretch");

    // Paused today, archived, not on today's schedule, an if-then: never named.
    auto others = f;
    others.cues[0].pauses = {Pause{D("2026-11-18"), std::nullopt}};
    others.cues[1].archived_on = D("2026-11-19");
    CHECK_FALSE(segment::due(others, fri, 20 * 60, day_starts));
    others = f;
    others.cues[0].days = Schedule::parse("mon,wed");
    others.cues[1].situation = true; // (the store gives an if-then cue no time; belt and braces)
    CHECK_FALSE(segment::due(others, fri, 20 * 60, day_starts));

    // A --per cue while its target is open; not once it is met.
    auto per = f;
    per.cues.resize(1);
    per.cues[0].per = Per{2, 7, true};
    per.cues[0].done_days = {D("2026-11-16")};
    CHECK(segment::due(per, fri, 8 * 60, day_starts)->behavior == "stretch");
    per.cues[0].done_days.push_back(D("2026-11-18"));
    CHECK_FALSE(segment::due(per, fri, 8 * 60, day_starts));

    // Facts that cannot tell today (a clock set back, days before `from`): nothing.
    auto ahead = f;
    ahead.cues[1].last_logged = D("2026-11-21");
    CHECK_FALSE(segment::due(ahead, fri, 20 * 60, day_starts));
    CHECK_FALSE(segment::count(ahead, fri));
    auto later = f;
    later.from = D("2026-11-21");
    CHECK_FALSE(segment::due(later, fri, 20 * 60, day_starts));

    // A cue at 02:00 belongs to the end of the kint day: not due in the morning.
    segment::Facts night;
    night.cues.push_back(timed(2 * 60, "lights out"));
    CHECK_FALSE(segment::due(night, fri, 23 * 60, day_starts));
    CHECK(segment::due(night, fri, 2 * 60, day_starts)->behavior == "lights out");
}

TEST_CASE("segment cache: a timed cue's time, last entry and behavior, on one line each") {
    segment::Facts f;
    f.cues.push_back(timed(7 * 60 + 30, "stretch\nslowly\t\x1b[31m, \xe2\x80\xae ok"));
    f.cues[0].last_done = D("2026-11-18");
    f.cues[0].last_logged = D("2026-11-19");
    f.cues.push_back(timed(18 * 60, "write one sentence"));
    const auto text = segment::format_cache("s", f);
    CHECK(text.find("\ncue 127 2026-11-02 - 2026-11-18 - 07:30 2026-11-19\n"
                    "does stretch slowly [31m,  ok\n") != std::string::npos);
    CHECK(text.find("\ncue 127 2026-11-02 - - - 18:00 -\ndoes write one sentence\n") !=
          std::string::npos);
    const auto back = segment::parse_cache(text, "s");
    REQUIRE(back);
    REQUIRE(back->cues.size() == 2);
    CHECK(back->cues[0].at == 7 * 60 + 30);
    CHECK(back->cues[0].last_logged == D("2026-11-19"));
    CHECK(back->cues[0].behavior == "stretch slowly [31m,  ok");
    CHECK(back->cues[1].behavior == "write one sentence");
    CHECK(segment::format_cache("s", *back) == text);

    auto bad = [&](std::string_view from, std::string_view to) {
        auto t = text;
        t.replace(t.find(from), from.size(), to);
        return !segment::parse_cache(t, "s").has_value();
    };
    CHECK(bad(" 07:30 ", " 7:30 "));
    CHECK(bad(" 07:30 ", " 24:00 "));
    CHECK(bad(" - 18:00 -", " if 18:00 -"));            // an if-then cue has no time
    CHECK(bad(" - 18:00 -", " - - 2026-11-19"));        // a last entry only for a timed cue
    CHECK(bad("does write", "does write\ndoes write")); // once
    CHECK(bad("\ndoes write one sentence\n", "\n"));    // (then the next line is out of place)
    CHECK(bad("\ncue 127 2026-11-02 - - - 18:00 -", "\ncue 127 2026-11-02 - - - - -"));
}
