#include "common.hpp"
#include "kint/io/files.hpp"

#include "kint/core/error.hpp"
#include "kint/core/text.hpp"
#include "kint/domain/validate.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kint::cli {

Day day_arg(Runtime& rt, const std::optional<std::string>& text) {
    const Day today = rt.today();
    if (!text) return today;
    return parse_day(*text, today);
}

Day past_day_arg(Runtime& rt, const std::optional<std::string>& text, std::string_view what) {
    const Day day = day_arg(rt, text);
    if (day > rt.today())
        throw UsageError(fmt::format("{} is after today ({}); {} only days that have happened",
                                     format_day(day), format_day(rt.today()), what));
    return day;
}

DayRange range_args(Runtime& rt, const std::optional<std::string>& since,
                    const std::optional<std::string>& until) {
    DayRange r;
    if (since) r.since = day_arg(rt, since);
    if (until) r.until = day_arg(rt, until);
    if (r.since && r.until && *r.since > *r.until)
        throw UsageError(fmt::format("--since {} is after --until {}; swap them",
                                     format_day(*r.since), format_day(*r.until)));
    return r;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

std::string checked_text(std::string_view what, std::string_view text, std::size_t max_bytes,
                         bool multiline) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos)
        text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    // The rules import keeps too (domain/validate).
    if (auto problem = validate::text_problem(
            text, max_bytes, multiline ? validate::Lines::many : validate::Lines::one))
        throw UsageError(fmt::format("the {} {}", what, *problem));
    return std::string(text);
}

std::optional<std::string> checked_note(const std::optional<std::string>& note) {
    if (!note) return std::nullopt;
    return checked_text("note", *note, long_text_max, true);
}

Minutes clock_arg(std::string_view flag, std::string_view text) {
    auto m = parse_clock(text);
    if (!m)
        throw UsageError(
            fmt::format("{} '{}' is not a clock time; use HH:MM from 00:00 to 23:59", flag, text));
    return *m;
}

std::string read_stdin(Runtime& rt, std::size_t max_bytes, const std::string& too_long) {
    auto piped = io::read_stream(rt.in, max_bytes);
    if (!piped) throw UsageError(too_long);
    return std::move(*piped);
}

std::string format_arg(Runtime& rt, const CLI::Option& option, const std::string& format) {
    if (!rt.json()) return format;
    if (option.count() > 0 && format != "json")
        throw UsageError(
            fmt::format("--json and --format {} ask for two formats; give one of them", format));
    return "json";
}

std::string self_path() {
    char buf[PATH_MAX];
    const auto n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "kint";
    return std::string(buf, static_cast<std::size_t>(n));
}

std::string option_key(std::string_view name, const std::optional<std::string>& value) {
    return value ? fmt::format(" {}={:?}", name, *value) : std::string();
}

void write_output(Runtime& rt, const std::optional<std::string>& out,
                  const std::function<void(const Pieces&)>& make) {
    if (!out || *out == "-") { // "--out -" is standard output, as "-" is standard input
        make([&](std::string_view piece) { rt.out << piece; });
        return;
    }
    // Never the store or the files SQLite keeps beside it: replacing them loses everything.
    std::optional<std::string> store;
    try {
        store = rt.store_path();
    } catch (const Error&) {
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (store && io::same_file(*out, *store + suffix))
            throw UsageError(
                fmt::format("--out {} is the kint store{}; write to another file", *out,
                            *suffix ? fmt::format("'s {} file", suffix + 1) : std::string()));
    io::AtomicFile file(*out, io::Folders::must_exist);
    make([&](std::string_view piece) { file.write(piece); });
    file.commit();
}

void write_output(Runtime& rt, const std::optional<std::string>& out, std::string_view text) {
    write_output(rt, out, [&](const Pieces& write) { write(text); });
}

CLI::Validator rating_check() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            int v = -1;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc{} || end != text.data() + text.size() || v < 0 || v > 10)
                return fmt::format("'{}' is not a rating: give a whole number from 0 to 10", text);
            return {};
        },
        "0-10");
}

CLI::Validator id_check() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            long long v = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc{} || end != text.data() + text.size() || v < 1)
                return fmt::format("'{}' is not an id: give the number shown in the list, e.g. 1",
                                   text);
            return {};
        },
        "ID");
}

} // namespace kint::cli
