// Strict UTF-8 and control-character checks shared by typed text, JSON output and import.
#include "kint/core/text.hpp"

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
