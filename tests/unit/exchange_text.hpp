#pragma once
// The export document as text, for the exchange format's tests (v2 and v3): out, back in, an
// export with one piece of its text changed, and the message a refused file gets.
#include "kint/render/exchange.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

namespace kint::test {

inline const Day exchange_today = D("2026-11-20");

inline std::string exported(const exchange::Snapshot& s) {
    return exchange::to_json(s).dump(0);
}

inline exchange::Snapshot imported(const std::string& text) {
    return exchange::from_json(json::parse(text), exchange_today);
}

// The export of `s` with `from` (first occurrence) replaced by `to`.
inline std::string exported_with(const exchange::Snapshot& s, std::string_view from,
                                 std::string_view to) {
    auto text = exported(s);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The ParseError an import of `text` gives, or "(accepted)".
inline std::string refusal(const std::string& text) {
    try {
        imported(text);
    } catch (const json::ParseError& e) {
        return e.what();
    }
    return "(accepted)";
}

} // namespace kint::test
