// kint cue: add (every kind), list, show, step, pause, resume, archive.
#include "harness.hpp"
#include "jsonlite.hpp"

using namespace kint::e2e;
using jsonlite::parse;

namespace {
const std::string second_cue_note =
    "Focus on one small change at a time. Only after the first change feels natural, consider "
    "implementing additional habits.";
} // namespace

TEST_CASE("cue: each kind of cue is stored with its trigger") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});

    auto after =
        s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence", "--json"})
            .out;
    CHECK(contains(after, kv("id", "1")));
    CHECK(contains(after, kv("intention_id", "1")));
    CHECK(contains(after, kv("kind", quoted("after"))));
    CHECK(contains(after, kv("trigger", quoted("I pour my coffee"))));
    CHECK(contains(after, kv("behavior", quoted("write one sentence"))));
    CHECK(contains(after, kv("at", "null")));
    CHECK(contains(after, kv("days", quoted("daily"))));
    CHECK(contains(after, kv("created", quoted("2026-11-20"))));
    CHECK(contains(after, kv("status", quoted("active"))));
    CHECK(contains(after, "\"steps\": ["));

    auto if_ =
        s.ok({"cue", "add", "--if", "I feel anger rising", "--do", "three breaths", "--json"}).out;
    CHECK(contains(if_, kv("kind", quoted("if"))));
    CHECK(contains(if_, kv("trigger", quoted("I feel anger rising"))));

    auto place =
        s.ok({"cue", "add", "--place", "journal on my pillow", "--do", "one line", "--json"}).out;
    CHECK(contains(place, kv("kind", quoted("place"))));
    CHECK(contains(place, kv("trigger", quoted("journal on my pillow"))));

    auto time = s.ok({"cue", "add", "--time", "7:05", "--do", "walk outside", "--json"}).out;
    CHECK(contains(time, kv("kind", quoted("time"))));
    CHECK(contains(time, kv("at", quoted("07:05"))));

    auto text = s.ok({"cue", "add", "--after", "I brush my teeth", "--do", "floss one tooth"}).out;
    CHECK(contains(text, "#5"));
    CHECK(contains(text, "after I brush my teeth"));
    CHECK(contains(text, "kint log 5"));

    auto list = s.ok({"cue", "list"}).out;
    for (const char* b :
         {"write one sentence", "three breaths", "one line", "walk outside", "floss one tooth"})
        CHECK_MESSAGE(contains(list, b), b);
}

TEST_CASE("cue: a trigger is required, and only one") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});
    auto none = s.run({"cue", "add", "--do", "breathe"});
    CHECK(none.code == 2);
    CHECK(is_error_line(none.err));
    auto two = s.run({"cue", "add", "--after", "x", "--if", "y", "--do", "breathe"});
    CHECK(two.code == 2);
    CHECK(is_error_line(two.err));
    auto no_do = s.run({"cue", "add", "--after", "x"});
    CHECK(no_do.code == 2);
    CHECK(is_error_line(no_do.err));
    auto clash = s.run({"cue", "add", "--time", "07:00", "--at", "08:00", "--do", "walk"});
    CHECK(clash.code == 2);
    CHECK(is_error_line(clash.err));
    CHECK(s.ok({"cue", "list", "--json"}).out == "[]\n");
    // --time and an equal --at agree.
    s.ok({"cue", "add", "--time", "07:00", "--at", "07:00", "--do", "walk"});
}

TEST_CASE("cue: --at and --days set the time and the schedule") {
    Sandbox s;
    s.ok({"intent", "add", "Move more"});
    auto at =
        s.ok({"cue", "add", "--after", "lunch", "--do", "walk", "--at", "12:30", "--json"}).out;
    CHECK(contains(at, kv("at", quoted("12:30"))));

    auto mwf = s.ok({"cue", "add", "--after", "work", "--do", "stretch", "--days", "mon,wed,fri",
                     "--json"})
                   .out;
    CHECK(contains(mwf, kv("days", quoted("mon,wed,fri"))));

    auto weekdays =
        s.ok({"cue", "add", "--after", "breakfast", "--do", "plan", "--days", "weekdays", "--json"})
            .out;
    CHECK(contains(weekdays, kv("days", quoted("weekdays"))));

    auto names = s.ok({"cue", "add", "--after", "dinner", "--do", "dishes", "--days",
                       "Friday,monday", "--json"})
                     .out;
    CHECK(contains(names, kv("days", quoted("mon,fri"))));

    auto every = s.ok({"cue", "add", "--after", "waking", "--do", "water", "--days",
                       "mon,tue,wed,thu,fri,sat,sun", "--json"})
                     .out;
    CHECK(contains(every, kv("days", quoted("daily"))));

    auto list = s.ok({"cue", "list"}).out;
    CHECK(contains(list, "12:30"));
    CHECK(contains(list, "mon,wed,fri"));
}

