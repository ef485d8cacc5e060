#include "kint/render/journal.hpp"

#include "kint/render/listing.hpp"

#include <fmt/format.h>

namespace kint::render {

json::Value to_json(const app::JournalAdded& r) {
    return to_json(r.entry);
}

std::string to_text(const app::JournalAdded& r, const Paint&) {
    const auto& e = r.entry;
    return fmt::format("Kept journal entry #{} for {}{}.\n{}", e.id, format_day(e.day),
                       e.tags.empty() ? "" : fmt::format(" [{}]", fmt::join(e.tags, ", ")),
                       r.added_insight_tag
                           ? fmt::format("--kind {} adds the tag insight, so 'kint journal list "
                                         "--tag insight' finds it.\n",
                                         *e.kind)
                           : "");
}

json::Value to_json(const app::JournalRemoved& r) {
    return json::object().set("id", r.id).set("removed", true);
}

std::string to_text(const app::JournalRemoved& r, const Paint&) {
    return fmt::format("Removed journal entry #{}.\n", r.id);
}

json::Value to_json(const app::JournalList& list) {
    return list_json(list.records);
}

std::string to_text(const app::JournalList& list, const Paint& p) {
    const auto none = "No journal entries here yet. Write one: kint journal add \"...\"";
    return list_text(list.records, none, [&] {
        std::string out;
        for (const auto& e : list.records) {
            std::string meta;
            if (!e.tags.empty()) meta += fmt::format(" [{}]", fmt::join(e.tags, ", "));
            if (e.kind) meta += " (" + *e.kind + ")";
            out += fmt::format("{} {}{}\n", p.bold(format_day(e.day)),
                               p.dim(fmt::format("#{}", e.id)), p.cyan(meta));
            if (e.prompt) {
                const auto text = list.prompts.find(*e.prompt);
                out += fmt::format(
                    "  {}\n",
                    p.dim("» " + (text != list.prompts.end() ? text->second : *e.prompt)));
            }
            std::string indented; // every line of a multi-line entry under the day
            for (const char c : e.text)
                indented += c == '\n' ? std::string("\n  ") : std::string(1, c);
            out += fmt::format("  {}\n\n", indented);
        }
        return out;
    });
}

} // namespace kint::render
