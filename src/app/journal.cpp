#include "kint/app/journal.hpp"

#include "kint/core/error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::app {

namespace {
void add_once(std::vector<std::string>& tags, const std::string& tag) {
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
}
} // namespace

JournalAdded journal_add(store::Store& store, const config::Config& config,
                         const JournalAddRequest& request) {
    JournalEntry e{0, request.day, request.text, {}, request.kind, std::nullopt};
    for (const auto& tag : request.tags)
        add_once(e.tags, tag);
    const bool tagged = std::find(e.tags.begin(), e.tags.end(), "insight") != e.tags.end();
    if (e.kind) add_once(e.tags, "insight");
    if (request.prompt) {
        const auto* prompt = config.find_prompt(*request.prompt);
        if (!prompt)
            throw NotFound(fmt::format("there is no prompt '{}'; see 'kint prompts --all' for "
                                       "the ids",
                                       *request.prompt));
        e.prompt = prompt->id;
    }
    store.write([&] { e.id = store.add_journal(e); });
    const bool added_tag = e.kind && !tagged;
    return JournalAdded{std::move(e), added_tag};
}

JournalRemoved journal_rm(store::Store& store, Id id) {
    bool removed = false;
    store.write([&] { removed = store.remove_journal(id); });
    if (!removed)
        throw NotFound(fmt::format("there is no journal entry {}; see 'kint journal list'", id));
    return JournalRemoved{id};
}

JournalList journal_list(const store::Store& store, const JournalListRequest& request,
                         const config::Config* config) {
    JournalList list{store.journal({request.range, request.tag}), {}};
    for (const auto& e : list.records)
        if (const auto* p = config && e.prompt ? config->find_prompt(*e.prompt) : nullptr)
            list.prompts.emplace(p->id, p->text);
    return list;
}

} // namespace kint::app
