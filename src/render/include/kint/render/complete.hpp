#pragma once
// kint complete: one `WORD<TAB>description` line per word, the description on one line.
#include "kint/app/complete.hpp"

#include <string>
#include <vector>

namespace kint::render {

std::string completion_lines(const std::vector<app::Completion>& words);

} // namespace kint::render
