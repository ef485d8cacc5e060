// kint journal: entries with tags, insight kinds, prompts and days; list filters.
#include "harness.hpp"

using namespace kint::e2e;

TEST_CASE("journal: add keeps the text, day and tags") {
    Sandbox s;
    auto r = s.ok({"journal", "add", "Walked", "before work", "-t", "win", "--tag", "Felt", "--tag",
                   "win", "--json"})
                 .out;
    CHECK(contains(r, kv("id", "1")));
    CHECK(contains(r, kv("day", quoted("2026-11-20"))));
    CHECK(contains(r, kv("text", quoted("Walked before work"))));
    // Tags are lower-cased and kept once.
    CHECK(contains(r, "\"tags\": [\n    \"win\",\n    \"felt\"\n  ]"));
    CHECK(contains(r, kv("kind", "null")));
    CHECK(contains(r, kv("prompt", "null")));

    auto text = s.ok({"journal", "add", "Quiet day", "--day", "yesterday"}).out;
    CHECK(contains(text, "#2"));
    CHECK(contains(text, "2026-11-19"));

    auto list = s.ok({"journal", "list", "--json"}).out;
    CHECK(count_of(list, "\"id\": ") == 2);
    // Day order: yesterday first.
    CHECK(list.find("Quiet day") < list.find("Walked before work"));

    auto bad_tag = s.run({"journal", "add", "x", "--tag", "two words"});
    CHECK(bad_tag.code == 2);
    CHECK(is_error_line(bad_tag.err));
    auto future = s.run({"journal", "add", "x", "--day", "2026-11-21"});
    CHECK(future.code == 2);
    CHECK(is_error_line(future.err));
    CHECK(count_of(s.ok({"journal", "list", "--json"}).out, "\"id\": ") == 2);
}

TEST_CASE("journal: --tag takes one word, so the text and other options may follow it") {
    Sandbox s;
    auto r =
        s.ok({"journal", "add", "--tag", "win", "Wrote first", "--day", "yesterday", "--json"}).out;
    CHECK(contains(r, kv("text", quoted("Wrote first"))));
    CHECK(contains(r, kv("day", quoted("2026-11-19"))));
    CHECK(contains(r, "\"tags\": [\n    \"win\"\n  ]"));
    r = s.ok({"journal", "add", "-t", "felt", "-t", "win", "Named it", "--kind", "understanding",
              "--json"})
            .out;
    CHECK(contains(r, kv("text", quoted("Named it"))));
    CHECK(contains(r, "\"tags\": [\n    \"felt\",\n    \"win\",\n    \"insight\"\n  ]"));
}

TEST_CASE("journal: a multi-line entry keeps its lines") {
    Sandbox s;
    auto r = s.ok({"journal", "add", "first line\nsecond line", "--json"}).out;
    CHECK(contains(r, kv("text", quoted("first line\\nsecond line"))));
    auto text = s.ok({"journal", "list"}).out;
    CHECK(contains(text, "  first line\n  second line\n")); // each line under the day
}

TEST_CASE("journal: --kind records the insight kind and adds the insight tag") {
    Sandbox s;
    auto r =
        s.ok({"journal", "add", "I can pause before replying", "--kind", "actionable", "--json"})
            .out;
    CHECK(contains(r, kv("kind", quoted("actionable"))));
    CHECK(contains(r, "\"tags\": [\n    \"insight\"\n  ]"));

    auto tagged = s.ok({"journal", "add", "Grief comes in waves", "--tag", "insight", "--kind",
                        "acceptance", "--json"})
                      .out;
    CHECK(count_of(tagged, "\"insight\"") == 1);

    // The text says that --kind added the tag, and only when it did.
    CHECK(contains(s.ok({"journal", "add", "Rest is allowed", "--kind", "acceptance"}).out,
                   "--kind acceptance adds the tag insight"));
    CHECK_FALSE(
        contains(s.ok({"journal", "add", "Again", "--tag", "insight", "--kind", "acceptance"}).out,
                 "adds the tag"));

    auto bad = s.run({"journal", "add", "x", "--kind", "epiphany"});
    CHECK(bad.code == 2);
    CHECK(is_error_line(bad.err));
}

TEST_CASE("journal: --prompt must name a known prompt") {
    Sandbox s;
    auto r = s.ok({"journal", "add", "More walks", "--prompt", "quick.1", "--json"}).out;
    CHECK(contains(r, kv("prompt", quoted("quick.1"))));
    // The list shows the prompt's text above the answer.
    auto list = s.ok({"journal", "list"}).out;
    CHECK(contains(list, "What wants more of my time this week?"));
    CHECK(list.find("What wants more") < list.find("More walks"));

    auto bad = s.run({"journal", "add", "x", "--prompt", "quick.99"});
    CHECK(bad.code == 1);
    CHECK(is_error_line(bad.err));
    CHECK(contains(bad.err, "quick.99"));
    CHECK(count_of(s.ok({"journal", "list", "--json"}).out, "\"id\": ") == 1);
}

TEST_CASE("journal: list filters by --tag and by days") {
    Sandbox s;
    CHECK(contains(s.ok({"journal", "list"}).out, "kint journal add"));
    CHECK(s.ok({"journal", "list", "--json"}).out == "[]\n");
    s.ok({"journal", "add", "Slept badly", "--tag", "obstacle", "--day", "2026-11-15"});
    s.ok({"journal", "add", "Called a friend", "--tag", "win", "--day", "2026-11-17"});
    s.ok({"journal", "add", "Noticed tension", "--tag", "felt", "--tag", "win"});

    auto wins = s.ok({"journal", "list", "--tag", "WIN", "--json"}).out;
    CHECK(count_of(wins, "\"id\": ") == 2);
    CHECK_FALSE(contains(wins, "Slept badly"));
    CHECK(contains(s.ok({"journal", "list", "-t", "obstacle"}).out, "Slept badly"));
    // A tag is a whole word, not a prefix.
    CHECK(s.ok({"journal", "list", "--tag", "wi", "--json"}).out == "[]\n");

    auto range = s.ok({"journal", "list", "--since", "2026-11-16", "--until", "-1", "--json"}).out;
    CHECK(count_of(range, "\"id\": ") == 1);
    CHECK(contains(range, "Called a friend"));
}

TEST_CASE("journal: rm removes one entry, an unknown id is exit 1 and changes nothing") {
    Sandbox s;
    s.ok({"journal", "add", "keep this"});
    s.ok({"journal", "add", "PRIVATE-WORDS to take back"});
    CHECK(s.ok({"journal", "rm", "2"}).out == "Removed journal entry #2.\n");
    const auto list = s.ok({"journal", "list", "--json"}).out;
    CHECK(count_of(list, "\"id\": ") == 1);
    CHECK(contains(list, "keep this"));
    const auto before = s.snapshot();
    const auto again = s.run({"journal", "rm", "2"});
    CHECK(again.code == 1);
    CHECK(again.err == "kint: there is no journal entry 2; see 'kint journal list'\n");
    CHECK(s.run({"journal", "rm", "abc"}).code == 2);
    CHECK(s.snapshot() == before);
    CHECK(contains(s.ok({"--json", "journal", "rm", "1"}).out, kv("removed", "true")));
}
