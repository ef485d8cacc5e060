#include "kint/app/complete.hpp"

#include "kint/store/store.hpp"

#include <algorithm>

namespace kint::app {

namespace {

// Only the words a shell can complete (never a space in a catalogue id, say).
void add(std::vector<Completion>& out, std::string word, std::string text) {
    if (completable(word)) out.push_back({std::move(word), std::move(text)});
}

} // namespace

bool completable(std::string_view word) {
    if (word.empty()) return false;
    for (char ch : word)
        if (static_cast<unsigned char>(ch) <= 0x20 || ch == 0x7F) return false;
    return true;
}

std::vector<Completion> store_words(const std::string& store_path, std::string_view what) {
    std::vector<Completion> out;
    auto store = store::Store::open_readonly(store_path);
    if (!store) return out;
    if (what == "cues") {
        for (const auto& c : store->cues(false))
            add(out, std::to_string(c.id),
                c.status == CueStatus::paused ? c.behavior() + " (paused)" : c.behavior());
    } else if (what == "journal") {
        // The latest entries first: the one to take back is most often the one just written.
        auto entries = store->journal({});
        const std::size_t shown = std::min<std::size_t>(entries.size(), 30);
        for (auto it = entries.rbegin();
             it != entries.rbegin() + static_cast<std::ptrdiff_t>(shown); ++it)
            add(out, std::to_string(it->id), format_day(it->day) + " " + it->text);
    } else if (what == "sessions") {
        for (const auto& s : store->sessions())
            add(out, format_day(s.day), s.note.value_or("session"));
    } else {
        for (const auto& i : store->intentions(false))
            add(out, std::to_string(i.id), i.text);
    }
    return out;
}

std::vector<Completion> config_words(const config::Config& cfg, std::string_view what) {
    std::vector<Completion> out;
    if (what == "catalogue") {
        for (const auto& g : cfg.catalogue)
            for (const auto& item : g.items)
                add(out, item.id, item.text);
    } else if (what == "groups") {
        for (const auto& g : cfg.catalogue)
            add(out, g.key, g.name);
    } else if (what == "prompts") {
        for (const auto& p : cfg.prompts)
            add(out, p.id, p.text);
    } else if (what == "practices") {
        for (const auto& p : cfg.practices)
            add(out, p.key, p.name);
    }
    return out;
}

} // namespace kint::app
