#include "kint/render/measure.hpp"

#include <cmath>
#include <fmt/format.h>

namespace kint::render {

std::string format_amount(double amount) {
    std::string text = fmt::format("{:.3f}", amount);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

std::string with_unit(double amount, const std::string& unit) {
    return unit.empty() ? format_amount(amount) : format_amount(amount) + " " + unit;
}

std::string target_text(const Measure& m) {
    return (m.at_most ? "at most " : "") + with_unit(m.target, m.unit);
}

std::string amount_of_target(double amount, const Measure& m) {
    return format_amount(amount) + " of " + target_text(m);
}

} // namespace kint::render
