// The global flags every command takes, bound to cli::Globals.
#include "runtime.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace kint::cli {

namespace {

// An empty --db, --config or --today would silently mean the default; say so instead.
CLI::Validator given(std::string_view what) {
    return CLI::Validator(
        [what = std::string(what)](std::string& value) {
            return value.empty()
                       ? fmt::format("an empty value; give {} or leave the option out", what)
                       : std::string();
        },
        "", "given");
}

} // namespace

void add_globals(CLI::App& app, Globals& globals) {
    app.add_option("--db", globals.db, "Store file (default $KINT_DB, then XDG data dir)")
        ->check(given("a file path"));
    app.add_option("--config", globals.config, "Config file (default $KINT_CONFIG, then XDG)")
        ->check(given("a file path"));
    app.add_option("--today", globals.today, "Act as if today were YYYY-MM-DD ($KINT_TODAY)")
        ->check(given("a day (YYYY-MM-DD)"));
    app.add_flag("--json", globals.json, "Print JSON (one document on stdout)");
    app.add_option("--color", globals.color,
                   "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
}

} // namespace kint::cli
