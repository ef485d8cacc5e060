// The user's config: layered over the embedded default; a broken file is named and changes nothing.
#include "harness.hpp"

using namespace kint::e2e;

TEST_CASE("config: a partial user file changes only its keys") {
    Sandbox s;
    write_file(s.config(), "[safety]\nlow_mood_days = 2\n");
    s.ok({"rate", "2", "--day", "yesterday"});
    auto r = s.ok({"rate", "3", "--json"}).out;
    CHECK(contains(r, kv("triggered", "true")));
    // The message still comes from the default.
    CHECK(contains(r, "\"message\": \"For unusual agitation"));
    CHECK(s.ok({"rate", "3"}).out.starts_with("Your mood has been 3 or lower for 2 days in a row"));

    // The catalogue still comes from the default.
    CHECK(count_of(s.ok({"intent", "catalogue", "--json"}).out, "\"id\": ") == 150);
    CHECK(contains(s.ok({"intent", "add", "--from", "anxiety.5", "--json"}).out,
                   kv("text", quoted("Practice relaxing with breathing or meditation."))));

    // Without the file the default rule (3 days) applies again.
    Sandbox d;
    d.ok({"rate", "2", "--day", "yesterday"});
    CHECK(contains(d.ok({"rate", "3", "--json"}).out, kv("triggered", "false")));
}

TEST_CASE("config: safety contact and limit from the user file") {
    Sandbox s;
    write_file(s.config(), "[safety]\nlow_mood_max = 5\ncontact = \"Clinic 555-0100\"\n");
    s.ok({"rate", "5", "--day", "-2"});
    s.ok({"rate", "4", "--day", "-1"});
    auto j = s.ok({"rate", "5", "--json"}).out;
    CHECK(contains(j, kv("triggered", "true")));
    CHECK(contains(j, kv("contact", quoted("Clinic 555-0100"))));
    auto text = s.ok({"rate", "5"}).out;
    CHECK(contains(text, "Contact: Clinic 555-0100"));
    CHECK(text.find("Contact:") < text.find("mood 5/10"));
}

TEST_CASE("config: a user catalogue replaces the default one") {
    Sandbox s;
    write_file(s.config(), "[[catalogue]]\nkey = \"mine\"\nname = \"Mine\"\n"
                           "items = [\"Sleep before midnight.\"]\n");
    auto j = s.ok({"intent", "catalogue", "--json"}).out;
    CHECK(count_of(j, "\"id\": ") == 1);
    CHECK(contains(j, kv("id", quoted("mine.1"))));
    CHECK(contains(s.ok({"intent", "add", "--from", "mine.1", "--json"}).out,
                   kv("text", quoted("Sleep before midnight."))));
}

TEST_CASE("config: --config wins over KINT_CONFIG") {
    Sandbox s;
    write_file(s.config(), "[safety]\nlow_mood_days = 2\n");
    write_file(s.path("other.toml"), "[safety]\nlow_mood_days = 5\n");
    s.ok({"rate", "1", "--day", "-1"});
    CHECK(contains(s.ok({"rate", "1", "--json"}).out, kv("triggered", "true")));
    CHECK(contains(s.ok({"--config", s.path("other.toml"), "rate", "1", "--json"}).out,
                   kv("triggered", "false")));
}

TEST_CASE("config: a malformed file is named with line and column, and nothing changes") {
    struct Case {
        std::string name;
        const char* text;
        const char* where; // ":LINE:COL" expected after the file name
    };
    const Case cases[] = {
        {"syntax", "[safety]\nlow_mood_days = 2\n[hook\n", ":3:"},
        {"type", "[safety]\nlow_mood_days = \"two\"\n", ":2:17"},
        {"range", "[safety]\n\nlow_mood_max = 11\n", ":3:16"},
        {"clock", "[hook]\nmood_reminder_after = \"25:00\"\n", ":2:23"},
        {"table", "[[catalogue]]\nname = \"No key\"\nitems = []\n", ":1:"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        Sandbox s;
        s.ok({"intent", "add", "Keep going"});
        s.ok({"rate", "5", "--day", "-1"});
        write_file(s.config(), c.text);
        // The listings need no config; point them at none so they show the data either way.
        const Env no_config{{"KINT_CONFIG", s.path("absent.toml")}};
        const auto before = s.snapshot(no_config);
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"rate", "2"},
              std::vector<std::string>{"intent", "add", "--from", "anxiety.5"},
              std::vector<std::string>{"cue", "add", "--after", "x", "--do", "y"}}) {
            CAPTURE(args[0]);
            auto r = s.run(args);
            CHECK(r.code == 1);
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, s.config() + c.where));
            CHECK(r.out.empty());
        }
        CHECK(s.snapshot(no_config) == before);
        CHECK(read_file(s.config()) == std::string(c.text));
    }
}

TEST_CASE("config: an unreadable config path is an error, a missing one means defaults") {
    Sandbox s;
    CHECK(contains(s.ok({"rate", "5", "--json"}, {{"KINT_CONFIG", s.path("nope/none.toml")}}).out,
                   kv("triggered", "false")));
    // A folder where the file should be cannot be read.
    auto r = s.run({"intent", "add", "--from", "anxiety.5"}, {{"KINT_CONFIG", s.dir()}});
    CHECK(r.code == 1);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, s.dir()));
}
