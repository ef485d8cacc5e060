#pragma once
// Small edits of a person's config text that keep every comment and line as written.
#include <string>
#include <string_view>

namespace kint::config {

// `text` (a config file, or the default config for a file not written yet) with
// `[safety] contact` set to `contact`: the table's `contact = ...` line replaced, or the line
// added at the table's end, or the table added at the end of the text. Every other line stays
// byte for byte. Throws ConfigError when the result would not read back as that contact (the key
// set some other way, e.g. as `safety.contact` at the top).
std::string with_safety_contact(std::string_view text, std::string_view contact);

} // namespace kint::config
