// The one set of rules for records, whether typed at a command or read from an import.
#include "kint/domain/validate.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kint;
using namespace std::chrono;
using validate::Lines;

namespace {
Day ymd(int y, unsigned m, unsigned d) {
    return Day{year{y} / month{m} / day{d}};
}
Cue a_cue() {
    Cue c;
    c.id = 1;
    c.intention_id = 1;
    c.trigger = "coffee";
    c.created = ymd(2026, 11, 2);
    c.steps = {Step{ymd(2026, 11, 2), "one breath", std::nullopt}};
    return c;
}
std::string problem_of(const Cue& c) {
    return validate::cue_problem(c).value_or("(none)");
}
} // namespace

TEST_CASE("validate: text rules") {
    using validate::text_problem;
    CHECK_FALSE(text_problem("a calm morning", 1000, Lines::one));
    CHECK_FALSE(text_problem("two\nlines\tand a tab", 1000, Lines::many));
    CHECK(text_problem("   ", 1000, Lines::one) == "is empty; write a few words");
    CHECK(text_problem("", 1000, Lines::many) == "is empty; write a few words");
    CHECK(text_problem(std::string(1001, 'a'), 1000, Lines::one) ==
          "is 1001 bytes long; keep it under 1000 bytes");
    CHECK(text_problem("caf\xc3", 1000, Lines::one) ==
          "is not valid UTF-8 text; check your terminal's encoding");
    CHECK(text_problem("a\nb", 1000, Lines::one) ==
          "holds a line break (U+000A, character 2); keep it to one line");
    CHECK(text_problem("a\tb", 1000, Lines::one) ==
          "holds a tab (U+0009, character 2); keep it to one line");
    CHECK(text_problem("ab\xc2\x9b", 1000, Lines::many) ==
          "holds a control character (U+009B, character 3); use plain text");
    CHECK(text_problem("\xe2\x80\xae", 1000, Lines::many) ==
          "holds a control character (U+202E, character 1); use plain text");
}

TEST_CASE("validate: a cue's status, pauses, archive day and steps agree") {
    CHECK(problem_of(a_cue()) == "(none)");
    auto paused = a_cue();
    paused.status = CueStatus::paused;
    CHECK(problem_of(paused) == "status is paused but no pause is open (a pause with until null)");
    paused.pauses = {Pause{ymd(2026, 11, 5), std::nullopt}};
    CHECK(problem_of(paused) == "(none)");
    auto open = a_cue();
    open.pauses = {Pause{ymd(2026, 11, 5), std::nullopt}};
    CHECK(problem_of(open) == "status is active but the last pause never ended (until null)");
    auto overlap = a_cue();
    overlap.pauses = {Pause{ymd(2026, 11, 3), ymd(2026, 11, 6)},
                      Pause{ymd(2026, 11, 5), ymd(2026, 11, 8)}};
    CHECK(problem_of(overlap) == "pauses[1].from 2026-11-05 is before the end of the pause "
                                 "before, 2026-11-06");
    auto after_open = a_cue();
    after_open.pauses = {Pause{ymd(2026, 11, 3), std::nullopt},
                         Pause{ymd(2026, 11, 5), ymd(2026, 11, 8)}};
    CHECK(problem_of(after_open) == "pauses[1] follows a pause that never ended");
    auto archived = a_cue();
    archived.status = CueStatus::archived;
    CHECK(problem_of(archived) == "status is archived but archived_on is null");
    archived.archived_on = ymd(2026, 11, 1);
    CHECK(problem_of(archived) == "archived_on 2026-11-01 is before its created 2026-11-02");
    auto early_step = a_cue();
    early_step.steps.front().day = ymd(2026, 10, 30);
    CHECK(problem_of(early_step) ==
          "steps[0].day 2026-10-30 is before the cue's created 2026-11-02");
    auto newline = a_cue();
    newline.trigger = "cof\nfee";
    CHECK(problem_of(newline) ==
          "trigger holds a line break (U+000A, character 4); keep it to one line");
}

TEST_CASE("validate: a snapshot names the first problem by its place") {
    exchange::Snapshot s;
    s.intentions = {Intention{1, "Rest", {}, {}, ymd(2026, 11, 2), false, {}, false}};
    s.cues = {a_cue()};
    s.journal = {JournalEntry{1, ymd(2026, 11, 3), "text", {"win"}, "feeling", {}}};
    CHECK(validate::snapshot_problem(s) ==
          "journal[0].kind 'feeling' should be actionable, understanding or acceptance");
    s.journal.front().kind = "acceptance";
    CHECK_FALSE(validate::snapshot_problem(s));
    s.intentions.front().archived_on = ymd(2026, 11, 1);
    CHECK(validate::snapshot_problem(s) ==
          "intentions[0].archived_on 2026-11-01 is before its created 2026-11-02");
    s.intentions.front().archived_on.reset();
    s.ratings = {Rating{ymd(1849, 10, 20), RatingKind::mood, 5, {}}};
    CHECK(validate::snapshot_problem(s) == "ratings[0].day 1849-10-20 is outside the days kint "
                                           "keeps (1900-01-01 to 9999-12-31)");
}
