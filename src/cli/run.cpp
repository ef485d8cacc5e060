#include "kint/run.hpp"

#include "commands.hpp"
#include "messages.hpp"
#include "runtime.hpp"
#include "terminal_stream.hpp"

#include "kint/core/error.hpp"
#include "kint/core/text.hpp"
#include "kint/store/store.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

namespace kint {

namespace {

using Register = void (*)(CLI::App&, cli::Commands&);
struct Entry {
    std::string_view name; // the command word it registers
    Register reg;
    bool alone = true; // false: it needs the whole tree (the completion helper lists it)
};
// Adding a command: one file in src/cli/ and one line here (in the order --help lists them).
// clang-format off
constexpr Entry registry[] = {
    {"init", cli::add_init},         {"intent", cli::add_intent},     {"cue", cli::add_cue},
    {"log", cli::add_log},           {"rate", cli::add_rate},         {"journal", cli::add_journal},
    {"session", cli::add_session},   {"today", cli::add_today},       {"prompts", cli::add_prompts},
    {"review", cli::add_review},     {"report", cli::add_report},     {"trail", cli::add_trail},
    {"remind", cli::add_remind},
    {"start", cli::add_start},       {"practice", cli::add_practice}, {"hook", cli::add_hook},
    {"export", cli::add_exchange},   {"import", cli::add_exchange},   {"sync", cli::add_sync},
    {"complete", cli::add_complete, false},
};
// clang-format on

const Entry* find_entry(std::string_view name) {
    for (const auto& e : registry)
        if (e.alone && e.name == name) return &e;
    return nullptr;
}

// The command a line names, found by CLI11 itself: a first pass of `app`, which knows only the
// global options so far, stops at the first word that is not one of them. Only that command is
// then registered, since building CLI11's whole tree costs more than an everyday command's own
// SQLite work (the prompt hook runs at every prompt). Help, version, unknown words and the
// completion helper get the whole tree. `app` is left as it was, ready for the real parse.
struct Named {
    const Entry* entry = nullptr; // nullptr: register every command
    bool bare = false;            // no command word at all: `kint` alone shows today
};
Named named_command(CLI::App& app, int argc, const char* const* argv) {
    app.allow_extras();
    app.prefix_command();
    Named named;
    try {
        app.parse(argc, argv);
        const auto rest = app.remaining();
        named = rest.empty() ? Named{find_entry("today"), true} : Named{find_entry(rest.front())};
    } catch (const CLI::ParseError&) {
        // The real parse reports it (help and version too), with every command registered.
    }
    app.clear();
    app.allow_extras(false);
    app.prefix_command(false);
    return named;
}

int run_command(int argc, const char* const* argv, std::istream& in, std::ostream& out,
                std::ostream& err, const Env& env, bool terminal) {
    CLI::App app{"kint: turn an insight into a small daily behavior, gently.\n"
                 "Choose an intention, tie one tiny behavior to a cue, log it, rate one number a "
                 "day, review weekly.",
                 "kint"};
    app.formatter(cli::help_formatter()); // before the commands: they take it on
    app.set_version_flag("--version", std::string("kint ") + KINT_VERSION);
    app.fallthrough();
    app.footer("Every command also takes --json, --today DAY, --color WHEN, --db PATH and --config "
               "PATH.\nData: $KINT_DB or --db (default ~/.local/share/kint/kint.db). Config: "
               "$KINT_CONFIG or --config.\nRun 'kint COMMAND --help' for a command's options.");

    cli::Globals globals;
    cli::add_globals(app, globals);

    cli::Commands commands;
    const Named named = named_command(app, argc, argv);
    app.require_subcommand(1); // after the first pass, which has none to find
    if (named.entry)
        named.entry->reg(app, commands);
    else
        for (Register last = nullptr; const auto& e : registry) {
            if (e.reg != last) e.reg(app, commands); // export and import share one file
            last = e.reg;
        }

    try {
        if (named.bare) {
            // `kint` (with global options at most) is `kint today`: the daily view is the home
            // screen.
            std::vector<std::string> args(argv + 1, argv + argc);
            args.emplace_back("today");
            std::reverse(args.begin(), args.end()); // CLI11 takes a vector last word first
            app.parse(std::move(args));
        } else {
            app.parse(argc, argv);
        }
        cli::refuse_parent_options(*cli::deepest(app));
    } catch (const CLI::CallForHelp&) {
        fmt::print(out, "{}", app.help());
        return cli::flushed(out, err, 0, false);
    } catch (const CLI::CallForAllHelp&) {
        fmt::print(out, "{}", app.help("", CLI::AppFormatMode::All));
        return cli::flushed(out, err, 0, false);
    } catch (const CLI::CallForVersion&) {
        fmt::print(out, "kint {}\n", KINT_VERSION);
        return cli::flushed(out, err, 0, false);
    } catch (const CLI::ParseError& e) {
        return cli::usage_error(e, app, err);
    } catch (const Error& e) {
        cli::say(err, e.what());
        return e.exit_code();
    }
    // The prompt segment never fails (SPEC §4), not even on its output.
    const bool silent = cli::command_path(cli::deepest(app)) == "kint hook prompt";

    cli::Runtime rt(globals, env, in, out, err, terminal);
    // Colour codes pass the terminal filter only when kint paints; a stored one never does then.
    if (auto* safe = dynamic_cast<cli::TerminalStream*>(&out)) safe->allow_colour(rt.color());
    try {
        rt.set_access(commands.access);
        if (commands.strict) rt.validate_clock_overrides();
        if (commands.chosen) commands.chosen(rt);
        rt.finish();
        return cli::flushed(out, err, 0, silent);
    } catch (const Error& e) {
        cli::say(err, e.what());
        return e.exit_code();
    } catch (const std::exception& e) {
        std::string path = "(unknown)";
        try {
            path = rt.store_path();
        } catch (const Error&) {
        }
        if (const auto sql = store::as_store_error(e, path)) {
            cli::say(err, sql->what());
            return sql->exit_code();
        }
        cli::say(err, fmt::format("unexpected problem: {}", e.what()));
        return 1;
    }
}

} // namespace

int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
        const Env& env, bool terminal) {
    // Every byte for a person passes one sanitizer on its way out (text::TerminalFilter).
    cli::TerminalStream safe_out(out), safe_err(err);
    const int code = run_command(argc, argv, in, safe_out, safe_err, env, terminal);
    safe_out.finish();
    safe_err.finish();
    return code;
}

} // namespace kint
