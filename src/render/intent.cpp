#include "kint/render/intent.hpp"

#include "kint/render/cue.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace kint::render {

json::Value to_json(const app::IntentionList& r) {
    auto arr = json::array();
    for (const auto& i : r.intentions)
        arr.push(to_json(i));
    return arr;
}

std::string to_text(const app::IntentionList& r, const Paint& p) {
    if (r.intentions.empty())
        return fmt::format("No {}intentions yet. Choose a direction:\n"
                           "  kint intent catalogue              browse suggestions\n"
                           "  kint intent add \"I am open to ...\"  write your own\n",
                           r.all ? "" : "active ");
    std::string out;
    for (const auto& i : r.intentions)
        out += intention_line(i, p) + "\n";
    return out;
}

json::Value to_json(const app::IntentionAdded& r) {
    return to_json(r.intention);
}

std::string to_text(const app::IntentionAdded& r, const Paint& p) {
    std::string out = fmt::format("Added intention #{}, now your focus:\n  {}\n", r.intention.id,
                                  p.bold(r.intention.text));
    if (r.previous_focus)
        out += fmt::format("Focus moved to #{} (was #{}: {}). To move it back: kint intent focus "
                           "{}\n",
                           r.intention.id, r.previous_focus->id, r.previous_focus->text,
                           r.previous_focus->id);
    return out + "Next: tie one tiny behavior to a cue you already pass, e.g.\n"
                 "  kint cue add --after \"I pour my coffee\" --do \"write one sentence\" --at "
                 "08:00\n";
}

json::Value to_json(const app::CatalogueView& r) {
    return catalogue_json(r.groups);
}

std::string to_text(const app::CatalogueView& r, const Paint& p) {
    if (r.groups.empty())
        return fmt::format("Nothing in the catalogue matches \"{}\". Try fewer or other "
                           "words, or write your own: kint intent add \"...\"\n",
                           r.search);
    std::string out;
    if (!r.open) {
        std::size_t total = 0;
        for (const auto& g : r.groups)
            total += g.items.size();
        out += fmt::format("{} groups, {} suggested intentions. Take your time.\n\n",
                           r.groups.size(), total);
        for (const auto& g : r.groups)
            out += fmt::format("  {:<12} {:<32} {}\n", g.key, g.name,
                               p.dim(fmt::format("{}", g.items.size())));
        out += "\nOpen one:  kint intent catalogue --group anxiety\n"
               "Search:    kint intent catalogue calm\n"
               "All:       kint intent catalogue --expand\n"
               "Choose:    kint intent add --from anxiety.5\n";
        return out;
    }
    bool first = true;
    for (const auto& g : r.groups) {
        if (!first) out += "\n";
        first = false;
        out += fmt::format("{} {}\n", p.bold(g.name), p.dim("(" + g.key + ")"));
        for (const auto& item : g.items)
            out += fmt::format("  {:<15} {}\n", p.cyan(item.id), item.text);
        if (!g.note.empty()) out += fmt::format("  {}\n", p.dim(g.note));
    }
    return out + "\nChoose one: kint intent add --from ID\n";
}

json::Value to_json(const app::IntentionShown& r) {
    auto doc = to_json(r.intention);
    auto arr = json::array();
    for (const auto& c : r.cues)
        arr.push(to_json(c));
    doc.set("cues", std::move(arr));
    return doc;
}

std::string to_text(const app::IntentionShown& r, const Paint& p) {
    const auto& i = r.intention;
    std::string out = intention_line(i, p) + "\n";
    out += fmt::format("      chosen {}{}\n", format_day(i.created),
                       i.catalogue_id ? " from the catalogue (" + *i.catalogue_id + ")" : "");
    if (r.cues.empty())
        out += fmt::format(
            "      no cues yet: kint cue add --intent {} --after \"...\" --do \"...\"\n", i.id);
    for (const auto& c : r.cues)
        out += fmt::format("  {}\n", cue_line(c, p));
    return out;
}

json::Value to_json(const app::IntentionReworded& r) {
    return to_json(r.intention);
}

std::string to_text(const app::IntentionReworded& r, const Paint&) {
    return fmt::format("Reworded intention #{}:\n  {}\n", r.intention.id, r.intention.text);
}

json::Value to_json(const app::FocusChanged& r) {
    return to_json(r.intention);
}

std::string to_text(const app::FocusChanged& r, const Paint&) {
    return fmt::format("Focus: {}\n", r.intention.text);
}

json::Value to_json(const app::IntentionArchived& r) {
    return to_json(r.intention);
}

std::string to_text(const app::IntentionArchived& r, const Paint&) {
    const Id id = r.intention.id;
    if (r.already) return fmt::format("Intention #{} was already archived.\n", id);
    std::string out = fmt::format("Archived intention #{}. Its history stays.\n", id);
    if (r.was_focus) out += "There is no focus now; choose one with 'kint intent focus ID'.\n";
    if (r.running.empty()) return out;
    std::vector<std::string> ids;
    for (const Id c : r.running)
        ids.push_back(fmt::format("#{}", c));
    const bool one = ids.size() == 1;
    return out + fmt::format("Its cue{} {} keep{} going; 'kint cue pause ID' or 'kint cue "
                             "archive ID' when you are done with {}.\n",
                             one ? "" : "s", fmt::join(ids, ", "), one ? "s" : "",
                             one ? "it" : "them");
}

} // namespace kint::render
