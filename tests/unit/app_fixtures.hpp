#pragma once
// What the use cases' tests share: the default config, and an environment to look names up in.
#include "kint/app/shell.hpp"
#include "kint/config/config.hpp"

#include <map>
#include <optional>
#include <string>

namespace kint::test {

inline const config::Config& default_config() {
    static const config::Config cfg = config::parse();
    return cfg;
}

inline app::EnvLookup env(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
        if (auto it = vars.find(name); it != vars.end()) return it->second;
        return std::nullopt;
    };
}

} // namespace kint::test
