// The text sanitizer and the text rules on any bytes: what sanitize returns is valid UTF-8 with no
// control character but newline and tab, it changes nothing twice, and it leaves alone any text
// the shared validator accepts. The terminal filter gives the same bytes however its input is cut,
// and lets through no control character but its colour codes and carriage returns.
#include "check.hpp"

#include "kint/core/text.hpp"
#include "kint/domain/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using kint::fuzz::check;
using namespace kint;

namespace {

// Only colour codes (ESC [ digits ; m, when `colour`), carriage returns, newlines and tabs: nothing
// else a terminal would act on.
bool terminal_safe(std::string_view s, bool colour) {
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\x1b') {
            if (!colour) return false;
            std::size_t j = i + 1;
            if (j >= s.size() || s[j] != '[') return false;
            ++j;
            while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'))
                ++j;
            if (j >= s.size() || s[j] != 'm') return false;
            i = j + 1;
            continue;
        }
        const auto len = text::utf8_length_at(s, i);
        if (len == 0) return false;
        const char32_t code = text::code_point_at(s, i, len);
        if (code != '\r' && text::is_control(code, true)) return false;
        i += len;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);

    const std::string safe = text::sanitize(in);
    check(text::valid_utf8(safe), "sanitize made invalid UTF-8");
    check(!text::has_control_characters(safe, true), "a control character survived sanitize");
    check(text::sanitize(safe) == safe, "sanitize is not idempotent");
    const std::string line = text::sanitize_line(in);
    check(!text::has_control_characters(line, false), "a control character survived sanitize_line");

    for (const auto lines : {validate::Lines::one, validate::Lines::many}) {
        const auto problem = validate::text_problem(in, validate::long_text_max, lines);
        if (!problem) {
            check(text::sanitize(in) == in, "sanitize changed text the validator accepts");
            if (lines == validate::Lines::one)
                check(text::sanitize_line(in) == in, "sanitize_line changed a valid line");
        } else {
            check(!problem->empty(), "an empty problem");
        }
    }

    // The filter: whole, and cut at a point the input chooses.
    std::string whole;
    const bool colour = size > 1 && (data[1] & 1);
    text::TerminalFilter all;
    all.allow_colour(colour);
    all.feed(in, whole);
    all.finish(whole);
    check(terminal_safe(whole, colour), "a control character passed the terminal filter");
    check(text::valid_utf8(whole), "the terminal filter made invalid UTF-8");
    const std::size_t cut = size > 0 ? data[0] % (size + 1) : 0;
    std::string pieces;
    text::TerminalFilter two;
    two.allow_colour(colour);
    two.feed(in.substr(0, cut), pieces);
    two.feed(in.substr(cut), pieces);
    two.finish(pieces);
    check(pieces == whole, "the terminal filter depends on where its input is cut");
    return 0;
}
