#pragma once
// kint journal: free text for a day, optionally answering a prompt, with tags and an insight kind.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct JournalAddRequest {
    Day day;
    std::string text;              // checked
    std::vector<std::string> tags; // checked tags, in the order given (repeats are kept once)
    std::optional<std::string> kind, prompt;
};

struct JournalAdded {
    JournalEntry entry;
    bool added_insight_tag = false; // --kind added the tag "insight" (it was not given)
};

// Keeps the entry; an insight kind adds the tag "insight". NotFound for an unknown prompt id.
JournalAdded journal_add(store::Store& store, const config::Config& config,
                         const JournalAddRequest& request);

struct JournalRemoved {
    Id id = 0;
};

// Removes entry `id` (its text is erased from the store); NotFound when there is none.
JournalRemoved journal_rm(store::Store& store, Id id);

struct JournalListRequest {
    DayRange range;
    std::optional<std::string> tag; // a checked tag
};

struct JournalList {
    std::vector<JournalEntry> records;
    std::map<std::string, std::string> prompts; // the text of each prompt the records answer
};

// The entries; with a `config`, the text of the prompts they answer too (JSON needs none, so a
// config that cannot be read does not stop it).
JournalList journal_list(const store::Store& store, const JournalListRequest& request,
                         const config::Config* config = nullptr);

} // namespace kint::app
