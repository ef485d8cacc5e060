// kint's JSON writer and the strict reader behind `kint import`: what one writes the other reads
// back to the same text, and a bad document is refused with its position.
#include "kint/render/json.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <string>

using namespace kint;

namespace {

std::string number(double v) {
    return json::Value(v).dump(0);
}

// dump -> parse -> dump gives the same text.
void check_round_trip(const std::string& text) {
    const std::string once = json::parse(text).dump(0);
    CHECK(json::parse(once).dump(0) == once);
}

std::string parse_error(std::string_view text) {
    try {
        json::parse(text);
    } catch (const json::ParseError& e) {
        return e.what();
    }
    return "(parsed)";
}

} // namespace

TEST_CASE("json: numbers keep three decimals below a trillion") {
    CHECK(number(7.0) == "7");
    CHECK(number(6.6666666) == "6.667");
    CHECK(number(-2.0005) == "-2.001");
    CHECK(number(0.0004) == "0");
    CHECK(number(-0.0) == "0");
    CHECK(number(-0.0001) == "0");
    CHECK(number(999999999999.9996) == "1000000000000");
}

TEST_CASE("json: numbers above a trillion keep themselves, and read back to the same text") {
    // CI's fuzz_json found this: rounding at this size moved .271 to .272, then to .273.
    CHECK(number(4406638723755.271) == "4406638723755.271");
    check_round_trip("[4406638723755.271,-4491769781373.316,4438190387245.57]");
    CHECK(number(1e20) == "1e+20");
    CHECK(number(1.7976931348623157e308) == "1.7976931348623157e+308");
    check_round_trip("[-1e308,1.7976931348623157e308,-0.0,1e-300,123456789012345678]");
}

TEST_CASE("json: what is not a number is written as null") {
    CHECK(number(std::numeric_limits<double>::infinity()) == "null");
    CHECK(number(-std::numeric_limits<double>::infinity()) == "null");
    CHECK(number(std::nan("")) == "null");
}

TEST_CASE("json: whole numbers stay whole, fractions and exponents are doubles") {
    CHECK(json::parse("42").as_int("n") == 42);
    CHECK(json::parse("-9223372036854775808").as_int("n") ==
          std::numeric_limits<std::int64_t>::min());
    // One past int64 reads as a double rather than wrapping.
    CHECK(json::parse("9223372036854775808").dump(0) == "9.223372036854776e+18");
    CHECK(json::parse("-0").dump(0) == "0");
    CHECK(json::parse("[0.5,-1.25e2,2E-1,1e+2]").dump(0) == "[0.5,-125,0.2,100]");
    CHECK_THROWS_AS(json::parse("4.0").as_int("the day's count"), json::ParseError);
}

TEST_CASE("json: numbers follow RFC 8259's grammar exactly") {
    CHECK(parse_error("01") == "line 1, column 2: unexpected text after the document");
    CHECK(parse_error("[-012]") == "line 1, column 5: expected ',' or ']'");
    CHECK(parse_error("1.") == "line 1, column 3: malformed number");
    CHECK(parse_error("1.e5") == "line 1, column 3: malformed number");
    CHECK(parse_error("-") == "line 1, column 2: malformed number");
    CHECK(parse_error("1e") == "line 1, column 3: malformed number");
    CHECK(parse_error("1e+") == "line 1, column 4: malformed number");
    CHECK(parse_error(".5") == "line 1, column 1: unexpected character '.'");
    CHECK(parse_error("+1") == "line 1, column 1: unexpected character '+'");
    CHECK(parse_error("1-2") == "line 1, column 3: unexpected text after the document");
    CHECK(parse_error("[1e999]") == "line 1, column 6: number out of range");
}

TEST_CASE("json: strings are escaped, and bytes that are not UTF-8 become U+FFFD") {
    CHECK(json::Value("say \"hi\"\\\n\t\r\x01\x7f").dump(0) ==
          R"("say \"hi\"\\\n\t\r\u0001\u007f")");
    CHECK(json::Value("caf\xC3\xA9 \xF0\x9F\x8C\xB1").dump(0) ==
          "\"caf\xC3\xA9 \xF0\x9F\x8C\xB1\"");
    CHECK(json::Value("a\xFF"
                      "b\xC3")
              .dump(0) == "\"a\xEF\xBF\xBD"
                          "b\xEF\xBF\xBD\"");
    CHECK(json::parse(R"("\u00e9\ud83c\udf31\/\b\f")").as_string("s") ==
          "\xC3\xA9\xF0\x9F\x8C\xB1/\b\f");
    check_round_trip(R"({"k":"\u0000 \ud83c\udf31 \" \\"})");
}

