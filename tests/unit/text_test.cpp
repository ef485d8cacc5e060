// Strict UTF-8 and control-character checks shared by typed text, JSON output and import.
#include "kint/core/text.hpp"

#include <array>
#include <cstdint>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using kint::text::has_control_characters;
using kint::text::utf8_length_at;
using kint::text::valid_utf8;

TEST_CASE("text: well-formed UTF-8 of every length") {
    CHECK(valid_utf8(""));
    CHECK(valid_utf8("plain ascii"));
    CHECK(valid_utf8("caf\xc3\xa9"));      // U+00E9
    CHECK(valid_utf8("\xe2\x80\x94"));     // U+2014 em dash
    CHECK(valid_utf8("\xf0\x9f\x8c\xb1")); // U+1F331 seedling
    CHECK(valid_utf8("\xef\xbf\xbf"));     // U+FFFF
    CHECK(valid_utf8("\xf4\x8f\xbf\xbf")); // U+10FFFF, the last code point
    CHECK(valid_utf8("\xed\x9f\xbf"));     // U+D7FF, just below the surrogates
    CHECK(utf8_length_at("a\xc3\xa9", 1) == 2);
    CHECK(utf8_length_at("\xf0\x9f\x8c\xb1", 0) == 4);
}

TEST_CASE("text: malformed UTF-8 is refused") {
    CHECK_FALSE(valid_utf8("caf\xc3"));          // truncated at the end
    CHECK_FALSE(valid_utf8("\xc3("));            // bad continuation
    CHECK_FALSE(valid_utf8("\x80"));             // lone continuation byte
    CHECK_FALSE(valid_utf8("\xc0\xaf"));         // overlong '/'
    CHECK_FALSE(valid_utf8("\xc1\xbf"));         // overlong
    CHECK_FALSE(valid_utf8("\xe0\x80\xaf"));     // overlong, 3 bytes
    CHECK_FALSE(valid_utf8("\xf0\x80\x80\xaf")); // overlong, 4 bytes
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));     // U+D800, a surrogate
    CHECK_FALSE(valid_utf8("\xed\xbf\xbf"));     // U+DFFF
    CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80")); // U+110000, beyond Unicode
    CHECK_FALSE(valid_utf8("\xf5\x80\x80\x80")); // never a lead byte
    CHECK_FALSE(valid_utf8("\xff"));
    CHECK_FALSE(valid_utf8("\xe2\x80")); // 3-byte sequence cut short
    CHECK(utf8_length_at("\xe2\x80", 0) == 0);
}

TEST_CASE("text: control characters") {
    CHECK_FALSE(has_control_characters("a calm morning", false));
    CHECK_FALSE(has_control_characters("caf\xc3\xa9", false));
    CHECK(has_control_characters("bell\x07", false));
    CHECK(has_control_characters(std::string("nul\0byte", 8), true));
    CHECK(has_control_characters("esc\x1b[31m", true));
    CHECK(has_control_characters("del\x7f", true));
    CHECK(has_control_characters("two\nlines", false));
    CHECK_FALSE(has_control_characters("two\nlines\tand a tab", true));
    CHECK(has_control_characters("carriage\rreturn", true));
}

TEST_CASE("text: closest finds a typo's word, and only a near one") {
    const std::vector<std::string> commands{"today", "review", "rate", "log", "intent", "cue"};
    CHECK(kint::text::closest("tody", commands) == "today");    // a letter missing
    CHECK(kint::text::closest("todya", commands) == "today");   // two swapped
    CHECK(kint::text::closest("reveiw", commands) == "review"); // two swapped
    CHECK(kint::text::closest("rat", commands) == "rate");
    CHECK(kint::text::closest("cues", commands) == "cue");
    CHECK(kint::text::closest("xyzzy", commands) == std::nullopt);
    CHECK(kint::text::closest("today", commands) == std::nullopt); // not a typo
    CHECK(kint::text::closest("ls", commands) == std::nullopt);    // short words: one edit only
    CHECK(kint::text::closest("", commands) == std::nullopt);
    const std::vector<std::string> options{"--day", "--note", "--skip", "--slip", "--undo"};
    CHECK(kint::text::closest("--dya", options) == "--day");
    CHECK(kint::text::closest("--nite", options) == "--note");
    CHECK(kint::text::closest("--slp", options) ==
          "--slip"); // ties go to the first: --skip is 2 away
    CHECK(kint::text::closest("--bogus", options) == std::nullopt);
    CHECK(kint::text::closest("--", options) == std::nullopt);
}