TEST_CASE("cue: --intent defaults to the focus") {
    Sandbox s;
    s.ok({"intent", "add", "One"});
    s.ok({"intent", "add", "Two"});
    CHECK(contains(s.ok({"cue", "add", "--after", "a", "--do", "b", "--json"}).out,
                   kv("intention_id", "2")));
    CHECK(contains(s.ok({"cue", "add", "--intent", "1", "--after", "a", "--do", "b", "--json"}).out,
                   kv("intention_id", "1")));
    s.ok({"intent", "focus", "1"});
    CHECK(contains(s.ok({"cue", "add", "--after", "c", "--do", "d", "--json"}).out,
                   kv("intention_id", "1")));
    auto missing = s.run({"cue", "add", "--intent", "9", "--after", "a", "--do", "b"});
    CHECK(missing.code == 1);
    CHECK(is_error_line(missing.err));
    s.ok({"intent", "archive", "2"});
    auto archived = s.run({"cue", "add", "--intent", "2", "--after", "a", "--do", "b"});
    CHECK(archived.code == 2);
    CHECK(is_error_line(archived.err));
}

TEST_CASE("cue: a second cue within 14 days gets the gentle note") {
    Sandbox s;
    s.ok({"intent", "add", "One change at a time"});
    auto first = s.ok({"cue", "add", "--after", "coffee", "--do", "breathe", "--json"},
                      {{"KINT_TODAY", "2026-11-07"}})
                     .out;
    CHECK(contains(first, kv("note", "null")));

    // 13 days later the first cue is still young.
    auto young = s.ok({"cue", "add", "--after", "lunch", "--do", "walk", "--json"},
                      {{"KINT_TODAY", "2026-11-20"}})
                     .out;
    CHECK(contains(young, kv("note", quoted(second_cue_note))));
    auto text =
        s.ok({"cue", "add", "--after", "dinner", "--do", "stretch"}, {{"KINT_TODAY", "2026-11-20"}})
            .out;
    CHECK(contains(text, second_cue_note));
    CHECK(text.find("Placed cue") < text.find(second_cue_note));
}

