#pragma once
// The prompt hook in a person's shell, in one place: the code `kint hook init` prints, the lines
// that load it from an rc file, which rc file each shell reads, and adding them there once.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kint::app {

// The code to eval for `shell` (bash, zsh or fish): it runs `kint_path hook prompt` before each
// prompt into $KINT_SEGMENT, installs itself once even when the rc file is sourced twice, and
// keeps the shell's exit status.
std::string hook_init_script(std::string_view shell, const std::string& kint_path);

// What loads the prompt hook in one shell: its rc file and the lines to put there (the `eval` and
// a segment in the prompt), both safe when the rc file is sourced twice.
struct ShellSetup {
    std::string shell;   // bash, zsh or fish
    std::string rc_file; // where those lines go, e.g. ~/.bashrc
    std::string lines;   // newline-terminated
};
// The lines for `shell` alone (bash, zsh or fish), to show.
std::string shell_setup_lines(std::string_view shell);
// For the person's $SHELL, read through `env` (SHELL, HOME, ZDOTDIR, XDG_CONFIG_HOME), or nullopt
// when it is none of the three or there is no HOME.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
std::optional<ShellSetup> shell_setup(const EnvLookup& env);

// Whether the rc file loads kint's hook already (it names `kint hook init`).
bool hook_installed(const ShellSetup& setup);
// Appends the lines, under a comment, to the rc file (its folders made private when missing, as
// for fish; a new file 0600, an existing one keeps its mode). False when it cannot be written.
bool install_hook(const ShellSetup& setup);

} // namespace kint::app
