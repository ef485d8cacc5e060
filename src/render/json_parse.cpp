// The JSON reader behind `kint import`: strict, bounded, with positions in its messages.
#include "kint/core/text.hpp"
#include "kint/render/json.hpp"

#include <charconv>
#include <fmt/format.h>
#include <set>

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

class Parser {
  public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Value document() {
        Value v = value(0);
        skip_space();
        if (m_pos != m_text.size()) fail("unexpected text after the document");
        return v;
    }

  private:
    static constexpr int max_depth = 64;

    [[noreturn]] void fail(std::string_view what) const {
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw ParseError(fmt::format("line {}, column {}: {}", line, column, what));
    }

    void skip_space() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                         m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    bool consume(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    Value value(int depth) {
        if (depth > max_depth) fail("nested too deeply");
        skip_space();
        if (m_pos >= m_text.size()) fail("unexpected end of the document");
        const char c = m_text[m_pos];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') return Value(string());
        if (consume("true")) return Value(true);
        if (consume("false")) return Value(false);
        if (consume("null")) return Value();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        fail(fmt::format("unexpected character '{}'", c));
    }

    Value object(int depth) {
        ++m_pos; // {
        Object out;
        std::set<std::string> keys;
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return Value(std::move(out));
        }
        while (true) {
            skip_space();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') fail("expected a key in quotes");
            const std::size_t key_at = m_pos;
            std::string key = string();
            // Two values for one key: which one counts would be a guess, so neither does.
            if (!keys.insert(key).second) {
                m_pos = key_at;
                fail(fmt::format("the key \"{}\" appears twice in one object",
                                 text::sanitize_line(key)));
            }
            skip_space();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') fail("expected ':' after a key");
            ++m_pos;
            out.emplace_back(std::move(key), value(depth + 1));
            skip_space();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return Value(std::move(out));
            }
            fail("expected ',' or '}'");
        }
    }

    Value array(int depth) {
        ++m_pos; // [
        Array out;
        skip_space();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return Value(std::move(out));
        }
        while (true) {
            out.push_back(value(depth + 1));
            skip_space();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return Value(std::move(out));
            }
            fail("expected ',' or ']'");
        }
    }

    // RFC 8259's grammar exactly: -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?, so "01",
    // "1.", ".5" and "+1" are refused rather than read as something the file did not say.
    Value number() {
        const std::size_t start = m_pos;
        const auto digit = [&] {
            return m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9';
        };
        const auto digits = [&] {
            if (!digit()) fail("malformed number");
            while (digit())
                ++m_pos;
        };
        if (m_text[m_pos] == '-') ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '0') {
            ++m_pos;
            if (digit()) fail("malformed number (no leading zeros)");
        } else {
            digits();
        }
        bool whole = true;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            digits();
            whole = false;
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            digits();
            whole = false;
        }
        const std::string_view text = m_text.substr(start, m_pos - start);
        if (whole) {
            std::int64_t v = 0;
            if (std::from_chars(text.data(), text.data() + text.size(), v).ec == std::errc{})
                return Value(v);
        }
        // A whole number past int64 reads as a double; one past double's range is refused.
        double d = 0;
        if (std::from_chars(text.data(), text.data() + text.size(), d).ec != std::errc{}) {
            m_pos = start;
            fail("number out of range");
        }
        return Value(d);
    }

    unsigned hex4() {
        if (m_pos + 4 > m_text.size()) fail("short \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                fail("bad \\u escape");
        }
        return v;
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string string() {
        ++m_pos; // "
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) fail("unterminated string");
            const auto c = static_cast<unsigned char>(m_text[m_pos++]);
            if (c == '"') return out;
            if (c < 0x20) fail("control character inside a string");
            if (c >= 0x80) {
                const auto len = text::utf8_length_at(m_text, m_pos - 1);
                if (len == 0) fail("text that is not valid UTF-8");
                out.append(m_text.substr(m_pos - 1, len));
                m_pos += len - 1;
                continue;
            }
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            if (m_pos >= m_text.size()) fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (!consume("\\u")) fail("unpaired surrogate");
                    const unsigned low = hex4();
                    if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail("unpaired surrogate");
                }
                append_utf8(out, cp);
                break;
            }
            default:
                fail("unknown escape");
            }
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

Value parse(std::string_view text) {
    return Parser(text).document();
}

} // namespace kint::json
