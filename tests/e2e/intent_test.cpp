// kint intent: list, add, add --from, catalogue, show, edit, focus, archive.
#include "harness.hpp"

#include <fmt/format.h>

using namespace kint::e2e;

namespace {
const char* const group_keys[] = {"healing",    "emotional", "discovery", "mindfulness",
                                  "creativity", "spiritual", "anxiety",   "depression",
                                  "ptsd",       "postpartum"};
} // namespace

TEST_CASE("intent: an empty list explains how to start, and --json is an empty array") {
    Sandbox s;
    auto r = s.ok({"intent", "list"});
    CHECK(contains(r.out, "kint intent catalogue"));
    CHECK(s.ok({"intent", "list", "--json"}).out == "[]\n");
    CHECK(s.ok({"intent", "--json"}).out == "[]\n");
}

TEST_CASE("intent: add from text becomes the focus and is listed") {
    Sandbox s;
    auto r = s.ok({"intent", "add", "I am open to", "learning new ways to cope", "--json"});
    CHECK(contains(r.out, kv("id", "1")));
    CHECK(contains(r.out, kv("text", quoted("I am open to learning new ways to cope"))));
    CHECK(contains(r.out, kv("group", "null")));
    CHECK(contains(r.out, kv("created", quoted("2026-11-20"))));
    CHECK(contains(r.out, kv("archived", "false")));
    CHECK(contains(r.out, kv("focus", "true")));

    auto text = s.ok({"intent", "add", "Rest without guilt"});
    CHECK(contains(text.out, "#2"));
    CHECK(contains(text.out, "Rest without guilt"));

    auto list = s.ok({"intent", "list"});
    CHECK(contains(list.out, "I am open to learning new ways to cope"));
    CHECK(contains(list.out, "Rest without guilt"));
    CHECK(count_of(list.out, "focus") == 1);
    // The focus marker sits on the newest line.
    CHECK(list.out.find("focus") > list.out.find("Rest without guilt"));
}

TEST_CASE("intent: add --from takes the catalogue text and id") {
    Sandbox s;
    auto r = s.ok({"intent", "add", "--from", "anxiety.5", "--json"});
    CHECK(contains(r.out, kv("text", quoted("Practice relaxing with breathing or meditation."))));
    CHECK(contains(r.out, kv("catalogue_id", quoted("anxiety.5"))));
    CHECK(contains(r.out, kv("group", quoted("anxiety"))));
    CHECK(contains(r.out, kv("focus", "true")));

    auto bad = s.run({"intent", "add", "--from", "anxiety.99"});
    CHECK(bad.code == 1);
    CHECK(is_error_line(bad.err));
    CHECK(contains(bad.err, "anxiety.99"));

    auto both = s.run({"intent", "add", "some text", "--from", "anxiety.5"});
    CHECK(both.code == 2);
    CHECK(is_error_line(both.err));

    auto wrong_group = s.run({"intent", "add", "--from", "anxiety.5", "--group", "ptsd"});
    CHECK(wrong_group.code == 2);
    CHECK(is_error_line(wrong_group.err));
}

TEST_CASE("intent: add --group needs a known catalogue group") {
    Sandbox s;
    auto r = s.ok({"intent", "add", "Stay curious", "--group", "discovery", "--json"});
    CHECK(contains(r.out, kv("group", quoted("discovery"))));
    CHECK(contains(r.out, kv("catalogue_id", "null")));
    auto bad = s.run({"intent", "add", "Stay curious", "--group", "nope"});
    CHECK(bad.code == 1);
    CHECK(is_error_line(bad.err));
    CHECK(contains(bad.err, "nope"));
}

TEST_CASE("intent: the focus moves to the newest intention") {
    Sandbox s;
    CHECK_FALSE(contains(s.ok({"intent", "add", "First"}).out, "Focus moved"));
    // Moving the focus is said, with the way back.
    CHECK(contains(s.ok({"intent", "add", "--from", "healing.1"}).out,
                   "Focus moved to #2 (was #1: First). To move it back: kint intent focus 1\n"));
    auto list = s.ok({"intent", "list", "--json"}).out;
    CHECK(count_of(list, kv("focus", "true")) == 1);
    // Objects are printed in id order, so the true flag must come after the first object's false.
    const auto first = list.find(kv("focus", "false"));
    const auto second = list.find(kv("focus", "true"));
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
}

