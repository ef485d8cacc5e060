// Clock times and weekly schedules: parse_clock and Schedule::parse with their round trips.
#include "check.hpp"

#include "kint/core/day.hpp"
#include "kint/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using kint::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (const auto m = kint::parse_clock(text)) {
        check(*m >= 0 && *m <= 23 * 60 + 59, "parse_clock out of 00:00..23:59");
        const std::string shown = kint::format_clock(*m);
        check(shown.size() == 5, "format_clock is not HH:MM");
        check(kint::parse_clock(shown) == m, "parse_clock(format_clock(m)) != m");
        if (text.size() == 5) check(shown == text, "HH:MM does not format back to itself");
    }

    try {
        const kint::Schedule s = kint::Schedule::parse(text);
        check(s.mask() != 0, "Schedule::parse accepted a schedule with no day");
        const std::string shown = s.to_string();
        check(kint::Schedule::parse(shown) == s, "Schedule::parse(to_string(s)) != s");
    } catch (const kint::UsageError& e) {
        check(std::string_view(e.what()).size() > 0, "empty UsageError");
    }

    // Every non-empty mask (as the store may hold) prints as text that parses back.
    if (size > 0) {
        const kint::Schedule s(static_cast<std::uint8_t>(data[0]));
        if (s.mask() != 0) check(kint::Schedule::parse(s.to_string()) == s, "mask round trip");
    }
    return 0;
}
