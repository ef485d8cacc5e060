#include "kint/core/text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <fmt/format.h>

namespace kint::text {

std::size_t utf8_length_at(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = byte(0);
    if (c < 0x80) return 1;
    // The lead byte gives the length and the allowed range of the second byte (Unicode table 3-7).
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0; // overlong
        if (c == 0xED) hi = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90; // overlong
        if (c == 0xF4) hi = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    if (byte(1) < lo || byte(1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((byte(k) & 0xC0) != 0x80) return 0;
    return len;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto len = utf8_length_at(s, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

bool is_tag(std::string_view s) {
    return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

char32_t code_point_at(std::string_view s, std::size_t i, std::size_t len) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (len == 1) return b(0);
    char32_t code = b(0) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k)
        code = (code << 6) | (b(k) & 0x3F);
    return code;
}

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD

std::string sanitized(std::string_view s, bool multiline) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        // A run of printable ASCII at once (newlines and tabs too when `multiline`; JSON's run
        // also stops at a quote and a backslash, which then pass one by one below).
        if (const auto run = printable_run(s.substr(i), !multiline); run > 0) {
            out.append(s, i, run);
            i += run;
            continue;
        }
        const auto len = utf8_length_at(s, i);
        if (len == 0) {
            out += replacement;
            ++i;
            continue;
        }
        if (is_control(code_point_at(s, i, len), multiline))
            out += replacement;
        else
            out.append(s, i, len);
        i += len;
    }
    return out;
}
} // namespace

std::size_t printable_run(std::string_view s, bool json) {
    const auto ends = [json](unsigned char c) {
        if (json) return c < 0x20 || c >= 0x7F || c == '"' || c == '\\';
        return (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7F;
    };
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time: below 0x20 as a signed byte catches every byte of 0x80 and above
    // too; 0x7F, and for JSON a quote and a backslash, by equality; for a terminal, a newline and a
    // tab by equality are taken back out. The lowest bit of the mask is the first byte that ends
    // the run.
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
    for (; i + 16 <= s.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
        if (json)
            stop = _mm_or_si128(stop, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
        else
            stop = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                                    stop);
        if (const int mask = _mm_movemask_epi8(stop); mask != 0)
            return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
#endif
    while (i < s.size() && !ends(static_cast<unsigned char>(s[i])))
        ++i;
    return i;
}

namespace {

// The terminal filter's runs: a byte that passes as it is (printable ASCII, a line break, a tab),
// the lead of two bytes (C2-DF), or of three (E1-EF but ED), else none. The two- and three-byte
// characters that are whole and no control are told from their first two bytes: U+00A0-U+07FF,
// and U+1000-U+FFFF but for the surrogates (ED) and U+2000-U+207F (E2 80 and E2 81 hold the
// bidirectional controls). A heatmap is thousands of ■ (E2 96 A0) and · (C2 B7).
// run_part: a byte's length in a run (1 ascii, 2 or 3 a lead, 0 none).
enum : std::uint8_t { none, ascii, two, three };
constexpr auto run_part = [] {
    std::array<std::uint8_t, 256> t{};
    for (int b = 0x20; b < 0x7F; ++b)
        t[static_cast<std::size_t>(b)] = ascii;
    t['\n'] = t['\t'] = ascii;
    for (int b = 0xC2; b <= 0xDF; ++b)
        t[static_cast<std::size_t>(b)] = two;
    for (int b = 0xE1; b <= 0xEF; ++b)
        if (b != 0xED) t[static_cast<std::size_t>(b)] = three;
    return t;
}();

// The second bytes that may follow a lead of run_part two or three, as the least one and the
// count from it (C2 80-9F are the C1 controls; E2 80 and E2 81 hold the bidi controls): a second
// byte passes when (second - least) as a byte is below the count.
constexpr auto second_least = [] {
    std::array<std::uint8_t, 256> t{};
    for (std::size_t b = 0; b < t.size(); ++b)
        t[b] = b == 0xC2 ? 0xA0 : b == 0xE2 ? 0x82 : 0x80;
    return t;
}();
constexpr auto second_count = [] {
    std::array<std::uint8_t, 256> t{};
    for (std::size_t b = 0; b < t.size(); ++b)
        t[b] = run_part[b] == two || run_part[b] == three ? 0xC0 - second_least[b] : 0;
    return t;
}();

#if defined(__SSE2__)
// The bytes from `i` (a character's first byte) that pass the filter as they are, read sixteen at
// a time: 16 and the rest of a character the sixteenth byte begins, or 0 when any of the sixteen
// asks for more than run_part's quick reading (then the byte-at-a-time loop reads them). Needs 18
// bytes from `i`: a lead at the last place looks at the two after it. Every lane is ASCII that
// passes, a lead of two (C2 only with A0-BF after it) or three (E1-EF but ED; E2 not beginning a
// bidi control) with its continuation bytes, or one of those continuation bytes, in its place.
std::size_t passing_block(std::string_view s, std::size_t i) {
    const auto load = [&](std::size_t k) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + k));
    };
    const __m128i a = load(0), b = load(1), c = load(2);
    const __m128i zero = _mm_setzero_si128();
    // x in [lo, hi], unsigned, lane by lane.
    const auto in = [&](__m128i x, int lo, int hi) {
        const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo)));
        return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), zero);
    };
    const auto is = [](__m128i x, int v) {
        return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(v)));
    };
    const __m128i ascii = _mm_or_si128(in(a, 0x20, 0x7E), _mm_or_si128(is(a, '\n'), is(a, '\t')));
    const __m128i b_cont = in(b, 0x80, 0xBF);
    const __m128i lead2 = _mm_andnot_si128(_mm_and_si128(is(a, 0xC2), in(b, 0x80, 0x9F)),
                                           _mm_and_si128(in(a, 0xC2, 0xDF), b_cont));
    // U+202A-U+202E (E2 80 AA-AE) and U+2066-U+2069 (E2 81 A6-A9) are the bidi controls; the
    // rest of E2 80 and E2 81 (a pause's ‖, U+2016) passes.
    const __m128i bidi =
        _mm_and_si128(is(a, 0xE2), _mm_or_si128(_mm_and_si128(is(b, 0x80), in(c, 0xAA, 0xAE)),
                                                _mm_and_si128(is(b, 0x81), in(c, 0xA6, 0xA9))));
    const __m128i lead3 = _mm_andnot_si128(
        _mm_or_si128(is(a, 0xED), bidi),
        _mm_and_si128(_mm_and_si128(in(a, 0xE1, 0xEF), b_cont), in(c, 0x80, 0xBF)));
    // The places a lead before them claims; each must be a continuation byte, and only they.
    const __m128i claimed =
        _mm_or_si128(_mm_slli_si128(_mm_or_si128(lead2, lead3), 1), _mm_slli_si128(lead3, 2));
    const __m128i cont = in(a, 0x80, 0xBF);
    const __m128i ok =
        _mm_or_si128(_mm_or_si128(ascii, _mm_or_si128(lead2, lead3)), _mm_and_si128(cont, claimed));
    if (_mm_movemask_epi8(ok) != 0xFFFF || _mm_movemask_epi8(_mm_andnot_si128(cont, claimed)) != 0)
        return 0;
    const int two = _mm_movemask_epi8(lead2), three = _mm_movemask_epi8(lead3);
    // The last character may go on past the sixteenth byte.
    if (three & 0x8000) return 18;
    if ((two & 0x8000) || (three & 0x4000)) return 17;
    return 16;
}
#endif

} // namespace

