// Day parsing: parse_day (words, -N, ISO) against a fixed today, and parse_iso_day's round trip.
#include "check.hpp"

#include "kint/core/day.hpp"
#include "kint/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using kint::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const kint::Day today{std::chrono::year{2026} / 11 / 20};

    const auto iso = kint::parse_iso_day(text);
    if (iso) {
        // A strict YYYY-MM-DD day formats back to the very same text.
        check(kint::format_day(*iso) == text, "format_day(parse_iso_day(t)) != t");
        const int wd = kint::weekday_index(*iso);
        check(wd >= 0 && wd <= 6, "weekday_index out of 0..6");
    }

    try {
        const kint::Day day = kint::parse_day(text, today);
        // parse_day accepts a superset of parse_iso_day and agrees with it.
        if (iso) check(day == *iso, "parse_day disagrees with parse_iso_day");
        // Whatever it accepts is a day kint can print and read back.
        const std::string shown = kint::format_day(day);
        const auto again = kint::parse_iso_day(shown);
        check(again && *again == day, "parse_day gave a day that does not round-trip");
    } catch (const kint::UsageError& e) {
        check(!iso, "parse_day refused what parse_iso_day accepts");
        check(std::string_view(e.what()).size() > 0, "empty UsageError");
    }
    return 0;
}