TEST_CASE("intent: the catalogue opens collapsed, with group names and counts only") {
    Sandbox s;
    auto r = s.ok({"intent", "catalogue"});
    CHECK(contains(r.out, "10 groups, 150"));
    for (const char* name :
         {"Healing and integration", "Emotional exploration", "Self discovery and insight",
          "Mindfulness and presence", "Anxiety", "Depression"})
        CHECK_MESSAGE(contains(r.out, name), name);
    for (const char* key : group_keys)
        CHECK_MESSAGE(contains(r.out, key), key);
    CHECK(count_of(r.out, " 15\n") == 10);
    CHECK_FALSE(contains(r.out, "Practice relaxing with breathing or meditation."));
    CHECK_FALSE(contains(r.out, "anxiety.5 "));
    // Browsing needs no store.
    CHECK(mode_of(s.db()) == -1);
}

TEST_CASE("intent: catalogue --group opens one group") {
    Sandbox s;
    auto r = s.ok({"intent", "catalogue", "--group", "anxiety"});
    CHECK(contains(r.out, "Practice relaxing with breathing or meditation."));
    for (int n = 1; n <= 15; ++n)
        CHECK_MESSAGE(contains(r.out, fmt::format("anxiety.{} ", n)), n);
    CHECK_FALSE(contains(r.out, "healing.1 "));
    CHECK_FALSE(contains(r.out, "Depression"));

    auto bad = s.run({"intent", "catalogue", "--group", "nope"});
    CHECK(bad.code == 1);
    CHECK(is_error_line(bad.err));
    CHECK(contains(bad.err, "anxiety")); // it lists the keys there are
}

TEST_CASE("intent: catalogue --expand opens all 150 items") {
    Sandbox s;
    auto r = s.ok({"intent", "catalogue", "--expand"});
    int found = 0;
    for (const char* key : group_keys)
        for (int n = 1; n <= 15; ++n)
            found += contains(r.out, fmt::format("{}.{} ", key, n));
    CHECK(found == 150);
    CHECK_FALSE(contains(r.out, "anxiety.16"));
    CHECK(contains(r.out, "Practice relaxing with breathing or meditation."));
}

TEST_CASE("intent: catalogue search is case-insensitive and spans groups") {
    Sandbox s;
    auto r = s.ok({"intent", "catalogue", "CaLm"});
    CHECK(contains(r.out, "mindfulness.6"));
    CHECK(contains(r.out, "anxiety.3"));
    CHECK_FALSE(contains(r.out, "anxiety.1 "));
    CHECK_FALSE(contains(r.out, "Healing and integration"));

    auto j = s.ok({"intent", "catalogue", "BREATHING", "meditation", "--json"}).out;
    CHECK(contains(j, kv("id", quoted("anxiety.5"))));
    CHECK(count_of(j, "\"id\": ") == 1);
    CHECK(count_of(j, "\"key\": ") == 1);

    // Punctuation does not matter, and a word matches the start of the catalogue's words.
    for (const char* words : {"self-kindness", "kindness,", "Self Kind", "\"self kindness\""}) {
        CAPTURE(words);
        const auto k = s.ok({"intent", "catalogue", words, "--json"}).out;
        CHECK(contains(k, kv("id", quoted("anxiety.8"))));
    }
    // "art" is not in "heart" or "start".
    CHECK_FALSE(contains(s.ok({"intent", "catalogue", "art", "--json"}).out, "heart"));

    auto none = s.ok({"intent", "catalogue", "zzzz"});
    CHECK(contains(none.out, "zzzz"));
    CHECK(s.ok({"intent", "catalogue", "zzzz", "--json"}).out == "[]\n");
}

TEST_CASE("intent: catalogue --json is a list of {key, name, items: [{id, text}]}") {
    Sandbox s;
    auto j = s.ok({"intent", "catalogue", "--json"}).out;
    CHECK(j.starts_with(
        "[\n  {\n    \"key\": \"healing\",\n    \"name\": \"Healing and integration\""));
    CHECK(count_of(j, "\"key\": ") == 10);
    CHECK(count_of(j, "\"items\": [") == 10);
    CHECK(count_of(j, "\"id\": ") == 150);
    CHECK(count_of(j, "\"text\": ") == 150);
    CHECK(contains(j, "{\n        \"id\": \"anxiety.5\",\n        \"text\": \"Practice relaxing "
                      "with breathing or meditation.\"\n      }"));

    auto g = s.ok({"intent", "catalogue", "--group", "ptsd", "--json"}).out;
    CHECK(count_of(g, "\"key\": ") == 1);
    CHECK(contains(g, kv("key", quoted("ptsd"))));
    CHECK(count_of(g, "\"id\": ") == 15);
}

