#pragma once
// Text checks shared by the command line, the JSON writer and the JSON reader.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::text {

// The length (1-4) of the well-formed UTF-8 sequence that starts at s[i], or 0 when the bytes
// there are not one (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_length_at(std::string_view s, std::size_t i);

// True when every byte of `s` belongs to a well-formed UTF-8 sequence.
bool valid_utf8(std::string_view s);

// True when `s` holds a C0 control character or DEL; newlines and tabs are allowed when
// `multiline`. Such bytes would rewrite a terminal or a prompt when the text is shown.
bool has_control_characters(std::string_view s, bool multiline);

// A journal tag: one word of lowercase letters, digits, - or _, at most 40 bytes ("win").
bool is_tag(std::string_view s);

// The candidate closest to `word` (a typo: one or two letters wrong, missing, extra or swapped;
// one for words of four letters or fewer), or nullopt when none is that close. Ties go to the
// earlier candidate.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

} // namespace kint::text