TEST_CASE("cue: no note once the other cues are 14 days old, or not active") {
    Sandbox s;
    s.ok({"intent", "add", "One change at a time"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, {{"KINT_TODAY", "2026-11-06"}});
    auto settled = s.ok({"cue", "add", "--after", "lunch", "--do", "walk", "--json"},
                        {{"KINT_TODAY", "2026-11-20"}})
                       .out;
    CHECK(contains(settled, kv("note", "null")));
    CHECK_FALSE(contains(s.ok({"cue", "show", "2"}).out, second_cue_note));

    s.ok({"cue", "archive", "2"});
    auto after_archive = s.ok({"cue", "add", "--after", "tea", "--do", "sip", "--json"}).out;
    CHECK(contains(after_archive, kv("note", "null")));
}

TEST_CASE("cue: step changes the behavior and keeps the history") {
    Sandbox s;
    s.ok({"intent", "add", "Write more"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "write one sentence"},
         {{"KINT_TODAY", "2026-11-01"}});
    auto r =
        s.ok({"cue", "step", "1", "write", "three sentences", "--note", "one felt easy", "--json"})
            .out;
    CHECK(contains(r, kv("behavior", quoted("write three sentences"))));
    const auto steps = r.substr(r.find("\"steps\": ["));
    CHECK(count_of(steps, "\"day\": ") == 2);
    // Each step: day, behavior, note and its measure (none here: null, null, false).
    CHECK(contains(steps, "{\n      \"day\": \"2026-11-01\",\n      \"behavior\": \"write one "
                          "sentence\",\n      \"note\": null,\n      \"target\": null,\n      "
                          "\"unit\": null,\n      \"at_most\": false\n    }"));
    CHECK(contains(steps, "{\n      \"day\": \"2026-11-20\",\n      \"behavior\": \"write three "
                          "sentences\",\n      \"note\": \"one felt easy\",\n      \"target\": "
                          "null,\n      \"unit\": null,\n      \"at_most\": false\n    }"));
    // The direction (trigger and intention) stays.
    CHECK(contains(r, kv("trigger", quoted("coffee"))));
    CHECK(contains(r, kv("created", quoted("2026-11-01"))));

    auto text = s.ok({"cue", "step", "1", "write two sentences"}).out;
    CHECK(contains(text, "write three sentences"));
    CHECK(contains(text, "write two sentences"));
    auto show = s.ok({"cue", "show", "1"}).out;
    CHECK(contains(show, "write one sentence"));
    CHECK(contains(show, "write three sentences"));
    CHECK(contains(show, "one felt easy"));
    CHECK(count_of(s.ok({"cue", "show", "1", "--json"}).out, "\"behavior\": ") == 4);

    // The step it already is: nothing written, said plainly.
    const auto before = s.snapshot();
    CHECK(s.ok({"cue", "step", "1", "write", "two", "sentences"}).out ==
          "Cue #1's step is already: write two sentences. Nothing changed.\n");
    CHECK(s.snapshot() == before);

    auto empty = s.run({"cue", "step", "1", " "});
    CHECK(empty.code == 2);
    CHECK(is_error_line(empty.err));
}

TEST_CASE("cue: pause, resume and archive change the status") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, {{"KINT_TODAY", "2026-11-10"}});
    s.ok({"cue", "add", "--after", "lunch", "--do", "walk"}, {{"KINT_TODAY", "2026-11-10"}});

    auto paused = s.ok({"cue", "pause", "1", "--json"}, {{"KINT_TODAY", "2026-11-15"}}).out;
    CHECK(contains(paused, kv("status", quoted("paused"))));
    CHECK(contains(paused, kv("from", quoted("2026-11-15"))));
    CHECK(contains(paused, kv("until", "null")));
    CHECK(contains(s.ok({"cue", "pause", "1"}).out, "already paused"));
    CHECK(contains(s.ok({"cue", "list"}).out, "paused"));

    auto resumed = s.ok({"cue", "resume", "1", "--json"}, {{"KINT_TODAY", "2026-11-18"}}).out;
    CHECK(contains(resumed, kv("status", quoted("active"))));
    // Resumed (in the evening, maybe): the resume day counts once it is done; until then the
    // pause holds it, so it is no missed day.
    CHECK(contains(resumed, kv("until", quoted("2026-11-19"))));

    auto archived = s.ok({"cue", "archive", "2", "--json"}).out;
    CHECK(contains(archived, kv("status", quoted("archived"))));
    auto list = s.ok({"cue", "list", "--json"}).out;
    CHECK(contains(list, kv("id", "1")));
    CHECK_FALSE(contains(list, kv("id", "2")));
    auto all = s.ok({"cue", "list", "--all", "--json"}).out;
    CHECK(contains(all, kv("id", "2")));
    CHECK(contains(all, kv("status", quoted("archived"))));
    CHECK(contains(s.ok({"cue", "--all"}).out, "walk"));
    CHECK_FALSE(contains(s.ok({"cue"}).out, "walk"));

    // An archived cue stays closed.
    auto resume_archived = s.run({"cue", "resume", "2"});
    CHECK(resume_archived.code == 2);
    CHECK(is_error_line(resume_archived.err));
    auto step_archived = s.run({"cue", "step", "2", "run"});
    CHECK(step_archived.code == 2);
    CHECK(is_error_line(step_archived.err));
}

TEST_CASE("cue: a pause started and ended on the same day leaves no pause behind") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    s.ok({"cue", "pause", "1"});
    auto r = s.ok({"cue", "resume", "1", "--json"}).out;
    CHECK(contains(r, "\"pauses\": []"));
    CHECK(contains(r, kv("status", quoted("active"))));
}

