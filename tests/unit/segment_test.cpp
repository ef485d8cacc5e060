// The prompt segment's facts and their cache: counts for a day, and a cache trusted only whole and
// only for the exact store state it was filled from.
#include "kint/domain/segment.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace kint;
using kint::test::D;

namespace {

segment::Facts sample() {
    segment::Facts f;
    f.focus = "I am open to learning new ways to cope";
    f.last_mood = D("2026-11-19");
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
    rated.last_mood = D("2026-11-21");
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
    CHECK(back->last_mood == f.last_mood);
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
    }
    // An earlier day: the pruned facts cannot tell, so the prompt asks the store.
    segment::Facts later = whole;
    later.cues[0].last_done.reset();
    later.last_mood.reset();
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
