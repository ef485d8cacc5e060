#pragma once
// A small ordered JSON value for kint's output documents.
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kint::json {

class Value;
using Array = std::vector<Value>;
// Keys keep insertion order, so documents read in the order the SPEC lists them.
using Object = std::vector<std::pair<std::string, Value>>;

class Value {
  public:
    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(bool b) : m_v(b) {}
    Value(int i) : m_v(static_cast<std::int64_t>(i)) {}
    Value(std::int64_t i) : m_v(i) {}
    Value(double d) : m_v(d) {}
    Value(const char* s) : m_v(std::string(s)) {}
    Value(std::string s) : m_v(std::move(s)) {}
    Value(std::string_view s) : m_v(std::string(s)) {}
    Value(Array a) : m_v(std::move(a)) {}
    Value(Object o) : m_v(std::move(o)) {}
    template <typename T>
    Value(const std::optional<T>& o) {
        if (o) *this = Value(*o);
    }

    // Adds a key to an object value. On a temporary (json::object().set(...).set(...)) the chain
    // stays a temporary, so the finished value is moved where it goes, never copied.
    Value& set(std::string key, Value value) &;
    Value&& set(std::string key, Value value) && {
        return std::move(set(std::move(key), std::move(value)));
    }
    // Appends to an array value.
    Value& push(Value value) &;
    Value&& push(Value value) && { return std::move(push(std::move(value))); }

    std::string dump(int indent = 2) const;

    // Reading (for `kint import`): typed access that throws json::ParseError naming `what`.
    bool is_null() const { return std::holds_alternative<std::nullptr_t>(m_v); }
    bool is_object() const { return std::holds_alternative<Object>(m_v); }
    const Object& as_object(std::string_view what) const;
    const Array& as_array(std::string_view what) const;
    const std::string& as_string(std::string_view what) const;
    std::int64_t as_int(std::string_view what) const;
    // A whole number or a decimal one.
    double as_number(std::string_view what) const;
    bool as_bool(std::string_view what) const;
    // The member `key` of an object, or nullptr.
    const Value* find(std::string_view key) const;

  private:
    friend class Writer;
    void write(std::string& out, int indent, int depth) const;
    std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> m_v;
};

// Writes one document piece by piece, laid out byte for byte as dump() lays out the same value
// whole: for a document too large to hold as one Value (a ten-year trail). Objects and arrays are
// opened and closed; every other member is a whole Value. `out` may be written away and emptied
// between any two calls.
class Writer {
  public:
    explicit Writer(std::string& out, int indent = 2) : m_out(out), m_indent(indent) {}
    void open_object();
    void open_array();
    // The next member's key, inside an object.
    void key(std::string_view key);
    void value(const Value& v);
    // Scalars written in place, byte for byte as their Value would be (no Value is built: a
    // review's document has a thousand of them).
    void value(std::string_view s);
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(const char* s) { value(std::string_view(s)); }
    void value(std::int64_t i);
    void value(int i) { value(static_cast<std::int64_t>(i)); }
    void value(double d);
    void value(bool b);
    void value(std::nullptr_t);
    template <typename T>
    void value(const std::optional<T>& o) {
        if (o)
            value(*o);
        else
            value(nullptr);
    }
    // key(k) then value(v).
    template <typename T>
    void member(std::string_view k, const T& v) {
        key(k);
        value(v);
    }
    void close();

  private:
    // A member of the innermost container begins: its bracket or a comma, then its line.
    void next_member();
    struct Level {
        bool object = false;
        int members = 0;
    };
    std::string& m_out;
    int m_indent;
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

// A malformed document or a value of the wrong type; the message says where.
struct ParseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Strict RFC 8259 parsing (UTF-8, no comments, no trailing commas, depth limited).
Value parse(std::string_view text);

inline Value object() {
    return Value(Object{});
}
inline Value array() {
    return Value(Array{});
}

} // namespace kint::json
