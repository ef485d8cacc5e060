#pragma once
// Argument checks shared by the commands: each throws UsageError with a one-line fix.
#include "runtime.hpp"

#include "kint/model.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::cli {

// A day argument (YYYY-MM-DD, today, yesterday, -N); `today` when not given.
Day day_arg(Runtime& rt, const std::optional<std::string>& text);
// As day_arg, refusing days after today (for log and rate).
Day past_day_arg(Runtime& rt, const std::optional<std::string>& text, std::string_view what);
DayRange range_args(Runtime& rt, const std::optional<std::string>& since,
                    const std::optional<std::string>& until);

// Joins words given as several arguments ("kint intent add I am open").
std::string join_words(const std::vector<std::string>& words);

inline constexpr std::size_t short_text_max = 1000;
inline constexpr std::size_t long_text_max = 64 * 1024;
// Trims and checks user text: not empty, valid UTF-8, no control characters (newlines and tabs
// allowed when `multiline`), at most `max_bytes`.
std::string checked_text(std::string_view what, std::string_view text,
                         std::size_t max_bytes = short_text_max, bool multiline = false);
std::optional<std::string> checked_note(const std::optional<std::string>& note);
Minutes clock_arg(std::string_view flag, std::string_view text);

// Writes `text` to `path` (mode 0600) through a temp file, fsync and rename, so a reader never sees
// half a file. Missing folders are made (0700) for kint's own files; for a path the person named
// (--out) they must exist, since a typo should not leave folders behind. Throws Error (exit 1).
enum class Folders { create, must_exist };
// The folders above `path` that do not exist yet, innermost first; and making them, 0700, outermost
// first (0, or the errno that stopped it).
std::vector<std::filesystem::path> missing_folders(const std::string& path);
int make_private_folders(const std::vector<std::filesystem::path>& missing);
void write_file_atomically(const std::string& path, std::string_view text, Folders folders);
// Replaces a cache file beside the store (prompt settings, parsed config, prompt segment): 0600,
// through a temp file and a rename, no fsync (a cache lost to a crash is only rebuilt; readers
// reject a partial one). False when it could not be written.
bool replace_cache_file(const std::string& path, std::string_view text);
// All of standard input, for an argument given as "-"; more than `max_bytes` is a UsageError
// saying `too_long`.
std::string read_stdin(Runtime& rt, std::size_t max_bytes, const std::string& too_long);
// A small file read whole, up to `max_bytes` (kint's caches, the WAL's header): empty when it is
// missing or unreadable. Plain read(2), no stream: the prompt hook reads two of these each time.
std::string read_small_file(const std::string& path, std::size_t max_bytes);
// Reads a whole stream, or nullopt as soon as it holds more than `max_bytes`.
std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes);
// Reads a whole file; throws NotFound (exit 1) naming it when it cannot be read, UsageError when it
// is larger than `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes);

// The output format of a command with --format: --json means json, and a --format that says
// otherwise is refused rather than one of them silently winning.
std::string format_arg(Runtime& rt, const CLI::Option& option, const std::string& format);

// A CLI11 check for a 0-10 rating with a message a person can act on.
CLI::Validator rating_check();
// A CLI11 check for a record id (a positive whole number); CLI::PositiveNumber's message is a range
// of doubles.
CLI::Validator id_check();

// Looks up records or throws NotFound naming the id and where to find valid ones.
Intention intention_or_throw(Runtime& rt, Id id);
Cue cue_or_throw(Runtime& rt, Id id);
// An archived cue is closed: nothing is logged to it and its step and status stay. Refused
// (exit 2) with the way on.
void refuse_if_archived(const Cue& cue);

// The mood ratings the safety rule needs for `today` (see safety::RecentRun), oldest first.
std::vector<Rating> recent_mood(Runtime& rt, const config::Safety& rule, Day today);

// The gentle note for a new cue placed on `day` while another active cue is in its first two
// weeks (one small change at a time), or empty. Call it before adding the new cue.
std::string second_cue_note(Runtime& rt, Day day);

} // namespace kint::cli
