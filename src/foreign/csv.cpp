#include "kint/foreign/csv.hpp"

#include "kint/foreign/source.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ranges>

namespace kint::foreign {

namespace {

bool same_ascii_case(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        auto lower = [](char c) {
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        };
        return lower(x) == lower(y);
    });
}

// libcsv's callbacks fill this: fields as they end, rows as they end, with the line each row
// began on (the text is fed one line at a time, so the current line is always known).
struct Reader {
    std::size_t line = 1;
    CsvRow row;
    std::vector<CsvRow> rows;

    static void field(void* s, std::size_t len, void* data) {
        auto& r = *static_cast<Reader*>(data);
        if (r.row.fields.empty()) r.row.line = r.line;
        r.row.fields.emplace_back(static_cast<const char*>(s), len);
    }
    static void end_row(int, void* data) {
        auto& r = *static_cast<Reader*>(data);
        // A line holding only spaces comes as one empty field: a blank line, left out.
        if (!(r.row.fields.size() == 1 && r.row.fields.front().empty()))
            r.rows.push_back(std::move(r.row));
        r.row = {};
    }
};

} // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (same_ascii_case(header[i], name)) return i;
    return std::nullopt;
}

std::size_t CsvTable::need(std::string_view name, std::string_view file) const {
    if (auto i = column(name)) return *i;
    throw bad_file(file, fmt::format("it has no column '{}'", name));
}

CsvTable read_csv(std::string_view text, std::string_view file) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        throw bad_file(file, "there is not enough memory to read it");
    std::unique_ptr<csv_parser, void (*)(csv_parser*)> owner(&parser, csv_free);
    Reader reader;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = text.find('\n', at);
        const auto piece = text.substr(at, end == std::string_view::npos ? end : end - at + 1);
        if (csv_parse(&parser, piece.data(), piece.size(), Reader::field, Reader::end_row,
                      &reader) != piece.size())
            throw bad_file(file, fmt::format("line {}: {}", reader.line,
                                             csv_error(&parser) == CSV_EPARSE
                                                 ? "a quote is out of place"
                                                 : csv_strerror(csv_error(&parser))));
        at += piece.size();
        ++reader.line;
    }
    if (csv_fini(&parser, Reader::field, Reader::end_row, &reader) != 0)
        throw bad_file(file, fmt::format("line {}: a quoted field is never closed",
                                         reader.row.line ? reader.row.line : reader.line - 1));
    if (reader.rows.empty()) throw bad_file(file, "it is empty");
    CsvTable table;
    table.header = std::move(reader.rows.front().fields);
    // An index, not views::drop: clang 14 (the fuzz build) cannot compile libstdc++ 12's views.
    for (std::size_t i = 1; i < reader.rows.size(); ++i) {
        auto& row = reader.rows[i];
        if (row.fields.size() != table.header.size())
            throw bad_file(file, fmt::format("line {}: {} fields where the header has {}", row.line,
                                             row.fields.size(), table.header.size()));
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace kint::foreign