void TerminalFilter::feed(std::string_view in, std::string& out) {
    // What waits from the piece before goes first; else the piece is read where it lies.
    const bool joined = !m_pending.empty();
    if (joined) m_pending.append(in);
    const std::string_view s = joined ? std::string_view(m_pending) : in;
    std::size_t i = 0;
    // The bytes of the non-ASCII character at j when it passes as it is (whole UTF-8, no
    // control), else 0.
    const auto passes = [&s](std::size_t j) -> std::size_t {
        const auto len = utf8_length_at(s, j);
        return len != 0 && !is_control(code_point_at(s, j, len), true) ? len : 0;
    };
    const auto byte = [&s](std::size_t j) { return static_cast<unsigned char>(s[j]); };
    const std::size_t n = s.size();
    while (i < n) {
        // A run of printable ASCII and whole characters that are no control, nearly all output,
        // passes in one piece: ASCII by printable_run, other characters sixteen bytes at a time
        // where they allow (passing_block), else a byte's part in it is looked up (run_part); the
        // rest of the two- and three-byte range, four bytes and anything else ask `passes`.
        std::size_t end = i;
#if defined(__SSE2__)
        std::size_t next_block = i; // after a block that did not pass, its bytes one by one
#endif
        while (end < n) {
            const auto b = byte(end);
            const std::uint8_t part = run_part[b];
            if (part == ascii) {
                ++end;
                // One byte between two characters (a heatmap's space) needs no run.
                if (end < n && run_part[byte(end)] == ascii) end += printable_run(s.substr(end));
                continue;
            }
#if defined(__SSE2__)
            // Past ASCII (which printable_run reads faster), sixteen bytes at once where they all
            // pass: a heatmap's glyphs and the spaces between them.
            if (b >= 0x80 && end >= next_block && end + 18 <= n) {
                if (const auto k = passing_block(s, end)) {
                    end += k;
                    continue;
                }
                next_block = end + 16;
            }
#endif
            if (part != none && end + part <= n &&
                static_cast<std::uint8_t>(byte(end + 1) - second_least[b]) < second_count[b] &&
                (part == two || (byte(end + 2) & 0xC0) == 0x80)) {
                end += part; // a lead of two or three
            } else if (b < 0x80) {
                break;
            } else if (const auto m = passes(end)) {
                end += m;
            } else {
                break;
            }
        }
        if (end > i) {
            out.append(s, i, end - i);
            i = end;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0x1B && m_colour) {
            std::size_t j = i + 1;
            if (j < s.size() && s[j] == '[') {
                ++j;
                while (j < s.size() && j - i < 32 && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'))
                    ++j;
            }
            // The rest of a colour code may follow (its 'm' may come right after the longest run
            // of digits and semicolons taken, as it would in one piece).
            if (j == s.size() && j - i <= 32) break;
            if (j < s.size() && s[i + 1] == '[' && s[j] == 'm') {
                out.append(s, i, j + 1 - i);
                i = j + 1;
            } else {
                out += replacement;
                ++i;
            }
            continue;
        }
        const auto len = utf8_length_at(s, i);
        if (len == 0) {
            // A lead byte whose sequence is cut off by the end of this piece waits for the rest.
            const std::size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
            if (want > 1 && i + want > s.size() && c <= 0xF4) {
                bool prefix = true;
                for (std::size_t k = i + 1; k < s.size(); ++k)
                    prefix = prefix && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
                if (prefix) break;
            }
            out += replacement;
            ++i;
            continue;
        }
        // A control character (a carriage return passes: the practice timer redraws its line).
        if (c == '\r')
            out += '\r';
        else
            out += replacement;
        i += len;
    }
    if (joined)
        m_pending.erase(0, i);
    else
        m_pending.assign(in.substr(i));
}

void TerminalFilter::finish(std::string& out) {
    if (!m_pending.empty()) out += sanitize(m_pending);
    m_pending.clear();
}

bool is_control(char32_t c, bool multiline) {
    if (c < 0x20) return !(multiline && (c == '\n' || c == '\t'));
    return (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::optional<Control> find_control(std::string_view s, bool multiline) {
    std::size_t character = 0;
    for (std::size_t i = 0; i < s.size();) {
        // Printable ASCII, nearly every byte kint reads, needs no decoding (the prompt hook scans
        // its whole cache with this).
        if (const auto c = static_cast<unsigned char>(s[i]); c >= 0x20 && c < 0x7F) {
            ++character;
            ++i;
            continue;
        }
        const auto len = std::max<std::size_t>(utf8_length_at(s, i), 1);
        ++character;
        const char32_t code = code_point_at(s, i, len);
        if (is_control(code, multiline)) return Control{code, character};
        i += len;
    }
    return std::nullopt;
}

bool has_control_characters(std::string_view s, bool multiline) {
    return find_control(s, multiline).has_value();
}

std::string code_name(char32_t code) {
    return fmt::format("U+{:04X}", static_cast<std::uint32_t>(code));
}

std::string sanitize(std::string_view s) {
    return sanitized(s, true);
}

std::string sanitize_line(std::string_view s) {
    return sanitized(s, false);
}

namespace {
// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbours each cost 1 ("tody" -> "today" 1, "--dya" -> "--day" 1).
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}
} // namespace

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
    // Dashes are not letters: "--dya" is a three-letter word.
    const std::size_t letters = word.size() - std::min(word.find_first_not_of('-'), word.size());
    const std::size_t allowed = letters <= 4 ? 1 : 2;
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d > 0 && d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

std::string strip_lead_in(std::string_view trigger) {
    for (std::string_view word : {"after", "if", "at", "when"}) {
        if (trigger.size() <= word.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < word.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(trigger[i])) != word[i]) same = false;
        if (!same || (trigger[word.size()] != ' ' && trigger[word.size()] != '\t')) continue;
        const auto rest = trigger.find_first_not_of(" \t", word.size());
        if (rest == std::string_view::npos) break; // only the word: keep it
        return std::string(trigger.substr(rest));
    }
    return std::string(trigger);
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view space = " \t\r\n\v\f";
    const auto first = s.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

} // namespace kint::text
