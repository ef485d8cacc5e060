// kint session: treatment session days.
#include "harness.hpp"

using namespace kint::e2e;

TEST_CASE("session: add defaults to today and list is in day order") {
    Sandbox s;
    CHECK(contains(s.ok({"session", "list"}).out, "kint session add"));
    CHECK(s.ok({"session", "list", "--json"}).out == "[]\n");

    auto today = s.ok({"session", "add", "--json"}).out;
    CHECK(contains(today, kv("day", quoted("2026-11-20"))));
    CHECK(contains(today, kv("note", "null")));
    auto earlier = s.ok({"session", "add", "2026-11-01", "--note", "first infusion", "--json"}).out;
    CHECK(contains(earlier, kv("day", quoted("2026-11-01"))));
    CHECK(contains(earlier, kv("note", quoted("first infusion"))));
    s.ok({"session", "add", "-5"});

    auto list = s.ok({"session", "list", "--json"}).out;
    CHECK(count_of(list, "\"day\": ") == 3);
    CHECK(list.find("2026-11-01") < list.find("2026-11-15"));
    CHECK(list.find("2026-11-15") < list.find("2026-11-20"));

    auto text = s.ok({"session", "list"}).out;
    CHECK(contains(text, "day 19"));
    CHECK(contains(text, "day 0"));
    CHECK(contains(text, "first infusion"));
}

TEST_CASE("session: the timeline counts from the latest session, and add says which") {
    Sandbox s;
    CHECK(contains(s.ok({"session", "add", "2026-11-09"}).out,
                   "The integration timeline counts from it: see 'kint today'."));
    const auto earlier = s.ok({"session", "add", "2026-11-05"}).out;
    CHECK(contains(earlier,
                   "The integration timeline still counts from your latest session, 2026-11-09."));
    CHECK_FALSE(contains(earlier, "counts from it"));
    CHECK(contains(s.ok({"today", "--json"}).out, kv("day", "11")));
    CHECK(contains(s.ok({"session", "add", "2026-11-12"}).out, "counts from it"));
}

TEST_CASE("session: the week before a planned session brings the preparation prompts") {
    Sandbox s;
    s.ok({"session", "add", "2026-11-25"}); // planned; today is the 20th
    const auto text = s.ok({"prompts"}).out;
    CHECK(contains(text, "Prompts for 2026-11-20 (before your session)"));
    CHECK(contains(text, "preparation."));
    CHECK(contains(s.ok({"today", "--json"}).out, "\"id\": \"preparation."));
    // Further ahead than a week: general practice.
    Sandbox later;
    later.ok({"session", "add", "2026-12-20"});
    CHECK(contains(later.ok({"prompts"}).out, "(general practice)"));
}

TEST_CASE("session: the same day again updates its note and a planned day is fine") {
    Sandbox s;
    CHECK(s.ok({"session", "add", "2026-11-10", "--note", "first"})
              .out.starts_with("Recorded a session on 2026-11-10.\n"));
    // Said as it is: the day was already there, and nothing new was recorded.
    CHECK(s.ok({"session", "add", "2026-11-10"})
              .out.starts_with("A session on 2026-11-10 was already recorded.\n"));
    CHECK(contains(s.ok({"session", "add", "2026-11-10", "--json"}).out,
                   kv("note", quoted("first"))));
    auto list = s.ok({"session", "list", "--json"}).out;
    CHECK(count_of(list, "\"day\": ") == 1);
    CHECK(contains(list, kv("note", quoted("first"))));
    CHECK(s.ok({"session", "add", "2026-11-10", "--note", "second"})
              .out.starts_with(
                  "A session on 2026-11-10 was already recorded; its note is updated.\n"));
    list = s.ok({"session", "list", "--json"}).out;
    CHECK(count_of(list, "\"day\": ") == 1);
    CHECK(contains(list, kv("note", quoted("second"))));

    s.ok({"session", "add", "2026-12-01"});
    CHECK(contains(s.ok({"session", "list"}).out, "planned"));

    auto bad = s.run({"session", "add", "2026-02-30"});
    CHECK(bad.code == 2);
    CHECK(is_error_line(bad.err));
    auto none = s.run({"session"});
    CHECK(none.code == 2);
    CHECK(is_error_line(none.err));
    CHECK(count_of(s.ok({"session", "list", "--json"}).out, "\"day\": ") == 2);
}

TEST_CASE("session: rm removes the session of a day, none that day is exit 1") {
    Sandbox s;
    s.ok({"session", "add", "2026-11-01"});
    s.ok({"session", "add", "2026-11-15"});
    CHECK(s.ok({"session", "rm", "2026-11-15"}).out == "Removed the session on 2026-11-15.\n");
    const auto list = s.ok({"session", "list", "--json"}).out;
    CHECK_FALSE(contains(list, "2026-11-15"));
    CHECK(contains(list, "2026-11-01"));
    const auto before = s.snapshot();
    const auto none = s.run({"session", "rm", "2026-11-15"});
    CHECK(none.code == 1);
    CHECK(none.err == "kint: there is no session on 2026-11-15; see 'kint session list'\n");
    CHECK(s.run({"session", "rm", "2026-02-30"}).code == 2);
    CHECK(s.snapshot() == before);
}
