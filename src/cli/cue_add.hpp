#pragma once
// `kint cue add`, registered under `kint cue` by add_cue (its flags fill a file of their own).
#include "runtime.hpp"

namespace CLI {
class App;
}

namespace kint::cli {

void add_cue_add(CLI::App* cue, Commands& commands);

} // namespace kint::cli
