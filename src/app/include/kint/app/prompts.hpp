#pragma once
// kint prompts: the journal prompts for where a person is on a day, or every prompt there is.
#include "kint/config/config.hpp"
#include "kint/domain/phases.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct DayPrompts {
    Day day;
    std::optional<phases::TimelinePosition> position; // points into the config's timeline
    std::string tag; // what chose them: a timeline phase key, "preparation" or "general"
    std::vector<config::Prompt> prompts;
};
// `count` prompts for `day`, by the phase the sessions put it in (the same all day); only gentle
// ones while the safety note stands.
DayPrompts prompts(const store::Store& store, const config::Config& cfg, Day day, int count);

// Every configured prompt, in config order (grouped), with its id and phases.
struct AllPrompts {
    std::vector<config::Prompt> prompts;
};
AllPrompts all_prompts(const config::Config& cfg);

} // namespace kint::app
