#include "kint/app/start.hpp"

#include "kint/app/lookup.hpp"
#include "kint/config/edit.hpp"
#include "kint/core/text.hpp"
#include "kint/io/files.hpp"

#include <algorithm>
#include <filesystem>

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
    std::optional<std::string> config_text; // the config with the contact, when one is given
    if (!request.contact.empty() && request.config_path) {
        const auto& path = *request.config_path;
        config_text = config::with_safety_contact(std::filesystem::exists(path)
                                                      ? io::read_file(path, 4u << 20)
                                                      : std::string(config::default_config_text),
                                                  request.contact);
    }
    if (young_cue_active(store, today)) result.note = cfg.guidance.second_cue;
    Id cue_id = 0;
    store.write([&] {
        const auto& i = request.intention;
        result.intention_id = store.add_intention(i.text, i.group, i.catalogue_id, today);
        store.set_focus(result.intention_id);
        // "at the front door" is shown "at the front door", not "at at the front door".
        const std::string trigger =
            request.kind == CueKind::time ? request.trigger : text::strip_lead_in(request.trigger);
        cue_id = store.add_cue({result.intention_id, request.kind, trigger, request.at,
                                Schedule::daily(), today, request.behavior});
    });
    result.cue = cue_or_throw(store, cue_id);
    if (request.session) result.session = session_add(store, cfg, today, {*request.session, {}});
    if (config_text) {
        io::write_file_atomically(*request.config_path, *config_text, io::Folders::create);
        result.contact_saved_to = request.config_path;
    }
    return result;
}

} // namespace kint::app