TEST_CASE("text: C1 controls and bidi overrides are control characters, found with their place") {
    using kint::text::find_control;
    CHECK(has_control_characters("csi\xc2\x9b"
                                 "2J",
                                 true));
    CHECK(has_control_characters("bidi\xe2\x80\xae", true));
    CHECK(has_control_characters("isolate\xe2\x81\xa6", true));
    CHECK_FALSE(has_control_characters("nbsp\xc2\xa0 and \xe2\x80\x94 dash", false));
    const auto bad = find_control("caf\xc3\xa9\xc2\x9d", true);
    REQUIRE(bad);
    CHECK(bad->code == 0x9D);
    CHECK(bad->character == 5);
    CHECK(kint::text::code_name(0x9D) == "U+009D");
    CHECK(kint::text::code_name(0x202E) == "U+202E");
    CHECK(kint::text::code_name(0x1F331) == "U+1F331");
}

TEST_CASE("text: sanitize replaces what a terminal would act on, keeps everything else") {
    using kint::text::sanitize;
    using kint::text::sanitize_line;
    const std::string fffd = "\xef\xbf\xbd";
    CHECK(sanitize("plain caf\xc3\xa9\n\ttab") == "plain caf\xc3\xa9\n\ttab");
    CHECK(sanitize("a\x1b[2Jb") == "a" + fffd + "[2Jb");
    CHECK(sanitize("a\xc2\x9b"
                   "b\xe2\x80\xae"
                   "c") == "a" + fffd + "b" + fffd + "c");
    CHECK(sanitize("bad\xff") == "bad" + fffd);
    CHECK(sanitize_line("two\nlines") == "two" + fffd + "lines");
}

TEST_CASE("text: the terminal filter keeps colour codes and carriage returns, in any pieces") {
    const std::string fffd = "\xef\xbf\xbd";
    const std::string in = "\x1b[1;32mok\x1b[0m \r caf\xc3\xa9 \x1b]0;t\x07 \xc2\x9b \xe2\x80\xae.";
    const std::string want = "\x1b[1;32mok\x1b[0m \r caf\xc3\xa9 " + fffd + "]0;t" + fffd + " " +
                             fffd + " " + fffd + ".";
    for (std::size_t piece = 1; piece <= in.size(); ++piece) {
        CAPTURE(piece);
        kint::text::TerminalFilter f;
        f.allow_colour(true);
        std::string out;
        for (std::size_t i = 0; i < in.size(); i += piece)
            f.feed(std::string_view(in).substr(i, piece), out);
        f.finish(out);
        CHECK(out == want);
    }
    // The longest colour code the filter takes (ESC, '[', 30 digits and semicolons, 'm'), cut
    // right before its 'm': the same as in one piece (the fuzzer found the cut that differed).
    const std::string longest = "\x1b[" + std::string(30, ';') + "m!";
    for (std::size_t at = 0; at <= longest.size(); ++at) {
        CAPTURE(at);
        std::string whole, pieces;
        kint::text::TerminalFilter a, b;
        a.allow_colour(true);
        b.allow_colour(true);
        a.feed(longest, whole);
        a.finish(whole);
        b.feed(std::string_view(longest).substr(0, at), pieces);
        b.feed(std::string_view(longest).substr(at), pieces);
        b.finish(pieces);
        CHECK(whole == longest);
        CHECK(pieces == whole);
    }
    kint::text::TerminalFilter plain; // not painting: no colour code passes either
    std::string none;
    plain.feed("\x1b[31mred", none);
    CHECK(none == fffd + "[31mred");
    kint::text::TerminalFilter cut;
    std::string out;
    cut.feed("end\xc3", out);
    CHECK(out == "end");
    cut.finish(out);
    CHECK(out == "end" + fffd);
}

