#pragma once
// The one shape of a listing (log list, rate list, journal list, session list): JSON is the array
// of its records' own documents; text is its lines, or one line on how to begin when it is empty.
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kint::render {

template <class Record>
json::Value list_json(const std::vector<Record>& records) {
    auto out = json::array();
    for (const auto& r : records)
        out.push(to_json(r));
    return out;
}

// `lines()` is the text of records that are there (newline-terminated lines); `none` the line
// said instead when there are none.
template <class Record, class Lines>
std::string list_text(const std::vector<Record>& records, std::string_view none,
                      const Lines& lines) {
    if (records.empty()) return std::string(none) + "\n";
    return lines();
}

} // namespace kint::render
