// kint init: writes the default config (0600 in a 0700 folder) and creates the store.
#include "harness.hpp"

#include <filesystem>

using namespace kint::e2e;

namespace {
// examples/config.toml, found from this file's place in the repository.
std::string default_config() {
    const auto path = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
                      "examples" / "config.toml";
    auto text = read_file(path.string());
    REQUIRE_MESSAGE(text, "cannot read " << path.string());
    return *text;
}
} // namespace

TEST_CASE("init: writes the default config privately and creates the store") {
    Sandbox s;
    const std::string config = s.path("conf/kint/config.toml");
    auto r = s.ok({"init"}, {{"KINT_CONFIG", config}});
    CHECK(contains(r.out, config));
    CHECK(contains(r.out, s.db()));
    CHECK(read_file(config) == default_config());
    CHECK(mode_of(config) == 0600);
    CHECK(mode_of(s.path("conf/kint")) == 0700);
    CHECK(mode_of(s.path("conf")) == 0700);
    CHECK(mode_of(s.db()) == 0600);
    CHECK(mode_of(s.path("data")) == 0700);
    CHECK(mode_of(config + ".kint-tmp") == -1);
    // The store is a usable, empty kint store.
    CHECK(s.ok({"intent", "list", "--json"}).out == "[]\n");
}

TEST_CASE("init: never overwrites a config without --force") {
    Sandbox s;
    const std::string mine = "# mine\n[safety]\nlow_mood_days = 2\n";
    write_file(s.config(), mine);
    auto kept = s.ok({"init"});
    CHECK(contains(kept.out, "--force"));
    CHECK(read_file(s.config()) == mine);
    CHECK(contains(s.ok({"init", "--json"}).out, kv("config_written", "false")));
    CHECK(read_file(s.config()) == mine);

    auto forced = s.ok({"init", "--force", "--json"}).out;
    CHECK(contains(forced, kv("config_written", "true")));
    CHECK(read_file(s.config()) == default_config());
    CHECK(mode_of(s.config()) == 0600);
    // The config it replaced is kept beside it, private.
    CHECK(contains(forced, kv("config_backup", kint::e2e::quoted(s.config() + ".bak"))));
    CHECK(read_file(s.config() + ".bak") == mine);
    CHECK(mode_of(s.config() + ".bak") == 0600);
    write_file(s.config(), mine);
    CHECK(contains(s.ok({"init", "--force"}).out, "Wrote the default config to " + s.config() +
                                                      " (the old one is kept as " + s.config() +
                                                      ".bak)"));
}

TEST_CASE("init: on a store with a history it says so, not 'choose a direction'") {
    Sandbox s;
    CHECK(contains(s.ok({"init"}).out, "Next: choose a direction"));
    s.ok({"intent", "add", "Be gentle"});
    const auto again = s.ok({"init"}).out;
    CHECK(contains(again, "with your history. 'kint today' shows the day."));
    CHECK_FALSE(contains(again, "choose a direction"));
}

TEST_CASE("init: a broken config is reported and kept") {
    Sandbox s;
    const std::string broken = "[safety\n";
    write_file(s.config(), broken);
    auto r = s.run({"init"});
    CHECK(r.code == 1);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, s.config() + ":1:"));
    CHECK(read_file(s.config()) == broken);
    // --force replaces it with the default.
    s.ok({"init", "--force"});
    CHECK(read_file(s.config()) == default_config());
}

TEST_CASE("init: with no overrides it follows HOME and the XDG folders") {
    Sandbox s;
    s.ok({"init"}, {{"KINT_CONFIG", std::nullopt}, {"KINT_DB", std::nullopt}});
    CHECK(mode_of(s.path(".config/kint/config.toml")) == 0600);
    CHECK(mode_of(s.path(".local/share/kint/kint.db")) == 0600);
    CHECK(mode_of(s.path(".local/share/kint")) == 0700);

    s.ok({"init"}, {{"KINT_CONFIG", std::nullopt},
                    {"KINT_DB", std::nullopt},
                    {"XDG_CONFIG_HOME", s.path("xc")},
                    {"XDG_DATA_HOME", s.path("xd")}});
    CHECK(mode_of(s.path("xc/kint/config.toml")) == 0600);
    CHECK(mode_of(s.path("xd/kint/kint.db")) == 0600);

    // --config and --db win over the environment.
    s.ok({"--config", s.path("flag.toml"), "--db", s.path("flag.db"), "init"});
    CHECK(mode_of(s.path("flag.toml")) == 0600);
    CHECK(mode_of(s.path("flag.db")) == 0600);
    CHECK(mode_of(s.config()) == -1);
    CHECK(mode_of(s.db()) == -1);
}
