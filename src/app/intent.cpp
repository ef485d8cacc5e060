#include "kint/app/intent.hpp"

#include "kint/app/lookup.hpp"
#include "kint/core/error.hpp"

#include <fmt/format.h>

namespace kint::app {

IntentionList intent_list(const store::Store& store, bool all) {
    return {store.intentions(all), all};
}

IntentionAdded intent_add(store::Store& store, const config::Config& cfg, Day today,
                          const IntentAddRequest& request) {
    std::string text = request.text;
    std::optional<std::string> group = request.group, catalogue_id;
    if (request.from) {
        const auto* item = cfg.find_item(*request.from);
        if (!item)
            throw NotFound(fmt::format("'{}' is not in the catalogue; see 'kint intent "
                                       "catalogue' for ids like anxiety.5",
                                       *request.from));
        const std::string key = item->id.substr(0, item->id.find('.'));
        if (group && *group != key)
            throw UsageError(
                fmt::format("{} belongs to group '{}', not '{}'", item->id, key, *group));
        text = item->text;
        group = key;
        catalogue_id = item->id;
    } else if (group && !cfg.find_group(*group)) {
        throw NotFound(fmt::format("there is no catalogue group '{}'; see 'kint intent "
                                   "catalogue' for the keys",
                                   *group));
    }
    Id id = 0;
    auto previous = store.focused_intention();
    store.write([&] {
        id = store.add_intention(text, group, catalogue_id, today);
        store.set_focus(id);
    });
    return {intention_or_throw(store, id), std::move(previous)};
}

IntentionShown intent_show(const store::Store& store, const config::Config& cfg, Day today, Id id) {
    IntentionShown out{intention_or_throw(store, id), {}};
    for (auto& c : store.cues(true))
        if (c.intention_id == id) out.cues.push_back(cue_view(std::move(c), cfg, today));
    return out;
}

IntentionReworded intent_edit(store::Store& store, Id id, const std::string& text) {
    intention_or_throw(store, id);
    store.write([&] { store.set_intention_text(id, text); });
    return {intention_or_throw(store, id)};
}

FocusChanged intent_focus(store::Store& store, Id id) {
    const auto before = intention_or_throw(store, id);
    if (before.archived)
        throw UsageError(fmt::format("intention {} is archived; add it again with 'kint intent "
                                     "add' to make it a focus",
                                     before.id));
    store.write([&] { store.set_focus(before.id); });
    return {intention_or_throw(store, id)};
}

IntentionArchived intent_archive(store::Store& store, Day today, Id id) {
    const auto before = intention_or_throw(store, id);
    IntentionArchived out;
    out.already = before.archived;
    out.was_focus = before.focus;
    if (!before.archived)
        store.write([&] {
            store.archive_intention(before.id, today);
            if (before.focus) store.set_focus(std::nullopt);
        });
    out.intention = intention_or_throw(store, id);
    // Its cues are not stopped for the person: a behavior may well outlive the words.
    if (!out.already)
        for (const auto& c : store.cues(false, true))
            if (c.intention_id == id) out.running.push_back(c.id);
    return out;
}

} // namespace kint::app
