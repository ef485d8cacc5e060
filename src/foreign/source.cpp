#include "kint/foreign/source.hpp"

#include "kint/core/text.hpp"
#include "kint/io/files.hpp"

#include <fmt/format.h>

namespace kint::foreign {

UsageError bad_file(std::string_view file, std::string_view what) {
    return UsageError(fmt::format("{}: {}; nothing was imported", file, what));
}

std::string read_text(const std::string& path, std::size_t max_bytes) {
    std::string text;
    try {
        text = io::read_file(path, max_bytes);
    } catch (const UsageError&) {
        throw bad_file(path, fmt::format("it is larger than {} MB", max_bytes >> 20));
    }
    if (!text::valid_utf8(text)) throw bad_file(path, "it is not UTF-8 text");
    return text;
}

} // namespace kint::foreign
