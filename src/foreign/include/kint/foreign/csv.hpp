#pragma once
// A CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF) read
// with libcsv into a header and rows, each row with the line it starts on for error messages.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::foreign {

struct CsvRow {
    std::size_t line = 0; // 1-based line of the file where the row starts
    std::vector<std::string> fields;
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRow> rows; // blank lines are left out

    // The index of the column named `name` (ASCII case ignored), or nullopt.
    std::optional<std::size_t> column(std::string_view name) const;
    // As column(), but a missing column is bad_file(file, "it has no column 'name'").
    std::size_t need(std::string_view name, std::string_view file) const;
};

// The rows of `text` (a UTF-8 byte-order mark is skipped; spaces around unquoted fields are
// trimmed). The first row is the header. Throws bad_file(file, ...) for an unclosed quote, an
// empty file, or a row whose number of fields differs from the header's ("line 14: 5 fields
// where the header has 7").
CsvTable read_csv(std::string_view text, std::string_view file);

} // namespace kint::foreign
