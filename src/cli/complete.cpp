// kint complete: the hidden helper the shell completion scripts call for live words. It runs on
// every Tab, so it only reads (the store read-only, the config without refreshing the hook cache),
// prints one `WORD<TAB>description` per line and stays silent, exiting 0, on any problem.
#include "commands.hpp"

#include "kint/config/config.hpp"
#include "kint/store/store.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

namespace {

constexpr std::size_t description_max = 60;

// One line of description: control characters (tabs and newlines included) become single spaces,
// cut at `description_max` code points.
std::string description(std::string_view text) {
    std::string out;
    std::size_t chars = 0;
    bool cut = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // C1 controls (U+0080-U+009F) are two bytes in UTF-8: 0xC2 0x80-0x9F.
        const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c < 0x20 || c == 0x7F || c1 || c == ' ') {
            if (c1) ++i;
            if (!out.empty() && out.back() != ' ') {
                if (chars == description_max) {
                    cut = true;
                    break;
                }
                out += ' ';
                ++chars;
            }
            continue;
        }
        if ((c & 0xC0) != 0x80) { // a new code point
            if (chars == description_max) {
                cut = true;
                break;
            }
            ++chars;
        }
        out += static_cast<char>(c);
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (cut) {
        // Make room for the ellipsis by dropping the last whole code point.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();
        if (!out.empty()) out.pop_back();
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        out += "…";
    }
    return out;
}

// A word a shell can complete: no spaces or control characters.
bool completable(std::string_view word) {
    if (word.empty()) return false;
    for (char ch : word)
        if (static_cast<unsigned char>(ch) <= 0x20 || ch == 0x7F) return false;
    return true;
}

void line(std::ostream& out, std::string_view word, std::string_view text) {
    if (completable(word)) fmt::print(out, "{}\t{}\n", word, description(text));
}

void commands_of(std::ostream& out, const CLI::App& app, const std::string& prefix) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (sub->get_group().empty()) continue; // hidden, like this command
        const std::string path = prefix.empty() ? sub->get_name() : prefix + " " + sub->get_name();
        if (completable(sub->get_name()))
            fmt::print(out, "{}\t{}\n", path, description(sub->get_description()));
        commands_of(out, *sub, path);
    }
}

void print_store_list(Runtime& rt, const std::string& what) {
    // Never creates a store: with none (or a foreign or newer one) there is nothing to say.
    auto store = store::Store::open_readonly(rt.store_path());
    if (!store) return;
    if (what == "cues") {
        for (const auto& c : store->cues(false))
            line(rt.out, std::to_string(c.id),
                 c.status == CueStatus::paused ? c.behavior() + " (paused)" : c.behavior());
    } else if (what == "journal") {
        // The latest entries first: the one to take back is most often the one just written.
        auto entries = store->journal({});
        const std::size_t shown = std::min<std::size_t>(entries.size(), 30);
        for (auto it = entries.rbegin();
             it != entries.rbegin() + static_cast<std::ptrdiff_t>(shown); ++it)
            line(rt.out, std::to_string(it->id), format_day(it->day) + " " + it->text);
    } else if (what == "sessions") {
        for (const auto& s : store->sessions())
            line(rt.out, format_day(s.day), s.note.value_or("session"));
    } else {
        for (const auto& i : store->intentions(false))
            line(rt.out, std::to_string(i.id), i.text);
    }
}

void print_config_list(Runtime& rt, const std::string& what) {
    // config::load rather than rt.config(): completion must not rewrite the hook cache.
    const auto cfg = config::load(rt.config_path());
    if (what == "catalogue") {
        for (const auto& g : cfg.catalogue)
            for (const auto& item : g.items)
                line(rt.out, item.id, item.text);
    } else if (what == "groups") {
        for (const auto& g : cfg.catalogue)
            line(rt.out, g.key, g.name);
    } else if (what == "prompts") {
        for (const auto& p : cfg.prompts)
            line(rt.out, p.id, p.text);
    } else if (what == "practices") {
        for (const auto& p : cfg.practices)
            line(rt.out, p.key, p.name);
    }
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
        try {
            const std::string* what = words->empty() ? nullptr : &words->front();
            if (!what) return;
            if (*what == "commands")
                commands_of(rt.out, *root, "");
            else if (*what == "cues" || *what == "intentions" || *what == "journal" ||
                     *what == "sessions")
                print_store_list(rt, *what);
            else if (*what == "catalogue" || *what == "groups" || *what == "prompts" ||
                     *what == "practices")
                print_config_list(rt, *what);
        } catch (...) {
            // Completion must never print an error into the command line being edited.
        }
    };
    // Not strict: a malformed KINT_TODAY must not turn Tab into an error either.
    commands.on(cmd, action, Commands::Access::reads, /*strict=*/false);
}

} // namespace kint::cli