TEST_CASE("json: documents keep their key order and indent on request") {
    auto doc = json::object();
    doc.set("b", 1).set("a", json::array().push("x").push(json::Value()));
    CHECK(doc.dump(0) == R"({"b":1,"a":["x",null]})");
    CHECK(doc.dump(2) == "{\n  \"b\": 1,\n  \"a\": [\n    \"x\",\n    null\n  ]\n}");
    CHECK(json::object().dump(2) == "{}");
    CHECK(json::array().dump(2) == "[]");
}

TEST_CASE("json: a document written piece by piece is byte for byte its dump") {
    // {"cues": [{"id": 1, "days": [{"day": "a"}, {"day": "b"}], "none": [], "empty": {}}, {}],
    //  "sessions": [], "mood": null}
    auto day = [](const char* d) { return json::object().set("day", d); };
    const auto whole =
        json::object()
            .set("cues", json::array()
                             .push(json::object()
                                       .set("id", 1)
                                       .set("days", json::array().push(day("a")).push(day("b")))
                                       .set("none", json::array())
                                       .set("empty", json::object()))
                             .push(json::object()))
            .set("sessions", json::array())
            .set("mood", json::Value());
    for (const int indent : {0, 2}) {
        CAPTURE(indent);
        std::string text, written;
        json::Writer w(text, indent);
        // Written away and emptied at every step, as a trail's pieces are.
        const auto away = [&] {
            written += text;
            text.clear();
        };
        w.open_object();
        w.key("cues");
        w.open_array();
        w.open_object();
        away();
        w.key("id");
        w.value(1);
        w.key("days");
        w.open_array();
        w.value(day("a"));
        away();
        w.value(day("b"));
        w.close();
        w.key("none");
        w.open_array();
        w.close();
        w.key("empty");
        w.value(json::object());
        w.close();
        away();
        w.open_object();
        w.close();
        w.close();
        w.key("sessions");
        w.value(json::array());
        w.key("mood");
        w.value(json::Value());
        w.close();
        away();
        CHECK(written == whole.dump(indent));
    }
}

TEST_CASE("json: a scalar the writer writes in place is byte for byte its Value") {
    // Every kind of scalar a document holds, through Writer::value's own overloads and through
    // a Value: the same bytes, in a compact and an indented document.
    const std::string text_with_escapes = "say \"hi\"\\ \n\t\x01 caf\xc3\xa9 \xc2\x9b \xff";
    const std::optional<double> some = 2.5, none;
    const std::optional<std::string> named = std::string("n"), unnamed;
    const auto whole = json::array()
                           .push(std::string_view("plain"))
                           .push(text_with_escapes)
                           .push("")
                           .push(0)
                           .push(-7)
                           .push(std::numeric_limits<std::int64_t>::min())
                           .push(std::numeric_limits<std::int64_t>::max())
                           .push(0.1 + 0.2)
                           .push(-0.0)
                           .push(1e13 + 0.271)
                           .push(std::numeric_limits<double>::infinity())
                           .push(std::nan(""))
                           .push(true)
                           .push(false)
                           .push(json::Value())
                           .push(some)
                           .push(none)
                           .push(named)
                           .push(unnamed);
    for (const int indent : {0, 2}) {
        CAPTURE(indent);
        std::string text;
        json::Writer w(text, indent);
        w.open_array();
        w.value(std::string_view("plain"));
        w.value(text_with_escapes);
        w.value("");
        w.value(0);
        w.value(-7);
        w.value(std::numeric_limits<std::int64_t>::min());
        w.value(std::numeric_limits<std::int64_t>::max());
        w.value(0.1 + 0.2);
        w.value(-0.0);
        w.value(1e13 + 0.271);
        w.value(std::numeric_limits<double>::infinity());
        w.value(std::nan(""));
        w.value(true);
        w.value(false);
        w.value(nullptr);
        w.value(some);
        w.value(none);
        w.value(named);
        w.value(unnamed);
        w.close();
        CHECK(text == whole.dump(indent));
    }
    std::string text;
    json::Writer w(text, 0);
    w.open_object();
    w.member("a", 1);
    w.member("b", std::optional<int>());
    w.close();
    CHECK(text == R"({"a":1,"b":null})");
}

