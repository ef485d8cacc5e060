#include "kint/domain/hlc.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::hlc {

namespace {

bool lower_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::uint64_t hex_value(std::string_view text) {
    std::uint64_t v = 0;
    for (char c : text)
        v = v * 16 + static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    return v;
}

constexpr std::uint32_t counter_max = 0xffff;
constexpr std::int64_t ms_max = 0xffffffffffff; // 12 hex digits: the year 10889

} // namespace

std::string format(const Stamp& stamp) {
    return fmt::format("{:012x}{:04x}{}", std::clamp<std::int64_t>(stamp.ms, 0, ms_max),
                       std::min(stamp.counter, counter_max), stamp.device);
}

bool valid_device(std::string_view device) {
    return device.size() == device_chars && lower_hex(device);
}

std::optional<Stamp> parse(std::string_view text) {
    if (text.size() != text_chars || !lower_hex(text)) return std::nullopt;
    return Stamp{static_cast<std::int64_t>(hex_value(text.substr(0, 12))),
                 static_cast<std::uint32_t>(hex_value(text.substr(12, 4))),
                 std::string(text.substr(16))};
}

Stamp next(std::string_view last, std::int64_t now_ms, std::string_view device) {
    Stamp out{std::clamp<std::int64_t>(now_ms, 0, ms_max), 0, std::string(device)};
    if (auto prev = parse(last); prev && prev->ms >= out.ms) {
        out.ms = prev->ms;
        if (prev->counter >= counter_max) { // 65536 writes in one millisecond: borrow the next
            out.ms = std::min(out.ms + 1, ms_max);
            out.counter = 0;
        } else {
            out.counter = prev->counter + 1;
        }
    }
    return out;
}

std::string_view later(std::string_view a, std::string_view b) {
    return a < b ? b : a;
}

} // namespace kint::hlc
