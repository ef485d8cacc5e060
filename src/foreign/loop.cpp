#include "kint/foreign/loop.hpp"

#include "kint/core/text.hpp"
#include "kint/foreign/csv.hpp"
#include "kint/io/files.hpp"
#include "kint/store/loop_backup.hpp"

#include <fmt/format.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>

namespace kint::foreign {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_file = std::size_t{64} << 20;   // one CSV file
constexpr std::size_t max_total = std::size_t{256} << 20; // the whole export

std::optional<long long> integer(std::string_view s) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

std::optional<double> decimal(std::string_view s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool is_true(std::string_view s) {
    return s == "true" || s == "TRUE" || s == "True" || s == "1";
}

const std::string& field(const CsvRow& row, std::optional<std::size_t> column) {
    static const std::string none;
    return column ? row.fields[*column] : none;
}

int int_field(const CsvRow& row, std::size_t column, std::string_view name,
              const std::string& file) {
    const auto v = integer(row.fields[column]);
    if (!v || *v < -1'000'000 || *v > 1'000'000)
        throw bad_file(file, fmt::format("line {}: {} '{}' is not a whole number", row.line, name,
                                         text::sanitize_line(row.fields[column])));
    return static_cast<int>(*v);
}

// A habit folder's number: "001 Read" → 1, "001" → 1 (an empty name), else nullopt.
std::optional<int> folder_number(std::string_view name) {
    if (name.size() < 3 || (name.size() > 3 && name[3] != ' ')) return std::nullopt;
    const auto n = integer(name.substr(0, 3));
    if (!n || *n < 0) return std::nullopt;
    return static_cast<int>(*n);
}

std::vector<loop::Entry> parse_checkmarks(const LoopCsvFile& file, const loop::Habit& habit) {
    auto table = read_csv(file.text, file.name);
    // Loop 1.x wrote no header ("2024-01-01,2"), and its 0 was a day not checked, not a "no".
    const bool headerless = !table.header.empty() && parse_iso_day(table.header.front());
    std::size_t date = 0, value = 1;
    std::optional<std::size_t> notes;
    if (headerless) {
        if (table.header.size() < 2)
            throw bad_file(file.name, "line 1: a row needs a date and a value");
        table.rows.insert(table.rows.begin(), CsvRow{1, table.header});
    } else {
        date = table.need("Date", file.name);
        value = table.need("Value", file.name);
        notes = table.column("Notes");
    }
    std::vector<loop::Entry> entries;
    for (const auto& row : table.rows) {
        const auto day = parse_iso_day(row.fields[date]);
        if (!day)
            throw bad_file(file.name, fmt::format("line {}: '{}' is not a date (YYYY-MM-DD)",
                                                  row.line, text::sanitize_line(row.fields[date])));
        loop::Entry e;
        e.habit = habit.id;
        e.timestamp = day->time_since_epoch().count() * std::int64_t{86'400'000};
        e.notes = field(row, notes);
        const std::string& v = row.fields[value];
        if (v == "YES_MANUAL")
            e.value = loop::yes_manual;
        else if (v == "YES_AUTO")
            e.value = loop::yes_auto;
        else if (v == "NO")
            e.value = loop::no;
        else if (v == "SKIP")
            e.value = loop::skip;
        else if (v == "UNKNOWN")
            e.value = loop::unknown;
        else if (const auto n = integer(v); n && *n >= -1000 && *n <= 2'000'000'000)
            e.value =
                headerless && !habit.numerical && *n == 0 ? loop::unknown : static_cast<int>(*n);
        else if (const auto x = decimal(v); x && habit.numerical && *x >= 0 && *x <= 2'000'000)
            e.value = static_cast<int>(std::lround(*x * 1000));
        else
            throw bad_file(file.name,
                           fmt::format("line {}: the value '{}' is none of YES_MANUAL, YES_AUTO, "
                                       "NO, SKIP, UNKNOWN or a number",
                                       row.line, text::sanitize_line(v)));
        entries.push_back(std::move(e));
    }
    return entries;
}

// --- where the files come from: a folder, or a zip --------------------------------------------

struct Export {
    std::optional<LoopCsvFile> habits;
    std::map<int, LoopCsvFile> checkmarks;
};

void check_utf8(const LoopCsvFile& f) {
    if (!text::valid_utf8(f.text)) throw bad_file(f.name, "it is not UTF-8 text");
}

Export read_folder(const std::string& path) {
    Export out;
    const fs::path root(path);
    std::error_code ec;
    if (!fs::is_regular_file(root / "Habits.csv", ec))
        throw bad_file(path, "it holds no Habits.csv; a Loop CSV export is the zip from Loop's "
                             "\"Export as CSV\", or that zip unpacked");
    out.habits =
        LoopCsvFile{(root / "Habits.csv").string(), read_text((root / "Habits.csv").string())};
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        if (!entry.is_directory(ec)) continue;
        const auto n = folder_number(entry.path().filename().string());
        const auto file = entry.path() / "Checkmarks.csv";
        if (!n || !fs::is_regular_file(file, ec)) continue;
        out.checkmarks[*n] = LoopCsvFile{file.string(), read_text(file.string(), max_file)};
    }
    return out;
}

Export read_zip(const std::string& path) {
    std::unique_ptr<void, int (*)(unzFile)> zip(unzOpen64(path.c_str()), unzClose);
    const auto unreadable = [&](std::string_view what) {
        return bad_file(path, fmt::format("{}; it is not a zip file that can be read", what));
    };
    if (!zip) throw unreadable("its table of contents cannot be found");
    std::map<std::string, LoopCsvFile> found; // by the name in the zip
    std::size_t total = 0;
    for (int step = unzGoToFirstFile(zip.get()); step != UNZ_END_OF_LIST_OF_FILE;
         step = unzGoToNextFile(zip.get())) {
        if (step != UNZ_OK) throw unreadable("its table of contents is damaged");
        unz_file_info64 info{};
        char name_buf[1024] = {};
        if (unzGetCurrentFileInfo64(zip.get(), &info, name_buf, sizeof name_buf - 1, nullptr, 0,
                                    nullptr, 0) != UNZ_OK)
            throw unreadable("an entry's name cannot be read");
        const std::string name(name_buf);
        // Habits.csv and NNN NAME/Checkmarks.csv, perhaps all in one folder (a zip made again
        // from the unpacked export); the rest (Scores.csv, ...) is not needed.
        if (!name.ends_with("/Checkmarks.csv") && name != "Habits.csv" &&
            !name.ends_with("/Habits.csv"))
            continue;
        if (info.uncompressed_size > max_file || (total += info.uncompressed_size) > max_total)
            throw bad_file(path, fmt::format("{} is larger than kint reads from a Loop export",
                                             text::sanitize_line(name)));
        LoopCsvFile file{fmt::format("{}: {}", path, text::sanitize_line(name)), {}};
        file.text.resize(static_cast<std::size_t>(info.uncompressed_size));
        if (unzOpenCurrentFile(zip.get()) != UNZ_OK)
            throw unreadable(fmt::format("{} cannot be opened", text::sanitize_line(name)));
        const int got = file.text.empty()
                            ? 0
                            : unzReadCurrentFile(zip.get(), file.text.data(),
                                                 static_cast<unsigned>(file.text.size()));
        const int closed = unzCloseCurrentFile(zip.get()); // checks the CRC
        if (got != static_cast<int>(file.text.size()) || closed != UNZ_OK)
            throw unreadable(fmt::format("{} cannot be unpacked", text::sanitize_line(name)));
        found.emplace(name, std::move(file));
    }
    // The Habits.csv nearest the top names the export's folder ("" or "FOLDER/").
    std::optional<std::string> top;
    for (const auto& [name, file] : found)
        if (name.ends_with("Habits.csv") && std::ranges::count(name, '/') <= 1 &&
            (!top || name.size() < top->size() + 10))
            top = name.substr(0, name.size() - 10);
    if (!top)
        throw bad_file(path, "it holds no Habits.csv; a Loop CSV export is the zip from Loop's "
                             "\"Export as CSV\"");
    Export out;
    for (auto& [name, file] : found) {
        if (!name.starts_with(*top)) continue;
        const std::string rest = name.substr(top->size());
        if (rest == "Habits.csv") {
            check_utf8(file);
            out.habits = std::move(file);
            continue;
        }
        const auto slash = rest.find('/');
        if (slash == std::string::npos || rest.substr(slash + 1) != "Checkmarks.csv") continue;
        if (const auto number = folder_number(rest.substr(0, slash))) {
            check_utf8(file);
            out.checkmarks[*number] = std::move(file);
        }
    }
    return out;
}

} // namespace

loop::Backup parse_loop_csv(const LoopCsvFile& habits,
                            const std::map<int, LoopCsvFile>& checkmarks) {
    const auto table = read_csv(habits.text, habits.name);
    const auto& file = habits.name;
    const auto name = table.need("Name", file);
    // Loop 2.2 on: FrequencyNumerator, FrequencyDenominator; before: NumRepetitions, Interval.
    const bool newer = table.column("FrequencyNumerator").has_value();
    const auto num = table.need(newer ? "FrequencyNumerator" : "NumRepetitions", file);
    const auto den = table.need(newer ? "FrequencyDenominator" : "Interval", file);
    const auto position = table.column("Position");
    const auto question = table.column("Question");
    const auto description = table.column("Description");
    const auto type = table.column("Type");
    const auto unit = table.column("Unit");
    const auto target_type = table.column("Target Type");
    const auto target_value = table.column("Target Value");
    const auto archived = table.column("Archived?");

    loop::Backup backup;
    for (std::size_t k = 0; k < table.rows.size(); ++k) {
        const auto& row = table.rows[k];
        loop::Habit h;
        h.id = position ? int_field(row, *position, "Position", file) : static_cast<int>(k + 1);
        h.name = row.fields[name];
        h.question = field(row, question);
        h.description = field(row, description);
        h.freq_num = int_field(row, num, table.header[num], file);
        h.freq_den = int_field(row, den, table.header[den], file);
        h.archived = is_true(field(row, archived));
        h.numerical = field(row, type) == "NUMERICAL";
        h.unit = field(row, unit);
        h.at_most = field(row, target_type) == "AT_MOST";
        if (h.numerical && target_value) {
            const auto t = decimal(row.fields[*target_value]);
            if (!t)
                throw bad_file(file,
                               fmt::format("line {}: Target Value '{}' is not a number", row.line,
                                           text::sanitize_line(row.fields[*target_value])));
            h.target = *t;
        }
        if (const auto it = checkmarks.find(static_cast<int>(h.id)); it != checkmarks.end()) {
            auto entries = parse_checkmarks(it->second, h);
            backup.entries.insert(backup.entries.end(), entries.begin(), entries.end());
        }
        backup.habits.push_back(std::move(h));
    }
    return backup;
}

Source read_loop(const std::string& path, Day today) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw NotFound(fmt::format("there is no file or folder {}", path));
    loop::Backup backup;
    if (fs::is_directory(status)) {
        const auto files = read_folder(path);
        backup = parse_loop_csv(*files.habits, files.checkmarks);
    } else if (fs::path(path).filename() == "Habits.csv") {
        const auto parent = fs::path(path).parent_path();
        const auto files = read_folder(parent.empty() ? "." : parent.string());
        backup = parse_loop_csv(*files.habits, files.checkmarks);
    } else {
        if (!fs::is_regular_file(status)) throw bad_file(path, "it is not a regular file");
        const std::string head = io::read_small_file(path, 16);
        if (head.starts_with(std::string_view("SQLite format 3\0", 16))) {
            backup = store::read_loop_backup(path);
        } else if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) {
            const auto files = read_zip(path);
            backup = parse_loop_csv(*files.habits, files.checkmarks);
        } else {
            throw bad_file(path, "it is neither a Loop backup (an SQLite .db file) nor Loop's CSV "
                                 "export (a zip, or its folder)");
        }
    }
    auto mapped = loop::to_records(backup, today);
    Source source;
    source.tracker = "Loop Habit Tracker";
    source.things = backup.habits.size();
    source.things_word = "habits";
    source.records = std::move(mapped.records);
    source.notes = std::move(mapped.notes);
    return source;
}

} // namespace kint::foreign