TEST_CASE("json: a malformed document is refused with its line and column") {
    CHECK(parse_error("") == "line 1, column 1: unexpected end of the document");
    CHECK(parse_error("{\"a\":1,}") == "line 1, column 8: expected a key in quotes");
    CHECK(parse_error("[1 2]") == "line 1, column 4: expected ',' or ']'");
    CHECK(parse_error("{\n  \"a\" 1}") == "line 2, column 7: expected ':' after a key");
    CHECK(parse_error("\"\\x\"") == "line 1, column 3: unknown escape");
    CHECK(parse_error("\"\\ud83c\"") == "line 1, column 8: unpaired surrogate");
    CHECK(parse_error("\"\\udc00\"") == "line 1, column 7: unpaired surrogate");
    CHECK(parse_error("\"a\nb\"") == "line 1, column 3: control character inside a string");
    CHECK(parse_error("\"\xC3(\"") == "line 1, column 3: text that is not valid UTF-8");
    CHECK(parse_error("[1] x") == "line 1, column 5: unexpected text after the document");
    CHECK(parse_error("nul") == "line 1, column 1: unexpected character 'n'");
    CHECK(json::parse(std::string(65, '[') + std::string(65, ']')).dump(0).size() == 130);
    CHECK(parse_error(std::string(66, '[') + std::string(66, ']')) ==
          "the document is nested too deeply (more than 65 levels)");
}

TEST_CASE("json: a key given twice in one object is refused, not silently one of them") {
    CHECK(parse_error(R"({"day":"2026-01-01","day":"2026-01-02"})") ==
          "the key \"day\" is given twice in one object");
    CHECK(parse_error(R"([{"a":1},{"b":{"a":1,"a":2}}])") ==
          "the key \"a\" is given twice in one object");
    // The same key in two objects is fine.
    CHECK(json::parse(R"([{"a":1},{"a":2}])").dump(0) == R"([{"a":1},{"a":2}])");
}

TEST_CASE("json: typed access names what was expected") {
    const auto doc = json::parse(R"({"n":1,"s":"x","b":true,"l":[],"o":{}})");
    CHECK(doc.find("n")->as_int("n") == 1);
    CHECK(doc.find("s")->as_string("s") == "x");
    CHECK(doc.find("b")->as_bool("b"));
    CHECK(doc.find("l")->as_array("l").empty());
    CHECK(doc.find("o")->as_object("o").empty());
    CHECK(doc.find("missing") == nullptr);
    CHECK(json::parse("null").is_null());
    try {
        doc.find("s")->as_int("a log's day count");
        FAIL("as_int took a string");
    } catch (const json::ParseError& e) {
        CHECK(std::string(e.what()) == "a log's day count should be a whole number");
    }
    CHECK_THROWS_WITH_AS(doc.find("n")->as_string("a cue's name"),
                         "a cue's name should be a string", json::ParseError);
    CHECK_THROWS_WITH_AS(doc.find("n")->as_bool("paused"), "paused should be true or false",
                         json::ParseError);
    CHECK_THROWS_WITH_AS(doc.find("n")->as_array("logs"), "logs should be a list",
                         json::ParseError);
    CHECK_THROWS_WITH_AS(doc.find("n")->as_object("the file"), "the file should be an object",
                         json::ParseError);
}

TEST_CASE("json: C1 controls and bidi overrides are escaped, like C0") {
    CHECK(json::Value("a\xc2\x9b"
                      "b\xe2\x80\xae"
                      "c\xe2\x81\xa9")
              .dump() == "\"a\\u009bb\\u202ec\\u2069\"");
    CHECK(json::Value("caf\xc3\xa9 \xe2\x80\x94").dump() == "\"caf\xc3\xa9 \xe2\x80\x94\"");
}

TEST_CASE("json: whole numbers at both ends, and escapes between runs of plain text") {
    CHECK(json::Value(std::numeric_limits<std::int64_t>::min()).dump() == "-9223372036854775808");
    CHECK(json::Value(std::numeric_limits<std::int64_t>::max()).dump() == "9223372036854775807");
    CHECK(json::Value(0).dump() == "0");
    CHECK(json::Value(-7).dump() == "-7");
    // Every byte below 0x80 alone and between plain letters: the same escape either way.
    for (int c = 0; c < 0x80; ++c) {
        const std::string alone = json::Value(std::string(1, static_cast<char>(c))).dump();
        const std::string inner = alone.substr(1, alone.size() - 2);
        const std::string between =
            json::Value("ab" + std::string(1, static_cast<char>(c)) + "cd").dump();
        CHECK(between == "\"ab" + inner + "cd\"");
        const bool plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        CHECK((inner == std::string(1, static_cast<char>(c))) == plain);
    }
}
