#pragma once
// Argument checks shared by the commands: each throws UsageError with a one-line fix.
#include "runtime.hpp"

#include "kint/app/lookup.hpp"

#include "kint/core/model.hpp"
#include "kint/domain/validate.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
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
// An option as part of a view's request (Runtime::view_stamp): ` name="value"`, quoted and escaped
// so that no value reads as another option; nothing when it was not given.
std::string option_key(std::string_view name, const std::optional<std::string>& value);

inline constexpr std::size_t short_text_max = validate::short_text_max;
inline constexpr std::size_t long_text_max = validate::long_text_max;
// Trims and checks user text by validate::text_problem, the rules import keeps too: not empty,
// valid UTF-8, no control characters (newlines and tabs allowed when `multiline`), at most
// `max_bytes`.
std::string checked_text(std::string_view what, std::string_view text,
                         std::size_t max_bytes = short_text_max, bool multiline = false);
std::optional<std::string> checked_note(const std::optional<std::string>& note);
Minutes clock_arg(std::string_view flag, std::string_view text);

// All of standard input, for an argument given as "-"; more than `max_bytes` is a UsageError
// saying `too_long`.
std::string read_stdin(Runtime& rt, std::size_t max_bytes, const std::string& too_long);
// The output format of a command with --format: --json means json, and a --format that says
// otherwise is refused rather than one of them silently winning.
std::string format_arg(Runtime& rt, const CLI::Option& option, const std::string& format);

// A command's output: standard output without --out (or with "--out -"), else the file, replaced
// atomically; --out onto the store, its -wal, -shm or -journal, or onto anything but a regular
// file is a UsageError.
void write_output(Runtime& rt, const std::optional<std::string>& out, std::string_view text);
// The same for a document made piece by piece: `make` hands each piece, in order, to the function
// it is given. Into a file, nothing is in place until the last piece is written.
using Pieces = std::function<void(std::string_view)>;
void write_output(Runtime& rt, const std::optional<std::string>& out,
                  const std::function<void(const Pieces&)>& make);

// This kint binary's own path (for what runs it later: the prompt hook, the reminder timer), or
// "kint" when it cannot be told.
std::string self_path();

// A CLI11 check for a 0-10 rating with a message a person can act on.
CLI::Validator rating_check();
// A CLI11 check for a record id (a positive whole number); CLI::PositiveNumber's message is a range
// of doubles.
CLI::Validator id_check();

} // namespace kint::cli
