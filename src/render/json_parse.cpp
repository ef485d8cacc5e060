// The JSON reader behind `kint import`: nlohmann/json's strict SAX parser, kint's Value, and
// kint's words (with the line and column) for what it refuses.
#include "kint/core/text.hpp"
#include "kint/render/json.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kint::json {

const Object& Value::as_object(std::string_view what) const {
    if (auto* o = std::get_if<Object>(&m_v)) return *o;
    throw ParseError(fmt::format("{} should be an object", what));
}
const Array& Value::as_array(std::string_view what) const {
    if (auto* a = std::get_if<Array>(&m_v)) return *a;
    throw ParseError(fmt::format("{} should be a list", what));
}
const std::string& Value::as_string(std::string_view what) const {
    if (auto* s = std::get_if<std::string>(&m_v)) return *s;
    throw ParseError(fmt::format("{} should be a string", what));
}
std::int64_t Value::as_int(std::string_view what) const {
    if (auto* i = std::get_if<std::int64_t>(&m_v)) return *i;
    throw ParseError(fmt::format("{} should be a whole number", what));
}
double Value::as_number(std::string_view what) const {
    if (auto* i = std::get_if<std::int64_t>(&m_v)) return static_cast<double>(*i);
    if (auto* d = std::get_if<double>(&m_v)) return *d;
    throw ParseError(fmt::format("{} should be a number", what));
}
bool Value::as_bool(std::string_view what) const {
    if (auto* b = std::get_if<bool>(&m_v)) return *b;
    throw ParseError(fmt::format("{} should be true or false", what));
}
const Value* Value::find(std::string_view key) const {
    if (auto* o = std::get_if<Object>(&m_v))
        for (const auto& [k, v] : *o)
            if (k == key) return &v;
    return nullptr;
}

namespace {

// Builds kint's Value from nlohmann's SAX events: no DOM in between, and the rules nlohmann leaves
// to its caller are kept here (a key given twice in one object, nesting depth, numbers past
// double's range). nlohmann's lexer keeps RFC 8259 strictly: UTF-8, numbers, escapes, surrogates.
class Builder : public nlohmann::json_sax<nlohmann::json> {
  public:
    explicit Builder(std::string_view text) : m_text(text) {}

    Value take() { return std::move(m_root); }

    bool null() override { return add(Value()); }
    bool boolean(bool b) override { return add(Value(b)); }
    bool number_integer(number_integer_t i) override {
        return add(Value(static_cast<std::int64_t>(i)));
    }
    // A whole number past int64 reads as a double.
    bool number_unsigned(number_unsigned_t u) override {
        if (u <= static_cast<number_unsigned_t>(INT64_MAX))
            return add(Value(static_cast<std::int64_t>(u)));
        return add(Value(static_cast<double>(u)));
    }
    bool number_float(number_float_t d, const string_t&) override {
        if (!std::isfinite(d)) throw ParseError("a number is out of range");
        return add(Value(d));
    }
    bool string(string_t& s) override { return add(Value(std::move(s))); }
    bool binary(binary_t&) override { return false; } // not in JSON text
    bool start_object(std::size_t) override {
        deeper();
        m_stack.push_back({Value(Object{}), {}, {}});
        return true;
    }
    bool key(string_t& k) override {
        auto& keys = m_stack.back().keys;
        if (std::find(keys.begin(), keys.end(), k) != keys.end())
            throw ParseError(k.size() <= 60 && text::valid_utf8(k)
                                 ? fmt::format("the key \"{}\" is given twice in one object", k)
                                 : std::string("a key is given twice in one object"));
        keys.push_back(k);
        m_stack.back().key = std::move(k);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override {
        deeper();
        m_stack.push_back({Value(Array{}), {}, {}});
        return true;
    }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        fail(position, e.what());
    }

  private:
    static constexpr std::size_t max_depth = 64;
    struct Open {
        Value value;
        std::string key;               // the key the next member is for (objects)
        std::vector<std::string> keys; // the keys seen so far (objects)
    };

    void deeper() const {
        if (m_stack.size() > max_depth)
            throw ParseError("the document is nested too deeply (more than 65 levels)");
    }
    bool add(Value v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
        } else if (auto& top = m_stack.back(); top.value.is_object()) {
            top.value.set(std::move(top.key), std::move(v));
        } else {
            top.value.push(std::move(v));
        }
        return true;
    }
    bool close() {
        Value done = std::move(m_stack.back().value);
        m_stack.pop_back();
        return add(std::move(done));
    }

    // nlohmann's wording stays inside: kint says where (line and column) and what, in its words.
    [[noreturn]] void fail(std::size_t position, std::string_view what) const {
        std::string_view problem = "unexpected character";
        const auto has = [&](std::string_view s) { return what.find(s) != std::string_view::npos; };
        // nlohmann counts the character it stopped at; an unknown word is shown from its start.
        std::size_t at = position > 0 ? position - 1 : 0;
        if (has("overflow"))
            problem = "number out of range";
        else if (has("UTF-8"))
            problem = "text that is not valid UTF-8";
        else if (has("control character"))
            problem = "control character inside a string";
        else if (has("surrogate"))
            problem = "unpaired surrogate";
        else if (has("missing closing quote"))
            problem = "unterminated string";
        else if (has("invalid string"))
            problem = "unknown escape";
        else if (has("invalid number"))
            problem = "malformed number";
        else if (has("unexpected end of input"))
            problem = "unexpected end of the document";
        else if (has("expected end of input"))
            problem = "unexpected text after the document";
        else if (has("object separator"))
            problem = "expected ':' after a key";
        else if (has("object key"))
            problem = "expected a key in quotes";
        else if (has("parsing array"))
            problem = "expected ',' or ']'";
        else if (has("parsing object"))
            problem = "expected ',' or '}'";
        else if (has("invalid literal") && !m_text.empty()) {
            at = std::min(at, m_text.size() - 1); // back to the start of the unknown word
            while (at > 0 && std::isalpha(static_cast<unsigned char>(m_text[at - 1])))
                --at;
        }
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < at && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        std::string where = fmt::format("line {}, column {}: {}", line, column, problem);
        if (problem == "unexpected character" && at < m_text.size() && m_text[at] > ' ' &&
            m_text[at] < 0x7f)
            where += fmt::format(" '{}'", m_text[at]);
        throw ParseError(where);
    }

    std::string_view m_text;
    Value m_root;
    std::vector<Open> m_stack;
};

} // namespace

Value parse(std::string_view text) {
    Builder builder(text);
    nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                              nlohmann::json::input_format_t::json,
                              /*strict=*/true, /*ignore_comments=*/false);
    return builder.take();
}

} // namespace kint::json
