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
// How many bytes s begins with that are printable ASCII (0x20-0x7E), a newline or a tab, read
// sixteen at a time: what kint prints is nearly all of them. With `json`, a newline, a tab, a quote
// and a backslash end the run too (each is escaped there).
std::size_t printable_run(std::string_view s, bool json = false);

// The code point of the well-formed `len`-byte sequence at s[i] (len from utf8_length_at).
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t len);

// True when every byte of `s` belongs to a well-formed UTF-8 sequence.
bool valid_utf8(std::string_view s);

// A character that would rewrite a terminal or a prompt rather than show: a C0 control or DEL
// (newlines and tabs are text when `multiline`), a C1 control (U+0080..U+009F: U+009B is CSI) or
// a bidi override or isolate (U+202A..U+202E, U+2066..U+2069), which reorders what follows it.
bool is_control(char32_t code, bool multiline);

struct Control {
    char32_t code;         // e.g. 0x9B
    std::size_t character; // 1-based: the character's place in the text
};
// The first control character (is_control) in valid UTF-8 `s`, or nullopt.
std::optional<Control> find_control(std::string_view s, bool multiline);
// True when find_control finds one.
bool has_control_characters(std::string_view s, bool multiline);
// "U+009B"
std::string code_name(char32_t code);

// `s` made safe to print to a terminal: every control character but newline and tab, and every
// byte that is not part of well-formed UTF-8, becomes U+FFFD. Every human output format passes
// its text through this (the JSON writer escapes instead).
std::string sanitize(std::string_view s);
// As sanitize, and newlines and tabs become U+FFFD too (text that must stay on one line).
std::string sanitize_line(std::string_view s);

// sanitize for a whole output stream, fed in pieces of any size: a sequence cut between two
// pieces waits for the rest. It keeps carriage returns (the practice timer redraws its line) and,
// once allow_colour(true) (kint paints: --color, a terminal), colour codes (ESC [ digits and ;
// then m, as render::Paint writes them); every other control character becomes U+FFFD.
class TerminalFilter {
  public:
    void allow_colour(bool on) { m_colour = on; }
    // Appends to `out` what `in` (after what came before) makes safe to write.
    void feed(std::string_view in, std::string& out);
    // Appends the rest: an unfinished sequence becomes U+FFFD.
    void finish(std::string& out);

  private:
    std::string m_pending;
    bool m_colour = false;
};

// A journal tag: one word of lowercase letters, digits, - or _, at most 40 bytes ("win").
bool is_tag(std::string_view s);

// `s` without the ASCII spaces, tabs and line breaks at its ends.
std::string_view trim(std::string_view s);

// The candidate closest to `word` (a typo: one or two letters wrong, missing, extra or swapped;
// one for words of four letters or fewer), or nullopt when none is that close. Ties go to the
// earlier candidate.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// A cue's trigger without ONE lead-in word that kint shows itself: a leading "after", "if", "at"
// or "when" (any case) followed by spaces goes ("at the front door" -> "the front door", shown
// "at the front door", not "at at the front door"). A trigger that is only that word stays.
std::string strip_lead_in(std::string_view trigger);

} // namespace kint::text
