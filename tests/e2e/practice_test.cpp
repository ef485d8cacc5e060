// kint practice: the mindfulness practices. Without a terminal the steps are printed at once (the
// pacer waits only on a terminal); runs have a deadline so a pacer by mistake fails, never hangs.
#include "harness.hpp"
#include "jsonlite.hpp"
#include "pty.hpp"

using namespace kint::e2e;
using jsonlite::parse;

namespace {

const std::vector<std::string> keys = {"breath",     "bodyscan",  "counting", "grounding",
                                       "compassion", "intention", "reset"};

const std::vector<std::string> grounding_steps = {
    "Notice five things you can see.",   "Notice four things you can feel.",
    "Notice three things you can hear.", "Notice two things you can smell.",
    "Notice one thing you can taste.",
};

// A run that must finish well within the practice's own minutes.
Result quick(const Sandbox& s, const std::vector<std::string>& args) {
    auto r = run_within(s, args, 10s);
    INFO("kint ", args.front(), " ", args.back(), "\nstdout: ", r.out, "\nstderr: ", r.err);
    REQUIRE_FALSE(r.timed_out);
    return r;
}

} // namespace

TEST_CASE("practice: lists the seven practices") {
    Sandbox s;
    const auto text = s.ok({"practice"}).out;
    for (const auto& key : keys)
        CHECK_MESSAGE(contains(text, "  " + key + " "), key);
    CHECK(contains(text, "Grounding 5-4-3-2-1"));
    CHECK(contains(text, "2-3 min"));
    CHECK(count_of(text, " min\n") == keys.size());

    const auto j = parse(s.ok({"practice", "--json"}).out);
    REQUIRE(j.size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(j[i]["key"].str() == keys[i]);
        CHECK_FALSE(j[i]["name"].str().empty());
        CHECK(j[i]["minutes"].integer() >= 1);
        CHECK(j[i]["steps"].size() >= 2);
    }
    CHECK_FALSE(read_file(s.db())); // listing needs no store
}

TEST_CASE("practice: without a terminal the steps print and it returns at once") {
    Sandbox s;
    const auto r = quick(s, {"practice", "grounding"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "Grounding 5-4-3-2-1"));
    std::size_t last = 0;
    for (const auto& step : grounding_steps) {
        const auto at = r.out.find(step);
        CHECK_MESSAGE(at != std::string::npos, step);
        CHECK(at >= last); // in order
        last = at;
    }
    // No pacer: no carriage-return redraws, no countdown.
    CHECK_FALSE(contains(r.out, "\r"));
    CHECK_FALSE(contains(r.out, "breathe in"));

    // A practice with a breath pacer, and a long one asked for: still immediate.
    CHECK(quick(s, {"practice", "reset", "--minutes", "60"}).code == 0);
    CHECK_FALSE(read_file(s.db())); // nothing logged, no store
}

TEST_CASE("practice: --log logs the cue done today") {
    Sandbox s;
    s.ok({"intent", "add", "I am open to learning new ways to cope"});
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "three slow breaths"});
    const auto r = quick(s, {"practice", "reset", "--log", "1"});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "logged cue #1"));
    const auto logs = parse(s.ok({"log", "list", "--json"}).out);
    REQUIRE(logs.size() == 1);
    CHECK(logs[0]["cue_id"].integer() == 1);
    CHECK(logs[0]["day"].str() == "2026-11-20");
    CHECK(logs[0]["status"].str() == "done");
    const auto today = parse(s.ok({"today", "--json"}).out);
    CHECK(today["cues"][0]["done"].boolean());

    // A slip earlier the same day: done now counts.
    s.ok({"log", "1", "--undo"});
    s.ok({"log", "1", "--slip", "--note", "rushed"});
    CHECK(quick(s, {"practice", "breath", "--log", "1"}).code == 0);
    CHECK(parse(s.ok({"today", "--json"}).out)["cues"][0]["status"].str() == "done");

    // No such cue: exit 1 and nothing logged; an archived cue: exit 2.
    const auto before = s.snapshot();
    const auto missing = quick(s, {"practice", "reset", "--log", "9"});
    CHECK(missing.code == 1);
    CHECK(is_error_line(missing.err));
    CHECK(s.snapshot() == before);
    s.ok({"cue", "archive", "1"});
    const auto archived_before = s.snapshot();
    const auto archived = quick(s, {"practice", "reset", "--log", "1"});
    CHECK(archived.code == 2);
    CHECK(is_error_line(archived.err));
    CHECK(s.snapshot() == archived_before);
}

TEST_CASE("practice: an unknown practice is not there (1), --log without one is a usage error") {
    Sandbox s;
    const auto r = quick(s, {"practice", "yoga"});
    CHECK(r.code == 1); // no such id, like an unknown catalogue item or prompt
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, "yoga"));
    CHECK(contains(r.err, "grounding")); // names the ones there are
    CHECK(r.out.empty());

    const auto no_name = quick(s, {"practice", "--log", "1"});
    CHECK(no_name.code == 2);
    CHECK(is_error_line(no_name.err));
    CHECK(no_name.out.empty());
    for (const char* minutes : {"0", "61", "soon"}) {
        const auto bad = quick(s, {"practice", "breath", "--minutes", minutes});
        CAPTURE(minutes);
        CHECK(bad.code == 2);
        CHECK(is_error_line(bad.err));
    }
    CHECK_FALSE(read_file(s.db()));
}

TEST_CASE("practice: --json prints one document and logs when asked") {
    Sandbox s;
    const auto j = parse(quick(s, {"practice", "grounding", "--json"}).out);
    CHECK(j["key"].str() == "grounding");
    CHECK(j["name"].str() == "Grounding 5-4-3-2-1");
    REQUIRE(j["steps"].size() == grounding_steps.size());
    for (std::size_t i = 0; i < grounding_steps.size(); ++i)
        CHECK(j["steps"][i].str() == grounding_steps[i]);
    CHECK(j["logged_cue"].is_null());

    s.ok({"intent", "add", "I am open to learning new ways to cope"});
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "notice five things"});
    const auto logged = parse(quick(s, {"practice", "grounding", "--log", "1", "--json"}).out);
    CHECK(logged["logged_cue"].integer() == 1);
    CHECK(parse(s.ok({"log", "list", "--json"}).out).size() == 1);
}

TEST_CASE("practice: the pacer follows the practice's breath, Ctrl-C ends it kindly, unlogged") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    Pty p(s, {"practice", "reset", "--log", "1"});
    REQUIRE(p.expect("breathe in", 10s));
    REQUIRE(p.expect("hold", 10s)); // step 2's hold, never "breathe out" straight after the in
    CHECK_FALSE(contains(p.output(), "breathe out"));
    p.send_line("\x03");
    CHECK(p.wait() == 0);
    CHECK(contains(p.output(), "Stopped there, nothing logged. Any moment of it counts."));
    CHECK_FALSE(contains(p.output(), "Done."));
    CHECK(parse(s.ok({"today", "--json"}).out)["cues"][0]["status"].str() == "pending");
}
