#include "kint/render/json.hpp"
#include "kint/core/text.hpp"

#include <cmath>
#include <fmt/format.h>
#include <iterator>

namespace kint::json {

Value& Value::set(std::string key, Value value) & {
    std::get<Object>(m_v).emplace_back(std::move(key), std::move(value));
    return *this;
}

Value& Value::push(Value value) & {
    std::get<Array>(m_v).push_back(std::move(value));
    return *this;
}

namespace {

// Below this, v * 1000 stays under 2^53 with room to spare, so rounding to three decimals gives the
// same text again once it is read back.
constexpr double round_below = 1e12;

// Escapes per RFC 8259; bytes that are not valid UTF-8 become U+FFFD so output is always valid.
void write_string(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        // A run of printable ASCII that needs no escape goes in whole.
        const std::size_t plain = i + text::printable_run(s.substr(i), true);
        if (plain > i) {
            out.append(s.data() + i, plain - i);
            i = plain;
            if (i == s.size()) break;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c < 0x20 || c == 0x7F) {
            switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += fmt::format("\\u{:04x}", c);
            }
            ++i;
        } else {
            const auto len = text::utf8_length_at(s, i);
            // C1 controls and bidi overrides, escaped like C0: a terminal showing the JSON
            // meets none of them (text::is_control).
            const char32_t code = len > 0 ? text::code_point_at(s, i, len) : 0;
            if (len > 0 && text::is_control(code, true) && code >= 0x80) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
                i += len;
            } else if (len > 0) {
                out.append(s.substr(i, len));
                i += len;
            } else {
                out += "\xEF\xBF\xBD";
                ++i;
            }
        }
    }
    out += '"';
}

void write_int(std::string& out, std::int64_t v) {
    const fmt::format_int digits(v);
    out.append(digits.data(), digits.size());
}

void write_double(std::string& out, double v) {
    // Three decimals are plenty below a trillion. Above it the value keeps itself: rounding there
    // is not idempotent (4406638723755.271 read back rounds to .273 on the next dump) and
    // v * 1000 may overflow to inf, which is not JSON. + 0.0 turns -0 into 0 so it reads back the
    // same.
    if (!std::isfinite(v))
        out += "null";
    else if (std::fabs(v) < round_below)
        fmt::format_to(std::back_inserter(out), "{}", std::round(v * 1000.0) / 1000.0 + 0.0);
    else
        fmt::format_to(std::back_inserter(out), "{}", v + 0.0);
}

void newline(std::string& out, int indent, int depth) {
    if (indent <= 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * depth), ' ');
}

} // namespace

void Value::write(std::string& out, int indent, int depth) const {
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
                out += "null";
            } else if constexpr (std::is_same_v<T, bool>) {
                out += v ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                write_int(out, v);
            } else if constexpr (std::is_same_v<T, double>) {
                write_double(out, v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                write_string(out, v);
            } else if constexpr (std::is_same_v<T, Array>) {
                if (v.empty()) {
                    out += "[]";
                    return;
                }
                out += '[';
                for (std::size_t i = 0; i < v.size(); ++i) {
                    if (i) out += ',';
                    newline(out, indent, depth + 1);
                    v[i].write(out, indent, depth + 1);
                }
                newline(out, indent, depth);
                out += ']';
            } else {
                if (v.empty()) {
                    out += "{}";
                    return;
                }
                out += '{';
                for (std::size_t i = 0; i < v.size(); ++i) {
                    if (i) out += ',';
                    newline(out, indent, depth + 1);
                    write_string(out, v[i].first);
                    out += indent > 0 ? ": " : ":";
                    v[i].second.write(out, indent, depth + 1);
                }
                newline(out, indent, depth);
                out += '}';
            }
        },
        m_v);
}

void Writer::next_member() {
    if (m_after_key || m_levels.empty()) {
        m_after_key = false;
        return;
    }
    auto& level = m_levels.back();
    m_out += level.members++ == 0 ? (level.object ? '{' : '[') : ',';
    newline(m_out, m_indent, static_cast<int>(m_levels.size()));
}

void Writer::open_object() {
    next_member();
    m_levels.push_back({true, 0});
}

void Writer::open_array() {
    next_member();
    m_levels.push_back({false, 0});
}

void Writer::key(std::string_view key) {
    next_member();
    write_string(m_out, key);
    m_out += m_indent > 0 ? ": " : ":";
    m_after_key = true;
}

void Writer::value(const Value& v) {
    next_member();
    v.write(m_out, m_indent, static_cast<int>(m_levels.size()));
}

void Writer::value(std::string_view s) {
    next_member();
    write_string(m_out, s);
}

void Writer::value(std::int64_t i) {
    next_member();
    write_int(m_out, i);
}

void Writer::value(double d) {
    next_member();
    write_double(m_out, d);
}

void Writer::value(bool b) {
    next_member();
    m_out += b ? "true" : "false";
}

void Writer::value(std::nullptr_t) {
    next_member();
    m_out += "null";
}

void Writer::close() {
    const Level level = m_levels.back();
    m_levels.pop_back();
    if (level.members == 0) {
        m_out += level.object ? "{}" : "[]";
        return;
    }
    newline(m_out, m_indent, static_cast<int>(m_levels.size()));
    m_out += level.object ? '}' : ']';
}

std::string Value::dump(int indent) const {
    std::string out;
    write(out, indent, 0);
    return out;
}

} // namespace kint::json
