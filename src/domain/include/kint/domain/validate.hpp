#pragma once
// The rules every record meets, whichever way it comes in: typed at a command or read from an
// import file. Each check returns what is wrong as the end of a sentence ("is empty"), or nullopt.
#include "kint/core/model.hpp"
#include "kint/domain/snapshot.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kint::validate {

// A one-line text (an intention, a cue's trigger or behavior) or a text that may span lines (a
// note, a journal entry).
enum class Lines { one, many };
inline constexpr std::size_t short_text_max = 1000;
inline constexpr std::size_t long_text_max = 64 * 1024;

// Not only spaces, at most `max_bytes`, valid UTF-8, no control character (text::find_control;
// newlines and tabs only with Lines::many). The problem reads after "the note ...":
// "holds a control character (U+009B, character 3); use plain text".
std::optional<std::string> text_problem(std::string_view text, std::size_t max_bytes, Lines lines);

inline constexpr std::array<std::string_view, 3> journal_kinds{"actionable", "understanding",
                                                               "acceptance"};
bool is_journal_kind(std::string_view kind);

// Each record's own rules: its texts, its days in 1900-01-01..9999-12-31, and for a cue a status
// that agrees with its pauses and archived_on, archived_on not before created, pauses in order
// and not overlapping, steps from its creation on, in order, a step's target more than 0, a cue
// counted per period on every day, earlier plans each ending after the one before (the first
// after creation); for a log entry an amount of 0 or more. The problem names the field
// ("steps[1].day 2026-01-01 is before the cue's created 2026-02-01").
std::optional<std::string> intention_problem(const Intention& intention);
std::optional<std::string> cue_problem(const Cue& cue);
std::optional<std::string> log_problem(const LogEntry& entry);
std::optional<std::string> rating_problem(const Rating& rating);
std::optional<std::string> journal_problem(const JournalEntry& entry);
std::optional<std::string> session_problem(const Session& session);

// Every record of a snapshot (an import) by the rules above, each named by its place
// ("cues[2].trigger holds ..."); the first problem, or nullopt.
std::optional<std::string> snapshot_problem(const exchange::Snapshot& snapshot);

} // namespace kint::validate
