#include "kint/run.hpp"

#include "commands.hpp"
#include "runtime.hpp"

#include "kint/error.hpp"
#include "kint/store.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint {

namespace {

using Register = void (*)(CLI::App&, cli::Commands&);
// Adding a command: one file in src/cli/ and one line here.
constexpr Register registry[] = {
    cli::add_init, cli::add_intent, cli::add_cue,     cli::add_log,
    cli::add_rate, cli::add_journal, cli::add_session, cli::add_today, cli::add_prompts,
    cli::add_review, cli::add_start, cli::add_practice, cli::add_hook,
    cli::add_exchange,
    cli::add_complete,
};

// The everyday commands, run many times a day: when the command line names one of them, only that
// command is registered (building CLI11's whole tree costs more than the command's own SQLite
// work). Help, version and every other command build the whole tree.
struct Hot {
    std::string_view name;
    Register reg;
};
constexpr Hot hot_commands[] = {
    {"today", cli::add_today}, {"log", cli::add_log}, {"rate", cli::add_rate},
    {"review", cli::add_review}};

std::optional<Register> only_command(int argc, const char* const* argv) {
    std::string_view word;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "-h" || a.substr(0, 6) == "--help" || a == "--version") return std::nullopt;
        if (!word.empty() || a.empty()) continue;
        if (a == "--db" || a == "--config" || a == "--today" || a == "--color")
            ++i; // the global option's value
        else if (a.front() != '-')
            word = a;
    }
    for (const auto& h : hot_commands)
        if (h.name == word) return h.reg;
    return std::nullopt;
}

// CLI11 messages can span lines; kint's errors are one line.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

std::string command_path(const CLI::App* app) {
    std::string path;
    for (; app && app->get_parent(); app = app->get_parent())
        path = app->get_name() + (path.empty() ? "" : " " + path);
    return path.empty() ? "kint" : "kint " + path;
}

} // namespace

int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
        const Env& env, bool terminal) {
    if (cli::run_prompt_directly(argc, argv, in, out, err, env, terminal)) return 0;
    CLI::App app{"kint: turn an insight into a small daily behavior, gently.\n"
                 "Choose an intention, tie one tiny behavior to a cue, log it, rate one number a "
                 "day, review weekly.",
                 "kint"};
    app.set_version_flag("--version", std::string("kint ") + KINT_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.footer("Data: $KINT_DB or --db (default ~/.local/share/kint/kint.db). Config: $KINT_CONFIG "
               "or --config.\nRun 'kint COMMAND --help' for a command's options.");

    cli::Globals globals;
    app.add_option("--db", globals.db, "Store file (default $KINT_DB, then XDG data dir)");
    app.add_option("--config", globals.config, "Config file (default $KINT_CONFIG, then XDG)");
    app.add_option("--today", globals.today, "Act as if today were YYYY-MM-DD ($KINT_TODAY)");
    app.add_flag("--json", globals.json, "Print JSON (one document on stdout)");
    app.add_option("--color", globals.color, "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");

    cli::Commands commands;
    if (const auto only = only_command(argc, argv))
        (*only)(app, commands);
    else
        for (auto reg : registry) reg(app, commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        fmt::print(out, "{}", app.help());
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        fmt::print(out, "{}", app.help("", CLI::AppFormatMode::All));
        return 0;
    } catch (const CLI::CallForVersion&) {
        fmt::print(out, "kint {}\n", KINT_VERSION);
        return 0;
    } catch (const CLI::RequiredError& e) {
        // "kint bogus": CLI11 reports the missing subcommand before the unknown word.
        if (!app.remaining().empty() && app.get_subcommands().empty()) {
            const std::string word = one_line(app.remaining().front());
            if (word.rfind('-', 0) == 0)
                fmt::print(err, "kint: '{}' is not a kint option; see 'kint --help'\n", word);
            else
                fmt::print(err, "kint: '{}' is not a kint command; see 'kint --help'\n", word);
            return 2;
        }
        fmt::print(err, "kint: {}; see '{} --help'\n", one_line(e.what()), command_path(&app));
        return 2;
    } catch (const CLI::ParseError& e) {
        // Help for a subcommand arrives as CallForHelp thrown from within; others are usage errors.
        const CLI::App* where = &app;
        for (const CLI::App* sub = &app; sub;) {
            auto subs = sub->get_subcommands();
            if (subs.empty()) break;
            where = sub = subs.front();
        }
        // The prompt segment never shows an error and always exits 0 (SPEC §4), whatever its words.
        if (command_path(where) == "kint hook prompt") return 0;
        fmt::print(err, "kint: {}; see '{} --help'\n", one_line(e.what()), command_path(where));
        return 2;
    } catch (const Error& e) {
        fmt::print(err, "kint: {}\n", one_line(e.what()));
        return e.exit_code();
    }

    cli::Runtime rt(globals, env, in, out, err, terminal);
    try {
        if (commands.strict) rt.validate_clock_overrides();
        if (commands.chosen) commands.chosen(rt);
        rt.finish();
        out.flush();
        return 0;
    } catch (const Error& e) {
        fmt::print(err, "kint: {}\n", one_line(e.what()));
        return e.exit_code();
    } catch (const SQLite::Exception& e) {
        fmt::print(err, "kint: the store {} could not be used ({}); nothing was changed: {}\n",
                   rt.store_path(), one_line(e.what()), store::advice_for(e.getErrorCode()));
        return 1;
    } catch (const std::exception& e) {
        fmt::print(err, "kint: unexpected problem: {}\n", one_line(e.what()));
        return 1;
    }
}

} // namespace kint
