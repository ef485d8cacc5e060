#pragma once
// Days in test data, written as text: a typo stops the test instead of passing as another day.
#include "kint/core/day.hpp"

#include <stdexcept>
#include <string_view>

namespace kint::test {

inline Day D(std::string_view text) {
    const auto day = parse_iso_day(text);
    if (!day) throw std::invalid_argument("test data: not a day");
    return *day;
}

} // namespace kint::test
