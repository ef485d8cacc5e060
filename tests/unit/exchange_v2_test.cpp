// Export version 2 (issue 13) as pure conversions: per, measures, plans and amounts out to JSON
// and CSV and back, numbers that read back to the same bytes, and the record rules import keeps.
#include "exchange_text.hpp"
#include "kint/domain/validate.hpp"
#include "kint/render/exchange.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kint;
using kint::test::D;

namespace {

const Day today = test::exchange_today;

// One intention; cue 1 counted 3/week after an edit (it was mon,wed,fri at 20:00 before
// 2026-11-10), measured 10 then 15 min; cue 2 an at-most if-then cue.
exchange::Snapshot sample() {
    exchange::Snapshot s;
    Intention i;
    i.id = 1;
    i.text = "Read more";
    i.created = D("2026-11-01");
    s.intentions.push_back(i);
    Cue c;
    c.id = 1;
    c.intention_id = 1;
    c.trigger = "dinner";
    c.days = Schedule::daily();
    c.per = Per{3, 7, true};
    c.created = D("2026-11-02");
    c.steps = {Step{D("2026-11-02"), "read", std::nullopt, Measure{10, "min", false}},
               Step{D("2026-11-12"), "read", std::string("bigger"), Measure{15, "min", false}}};
    c.plans = {Plan{D("2026-11-10"), CueKind::after, "dinner", 20 * 60,
                    Schedule::parse("mon,wed,fri"), std::nullopt}};
    s.cues.push_back(c);
    Cue limit;
    limit.id = 2;
    limit.intention_id = 1;
    limit.kind = CueKind::if_;
    limit.trigger = "I reach for the phone";
    limit.days = Schedule::daily();
    limit.created = D("2026-11-04");
    limit.steps = {Step{D("2026-11-04"), "scroll", std::nullopt, Measure{20, "", true}}};
    s.cues.push_back(limit);
    s.logs = {LogEntry{1, D("2026-11-05"), LogStatus::done, std::nullopt, 12.5},
              LogEntry{1, D("2026-11-06"), LogStatus::slip, std::string("tired")},
              LogEntry{2, D("2026-11-06"), LogStatus::done, std::nullopt, 0.0}};
    return s;
}

using test::exported;
using test::imported;
using test::refusal;

// The export of sample() with `from` (first occurrence) replaced by `to`.
std::string sample_with(std::string_view from, std::string_view to) {
    return test::exported_with(sample(), from, to);
}

} // namespace

TEST_CASE("exchange v2: per, measures, plans and amounts go out and come back the same") {
    const auto text = exported(sample());
    const auto back = imported(text);
    CHECK(exported(back) == text);
    REQUIRE(back.cues.size() == 2);
    CHECK(back.cues[0].per == Per{3, 7, true});
    CHECK(back.cues[0].plans == sample().cues[0].plans);
    CHECK(back.cues[0].steps[0].measure == Measure{10, "min", false});
    CHECK(back.cues[0].measure() == Measure{15, "min", false});
    CHECK(back.cues[1].kind == CueKind::if_);
    CHECK(back.cues[1].measure() == Measure{20, "", true});
    REQUIRE(back.logs.size() == 3);
    CHECK(back.logs[0].amount == 12.5);
    CHECK_FALSE(back.logs[1].amount);
    CHECK(back.logs[2].amount == 0.0);
    CHECK(json::parse(text).find("version")->as_int("version") == exchange::format_version);
}

TEST_CASE("exchange v2: numbers are read as they are written, three decimals") {
    // 1.23456 reads as 1.235, which writes as 1.235 and reads back the same.
    const auto text = sample_with("\"amount\":12.5", "\"amount\":1.23456");
    const auto once = exported(imported(text));
    CHECK(once.find("\"amount\":1.235") != std::string::npos);
    CHECK(exported(imported(once)) == once);
    // A whole number and its decimal form are one amount.
    CHECK(exported(imported(sample_with("\"amount\":12.5", "\"amount\":12.0"))) ==
          exported(imported(sample_with("\"amount\":12.5", "\"amount\":12"))));
    // A huge one keeps itself.
    const auto huge = exported(imported(sample_with("\"amount\":12.5", "\"amount\":1e300")));
    CHECK(exported(imported(huge)) == huge);
    // A target that rounds to 0 is refused, as it would not read back.
    CHECK(refusal(sample_with("\"target\":10,", "\"target\":0.0004,")) ==
          "cues[0].steps[0].target 0 should be more than 0");
}

TEST_CASE("exchange v2: a file without the new keys reads as before them") {
    const std::string v1 = R"({"format": "kint-export", "version": 1, "focus": null,
      "intentions": [{"id": 1, "text": "Be gentle", "created": "2026-11-02"}],
      "cues": [{"id": 1, "intention_id": 1, "kind": "if", "trigger": "anger rises",
                "days": "daily", "created": "2026-11-02", "status": "active",
                "steps": [{"day": "2026-11-02", "behavior": "five breaths"}], "pauses": []}],
      "logs": [{"cue_id": 1, "day": "2026-11-03", "status": "done"}],
      "ratings": [], "journal": [], "sessions": []})";
    const auto s = imported(v1);
    REQUIRE(s.cues.size() == 1);
    CHECK_FALSE(s.cues[0].per);
    CHECK_FALSE(s.cues[0].measure());
    CHECK(s.cues[0].plans.empty());
    CHECK_FALSE(s.logs[0].amount);
    // A step's measure alone (no cue-level keys) is enough; null keys are as good as none.
    const auto steps_only = imported(
        R"({"format": "kint-export", "version": 2, "intentions": [{"id": 1, "text": "Read",
          "created": "2026-11-02"}], "cues": [{"id": 1, "intention_id": 1, "kind": "after",
          "trigger": "dinner", "days": "daily", "per": null, "plans": null, "created": "2026-11-02",
          "status": "active", "steps": [{"day": "2026-11-02", "behavior": "read", "target": 10,
          "unit": null, "at_most": null}], "pauses": []}], "logs": [{"cue_id": 1, "day":
          "2026-11-03", "status": "done", "amount": 7}], "ratings": [], "journal": [],
          "sessions": []})");
    CHECK(steps_only.cues[0].measure() == Measure{10, "", false});
    CHECK(steps_only.logs[0].amount == 7.0);
}

