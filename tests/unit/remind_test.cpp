// remind::due and remind::message (SPEC §7.2): which cues call for a desktop reminder now, and
// what it says. Pure: hand-built cues, days and clock times.
#include "kint/core/model.hpp"
#include "kint/domain/remind.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using test::D;

namespace {

constexpr Minutes at(int h, int m) {
    return h * 60 + m;
}
constexpr Minutes starts = at(4, 0); // day.starts_at by default

// A daily cue at 08:00, placed on 2026-11-02: "after I pour my coffee → write one sentence".
Cue coffee() {
    Cue c;
    c.id = 1;
    c.intention_id = 1;
    c.kind = CueKind::after;
    c.trigger = "I pour my coffee";
    c.at = at(8, 0);
    c.days = Schedule::daily();
    c.created = D("2026-11-02");
    c.steps = {Step{D("2026-11-02"), "write one sentence", std::nullopt}};
    return c;
}

const Day friday = D("2026-11-20");

bool due_at(const Cue& c, Minutes now, const remind::Facts& facts = {}, Day day = friday) {
    return remind::due(c, day, now, starts, facts);
}

} // namespace

TEST_CASE("remind: the time has come at the cue's minute, and stays come until the day ends") {
    const Cue c = coffee();
    CHECK_FALSE(due_at(c, at(7, 59)));
    CHECK(due_at(c, at(8, 0)));
    CHECK(due_at(c, at(8, 1)));
    CHECK(due_at(c, at(23, 59)));
    // Past midnight the kint day is still the one before, until day.starts_at.
    CHECK(due_at(c, at(0, 30)));
    CHECK(due_at(c, at(3, 59)));
    // From day.starts_at on it is a new day: its morning has not come at 04:00 (the clock and
    // the day are read together; see time_has_come).
    CHECK_FALSE(remind::time_has_come(at(4, 0), at(8, 0), starts));
    CHECK(remind::time_has_come(at(4, 0), at(4, 0), starts));
    // A cue at 01:00 belongs to the end of the kint day: not come in the evening before it.
    CHECK_FALSE(remind::time_has_come(at(23, 0), at(1, 0), starts));
    CHECK(remind::time_has_come(at(1, 0), at(1, 0), starts));
    CHECK(remind::time_has_come(at(2, 0), at(1, 0), starts));
    // With the day starting at midnight: plain clock order.
    CHECK(remind::time_has_come(at(8, 0), at(8, 0), 0));
    CHECK_FALSE(remind::time_has_come(at(7, 59), at(8, 0), 0));
    CHECK_FALSE(remind::time_has_come(at(0, 30), at(8, 0), 0));
}

TEST_CASE("remind: a cue logged today is never reminded, whatever the status") {
    const Cue c = coffee();
    // Logged before its time (at 07:00, say): not then, not after.
    for (Minutes now : {at(7, 0), at(8, 0), at(12, 0), at(23, 0)})
        CHECK_FALSE(due_at(c, now, {.logged = true}));
    // Any status counts as logged: a skip or a slip is an answer too (the caller sets `logged`
    // for any entry; nothing else is asked).
    CHECK(due_at(c, at(8, 0), {.logged = false}));
}

TEST_CASE("remind: once a day: reminded today is not reminded again, the next day it is") {
    const Cue c = coffee();
    CHECK_FALSE(due_at(c, at(8, 5), {.reminded = true}));
    CHECK_FALSE(due_at(c, at(22, 0), {.reminded = true}));
    // The next day has its own facts: no reminder yet.
    CHECK(due_at(c, at(8, 0), {}, friday + std::chrono::days{1}));
}

TEST_CASE(
    "remind: paused, archived, if-then, untimed and not-yet-created cues are never reminded") {
    SUBCASE("paused") {
        Cue c = coffee();
        c.status = CueStatus::paused;
        c.pauses = {Pause{D("2026-11-18"), std::nullopt}};
        CHECK_FALSE(due_at(c, at(9, 0)));
    }
    SUBCASE("a pause covering today, whatever the status says") {
        Cue c = coffee();
        c.pauses = {Pause{D("2026-11-19"), D("2026-11-21")}};
        CHECK_FALSE(due_at(c, at(9, 0)));
        CHECK(due_at(c, at(9, 0), {}, D("2026-11-21")));
    }
    SUBCASE("archived") {
        Cue c = coffee();
        c.status = CueStatus::archived;
        c.archived_on = D("2026-11-19");
        CHECK_FALSE(due_at(c, at(9, 0)));
    }
    SUBCASE("if-then: a situation has no time of its own") {
        Cue c = coffee();
        c.kind = CueKind::if_;
        c.trigger = "I feel anger rising";
        CHECK_FALSE(due_at(c, at(9, 0)));
        CHECK_FALSE(remind::may_be_due(c, friday, at(9, 0), starts));
    }
    SUBCASE("no time") {
        Cue c = coffee();
        c.at.reset();
        CHECK_FALSE(due_at(c, at(23, 0)));
    }
    SUBCASE("placed after today") {
        Cue c = coffee();
        c.created = friday + std::chrono::days{1};
        CHECK_FALSE(due_at(c, at(9, 0)));
    }
}

