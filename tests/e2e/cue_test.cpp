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
    CHECK(contains(steps, "{\n      \"day\": \"2026-11-01\",\n      \"behavior\": \"write one "
                          "sentence\",\n      \"note\": null\n    }"));
    CHECK(contains(steps, "{\n      \"day\": \"2026-11-20\",\n      \"behavior\": \"write three "
                          "sentences\",\n      \"note\": \"one felt easy\"\n    }"));
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
    CHECK(r["cues"][0]["scheduled_days"].integer() == 6);
    CHECK(r["cues"][0]["done_days"].integer() == 1);

    const auto before = s.snapshot();
    const auto future =
        s.run({"cue", "add", "--after", "tea", "--do", "walk", "--since", "2026-11-21"});
    CHECK(future.code == 2);
    CHECK(is_error_line(future.err));
    CHECK(contains(future.err, "2026-11-21 is after today"));
    CHECK(s.snapshot() == before);
}
