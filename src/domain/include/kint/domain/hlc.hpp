#pragma once
// Hybrid logical clocks (Kulkarni et al. 2014), as sync orders writes from several devices (SPEC
// §7.5): wall-clock milliseconds, a counter for writes within one millisecond or while the wall
// clock lags a clock already seen, and the device that wrote. Written as 32 lowercase hex digits,
// "<12: ms><4: counter><16: device>", so the strings sort exactly as the clocks do, and "" (a
// record written before sync existed) sorts first.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kint::hlc {

inline constexpr std::size_t device_chars = 16, text_chars = 32;

struct Stamp {
    std::int64_t ms = 0;
    std::uint32_t counter = 0; // < 0x10000
    std::string device;        // 16 lowercase hex digits
    bool operator==(const Stamp&) const = default;
};

std::string format(const Stamp& stamp);
// nullopt unless `text` is 32 lowercase hex digits.
std::optional<Stamp> parse(std::string_view text);
// A device id is 16 lowercase hex digits.
bool valid_device(std::string_view device);

// The clock of `device`'s next write at wall time `now_ms`, after `last` (the latest clock it has
// written or seen; "" for none): later than `last` whatever the wall clock says.
Stamp next(std::string_view last, std::int64_t now_ms, std::string_view device);

// The latest of two clocks as text ("" counts as the earliest).
std::string_view later(std::string_view a, std::string_view b);

} // namespace kint::hlc
