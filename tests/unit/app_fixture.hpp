#pragma once
// What the use-case tests share: the default config, a cue to place, an environment to look in.
#include "kint/app/shell.hpp"
#include "kint/config/config.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <map>
#include <optional>
#include <string>

namespace kint::test {

inline const config::Config& default_config() {
    static const config::Config cfg = config::parse();
    return cfg;
}

// A cue on the focus intention: "after I pour my coffee → write one sentence", daily.
inline store::NewCue coffee_cue(Day created) {
    store::NewCue c;
    c.kind = CueKind::after;
    c.trigger = "I pour my coffee";
    c.behavior = "write one sentence";
    c.days = Schedule::parse("daily");
    c.created = created;
    return c;
}

// An environment to look names up in (what the shell setup reads).
inline app::EnvLookup env(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
        if (auto it = vars.find(name); it != vars.end()) return it->second;
        return std::nullopt;
    };
}

} // namespace kint::test
