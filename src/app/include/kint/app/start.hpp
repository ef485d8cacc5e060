#pragma once
// kint start: the quick starter plan. The plan itself (what JSON and a run without a terminal
// show), finding an intention in the catalogue, and saving the guided run's answers at the end.
#include "kint/app/session.hpp"
#include "kint/app/shell.hpp"
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::app {

struct StarterPlan {
    std::string title;
    std::vector<std::string> steps;
    std::optional<ShellSetup> shell; // the person's shell, for the prompt hook's lines
};
StarterPlan starter_plan(const config::Config& cfg, const EnvLookup& env);

// An intention as chosen: a catalogue item's (its group is the id's prefix) or the person's own.
struct IntentionChoice {
    std::string text;
    std::optional<std::string> group, catalogue_id;
};
IntentionChoice catalogue_choice(const config::CatalogueItem& item);
// The catalogue items whose text holds `words`, in any case, in catalogue order.
std::vector<const config::CatalogueItem*> search_catalogue(const config::Config& cfg,
                                                           std::string_view words);

struct StartRequest {
    IntentionChoice intention;
    CueKind kind = CueKind::after;
    std::string trigger;
    std::optional<Minutes> at;
    std::string behavior; // daily, from `today`
    // What care needs, each skippable: the clinic or crisis contact (empty: skipped), kept in the
    // config at `config_path` ([safety] contact; the file is made from the default when absent),
    // and the day of the last or next treatment session.
    std::string contact;
    std::optional<std::string> config_path;
    std::optional<Day> session;
};
struct StartResult {
    Id intention_id = 0; // now the focus
    Cue cue;
    std::string note; // the gentle second-cue note when another cue is young; else empty
    std::optional<SessionAdded> session;
    std::optional<std::string> contact_saved_to; // the config file that holds the contact now
};
// Saves the intention (as the focus) and its daily cue in one transaction, then the session, then
// the contact (its config edit checked before anything is written).
StartResult start(store::Store& store, const config::Config& cfg, Day today,
                  const StartRequest& request);

} // namespace kint::app