TEST_CASE("remind: a weekday schedule reminds on its days only") {
    Cue c = coffee();
    c.days = Schedule::parse("mon,wed");
    CHECK_FALSE(due_at(c, at(9, 0)));                      // 2026-11-20 is a Friday
    CHECK(due_at(c, at(9, 0), {}, D("2026-11-23")));       // Monday
    CHECK_FALSE(due_at(c, at(9, 0), {}, D("2026-11-24"))); // Tuesday
}

TEST_CASE("remind: a --per cue is reminded while its period's target is open, not once met") {
    Cue c = coffee();
    c.per = Per{3, 7, true};
    CHECK(due_at(c, at(9, 0), {.remaining = 2}));
    CHECK(due_at(c, at(9, 0), {.remaining = 1}));
    CHECK_FALSE(due_at(c, at(9, 0), {.remaining = 0}));
    // Not yet counted: the rule does not guess it met.
    CHECK(due_at(c, at(9, 0), {}));
    // A remaining count means nothing for a cue that is not --per.
    CHECK(due_at(coffee(), at(9, 0), {.remaining = 0}));
}

TEST_CASE("remind: the plan in force today decides (cue edit)") {
    Cue c = coffee();
    // Until today it was an if-then cue without a time; from today it is timed.
    c.plans = {Plan{friday, CueKind::if_, "I feel anger rising", std::nullopt, Schedule::daily(),
                    std::nullopt}};
    CHECK(due_at(c, at(9, 0)));
    CHECK_FALSE(due_at(c, at(9, 0), {}, friday - std::chrono::days{1}));
}

TEST_CASE("remind: the message: the behavior, then the cue and its time, the intention, kint log") {
    Cue c = coffee();
    c.id = 4;
    const auto m = remind::message(c, "I am open to learning new ways to cope");
    CHECK(m.summary == "write one sentence");
    REQUIRE(m.body.size() == 3);
    CHECK(m.body[0] == "after I pour my coffee · 08:00");
    CHECK(m.body[1] == "I am open to learning new ways to cope");
    CHECK(m.body[2] == "kint log 4");
    CHECK(remind::body_markup(m) ==
          "after I pour my coffee · 08:00\nI am open to learning new ways to cope\nkint log 4");

    SUBCASE("a time cue's trigger is its time, said once") {
        Cue t = coffee();
        t.kind = CueKind::time;
        t.trigger = "08:00";
        CHECK(remind::message(t, "x").body[0] == "at 08:00");
    }
    SUBCASE("stored text cannot rewrite a terminal or the notification") {
        Cue evil = coffee();
        evil.steps.back().behavior = "breathe\x1b]0;pwned\x07\nnow";
        evil.trigger = "I sit\r\x9b"
                       "31m down";
        const auto e = remind::message(evil, "calm\x1b[2J & <b>kind</b>");
        for (const auto& text : {e.summary, e.body[0], e.body[1]}) {
            CAPTURE(text);
            CHECK(text.find('\x1b') == std::string::npos);
            CHECK(text.find('\x07') == std::string::npos);
            CHECK(text.find('\n') == std::string::npos);
            CHECK(text.find('\r') == std::string::npos);
            CHECK(text.find("\xc2\x9b") == std::string::npos);
        }
        CHECK(e.summary == "breathe\xef\xbf\xbd]0;pwned\xef\xbf\xbd\xef\xbf\xbdnow");
        // Markup in stored text is shown as text, not read as markup.
        const auto body = remind::body_markup(e);
        CHECK(body.find("&amp; &lt;b&gt;kind&lt;/b&gt;") != std::string::npos);
        CHECK(body.find("<b>") == std::string::npos);
    }
    SUBCASE("no intention text: the line is left out") {
        CHECK(remind::message(coffee(), "").body.size() == 2);
    }
}
