#pragma once
// `kint cue add`, registered under `kint cue` by add_cue (its flags fill a file of their own).
#include "runtime.hpp"

#include "kint/core/model.hpp"

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace kint::cli {

void add_cue_add(CLI::App* cue, Commands& commands);
// `kint cue edit` (cue_edit.cpp).
void add_cue_edit(CLI::App* cue, Commands& commands);

// The cue flags' values, checked; each throws UsageError naming a good example.
Per per_arg(std::string_view text);          // --per 3/week, --per 2/10d
double target_arg(std::string_view text);    // --target: a number above 0
std::string unit_arg(std::string_view text); // --unit: short text
Schedule days_arg(std::string_view text);    // --days: names at least one day

} // namespace kint::cli
