#pragma once
// kint complete: the live words shell completion offers (ids, days, catalogue ids...), each with
// the text that describes it. Reading only: the store read-only, never created.
#include "kint/config/config.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kint::app {

struct Completion {
    std::string word, text;
};

// A word a shell can complete: not empty, no spaces or control characters.
bool completable(std::string_view word);

// cues (active and paused), intentions (active), journal (the latest 30, newest first) or sessions
// from the store at `store_path`; none when there is no store (or a foreign or newer one).
std::vector<Completion> store_words(const std::string& store_path, std::string_view what);
// catalogue, groups, prompts or practices from the config.
std::vector<Completion> config_words(const config::Config& cfg, std::string_view what);

} // namespace kint::app
