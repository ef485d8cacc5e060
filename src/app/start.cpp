#include "kint/app/start.hpp"

#include "kint/app/lookup.hpp"

#include <algorithm>

namespace kint::app {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

StarterPlan starter_plan(const config::Config& cfg, const EnvLookup& env) {
    return {cfg.starter.title, cfg.starter.steps, shell_setup(env)};
}

IntentionChoice catalogue_choice(const config::CatalogueItem& item) {
    return {item.text, item.id.substr(0, item.id.find('.')), item.id};
}

std::vector<const config::CatalogueItem*> search_catalogue(const config::Config& cfg,
                                                           std::string_view words) {
    const std::string needle = lower(words);
    std::vector<const config::CatalogueItem*> hits;
    for (const auto& group : cfg.catalogue)
        for (const auto& item : group.items)
            if (lower(item.text).find(needle) != std::string::npos) hits.push_back(&item);
    return hits;
}

StartResult start(store::Store& store, const config::Config& cfg, Day today,
                  const StartRequest& request) {
    StartResult result;
    if (young_cue_active(store, today)) result.note = cfg.guidance.second_cue;
    Id cue_id = 0;
    store.write([&] {
        const auto& i = request.intention;
        result.intention_id = store.add_intention(i.text, i.group, i.catalogue_id, today);
        store.set_focus(result.intention_id);
        cue_id = store.add_cue({result.intention_id, request.kind, request.trigger, request.at,
                                Schedule::daily(), today, request.behavior});
    });
    result.cue = cue_or_throw(store, cue_id);
    return result;
}

} // namespace kint::app
