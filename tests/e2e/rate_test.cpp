// kint rate: one number a day, mood or energy; the safety note when the ratings call for it.
#include "harness.hpp"

using namespace kint::e2e;

namespace {
const std::string safety_message = "For unusual agitation or several days of low mood or thoughts "
                                   "of harming self or others contact your clinic or seek urgent "
                                   "care.";
} // namespace

TEST_CASE("rate: a bare number rates today's mood") {
    Sandbox s;
    auto r = s.ok({"rate", "6", "--json"}).out;
    CHECK(r.starts_with("{\n  \"day\": \"2026-11-20\",\n  \"kind\": \"mood\",\n  \"value\": 6,"));
    CHECK(contains(r, kv("note", "null")));
    CHECK(contains(r, "\"safety\": {\n    \"triggered\": false,\n    \"days\": [],"));
    CHECK(contains(r, "\"message\": \"" + safety_message));
    CHECK(contains(r, kv("contact", quoted(""))));

    auto text = s.ok({"rate", "0"}).out;
    CHECK(contains(text, "mood 0/10 for 2026-11-20"));
    CHECK_FALSE(contains(text, safety_message));
    CHECK(contains(s.ok({"rate", "10", "--json"}).out, kv("value", "10")));
}

TEST_CASE("rate: --kind energy and --energy") {
    Sandbox s;
    auto energy = s.ok({"rate", "4", "--kind", "energy", "--json"}).out;
    CHECK(contains(energy, kv("kind", quoted("energy"))));
    CHECK(contains(energy, kv("value", "4")));

    auto both = s.ok({"rate", "7", "--energy", "3", "--day", "yesterday", "--json"}).out;
    CHECK(contains(both, "\"ratings\": ["));
    CHECK(count_of(both, "\"kind\": ") == 3); // the first rating, then both in "ratings"
    CHECK(contains(both, kv("value", "3")));

    auto only_energy = s.ok({"rate", "--energy", "5", "--day", "-2", "--json"}).out;
    CHECK(only_energy.starts_with("{\n  \"day\": \"2026-11-18\",\n  \"kind\": \"energy\""));

    auto list = s.ok({"rate", "list", "--json"}).out;
    CHECK(count_of(list, "\"day\": ") == 4);
    CHECK(count_of(list, kv("kind", quoted("energy"))) == 3);
    auto energy_only = s.ok({"rate", "list", "--kind", "energy", "--json"}).out;
    CHECK(count_of(energy_only, "\"day\": ") == 3);
    CHECK_FALSE(contains(energy_only, "\"mood\""));

    auto twice = s.run({"rate", "4", "--kind", "energy", "--energy", "5"});
    CHECK(twice.code == 2);
    CHECK(is_error_line(twice.err));
    auto nothing = s.run({"rate"});
    CHECK(nothing.code == 2);
    CHECK(is_error_line(nothing.err));
}

TEST_CASE("rate: rating the same day and kind again replaces the value") {
    Sandbox s;
    CHECK(s.ok({"rate", "6", "--note", "slow start"}).out ==
          "mood 6/10 for 2026-11-20  — slow start\n");
    // It says what it replaced, and shows the note the day keeps.
    CHECK(s.ok({"rate", "8"}).out == "mood 8/10 for 2026-11-20 (was 6)  — slow start\n");
    CHECK(s.ok({"rate", "8"}).out ==
          "mood 8/10 for 2026-11-20 (the same as before)  — slow start\n");
    CHECK(contains(s.ok({"rate", "8", "--json"}).out, kv("note", quoted("slow start"))));
    s.ok({"rate", "2", "--kind", "energy"});
    auto list = s.ok({"rate", "list", "--json"}).out;
    CHECK(count_of(list, "\"day\": ") == 2);
    CHECK(contains(list, kv("value", "8")));
    CHECK_FALSE(contains(list, kv("value", "6")));
    // A re-rating without a note keeps the day's note.
    CHECK(contains(list, kv("note", quoted("slow start"))));
    s.ok({"rate", "7", "--note", "better evening"});
    list = s.ok({"rate", "list", "--json"}).out;
    CHECK(contains(list, kv("note", quoted("better evening"))));
    CHECK_FALSE(contains(list, "slow start"));
}