TEST_CASE("exchange v2: bad values are refused, naming the record") {
    CHECK(refusal(sample_with("\"per\":\"3/week\"", "\"per\":\"0/week\"")) ==
          "cues[0].per '0/week' should be N/week (N from 1 to 7), N/Md (M from 2 to 31, N from 1 "
          "to M) or null");
    CHECK(refusal(sample_with("\"per\":\"3/week\"", "\"per\":\"4/3d\""))
              .starts_with("cues[0].per '4/3d' should be"));
    CHECK(refusal(sample_with("\"days\":\"daily\",\"per\":\"3/week\"",
                              "\"days\":\"weekdays\",\"per\":\"3/week\"")) ==
          "cues[0].days is weekdays but per is set: a cue counted per period may happen on any "
          "day (days daily)");
    CHECK(refusal(sample_with("\"target\":10,", "\"target\":-2,")) ==
          "cues[0].steps[0].target -2 should be more than 0");
    CHECK(refusal(sample_with("\"unit\":\"min\"", "\"unit\":\"pages\"")) ==
          "cues[0].target, unit and at_most differ from its current step's (steps[1]); the steps "
          "hold the measure");
    CHECK(refusal(sample_with("\"amount\":12.5", "\"amount\":-0.5")) ==
          "logs[0].amount -0.5 should be 0 or more");
    CHECK(refusal(sample_with("\"until\":\"2026-11-10\"", "\"until\":\"2026-11-01\"")) ==
          "cues[0].plans[0].until 2026-11-01 should be after the cue's created 2026-11-02 (plans "
          "oldest first, each covering a day)");
    CHECK(refusal(sample_with("\"at\":\"20:00\"", "\"at\":\"25:00\"")) ==
          "cues[0].plans[0].at should be HH:MM");
    CHECK(refusal(sample_with("\"trigger\":\"dinner\",\"at\":\"20:00\"",
                              "\"trigger\":\"\",\"at\":\"20:00\"")) ==
          "cues[0].plans[0].trigger is empty");
}

TEST_CASE("exchange v2: plans after one another, and validate's rules for the new fields") {
    auto s = sample();
    s.cues[0].plans.push_back(
        Plan{D("2026-11-10"), CueKind::if_, "x", std::nullopt, Schedule::daily(), std::nullopt});
    CHECK(validate::snapshot_problem(s) ==
          "cues[0].plans[1].until 2026-11-10 should be after the plan before, until 2026-11-10 "
          "(plans oldest first, each covering a day)");
    s.cues[0].plans[1].until = D("2026-11-11");
    CHECK_FALSE(validate::snapshot_problem(s));
    s.cues[0].plans[1].per = Per{2, 5, false};
    CHECK_FALSE(validate::snapshot_problem(s));
    s.cues[0].plans[1].days = Schedule::parse("weekends");
    CHECK(validate::snapshot_problem(s) ==
          "cues[0].plans[1].days is weekends but per is set: a cue counted per period may happen "
          "on any day (days daily)");
    s = sample();
    s.logs[0].amount = -1;
    CHECK(validate::log_problem(s.logs[0]) == "amount -1 should be 0 or more");
    s.cues[0].steps[1].measure->unit = "mi\nn";
    CHECK(validate::cue_problem(s.cues[0]).value_or("").starts_with("steps[1].unit holds a line "
                                                                    "break"));
    s.cues[1].steps[0].measure->target = 0;
    CHECK(validate::cue_problem(s.cues[1]) == "steps[0].target 0 should be more than 0");
}

TEST_CASE("exchange v2: the CSV gains amount, per, target, unit and at_most at the end") {
    const auto csv = exchange::to_csv(sample());
    CHECK(csv.starts_with("record,id,ref,day,until,kind,status,group,catalogue_id,trigger,at,days,"
                          "value,text,note,tags,prompt,amount,per,target,unit,at_most\n"));
    CHECK(csv.find("\ncue,1,1,2026-11-02,,after,active,,,dinner,,daily,,,,,,,3/week,15,min,"
                   "false\n") != std::string::npos);
    CHECK(csv.find("\nstep,,1,2026-11-12,,,,,,,,,,read,bigger,,,,,15,min,false\n") !=
          std::string::npos);
    CHECK(csv.find("\nplan,,1,,2026-11-10,after,,,,dinner,20:00,\"mon,wed,fri\",,,,,,,,,,\n") !=
          std::string::npos);
    CHECK(csv.find("\ncue,2,1,2026-11-04,,if,active,,,I reach for the phone,,daily,,,,,,,,20,,"
                   "true\n") != std::string::npos);
    CHECK(csv.find("\nlog,,1,2026-11-05,,,done,,,,,,,,,,,12.5,,,,\n") != std::string::npos);
    CHECK(csv.find("\nlog,,1,2026-11-06,,,slip,,,,,,,,tired,,,,,,,\n") != std::string::npos);
    CHECK(csv.find("\nlog,,2,2026-11-06,,,done,,,,,,,,,,,0,,,,\n") != std::string::npos);
}
