// Text wrapped to a terminal's width at spaces: hanging under the text, colour escapes free.
#include "kint/render/wrap.hpp"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

using kint::render::columns_of;
using kint::render::wrap;

TEST_CASE("columns_of counts code points and skips colour escapes") {
    CHECK(columns_of("") == 0);
    CHECK(columns_of("abc") == 3);
    CHECK(columns_of("✓ done") == 6);
    CHECK(columns_of("\x1b[32m✓\x1b[0m done") == 6);
    CHECK(columns_of("\x1b[1;36mhi\x1b[0m") == 2);
}

TEST_CASE("columns_of reads long lines sixteen bytes at a time as it reads one") {
    // A heatmap's row of glyphs (three bytes a column), with a colour escape at every place and
    // an ASCII tail: the same count as a byte-by-byte reading.
    const auto by_byte = [](std::string_view s) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < s.size();) {
            if (s[i] == '\x1b') {
                ++i;
                if (i < s.size() && s[i] == '[') {
                    ++i;
                    while (i < s.size() && !(s[i] >= '@' && s[i] <= '~'))
                        ++i;
                    if (i < s.size()) ++i;
                }
                continue;
            }
            n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 ? 1 : 0;
            ++i;
        }
        return n;
    };
    std::string row = "  Mo ";
    for (int k = 0; k < 30; ++k)
        row += k % 3 == 0 ? "\xe2\x96\xa0 " : k % 3 == 1 ? "\xc2\xb7 " : "\xe2\x80\x96 ";
    row += "end";
    CHECK(columns_of(row) == 5 + 30 * 2 + 3);
    for (std::size_t at = 0; at <= row.size(); ++at) {
        std::string painted = row;
        painted.insert(at, "\x1b[32m");
        CAPTURE(at);
        CHECK(columns_of(painted) == by_byte(painted));
        CHECK(columns_of(std::string_view(row).substr(0, at)) ==
              by_byte(std::string_view(row).substr(0, at)));
    }
}

TEST_CASE("wrap breaks long lines at spaces and leaves short ones alone") {
    CHECK(wrap("short line\nand another", 20) == "short line\nand another");
    CHECK(wrap("no width: as it is, however long", 0) == "no width: as it is, however long");
    // The safety message that broke mid-word ("seek urge|nt care") on a narrow terminal.
    CHECK(wrap("contact your clinic or seek urgent care. Pair medical support", 30) ==
          "contact your clinic or seek\n  urgent care. Pair medical\n  support");
    // A later line hangs under the text after the first two-space gap: a prompt's words.
    CHECK(wrap("  quick.1  What wants more of my time this week?", 30) ==
          "  quick.1  What wants more of\n           my time this week?");
    // An indented line without such a gap hangs two columns in.
    CHECK(wrap("    done 1 of 4 scheduled days, 3 missed", 24) ==
          "    done 1 of 4\n      scheduled days, 3\n      missed");
    // A word longer than the width stays whole on its own line.
    CHECK(wrap("see https://example.org/a/very/long/path please", 20) ==
          "see\n  https://example.org/a/very/long/path\n  please");
    // A trailing newline stays; empty lines stay.
    CHECK(wrap("one two three four\n\nfive\n", 10) == "one two\n  three\n  four\n\nfive\n");
}

TEST_CASE("wrap measures coloured text by what shows") {
    const std::string green = "\x1b[32mdone\x1b[0m";
    // 4 + 1 + 4 + 1 + 4 = 14 columns: fits in 14 despite the escapes' bytes.
    const std::string line = green + " " + green + " " + green;
    CHECK(wrap(line, 14) == line);
    CHECK(wrap(line, 13) == green + " " + green + "\n  " + green);
}
