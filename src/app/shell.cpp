#include "kint/app/shell.hpp"

#include "kint/io/files.hpp"

#include <fmt/format.h>

namespace kint::app {

namespace {

// Single-quotes `s` for POSIX shells and fish.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

// An rc file a person keeps by hand; more than this is not one to append to.
constexpr std::size_t rc_max_bytes = 16u << 20;

} // namespace

std::string hook_init_script(std::string_view shell, const std::string& kint_path) {
    if (shell == "zsh")
        return fmt::format(R"sh(# kint prompt hook for zsh: eval "$(kint hook init zsh)" in ~/.zshrc
_kint_hook() {{
  local kint_status=$?
  KINT_SEGMENT="$({0} hook prompt --shell zsh 2>/dev/null)"
  return $kint_status
}}
typeset -ag precmd_functions
# Install once, even when ~/.zshrc is sourced again; other precmd functions keep running.
if (( ! ${{precmd_functions[(I)_kint_hook]}} )); then
  precmd_functions=(_kint_hook $precmd_functions)
fi
# Show it, e.g.:  setopt PROMPT_SUBST; RPROMPT='${{KINT_SEGMENT}}'
)sh",
                           quoted(kint_path));
    if (shell == "fish")
        return fmt::format(
            R"sh(# kint prompt hook for fish: kint hook init fish | source   (in ~/.config/fish/config.fish)
# Defining the function again when config.fish is sourced twice replaces it: one handler only.
function __kint_hook --on-event fish_prompt
    set -l kint_status $status
    set -g KINT_SEGMENT ({0} hook prompt --shell fish 2>/dev/null)
    return $kint_status
end
# Show it, e.g.:  function fish_right_prompt; echo -n $KINT_SEGMENT; end
)sh",
            quoted(kint_path));
    return fmt::format(R"sh(# kint prompt hook for bash: eval "$(kint hook init bash)" in ~/.bashrc
_kint_hook() {{
  local kint_status=$?
  KINT_SEGMENT="$({0} hook prompt --shell bash 2>/dev/null)"
  return $kint_status
}}
# Install once, even when ~/.bashrc is sourced again; keep any existing PROMPT_COMMAND.
if [[ ";${{PROMPT_COMMAND[*]:-}};" != *";_kint_hook;"* && " ${{PROMPT_COMMAND[*]:-}} " != *" _kint_hook "* ]]; then
  if [[ "$(declare -p PROMPT_COMMAND 2>/dev/null)" == "declare -a"* ]]; then
    PROMPT_COMMAND=(_kint_hook "${{PROMPT_COMMAND[@]}}")
  else
    PROMPT_COMMAND="_kint_hook${{PROMPT_COMMAND:+;$PROMPT_COMMAND}}"
  fi
fi
# Show it, e.g.:  PS1='${{KINT_SEGMENT:+($KINT_SEGMENT) }}'"$PS1"
)sh",
                       quoted(kint_path));
}

std::string shell_setup_lines(std::string_view shell) {
    if (shell == "zsh")
        return "eval \"$(kint hook init zsh)\"\n"
               "setopt PROMPT_SUBST; [[ $RPROMPT == *KINT_SEGMENT* ]] || "
               "RPROMPT='${KINT_SEGMENT}'\"$RPROMPT\"\n";
    if (shell == "fish")
        return "kint hook init fish | source\n"
               "function fish_right_prompt; echo -n $KINT_SEGMENT; end\n";
    return "eval \"$(kint hook init bash)\"\n"
           "[[ $PS1 == *KINT_SEGMENT* ]] || PS1='${KINT_SEGMENT:+($KINT_SEGMENT) }'\"$PS1\"\n";
}

std::optional<ShellSetup> shell_setup(const EnvLookup& env) {
    const std::string shell_path = env("SHELL").value_or("");
    const std::string shell = shell_path.substr(shell_path.find_last_of('/') + 1);
    const std::string home = env("HOME").value_or("");
    if (home.empty()) return std::nullopt;
    std::string rc;
    if (shell == "bash")
        rc = home + "/.bashrc";
    else if (shell == "zsh")
        rc = env("ZDOTDIR").value_or(home) + "/.zshrc";
    else if (shell == "fish")
        rc = env("XDG_CONFIG_HOME").value_or(home + "/.config") + "/fish/config.fish";
    else
        return std::nullopt;
    return ShellSetup{shell, rc, shell_setup_lines(shell)};
}

bool hook_installed(const ShellSetup& setup) {
    return io::read_small_file(setup.rc_file, rc_max_bytes).find("kint hook init") !=
           std::string::npos;
}

bool install_hook(const ShellSetup& setup) {
    const std::string existing = io::read_small_file(setup.rc_file, rc_max_bytes);
    const std::string block = (existing.empty() || existing.back() == '\n' ? "" : "\n") +
                              std::string("# kint: the prompt segment (kint hook init)\n") +
                              setup.lines;
    return io::append_private_file(setup.rc_file, block);
}

} // namespace kint::app
