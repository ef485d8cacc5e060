#include "kint/render/complete.hpp"

#include <fmt/format.h>

namespace kint::render {

namespace {

constexpr std::size_t description_max = 60;

// One line of description: control characters (tabs and newlines included) become single spaces,
// cut at `description_max` code points.
std::string description(std::string_view text) {
    std::string out;
    std::size_t chars = 0;
    bool cut = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // C1 controls (U+0080-U+009F) are two bytes in UTF-8: 0xC2 0x80-0x9F.
        const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c < 0x20 || c == 0x7F || c1 || c == ' ') {
            if (c1) ++i;
            if (!out.empty() && out.back() != ' ') {
                if (chars == description_max) {
                    cut = true;
                    break;
                }
                out += ' ';
                ++chars;
            }
            continue;
        }
        if ((c & 0xC0) != 0x80) { // a new code point
            if (chars == description_max) {
                cut = true;
                break;
            }
            ++chars;
        }
        out += static_cast<char>(c);
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (cut) {
        // Make room for the ellipsis by dropping the last whole code point.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();
        if (!out.empty()) out.pop_back();
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        out += "…";
    }
    return out;
}

} // namespace

std::string completion_lines(const std::vector<app::Completion>& words) {
    std::string out;
    for (const auto& w : words)
        out += fmt::format("{}\t{}\n", w.word, description(w.text));
    return out;
}

} // namespace kint::render
