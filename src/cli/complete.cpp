// kint complete: the hidden helper the shell completion scripts call for live words. It runs on
// every Tab, so it only reads (the store read-only, the config without refreshing the hook cache),
// prints one `WORD<TAB>description` per line and stays silent, exiting 0, on any problem.
#include "commands.hpp"

#include "kint/app/complete.hpp"
#include "kint/config/config.hpp"
#include "kint/render/complete.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

namespace {

// Every visible subcommand as "intent add", with its description.
void commands_of(std::vector<app::Completion>& out, const CLI::App& app,
                 const std::string& prefix) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (sub->get_group().empty()) continue; // hidden, like this command
        const std::string path = prefix.empty() ? sub->get_name() : prefix + " " + sub->get_name();
        if (app::completable(sub->get_name())) out.push_back({path, sub->get_description()});
        commands_of(out, *sub, path);
    }
}

std::vector<app::Completion> words_for(Runtime& rt, const CLI::App& root, const std::string& what) {
    std::vector<app::Completion> out;
    if (what == "commands")
        commands_of(out, root, "");
    else if (what == "cues" || what == "intentions" || what == "journal" || what == "sessions")
        out = app::store_words(rt.store_path(), what);
    else if (what == "catalogue" || what == "groups" || what == "prompts" || what == "practices")
        // config::load rather than rt.config(): completion must not rewrite the hook cache.
        out = app::config_words(config::load(rt.config_path()), what);
    return out;
}

} // namespace

void add_complete(CLI::App& app, Commands& commands) {
    // Every word is taken, so a word this build does not know prints nothing instead of an error.
    auto words = std::make_shared<std::vector<std::string>>();
    auto* cmd = app.add_subcommand("complete", "Words for shell completion (used by the scripts)");
    cmd->group(""); // hidden from --help
    cmd->add_option(
        "what", *words,
        "cues, intentions, journal, sessions, catalogue, prompts, practices, groups or commands");
    auto action = [words, root = &app](Runtime& rt) {
        if (words->empty()) return;
        try {
            fmt::print(rt.out, "{}",
                       render::completion_lines(words_for(rt, *root, words->front())));
        } catch (...) {
            // Completion must never print an error into the command line being edited.
        }
    };
    // Not strict: a malformed KINT_TODAY must not turn Tab into an error either.
    commands.on(cmd, action, Commands::Access::reads, /*strict=*/false);
}

} // namespace kint::cli
