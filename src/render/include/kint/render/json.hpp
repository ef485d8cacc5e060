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

    // Adds a key to an object value.
    Value& set(std::string key, Value value);
    // Appends to an array value.
    Value& push(Value value);

    std::string dump(int indent = 2) const;
    // Appends this value as dump() writes it when it stands `depth` levels deep in a larger
    // document: a document written piece by piece (kint trail) is byte for byte the same.
    void dump_to(std::string& out, int depth, int indent = 2) const { write(out, indent, depth); }

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
    void write(std::string& out, int indent, int depth) const;
    std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> m_v;
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
