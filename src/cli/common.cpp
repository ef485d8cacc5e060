#include "common.hpp"

#include "kint/safety.hpp"

#include "kint/error.hpp"
#include "kint/text.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
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
    if (first == std::string_view::npos)
        throw UsageError(fmt::format("the {} is empty; write a few words", what));
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    if (text.size() > max_bytes)
        throw UsageError(fmt::format("the {} is {} bytes long; keep it under {} bytes", what,
                                     text.size(), max_bytes));
    if (!text::valid_utf8(text))
        throw UsageError(fmt::format("the {} is not valid UTF-8 text; check your terminal's "
                                     "encoding",
                                     what));
    if (text::has_control_characters(text, multiline))
        throw UsageError(fmt::format("the {} holds a control character; use plain text", what));
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

namespace {

// Opens `tmp` as a new 0600 file. A stale one (an interrupted run) goes first; O_EXCL | O_NOFOLLOW
// then make sure the file written is a new one of ours, never a file or symlink someone placed
// there.
int open_private_temp(const std::string& tmp) {
    ::unlink(tmp.c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) ::fchmod(fd, 0600); // open's mode is masked by the umask
    return fd;
}

} // namespace

int make_private_folders(const std::vector<std::filesystem::path>& missing) {
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) return errno;
        ::chmod(it->c_str(), 0700); // mkdir's mode is masked by the umask
    }
    return 0;
}

std::vector<std::filesystem::path> missing_folders(const std::string& path) {
    std::vector<std::filesystem::path> missing;
    for (auto p = std::filesystem::path(path).parent_path();
         !p.empty() && !std::filesystem::exists(p); p = p.parent_path())
        missing.push_back(p);
    return missing;
}

void write_file_atomically(const std::string& path, std::string_view text, Folders folders) {
    namespace fs = std::filesystem;
    auto fail = [&](int err) {
        return Error(fmt::format("cannot write {}: {}; check the folder exists and is writable",
                                 path, std::strerror(err)),
                     1);
    };
    const fs::path parent = fs::path(path).parent_path();
    const auto missing = missing_folders(path);
    if (!missing.empty() && folders == Folders::must_exist)
        throw Error(fmt::format("cannot write {}: the folder {} does not exist; create it first or "
                                "choose another path",
                                path, parent.string()),
                    1);
    if (const int err = make_private_folders(missing)) throw fail(err);
    // One fixed name beside a file the person named: a second `--out` to the same file at the same
    // moment gets an error and the file stays whole (caches, refilled by every command, differ).
    const std::string tmp = path + ".kint-tmp";
    const int fd = open_private_temp(tmp);
    if (fd < 0) throw fail(errno);
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw fail(err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw fail(err);
    }
}

bool replace_cache_file(const std::string& path, std::string_view text) {
    // Its own temp name (the pid): every command refills the caches, and two at once must never
    // write into, or rename, each other's temp file (a reader could see half of one).
    const std::string tmp = fmt::format("{}.tmp.{}", path, ::getpid());
    const int fd = open_private_temp(tmp);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (ok && std::rename(tmp.c_str(), path.c_str()) == 0) return true;
    ::unlink(tmp.c_str());
    return false;
}

std::string read_small_file(const std::string& path, std::size_t max_bytes) {
    std::string out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    char buf[4096];
    while (out.size() < max_bytes) {
        const auto n = ::read(fd, buf, std::min(sizeof buf, max_bytes - out.size()));
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes) {
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) return std::nullopt;
    }
    return text;
}

std::string read_stdin(Runtime& rt, std::size_t max_bytes, const std::string& too_long) {
    auto piped = read_stream(rt.in, max_bytes);
    if (!piped) throw UsageError(too_long);
    return std::move(*piped);
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw NotFound(fmt::format("cannot read {}; check the path", path));
    auto text = read_stream(in, max_bytes);
    if (!text)
        throw UsageError(
            fmt::format("{} is larger than {} MB; is it a kint export?", path, max_bytes >> 20));
    return std::move(*text);
}

std::string format_arg(Runtime& rt, const CLI::Option& option, const std::string& format) {
    if (!rt.json()) return format;
    if (option.count() > 0 && format != "json")
        throw UsageError(
            fmt::format("--json and --format {} ask for two formats; give one of them", format));
    return "json";
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

Intention intention_or_throw(Runtime& rt, Id id) {
    auto i = rt.store().intention(id);
    if (!i)
        throw NotFound(fmt::format("there is no intention {}; see 'kint intent list --all'", id));
    return *i;
}

Cue cue_or_throw(Runtime& rt, Id id) {
    auto c = rt.store().cue(id);
    if (!c) throw NotFound(fmt::format("there is no cue {}; see 'kint cue list --all'", id));
    return *c;
}

void refuse_if_archived(const Cue& cue) {
    if (cue.status == CueStatus::archived)
        throw UsageError(fmt::format("cue {} is archived; its history is kept but closed. To take "
                                     "it up again, place a new cue with 'kint cue add'",
                                     cue.id));
}

std::vector<Rating> recent_mood(Runtime& rt, const config::Safety& rule, Day today) {
    safety::RecentRun run(rule, today);
    return rt.store().ratings_back_from(today, RatingKind::mood,
                                        [&](const Rating& r) { return run.take(r); });
}

std::string second_cue_note(Runtime& rt, Day day) {
    for (const auto& c : rt.store().cues(false, /*current_step_only=*/true))
        if (c.status == CueStatus::active && (day - c.created).count() < 14)
            return rt.config().guidance.second_cue;
    return {};
}

} // namespace kint::cli
