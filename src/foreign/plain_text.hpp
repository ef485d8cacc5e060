#pragma once
// What the readers of plain-text formats (harsh, jrnl) share: lines with their numbers, trimming,
// and control characters left out of what kint keeps. Private to src/foreign.
#include "kint/core/text.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kint::foreign::plain {

inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

// `text` without a leading UTF-8 byte-order mark.
inline std::string_view without_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

struct Line {
    std::size_t number = 0; // 1-based
    std::string_view text;  // without its line break (LF or CRLF)
};

// The lines of `text` (a byte-order mark skipped), each with its number.
inline std::vector<Line> lines_of(std::string_view text) {
    text = without_bom(text);
    std::vector<Line> out;
    std::size_t number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        auto line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back({++number, line});
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return out;
}

// `s` (valid UTF-8) without its control characters (text::is_control: with `multiline`, newlines
// and tabs stay); `removed` counts what was left out. Bytes that are not UTF-8 go too.
inline std::string without_controls(std::string_view s, bool multiline, std::size_t& removed) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto len = text::utf8_length_at(s, i);
        if (len == 0) {
            ++removed;
            ++i;
            continue;
        }
        if (text::is_control(text::code_point_at(s, i, len), multiline))
            ++removed;
        else
            out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

// "1 entry", "3 entries".
inline std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The note for `n` control characters a reader left out of the text it kept.
inline std::string controls_note(std::size_t n) {
    return count_of(n, "control character", "control characters") +
           " (invisible characters that would rewrite a terminal) " + (n == 1 ? "was" : "were") +
           " left out";
}

} // namespace kint::foreign::plain
