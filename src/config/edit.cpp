#include "kint/config/edit.hpp"

#include "kint/config/config.hpp"
#include "kint/core/error.hpp"

#include <fmt/format.h>

namespace kint::config {

namespace {

std::string_view trim(std::string_view s) {
    const auto from = s.find_first_not_of(" \t\r\n");
    if (from == std::string_view::npos) return {};
    return s.substr(from, s.find_last_not_of(" \t\r\n") - from + 1);
}

// A TOML basic string: quotes and backslashes escaped, control characters as \uXXXX.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\')
            out += '\\', out += ch;
        else if (c < 0x20 || c == 0x7f)
            out += fmt::format("\\u{:04X}", c);
        else
            out += ch;
    }
    return out + "\"";
}

// Whether `line` opens a table or an array of tables; `name` gets its name.
bool table_header(std::string_view line, std::string_view& name) {
    line = trim(line);
    if (!line.starts_with('[')) return false;
    const auto close = line.find(']');
    if (close == std::string_view::npos) return false;
    const bool array = line.starts_with("[[");
    name = trim(line.substr(array ? 2 : 1, close - (array ? 2 : 1)));
    return true;
}

// Whether `line` sets the key `key` (bare or quoted), e.g. `contact = "..."`.
bool sets_key(std::string_view line, std::string_view key) {
    line = trim(line);
    for (const std::string quote : {"", "\"", "'"}) {
        const std::string k = quote + std::string(key) + quote;
        if (line.starts_with(k) && trim(line.substr(k.size())).starts_with('=')) return true;
    }
    return false;
}

} // namespace

std::string with_safety_contact(std::string_view text, std::string_view contact) {
    const std::string line = "contact = " + quoted(contact);
    std::string out;
    bool in_safety = false, done = false;
    // After the safety table's header or last key line (comments after it belong to what follows).
    std::size_t section_end = std::string::npos;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto nl = text.find('\n', at);
        const auto end = nl == std::string_view::npos ? text.size() : nl + 1;
        const std::string_view raw = text.substr(at, end - at);
        at = end;
        std::string_view name;
        if (table_header(raw, name)) in_safety = !done && name == "safety";
        if (in_safety && !done && sets_key(raw, "contact")) {
            out += line + (raw.ends_with('\n') ? "\n" : "");
            done = true;
            in_safety = false;
            continue;
        }
        out += raw;
        if (in_safety && !trim(raw).empty() && !trim(raw).starts_with('#')) {
            if (!out.ends_with('\n')) out += '\n';
            section_end = out.size();
        }
    }
    if (!done && section_end != std::string::npos)
        out.insert(section_end, line + "\n");
    else if (!done) {
        if (!out.empty() && !out.ends_with('\n')) out += '\n';
        out += (out.empty() ? "" : "\n") + std::string("[safety]\n") + line + "\n";
    }
    bool reads_back = false;
    try {
        reads_back = parse(out).safety.contact == contact;
    } catch (const ConfigError&) {
    }
    if (!reads_back)
        throw ConfigError("the contact could not be added to the config's [safety] table; set "
                          "'contact' there by hand");
    return out;
}

} // namespace kint::config
