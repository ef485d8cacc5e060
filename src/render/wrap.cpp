#include "kint/render/wrap.hpp"

#include <bit>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kint::render {

namespace {

constexpr char escape = '\x1b';

// Where the colour escape starting at `i` ends (one past its final letter).
std::size_t escape_end(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '[') {
        ++j;
        while (j < s.size() && !(s[j] >= '@' && s[j] <= '~'))
            ++j;
        if (j < s.size()) ++j;
    }
    return j;
}

// A word and the spaces before it.
struct Piece {
    std::size_t spaces = 0;
    std::string_view word;
};

std::vector<Piece> pieces_of(std::string_view line) {
    std::vector<Piece> out;
    std::size_t i = 0;
    while (i < line.size()) {
        Piece p;
        while (i < line.size() && line[i] == ' ') {
            ++p.spaces;
            ++i;
        }
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ')
            i = line[i] == escape ? escape_end(line, i) : i + 1;
        p.word = line.substr(start, i - start);
        out.push_back(p);
    }
    return out;
}

std::string wrap_line(std::string_view line, std::size_t width) {
    const auto pieces = pieces_of(line);
    if (pieces.empty()) return std::string(line);
    // The hang: under the text after the first two-space gap in the line's first half, else two
    // columns in from the line's indent.
    std::size_t hang = pieces.front().spaces + 2, col = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        col += pieces[k].spaces;
        if (k > 0 && pieces[k].spaces >= 2 && !pieces[k].word.empty()) {
            if (col <= width / 2) hang = col;
            break;
        }
        col += columns_of(pieces[k].word);
    }
    if (hang >= width / 2) hang = std::min<std::size_t>(pieces.front().spaces, width / 2);

    std::string out;
    col = 0;
    bool line_has_word = false;
    for (const auto& p : pieces) {
        const std::size_t w = columns_of(p.word);
        if (line_has_word && col + p.spaces + w > width) {
            out += '\n';
            out.append(hang, ' ');
            col = hang;
        } else {
            out.append(p.spaces, ' ');
            col += p.spaces;
        }
        out += p.word;
        col += w;
        line_has_word = line_has_word || !p.word.empty();
    }
    return out;
}

} // namespace

std::size_t columns_of(std::string_view line) {
    std::size_t n = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time until a colour escape: each byte that is no continuation byte (80-BF,
    // below -64 as a signed byte) begins a column.
    const __m128i below = _mm_set1_epi8(-64), esc = _mm_set1_epi8(escape);
    for (; i + 16 <= line.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, esc)) != 0) break;
        n += 16 - static_cast<std::size_t>(std::popcount(
                      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, below)))));
    }
#endif
    while (i < line.size()) {
        if (line[i] == escape) {
            i = escape_end(line, i);
            continue;
        }
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
        ++i;
    }
    return n;
}

std::string wrap(std::string_view text, int width) {
    if (width <= 0) return std::string(text);
    const auto room = static_cast<std::size_t>(width);
    // The lines that fit go across in stretches, as they are; only a line wider than the room is
    // made anew. A line of no more bytes than the room fits whatever it holds.
    std::string out;
    bool wrapped = false;
    std::size_t kept = 0; // text from here on is not in `out` yet
    for (std::size_t at = 0; at < text.size();) {
        const auto nl = text.find('\n', at);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        const auto line = text.substr(at, end - at);
        if (line.size() > room && columns_of(line) > room) {
            if (!wrapped) out.reserve(text.size() + text.size() / 16);
            wrapped = true;
            out.append(text, kept, at - kept);
            out += wrap_line(line, room);
            kept = end;
        }
        if (nl == std::string_view::npos) break;
        at = nl + 1;
    }
    if (!wrapped) return std::string(text);
    out.append(text, kept);
    return out;
}

} // namespace kint::render