TEST_CASE("text: printable_run stops at the first byte that is no printable ASCII") {
    // Every byte value at every place of 40 bytes (two blocks of sixteen and a tail), after a
    // newline and a tab (a terminal's run goes on past them), with a second stop later on: the run
    // ends at the first one, as a byte-by-byte reading says.
    for (const bool json : {false, true}) {
        for (int value = 0; value < 256; ++value) {
            for (std::size_t at = 0; at < 40; ++at) {
                std::string s = "ab\ncdefghijklmn\topqrstuvwxyz0123456789AB";
                s[at] = static_cast<char>(value);
                if (at + 3 < s.size()) s[at + 3] = '\x01';
                std::size_t want = 0;
                while (want < s.size()) {
                    const auto c = static_cast<unsigned char>(s[want]);
                    if (json ? c < 0x20 || c >= 0x7F || c == '"' || c == '\\'
                             : (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7F)
                        break;
                    ++want;
                }
                CAPTURE(json);
                CAPTURE(value);
                CAPTURE(at);
                CHECK(kint::text::printable_run(s, json) == want);
            }
        }
    }
    CHECK(kint::text::printable_run("") == 0);
}

namespace {

// `in` through the terminal filter in one piece and one byte per piece.
std::pair<std::string, std::string> filtered_whole_and_bytewise(std::string_view in, bool colour) {
    kint::text::TerminalFilter whole, bytes;
    whole.allow_colour(colour);
    bytes.allow_colour(colour);
    std::string a, b;
    whole.feed(in, a);
    whole.finish(a);
    for (const char c : in)
        bytes.feed(std::string_view(&c, 1), b);
    bytes.finish(b);
    return {a, b};
}

} // namespace

TEST_CASE("text: the terminal filter reads eight printable bytes at a time and misses no byte") {
    // Every byte value at every place of a run longer than two words, in one piece (read a word
    // at a time) and one byte per piece (read a byte at a time): the same output, and a control
    // byte never passes.
    const std::string printable = "The quick brown fox ~ jumps 0123456789";
    for (const bool colour : {false, true}) {
        for (int value = 0; value < 256; ++value) {
            for (std::size_t at = 0; at < 24; ++at) {
                std::string in = printable.substr(0, 24);
                in[at] = static_cast<char>(value);
                const auto [a, b] = filtered_whole_and_bytewise(in, colour);
                CAPTURE(value);
                CAPTURE(at);
                REQUIRE(a == b);
                const bool passes = (value >= 0x20 && value < 0x7F) || value == '\n' ||
                                    value == '\t' || value == '\r';
                CHECK((a == in) == passes);
            }
        }
    }
}

TEST_CASE("text: strip_lead_in drops one lead-in word kint shows itself") {
    using kint::text::strip_lead_in;
    CHECK(strip_lead_in("at the front door") == "the front door");
    CHECK(strip_lead_in("after I pour my coffee") == "I pour my coffee");
    CHECK(strip_lead_in("If I feel anger rising") == "I feel anger rising");
    CHECK(strip_lead_in("WHEN  the kettle boils") == "the kettle boils");
    // Only one word goes, only a whole word, and a lone word stays.
    CHECK(strip_lead_in("after after lunch") == "after lunch");
    CHECK(strip_lead_in("at at home") == "at home");
    CHECK(strip_lead_in("atlas on the shelf") == "atlas on the shelf");
    CHECK(strip_lead_in("iffy mornings") == "iffy mornings");
    CHECK(strip_lead_in("after") == "after");
    CHECK(strip_lead_in("at ") == "at ");
    CHECK(strip_lead_in("I pour my coffee") == "I pour my coffee");
    CHECK(strip_lead_in("") == "");
    CHECK(strip_lead_in("before bed") == "before bed");
}

TEST_CASE("text: the terminal filter passes every whole character that is no control, and only "
          "those, as sanitize does") {
    // Every lead byte from 0x80 with every second byte and a few thirds, between ASCII and a
    // heatmap's glyph: the filter's quick reading of two- and three-byte characters gives what
    // the byte-by-byte decoding of sanitize gives, whole and a byte per piece.
    for (int lead = 0x80; lead < 0x100; ++lead) {
        for (int second = 0; second < 0x100; ++second) {
            for (const int third : {0x41, 0x80, 0x96, 0xBF, 0xC0}) {
                if (second == '\r' || third == '\r') continue; // the filter lets \r pass
                std::string in = "a";
                in += static_cast<char>(lead);
                in += static_cast<char>(second);
                in += static_cast<char>(third);
                in += "\xe2\x96\xa0 z";
                const auto [a, b] = filtered_whole_and_bytewise(in, false);
                CAPTURE(lead);
                CAPTURE(second);
                CAPTURE(third);
                REQUIRE(a == kint::text::sanitize(in));
                REQUIRE(b == a);
            }
        }
    }
}

TEST_CASE("text: the terminal filter reads sixteen bytes at a time as it reads one") {
    // Every lead byte from 0x80 with every second byte, at each place of a block's end (the
    // filter reads sixteen bytes and looks two past them), among heatmap glyphs: whole (blocks)
    // and a byte per piece (one at a time) give the same, which is what sanitize gives.
    const std::string glyphs = "\xe2\x96\x88\xc2\xb7 ab\xe2\x80\x96\xce\xbb\xe4\xb8\xad";
    for (int lead = 0x80; lead < 0x100; ++lead) {
        for (int second = 0; second < 0x100; ++second) {
            for (const std::size_t at : {13u, 14u, 15u, 16u, 17u}) {
                for (const int third : {0x41, 0x96}) {
                    if (second == '\r') continue; // the filter lets \r pass, sanitize does not
                    std::string in = (glyphs + glyphs).substr(0, at);
                    in += static_cast<char>(lead);
                    in += static_cast<char>(second);
                    in += static_cast<char>(third);
                    in += glyphs;
                    const auto [a, b] = filtered_whole_and_bytewise(in, false);
                    CAPTURE(lead);
                    CAPTURE(second);
                    CAPTURE(at);
                    REQUIRE(a == b);
                    REQUIRE(a == kint::text::sanitize(in));
                }
            }
        }
    }
    // Random strings of the pieces that matter (controls, the bidi and C1 ranges, continuation
    // bytes out of place, cut sequences, four-byte characters), in colour and not.
    const std::array<std::string_view, 28> pieces{"a",
                                                  "0 ",
                                                  "\n",
                                                  "\t",
                                                  "\r",
                                                  "\x1b[31m",
                                                  "\x1b",
                                                  "\x7f",
                                                  "\x01",
                                                  "\xc2\x80",
                                                  "\xc2\x9f",
                                                  "\xc2\xa0",
                                                  "\xc2\xb7",
                                                  "\xe2\x80\xae",
                                                  "\xe2\x81\xa6",
                                                  "\xe2\x82\xac",
                                                  "\xe2\x96\x88",
                                                  "\xed\xa0\x80",
                                                  "\xe0\xa0\x80",
                                                  "\xf0\x9f\x98\x80",
                                                  "\x80",
                                                  "\xc2",
                                                  "\xe2\x96",
                                                  "\xff",
                                                  "\xe2\x80\x96",
                                                  "\xe2\x80\xaa",
                                                  "\xe2\x81\xa9",
                                                  "\xe2\x81\xa5"};
    std::uint32_t seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (int round = 0; round < 20000; ++round) {
        std::string in;
        const auto count = next() % 40;
        for (std::uint32_t k = 0; k < count; ++k)
            in += pieces[next() % pieces.size()];
        const bool colour = round % 2 == 1;
        const auto [a, b] = filtered_whole_and_bytewise(in, colour);
        CAPTURE(round);
        REQUIRE(a == b);
    }
}