TEST_CASE("cue: pausing after today's done starts the pause tomorrow, so the done still counts") {
    Sandbox s;
    s.ok({"intent", "add", "Rest"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, {{"KINT_TODAY", "2026-11-16"}});
    s.ok({"cue", "add", "--after", "lunch", "--do", "stretch"}, {{"KINT_TODAY", "2026-11-16"}});
    s.ok({"log", "1"});
    const auto week = [&] { return s.ok({"review", "--week", "this", "--json"}).out; };
    const auto before = week();
    const auto paused = s.ok({"cue", "pause", "1"}).out;
    CHECK(contains(paused, "Paused cue #1 from tomorrow: today is done and counts."));
    // Still the same days and strength; only the cue's status says paused.
    auto after = week();
    const auto status = after.find(kv("status", quoted("paused")));
    REQUIRE(status != std::string::npos);
    CHECK(after.replace(status, kv("status", quoted("paused")).size(),
                        kv("status", quoted("active"))) == before);
    CHECK(contains(s.ok({"cue", "show", "1", "--json"}).out, kv("from", quoted("2026-11-21"))));
    CHECK(contains(s.ok({"today"}).out, "✓ breathe"));
    CHECK(contains(s.ok({"cue", "show", "1"}).out, "paused 2026-11-21 (from then on)"));
    // Not done today: the pause starts today, as before.
    const auto other = s.ok({"cue", "pause", "2", "--json"}).out;
    CHECK(contains(other, kv("from", quoted("2026-11-20"))));
    CHECK(contains(s.ok({"cue", "show", "2"}).out, "paused 2026-11-20 (still paused)"));
    s.ok({"cue", "resume", "2"}, {{"KINT_TODAY", "2026-11-23"}});
    CHECK(contains(s.ok({"cue", "show", "2"}, {{"KINT_TODAY", "2026-11-23"}}).out,
                   "paused 2026-11-20 to 2026-11-23"));
    // Resumed the same day, the pause that had not begun leaves nothing behind.
    CHECK(contains(s.ok({"cue", "resume", "1", "--json"}).out, "\"pauses\": []"));
}

TEST_CASE("cue: show prints the step history and phase, list explains an empty state") {
    Sandbox s;
    CHECK(contains(s.ok({"cue", "list"}).out, "kint cue add"));
    CHECK(s.ok({"cue", "list", "--json"}).out == "[]\n");
    s.ok({"intent", "add", "Be kind to myself"});
    s.ok({"cue", "add", "--if", "I judge myself", "--do", "hand on heart"},
         {{"KINT_TODAY", "2026-11-01"}});
    auto show = s.ok({"cue", "show", "1"}).out;
    CHECK(contains(show, "if I judge myself"));
    CHECK(contains(show, "hand on heart"));
    CHECK(contains(show, "Be kind to myself"));
    CHECK(contains(show, "2026-11-01"));
    auto j = s.ok({"cue", "show", "1", "--json"}).out;
    CHECK(contains(j, kv("key", quoted("stability")))); // day 19 = week 3
    CHECK(contains(j, kv("week", "3")));
}

TEST_CASE("cue: --since places a cue begun before today, so earlier days can be logged") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    const auto c = parse(
        s.ok({"cue", "add", "--after", "coffee", "--do", "breathe", "--since", "-5", "--json"})
            .out);
    CHECK(c["created"].str() == "2026-11-15");
    CHECK(c["steps"][0]["day"].str() == "2026-11-15");
    s.ok({"log", "1", "--day", "2026-11-16"});
    CHECK(s.run({"log", "1", "--day", "2026-11-14"}).code == 2); // before it began
    // The review counts it from that day.
    const auto r =
        parse(s.ok({"review", "--since", "2026-11-15", "--until", "2026-11-20", "--json"}).out);
    CHECK(r["cues"][0]["scheduled_days"].integer() == 5); // 15-19; today, the 20th, is open
    CHECK(r["cues"][0]["done_days"].integer() == 1);

    const auto before = s.snapshot();
    const auto future =
        s.run({"cue", "add", "--after", "tea", "--do", "walk", "--since", "2026-11-21"});
    CHECK(future.code == 2);
    CHECK(is_error_line(future.err));
    CHECK(contains(future.err, "2026-11-21 is after today"));
    CHECK(s.snapshot() == before);
}

