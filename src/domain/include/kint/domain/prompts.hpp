#pragma once
// Prompt rotation: chosen by phase, the same all day, rotating from day to day. Pure.
#include "kint/config/config.hpp"
#include "kint/core/day.hpp"

#include <string_view>
#include <vector>

namespace kint::prompts {

// The prompts tagged with `phase` (all prompts when none is), in config order. With `gentle`
// (while the safety rule is met) only the prompts marked gentle: those tagged with `phase`, or
// every gentle prompt when none is; none when the config marks none gentle.
std::vector<const config::Prompt*> pool(const std::vector<config::Prompt>& prompts,
                                        std::string_view phase, bool gentle = false);

// `count` prompts for `day`: consecutive items of the phase's pool starting at an offset that
// moves by one each day, so a day always shows the same prompts and the next day the next ones.
std::vector<config::Prompt> for_day(const std::vector<config::Prompt>& prompts,
                                    std::string_view phase, Day day, int count,
                                    bool gentle = false);

} // namespace kint::prompts
