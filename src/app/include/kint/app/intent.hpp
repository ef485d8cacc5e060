#pragma once
// The intention use cases: list, add (from the catalogue or in one's own words), browse the
// catalogue, show, reword, focus and archive.
#include "kint/app/cue.hpp"
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct IntentionList {
    std::vector<Intention> intentions;
    bool all = false; // archived ones included
};
IntentionList intent_list(const store::Store& store, bool all);

// One's own (checked) text, or a catalogue item's id in `from` (then `text` is unused).
struct IntentAddRequest {
    std::string text;
    std::optional<std::string> group, from;
};
// The new intention, now the focus.
struct IntentionAdded {
    Intention intention;
    std::optional<Intention> previous_focus; // the focus it moved from, if there was one
};
IntentionAdded intent_add(store::Store& store, const config::Config& cfg, Day today,
                          const IntentAddRequest& request);

struct CatalogueRequest {
    std::vector<std::string> words; // search words
    std::optional<std::string> group;
    bool expand = false;
};
struct CatalogueView {
    std::vector<config::CatalogueGroup> groups;
    bool open = false;  // items shown, not only the groups' names
    std::string search; // the search words, joined
};
CatalogueView intent_catalogue(const config::Config& cfg, const CatalogueRequest& request);

struct IntentionShown {
    Intention intention;
    std::vector<CueView> cues; // its cues, archived ones too
};
IntentionShown intent_show(const store::Store& store, const config::Config& cfg, Day today, Id id);

struct IntentionReworded {
    Intention intention;
};
IntentionReworded intent_edit(store::Store& store, Id id, const std::string& text);

struct FocusChanged {
    Intention intention;
};
FocusChanged intent_focus(store::Store& store, Id id);

struct IntentionArchived {
    Intention intention;
    bool already = false; // it was archived before
    bool was_focus = false;
    std::vector<Id> running; // its cues not archived, which keep going
};
IntentionArchived intent_archive(store::Store& store, Day today, Id id);

} // namespace kint::app