TEST_CASE("cue add --per: N per week or per M days, stored as given, bad values exit 2") {
    Sandbox s;
    s.ok({"intent", "add", "Move more"});
    const auto week = parse(
        s.ok({"cue", "add", "--after", "lunch", "--do", "walk", "--per", "3/week", "--json"}).out);
    CHECK(week["per"].str() == "3/week");
    CHECK(week["days"].str() == "daily");
    CHECK(week["target"].is_null());
    CHECK(week["unit"].is_null());
    CHECK_FALSE(week["at_most"].boolean());
    const auto rolling = parse(
        s.ok({"cue", "add", "--after", "tea", "--do", "stretch", "--per", "2/10d", "--json"}).out);
    CHECK(rolling["per"].str() == "2/10d");
    const auto daily = parse(s.ok({"cue", "add", "--after", "x", "--do", "y", "--json"}).out);
    CHECK(daily["per"].is_null());
    const auto list = s.ok({"cue", "list"}).out;
    CHECK(contains(list, "3/week"));
    CHECK(contains(list, "2/10d"));

    const auto before = s.snapshot();
    for (const char* bad : {"3", "0/week", "8/week", "3/1d", "3/32d", "5/4d", "x/week", "3/month",
                            "-1/week", "3/7"}) {
        const auto r = s.run({"cue", "add", "--after", "lunch", "--do", "walk", "--per", bad});
        CHECK_MESSAGE(r.code == 2, bad);
        CHECK_MESSAGE(is_error_line(r.err), bad);
        CHECK_MESSAGE(contains(r.err, "e.g. --per 3/week"), bad, ": ", r.err);
    }
    const auto both = s.run(
        {"cue", "add", "--after", "lunch", "--do", "walk", "--per", "3/week", "--days", "mon"});
    CHECK(both.code == 2);
    CHECK(contains(both.err, "--days and --per exclude each other"));
    const auto if_per =
        s.run({"cue", "add", "--if", "I feel tense", "--do", "breathe", "--per", "3/week"});
    CHECK(if_per.code == 2);
    CHECK(contains(if_per.err, "if-then"));
    CHECK(s.snapshot() == before);
}

