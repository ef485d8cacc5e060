#pragma once
// Amounts and targets of measured steps, in the words every view uses ("20 of 15 min").
#include "kint/core/model.hpp"

#include <string>

namespace kint::render {

// "15", "12.5", "0.333": at most three decimals (as kept and exported), no trailing zeros.
std::string format_amount(double amount);
// "15 min", or "15" when the unit is empty.
std::string with_unit(double amount, const std::string& unit);
// "10 min" (at least) or "at most 20 min".
std::string target_text(const Measure& m);
// "20 of 15 min" or "12 of at most 20 min".
std::string amount_of_target(double amount, const Measure& m);

} // namespace kint::render
