#pragma once
// What the use-case tests share: the default config and a store in memory with a focus intention.
#include "kint/config/config.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

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

} // namespace kint::test
