// kint hook: shell integration. `init` prints code to eval from an rc file; `prompt` prints the
// prompt segment. The segment runs at every prompt, so its path reads a one-line cache instead of
// the TOML config and the segment cache instead of the store (opened read-only only when that
// cache is stale), writes nothing, and stays silent on any problem.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/shell.hpp"
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
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n' || c == '\r' || c == '\t') c = ' '; // one line, as the segment cache keeps it
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
    if (cut) {
        while (!out.empty() && out.back() == ' ') // "write one…", not "write one …"
            out.pop_back();
        out += "…";
    }
    return out;
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
    if (facts) counts = segment::count(*facts, today, cache.safety, cache.week_starts);
    if (!counts) {
        auto store = store::Store::open_readonly(path);
        if (!store) return {};
        facts = store->segment_facts(today);
        counts = segment::count(*facts, today, cache.safety, cache.week_starts);
        if (!counts) return {};
    }
    std::vector<std::string> parts;
    // The safety note's sign first while it stands, else a check-in's; the config's words.
    std::string_view sign;
    if (counts->note)
        sign = cache.hook.safety_sign;
    else if (counts->check_in)
        sign = cache.hook.check_in_sign;
    if (!sign.empty()) parts.push_back(prompt_safe(sign, zsh, 24));
    if (cache.hook.show_focus && facts->focus) parts.push_back(prompt_safe(*facts->focus, zsh, 24));
    if (cache.hook.show_cues && counts->scheduled > 0)
        parts.push_back(counts->done == counts->scheduled
                            ? fmt::format("{}/{} ✓", counts->done, counts->scheduled)
                            : fmt::format("{}/{}", counts->done, counts->scheduled));
    // The cue whose time has come and that waits for its log, by name ("+1": one more waits).
    if (cache.hook.show_due)
        if (const auto due =
                segment::due(*facts, today, rt.now(), cache.day_starts_at, cache.week_starts)) {
            std::string name =
                prompt_safe(due->behavior, zsh, static_cast<std::size_t>(cache.hook.due_max_chars));
            if (due->more > 0) name += fmt::format("{}+{}", name.empty() ? "" : " ", due->more);
            if (!name.empty()) parts.push_back(std::move(name));
        }
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
    commands.reads(init,
                   [shell](Runtime& rt) { rt.out << app::hook_init_script(*shell, self_path()); });

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
