#pragma once
// kint init: the default config written for editing (or an existing one kept) and the store made.
#include "kint/store/store.hpp"

#include <functional>
#include <optional>
#include <string>

namespace kint::app {

struct ConfigInit {
    std::string path;
    bool written = false;              // the default was written (no file, or `force`)
    std::optional<std::string> backup; // where `force` kept the config it replaced
};
// Writes the default config at `path` unless one is there (`force`: replace it, keeping the old
// one beside it as PATH.bak, so an edit is never lost to a flag). A config that is kept must at
// least be valid: `check_kept` loads it (and throws its error) before anything is written.
ConfigInit init_config(const std::string& path, bool force,
                       const std::function<void()>& check_kept);

struct InitDone {
    ConfigInit config;
    std::string store;
    int schema = 0;
    bool history = false; // the store already holds intentions
};
InitDone init_store(ConfigInit config, const store::Store& store);

} // namespace kint::app
