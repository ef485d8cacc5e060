#pragma once
// A small JSON reader for asserting on kint's --json output by path, not by substring. Objects
// keep their key order (the contract puts `safety` first). Throws std::runtime_error on bad input,
// a repeated key included.
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kint::e2e::jsonlite {

struct Value {
    enum class Type { null, boolean, number, string, array, object } type = Type::null;
    bool b = false;
    double n = 0;
    std::string s;
    std::vector<Value> items;
    std::vector<std::pair<std::string, Value>> members;

    bool operator==(const Value&) const = default;
    bool is_null() const { return type == Type::null; }
    // Member `key`; throws naming the key when missing so a failed test says what it looked for.
    const Value& operator[](std::string_view key) const {
        if (type != Type::object) throw std::runtime_error("json: not an object at ." + std::string(key));
        for (const auto& [k, v] : members)
            if (k == key) return v;
        throw std::runtime_error("json: no key '" + std::string(key) + "'");
    }
    const Value& operator[](std::size_t i) const {
        if (type != Type::array || i >= items.size())
            throw std::runtime_error("json: no item " + std::to_string(i));
        return items[i];
    }
    bool has(std::string_view key) const {
        if (type != Type::object) return false;
        for (const auto& [k, v] : members)
            if (k == key) return true;
        return false;
    }
    std::size_t size() const { return type == Type::array ? items.size() : members.size(); }
    std::vector<std::string> keys() const {
        std::vector<std::string> out;
        for (const auto& [k, v] : members) out.push_back(k);
        return out;
    }
    const std::string& str() const {
        if (type != Type::string) throw std::runtime_error("json: not a string");
        return s;
    }
    double num() const {
        if (type != Type::number) throw std::runtime_error("json: not a number");
        return n;
    }
    int integer() const { return static_cast<int>(num()); }
    bool boolean() const {
        if (type != Type::boolean) throw std::runtime_error("json: not a bool");
        return b;
    }
};

class Parser {
  public:
    explicit Parser(std::string_view text) : m_text(text) {}
    Value document() {
        Value v = value();
        space();
        if (m_pos != m_text.size()) error("text after the document");
        return v;
    }

  private:
    [[noreturn]] void error(std::string_view what) const {
        throw std::runtime_error("json: " + std::string(what) + " at byte " + std::to_string(m_pos));
    }
    void space() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                         m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool eat(char c) {
        space();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!eat(c)) error(std::string("expected '") + c + "'");
    }
    bool word(std::string_view w) {
        if (m_text.substr(m_pos, w.size()) != w) return false;
        m_pos += w.size();
        return true;
    }
    static void utf8(std::string& out, unsigned cp) {
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
    unsigned hex4() {
        if (m_pos + 4 > m_text.size()) error("short \\u escape");
        const std::string digits(m_text.substr(m_pos, 4));
        m_pos += 4;
        return static_cast<unsigned>(std::strtoul(digits.c_str(), nullptr, 16));
    }
    std::string string() {
        expect('"');
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) error("unterminated string");
            const char c = m_text[m_pos++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) error("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size()) error("bad escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && word("\\u")) cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
                utf8(out, cp);
                break;
            }
            default: error("bad escape");
            }
        }
    }
    Value value() {
        space();
        if (m_pos >= m_text.size()) error("unexpected end");
        Value v;
        const char c = m_text[m_pos];
        if (c == '{') {
            v.type = Value::Type::object;
            ++m_pos;
            if (eat('}')) return v;
            do {
                space();
                std::string key = string();
                // kint's documents never repeat a key: parsers disagree on which one wins.
                if (v.has(key)) error("duplicate key '" + key + "'");
                expect(':');
                v.members.emplace_back(std::move(key), value());
            } while (eat(','));
            expect('}');
        } else if (c == '[') {
            v.type = Value::Type::array;
            ++m_pos;
            if (eat(']')) return v;
            do
                v.items.push_back(value());
            while (eat(','));
            expect(']');
        } else if (c == '"') {
            v.type = Value::Type::string;
            v.s = string();
        } else if (word("true")) {
            v.type = Value::Type::boolean;
            v.b = true;
        } else if (word("false")) {
            v.type = Value::Type::boolean;
        } else if (word("null")) {
        } else {
            const std::string rest(m_text.substr(m_pos, 64));
            char* end = nullptr;
            v.type = Value::Type::number;
            v.n = std::strtod(rest.c_str(), &end);
            if (end == rest.c_str()) error("unexpected character");
            m_pos += static_cast<std::size_t>(end - rest.c_str());
        }
        return v;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

inline Value parse(std::string_view text) { return Parser(text).document(); }

} // namespace kint::e2e::jsonlite
