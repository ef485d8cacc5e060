// kint hook: shell integration. `init` prints code to eval from an rc file; `prompt` prints the
// prompt segment. The segment runs at every prompt, so its path reads a one-line cache instead of
// the TOML config and the segment cache instead of the store (opened read-only only when that
// cache is stale), writes nothing, and stays silent on any problem.
#include "kint/io/files.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "kint/cache/hook_cache.hpp"
#include "kint/cache/segment_cache.hpp"

#include "kint/store/store.hpp"

#include <CLI/CLI.hpp>
#include <climits>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

namespace kint::cli {

namespace {

// Store text shown in a prompt: no control characters, and `%` doubled for zsh's prompt expansion.
std::string prompt_safe(std::string_view text, bool zsh, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    bool cut = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) continue;
        // C1 controls (U+0080-U+009F, bytes C2 80-9F) can drive some terminals as ESC does.
        if (c == 0xC2 && i + 1 < text.size() &&
            (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xC0) != 0x80 && chars++ == max_chars) { // count code points, not bytes
            cut = true; // a printable character is left over: only then is the text shortened
            break;
        }
        if (zsh && c == '%') out += '%';
        out += static_cast<char>(c);
    }
    // Never end inside a multi-byte character.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
        std::size_t lead = out.size() - 1;
        while (lead > 0 && (static_cast<unsigned char>(out[lead]) & 0xC0) == 0x80)
            --lead;
        const auto c = static_cast<unsigned char>(out[lead]);
        const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (out.size() - lead == need) break;
        out.resize(lead);
    }
    if (cut) out += "…";
    return out;
}

std::string self_path() {
    char buf[PATH_MAX];
    const auto n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "kint";
    return std::string(buf, static_cast<std::size_t>(n));
}

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

std::string init_bash(const std::string& kint) {
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
                       quoted(kint));
}

std::string init_zsh(const std::string& kint) {
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
                       quoted(kint));
}

std::string init_fish(const std::string& kint) {
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
        quoted(kint));
}

std::string segment(Runtime& rt, bool zsh) {
    const std::string path = rt.store_path();
    const cache::HookCache cache = cache::read_hook_cache(path);
    rt.set_day_starts_at(cache.day_starts_at);
    const Day today = rt.today();
    // The cache when the store is exactly as it was filled (no SQLite at all); else the store,
    // read-only, for days up to today; no store, nothing to say.
    std::optional<segment::Today> counts;
    auto facts = cache::read_segment_cache(path);
    if (facts) counts = segment::count(*facts, today);
    if (!counts) {
        auto store = store::Store::open_readonly(path);
        if (!store) return {};
        facts = store->segment_facts(today);
        counts = segment::count(*facts, today);
        if (!counts) return {};
    }
    std::vector<std::string> parts;
    if (cache.hook.show_focus && facts->focus) parts.push_back(prompt_safe(*facts->focus, zsh, 24));
    if (cache.hook.show_cues && counts->scheduled > 0)
        parts.push_back(counts->done == counts->scheduled
                            ? fmt::format("{}/{} ✓", counts->done, counts->scheduled)
                            : fmt::format("{}/{}", counts->done, counts->scheduled));
    if (cache.hook.show_mood_reminder && !counts->mood_rated &&
        segment::mood_reminder_due(rt.now(), cache.hook.mood_reminder_after, cache.day_starts_at))
        parts.push_back("mood?");
    if (parts.empty()) return {};
    std::string out = "kint";
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i == 0 ? " " : " · ") + parts[i];
    return out;
}

void print_segment(Runtime& rt, bool zsh) {
    try {
        const std::string s = segment(rt, zsh);
        if (!s.empty()) rt.out << s << '\n';
    } catch (...) {
        // A prompt must never show an error or fail: say nothing.
    }
}

} // namespace

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

std::optional<ShellSetup> shell_setup(const Runtime& rt) {
    const std::string shell_path = rt.env("SHELL").value_or("");
    const std::string shell = shell_path.substr(shell_path.find_last_of('/') + 1);
    const std::string home = rt.env("HOME").value_or("");
    if (home.empty()) return std::nullopt;
    std::string rc;
    if (shell == "bash")
        rc = home + "/.bashrc";
    else if (shell == "zsh")
        rc = rt.env("ZDOTDIR").value_or(home) + "/.zshrc";
    else if (shell == "fish")
        rc = rt.env("XDG_CONFIG_HOME").value_or(home + "/.config") + "/fish/config.fish";
    else
        return std::nullopt;
    return ShellSetup{shell, rc, shell_setup_lines(shell)};
}

void add_hook(CLI::App& app, Commands& commands) {
    auto* hook = app.add_subcommand("hook", "Shell integration: a prompt segment in $KINT_SEGMENT");
    hook->require_subcommand(1);

    auto shell = std::make_shared<std::string>();
    auto* init = hook->add_subcommand("init", "Print the code to eval in your shell's rc file");
    init->add_option("shell", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    init->footer("Load it from your shell's rc file:\n"
                 "  ~/.bashrc                   eval \"$(kint hook init bash)\"\n"
                 "  ~/.zshrc                    eval \"$(kint hook init zsh)\"\n"
                 "  ~/.config/fish/config.fish  kint hook init fish | source\n"
                 "then show $KINT_SEGMENT in PS1, RPROMPT or fish_right_prompt (see 'man kint').");
    commands.reads(init, [shell](Runtime& rt) {
        const std::string kint = self_path();
        rt.out << (*shell == "bash"  ? init_bash(kint)
                   : *shell == "zsh" ? init_zsh(kint)
                                     : init_fish(kint));
    });

    auto prompt_shell = std::make_shared<std::string>("plain");
    auto* prompt =
        hook->add_subcommand("prompt", "Print the prompt segment (read-only, always exits 0)");
    prompt->add_option("--shell", *prompt_shell, "bash, zsh, fish or plain (zsh escapes %)");
    prompt->allow_extras();
    commands.on(
        prompt, [prompt_shell](Runtime& rt) { print_segment(rt, *prompt_shell == "zsh"); },
        Commands::Access::reads, /*strict=*/false);
}

} // namespace kint::cli
