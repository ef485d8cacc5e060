#pragma once
// One registration function per subcommand file; run.cpp lists them once.
#include "runtime.hpp"

namespace CLI {
class App;
}

namespace kint::cli {

void add_init(CLI::App& app, Commands& commands);
void add_intent(CLI::App& app, Commands& commands);
void add_cue(CLI::App& app, Commands& commands);
void add_log(CLI::App& app, Commands& commands);
void add_rate(CLI::App& app, Commands& commands);
void add_journal(CLI::App& app, Commands& commands);
void add_session(CLI::App& app, Commands& commands);
void add_today(CLI::App& app, Commands& commands);
void add_prompts(CLI::App& app, Commands& commands);
void add_start(CLI::App& app, Commands& commands);
void add_review(CLI::App& app, Commands& commands);
void add_hook(CLI::App& app, Commands& commands);
void add_exchange(CLI::App& app, Commands& commands);
void add_practice(CLI::App& app, Commands& commands);
void add_complete(CLI::App& app, Commands& commands);

// What loads the prompt hook in one shell: its rc file and the lines to put there (the `eval` and
// a segment in the prompt), both safe when the rc file is sourced twice.
struct ShellSetup {
    std::string shell;   // bash, zsh or fish
    std::string rc_file; // where those lines go, e.g. ~/.bashrc
    std::string lines;   // newline-terminated
};
// For the person's $SHELL (or nullopt when it is none of the three).
std::optional<ShellSetup> shell_setup(const Runtime& rt);
// The lines for `shell` alone (bash, zsh or fish), to show.
std::string shell_setup_lines(std::string_view shell);

} // namespace kint::cli