TEST_CASE("rate: list shows ratings in day order and filters by range") {
    Sandbox s;
    CHECK(contains(s.ok({"rate", "list"}).out, "No ratings"));
    s.ok({"rate", "5", "--day", "2026-11-18"});
    s.ok({"rate", "6", "--day", "2026-11-10", "--note", "tired"});
    s.ok({"rate", "7"});
    auto text = s.ok({"rate", "list"}).out;
    CHECK(text.find("2026-11-10") < text.find("2026-11-18"));
    CHECK(text.find("2026-11-18") < text.find("2026-11-20"));
    CHECK(contains(text, "tired"));
    auto range =
        s.ok({"rate", "list", "--since", "2026-11-11", "--until", "yesterday", "--json"}).out;
    CHECK(count_of(range, "\"day\": ") == 1);
    CHECK(contains(range, kv("day", quoted("2026-11-18"))));
}

TEST_CASE("rate: three low days ending today trigger the safety note, shown first") {
    Sandbox s;
    s.ok({"rate", "3", "--day", "-2"});
    auto second = s.ok({"rate", "2", "--day", "-1", "--json"}).out;
    CHECK(contains(second, kv("triggered", "false")));

    auto r = s.ok({"rate", "1", "--json"}).out;
    CHECK(contains(r, kv("triggered", "true")));
    CHECK(contains(r, "\"days\": [\n      \"2026-11-18\",\n      \"2026-11-19\",\n      "
                      "\"2026-11-20\"\n    ]"));
    CHECK(contains(r, safety_message));

    auto text = s.ok({"rate", "1", "--note", "heavy"}).out;
    CHECK(text.starts_with("Your mood has been 3 or lower for 3 days in a row"));
    const auto message = text.find(safety_message);
    const auto rating = text.find("mood 1/10");
    REQUIRE(message != std::string::npos);
    REQUIRE(rating != std::string::npos);
    CHECK(message < rating);
}

TEST_CASE("rate: the note stands through quiet days, until a better mood") {
    // Going quiet after low days does not make the note disappear (SPEC §7.6): three days on,
    // with nothing rated since, it still stands; a better mood ends it.
    Sandbox s;
    s.ok({"rate", "2", "--day", "2026-11-15"});
    s.ok({"rate", "2", "--day", "2026-11-16"});
    auto old = s.ok({"rate", "2", "--day", "2026-11-17", "--json"}).out;
    CHECK(contains(old, kv("triggered", "true")));
    CHECK_FALSE(contains(s.ok({"rate", "8"}).out, safety_message));

    // A run ending yesterday counts.
    Sandbox y;
    y.ok({"rate", "1", "--day", "-3"});
    y.ok({"rate", "1", "--day", "-2"});
    auto yesterday = y.ok({"rate", "0", "--day", "-1", "--json"}).out;
    CHECK(contains(yesterday, kv("triggered", "true")));
}

TEST_CASE("rate: one unrated day does not hide low days, a wider gap, energy and better moods do") {
    Sandbox s;
    s.ok({"rate", "2", "--day", "2026-11-17"});
    s.ok({"rate", "2", "--day", "2026-11-18"});
    // 11-19 unrated: three low days within five all the same (the old rule missed this).
    CHECK(contains(s.ok({"rate", "2", "--json"}).out, kv("triggered", "true")));

    Sandbox g; // 2, 2, -, -, -, 2: the third low day is six days from the first
    g.ok({"rate", "2", "--day", "2026-11-15"});
    g.ok({"rate", "2", "--day", "2026-11-16"});
    CHECK(contains(g.ok({"rate", "2", "--json"}).out, kv("triggered", "false")));

    Sandbox e;
    e.ok({"rate", "1", "--kind", "energy", "--day", "-2"});
    e.ok({"rate", "1", "--kind", "energy", "--day", "-1"});
    CHECK(
        contains(e.ok({"rate", "1", "--kind", "energy", "--json"}).out, kv("triggered", "false")));

    Sandbox m;
    m.ok({"rate", "3", "--day", "-2"});
    m.ok({"rate", "4", "--day", "-1"});
    CHECK(contains(m.ok({"rate", "3", "--json"}).out, kv("triggered", "false")));
    // Rating the middle day lower completes the run.
    CHECK(contains(m.ok({"rate", "3", "--day", "-1", "--json"}).out, kv("triggered", "true")));
}