TEST_CASE("intent: show, edit, focus") {
    Sandbox s;
    s.ok({"intent", "add", "First direction"});
    s.ok({"intent", "add", "Second direction"});
    s.ok({"cue", "add", "--intent", "1", "--after", "I wake up", "--do", "stretch"});

    auto show = s.ok({"intent", "show", "1", "--json"}).out;
    CHECK(contains(show, kv("text", quoted("First direction"))));
    CHECK(contains(show, kv("focus", "false")));
    CHECK(contains(show, "\"cues\": ["));
    CHECK(contains(show, kv("behavior", quoted("stretch"))));
    auto show_text = s.ok({"intent", "show", "1"}).out;
    CHECK(contains(show_text, "First direction"));
    CHECK(contains(show_text, "stretch"));

    auto edit = s.ok({"intent", "edit", "1", "A", "clearer", "direction", "--json"}).out;
    CHECK(contains(edit, kv("text", quoted("A clearer direction"))));
    CHECK(contains(s.ok({"intent", "list"}).out, "A clearer direction"));
    CHECK_FALSE(contains(s.ok({"intent", "list"}).out, "First direction"));

    auto focus = s.ok({"intent", "focus", "1", "--json"}).out;
    CHECK(contains(focus, kv("focus", "true")));
    auto list = s.ok({"intent", "list", "--json"}).out;
    CHECK(count_of(list, kv("focus", "true")) == 1);
    CHECK(list.find(kv("focus", "true")) < list.find("Second direction"));
}

TEST_CASE("intent: archive hides an intention, keeps it in --all and clears the focus") {
    Sandbox s;
    s.ok({"intent", "add", "Keep this"});
    s.ok({"intent", "add", "Archive this"});
    auto r = s.ok({"intent", "archive", "2", "--json"}).out;
    CHECK(contains(r, kv("archived", "true")));
    CHECK(contains(r, kv("focus", "false")));

    CHECK_FALSE(contains(s.ok({"intent", "list"}).out, "Archive this"));
    auto all = s.ok({"intent", "list", "--all", "--json"}).out;
    CHECK(contains(all, "Archive this"));
    CHECK(count_of(all, kv("focus", "true")) == 0);
    CHECK(contains(s.ok({"intent", "--all"}).out, "Archive this"));

    // With no focus a cue needs --intent; an archived intention cannot be the focus again.
    auto cue = s.run({"cue", "add", "--after", "x", "--do", "y"});
    CHECK(cue.code == 2);
    CHECK(is_error_line(cue.err));
    CHECK(contains(cue.err, "focus"));
    auto refocus = s.run({"intent", "focus", "2"});
    CHECK(refocus.code == 2);
    CHECK(is_error_line(refocus.err));

    // Archiving again is harmless and says so.
    auto again = s.ok({"intent", "archive", "2"});
    CHECK(contains(again.out, "already archived"));
    s.ok({"intent", "focus", "1"});
    auto text = s.ok({"intent", "archive", "1"});
    CHECK(contains(text.out, "no focus"));
    CHECK_FALSE(contains(text.out, "cue"));
}

TEST_CASE("intent: archive names the cues that keep going, today points at the others") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    s.ok({"cue", "add", "--after", "lunch", "--do", "walk"});
    s.ok({"intent", "add", "Be kinder"});
    s.ok({"cue", "add", "--after", "dinner", "--do", "thank someone"});
    s.ok({"cue", "archive", "2"});
    s.ok({"intent", "focus", "1"});
    const auto text = s.ok({"intent", "archive", "1"}).out;
    CHECK(contains(text, "Its cue #1 keeps going; 'kint cue pause ID' or 'kint cue archive ID' "
                         "when you are done with it.\n"));
    // Its cues are left as they were: the person decides.
    CHECK(contains(s.ok({"cue", "show", "1", "--json"}).out, kv("status", quoted("active"))));
    // No focus, but an active intention: today says how to choose it, not how to begin.
    const auto today = s.ok({"today"}).out;
    CHECK(contains(today, "none: choose one with 'kint intent focus ID' ('kint intent list' shows "
                          "them)"));
    CHECK_FALSE(contains(today, "kint start"));
    s.ok({"cue", "resume", "1"});
    s.ok({"cue", "add", "--intent", "2", "--after", "tea", "--do", "sip"});
    s.ok({"intent", "focus", "2"});
    CHECK(contains(s.ok({"intent", "archive", "2"}).out, "Its cues #3, #4 keep going"));
    CHECK(contains(s.ok({"today"}).out, "none yet: choose one with 'kint intent catalogue'"));
}