TEST_CASE("cue add --target/--unit/--at-most: a measured step, bad values exit 2") {
    Sandbox s;
    s.ok({"intent", "add", "Read more"});
    const auto c = parse(s.ok({"cue", "add", "--place", "the armchair", "--do", "read", "--target",
                               "10", "--unit", "pages", "--json"})
                             .out);
    CHECK(c["target"].num() == 10);
    CHECK(c["unit"].str() == "pages");
    CHECK_FALSE(c["at_most"].boolean());
    CHECK(c["steps"][0]["target"].num() == 10);
    CHECK(c["steps"][0]["unit"].str() == "pages");
    const auto limit = parse(s.ok({"cue", "add", "--after", "dinner", "--do", "scroll", "--target",
                                   "20", "--unit", "min", "--at-most", "--json"})
                                 .out);
    CHECK(limit["at_most"].boolean());
    CHECK(limit["steps"][0]["at_most"].boolean());
    CHECK(c["plans"].size() == 0);
    const auto list = s.ok({"cue", "list"}).out;
    CHECK(contains(list, "10 pages"));
    CHECK(contains(list, "at most 20 min"));
    CHECK(contains(s.ok({"cue", "add", "--after", "breakfast", "--do", "stretch", "--target", "5",
                         "--unit", "min", "--per", "3/week"})
                       .out,
                   "Placed cue #3: after breakfast, stretch (5 min), 3 times a week.\nLog it when "
                   "done: kint log 3 --amount N\n"));

    const auto before = s.snapshot();
    for (const char* bad : {"0", "-1", "abc", "nan", "inf", "1e999", "10min", ""}) {
        const auto r = s.run({"cue", "add", "--after", "x", "--do", "y", "--target", bad});
        CHECK_MESSAGE(r.code == 2, bad);
        CHECK_MESSAGE(is_error_line(r.err), bad);
        CHECK_MESSAGE(contains(r.err, "--target takes a number above 0, e.g. --target 10"), bad,
                      ": ", r.err);
    }
    for (const std::vector<std::string>& extra :
         {std::vector<std::string>{"--unit", "min"}, std::vector<std::string>{"--at-most"}}) {
        std::vector<std::string> args = {"cue", "add", "--after", "x", "--do", "y"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = s.run(args);
        CHECK(r.code == 2);
        CHECK(contains(r.err, "needs --target"));
    }
    CHECK(s.snapshot() == before);
}

TEST_CASE("cue step --target: the behavior stays, the history keeps each target") {
    Sandbox s;
    s.ok({"intent", "add", "Read more"});
    s.ok({"cue", "add", "--place", "the armchair", "--do", "read", "--target", "10", "--unit",
          "min", "--since", "-5"});
    CHECK(s.ok({"cue", "step", "1", "--target", "15"}).out ==
          "Cue #1 target: 10 min → 15 min (read)\nSame direction, new step size.\n");
    const auto shown = parse(s.ok({"cue", "show", "1", "--json"}).out);
    REQUIRE(shown["steps"].size() == 2);
    CHECK(shown["steps"][0]["target"].num() == 10);
    CHECK(shown["steps"][1]["target"].num() == 15);
    CHECK(shown["steps"][1]["behavior"].str() == "read");
    CHECK(shown["target"].num() == 15);
    const auto text = s.ok({"cue", "show", "1"}).out;
    CHECK(contains(text, "read · 10 min"));
    CHECK(contains(text, "read · 15 min"));
    // A new behavior keeps the target; the same step again writes nothing.
    s.ok({"cue", "step", "1", "read", "aloud"});
    CHECK(parse(s.ok({"cue", "show", "1", "--json"}).out)["steps"][2]["target"].num() == 15);
    const auto before = s.snapshot();
    CHECK(s.ok({"cue", "step", "1", "--target", "15"}).out ==
          "Cue #1's step is already: read aloud (15 min). Nothing changed.\n");
    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"cue", "step", "1"},
          std::vector<std::string>{"cue", "step", "1", "--target", "0"},
          std::vector<std::string>{"cue", "step", "1", "--at-most", "--at-least"}}) {
        const auto r = s.run(bad);
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
    }
    CHECK(s.snapshot() == before);
    s.ok({"cue", "step", "1", "--at-most"});
    CHECK(parse(s.ok({"cue", "show", "1", "--json"}).out)["at_most"].boolean());
}

TEST_CASE("cue edit: a new plan from today, earlier days keep theirs, cue show lists them") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe", "--since", "2026-11-01"});
    s.ok({"log", "1", "--day", "2026-11-15"}); // a Sunday, on the old daily plan
    const auto out =
        s.ok({"cue", "edit", "1", "--trigger", "after tea", "--at", "07:30", "--days", "weekdays"})
            .out;
    CHECK(out == "Changed cue #1:\n"
                 "  cue: after coffee → after tea\n"
                 "  time: no set time → 07:30\n"
                 "  schedule: every day → weekdays\n"
                 "From today; earlier days keep the old schedule.\n");
    const auto c = parse(s.ok({"cue", "show", "1", "--json"}).out);
    CHECK(c["trigger"].str() == "tea");
    CHECK(c["at"].str() == "07:30");
    REQUIRE(c["plans"].size() == 1);
    CHECK(c["plans"][0]["until"].str() == "2026-11-20");
    CHECK(c["plans"][0]["kind"].str() == "after");
    CHECK(c["plans"][0]["trigger"].str() == "coffee");
    CHECK(c["plans"][0]["at"].is_null());
    CHECK(c["plans"][0]["days"].str() == "daily");
    CHECK(c["plans"][0]["per"].is_null());
    const auto text = s.ok({"cue", "show", "1"}).out;
    CHECK(contains(text, "schedule:\n"));
    CHECK(contains(text, "until 2026-11-20: after coffee, every day\n"));
    CHECK(contains(text, "from 2026-11-20: after tea, weekdays, 07:30\n"));
    // The old Sunday still counts under the plan it had.
    const auto r =
        parse(s.ok({"review", "--since", "2026-11-15", "--until", "2026-11-15", "--json"}).out);
    CHECK(r["cues"][0]["scheduled_days"].integer() == 1);
    CHECK(r["cues"][0]["done_days"].integer() == 1);

    // Next day: --per, then the history has two earlier plans.
    s.env["KINT_TODAY"] = "2026-11-21";
    CHECK(contains(s.ok({"cue", "edit", "1", "--per", "3/week"}).out,
                   "  schedule: weekdays → 3 times a week\n"));
    const auto two = parse(s.ok({"cue", "show", "1", "--json"}).out);
    REQUIRE(two["plans"].size() == 2);
    CHECK(two["plans"][1]["until"].str() == "2026-11-21");
    CHECK(two["plans"][1]["days"].str() == "weekdays");
    CHECK(two["per"].str() == "3/week");
    CHECK(contains(s.ok({"cue", "show", "1"}).out, "from 2026-11-21: after tea, 3 times a week"));
}

TEST_CASE("cue edit: nothing given, bad values and a later --since exit 2") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe", "--since", "2026-11-10"});
    s.ok({"log", "1", "--day", "2026-11-12"});
    const auto before = s.snapshot();
    const auto expect = [&](std::vector<std::string> args, std::string_view message) {
        args.insert(args.begin(), {"cue", "edit"});
        const auto r = s.run(args);
        CHECK_MESSAGE(r.code == 2, args.back());
        CHECK_MESSAGE(is_error_line(r.err), r.err);
        CHECK_MESSAGE(contains(r.err, message), r.err);
    };
    expect({"1"}, "nothing to change");
    expect({"1", "--per", "3/month"}, "e.g. --per 3/week");
    expect({"1", "--per", "3/week", "--days", "mon"}, "exclude each other");
    expect({"1", "--at", "7:30", "--no-at"}, "exclude each other");
    expect({"1", "--at", "25:00"}, "--at");
    expect({"1", "--kind", "sometimes"}, "--kind takes after, if, place or time");
    expect({"1", "--kind", "time"}, "--at HH:MM");
    expect({"1", "--days", "never"}, "not a day of the week");
    expect({"1", "--since", "2026-11-13"}, "--since moves cue 1's first day earlier");
    expect({"1", "--trigger", "at"}, "the word kint puts before a cue itself");
    expect({"1", "--kind", "if", "--days", "mon"}, "leave out --days");
    expect({"1", "--since", "2026-11-21"}, "after today");
    expect({"1", "--trigger", " "}, "--trigger");
    CHECK(s.snapshot() == before);
    const auto nf = s.run({"cue", "edit", "9", "--at", "07:00"});
    CHECK(nf.code == 1);
    CHECK(s.snapshot() == before);

    // --since earlier: the older days can be logged; no plan is kept for it.
    CHECK(contains(s.ok({"cue", "edit", "1", "--since", "2026-11-01"}).out,
                   "first day: 2026-11-10 → 2026-11-01"));
    s.ok({"log", "1", "--day", "2026-11-02"});
    CHECK(parse(s.ok({"cue", "show", "1", "--json"}).out)["plans"].size() == 0);
    // The same values again: said plainly, nothing written.
    const auto same = s.snapshot();
    CHECK(contains(s.ok({"cue", "edit", "1", "--days", "daily"}).out, "Nothing changed."));
    CHECK(s.snapshot() == same);
}

TEST_CASE("cue: a trigger's lead-in word is not doubled (cue add, cue edit)") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});
    const auto added =
        s.ok({"cue", "add", "--place", "at the front door", "--do", "three breaths"}).out;
    CHECK(contains(added, "at the front door"));
    CHECK_FALSE(contains(added, "at at"));
    CHECK(parse(s.ok({"cue", "show", "1", "--json"}).out)["trigger"].str() == "the front door");
    s.ok({"cue", "add", "--if", "If I feel anger rising", "--do", "breathe"});
    s.ok({"cue", "add", "--after", "after after lunch", "--do", "walk"});
    const auto list = s.ok({"cue", "list"}).out;
    CHECK(contains(list, "if I feel anger rising"));
    CHECK_FALSE(contains(list, "if If"));
    CHECK(contains(list, "after after lunch")); // only one word goes
    CHECK_FALSE(contains(s.ok({"today"}).out, "at at"));
    s.ok({"cue", "edit", "2", "--trigger", "when I raise my voice"});
    CHECK(contains(s.ok({"cue", "show", "2"}).out, "if I raise my voice"));
}
