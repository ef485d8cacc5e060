#pragma once
// The config: the embedded default (examples/config.toml) layered under the user's file.
#include "kint/core/day.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::config {

// The safety rule (SPEC §7.6): at least `low_mood_days` mood ratings <= `low_mood_max` within
// `low_mood_window` consecutive calendar days (at least low_mood_days, at most 31).
inline constexpr int max_low_mood_window = 31;
struct Safety {
    int low_mood_max = 3;
    int low_mood_days = 3;
    int low_mood_window = 5;
    std::string message;
    std::string contact;
    bool operator==(const Safety&) const = default;
};

// The longest name of a due cue the prompt shows ([hook] due_max_chars).
inline constexpr int max_due_chars = 80;

struct Hook {
    Minutes mood_reminder_after = 18 * 60;
    bool show_cues = true;
    bool show_mood_reminder = true;
    bool show_focus = false;
    // Name the cue whose time has come and that is not logged yet, cut to due_max_chars.
    bool show_due = true;
    int due_max_chars = 20;
    // The prompt segment's short signs (empty: none): while the safety note stands, and for a
    // check-in after quiet days. The same defaults as examples/config.toml (a unit test).
    std::string safety_sign = "take care today";
    std::string check_in_sign = "how are you?";
    bool operator==(const Hook&) const = default;
};

// kint remind: the program that shows a desktop notification, with its first arguments; kint
// runs it (never through a shell) with "--", the summary and the body after them.
struct Remind {
    std::vector<std::string> command = {"notify-send"};
    bool operator==(const Remind&) const = default;
};

struct Guidance {
    std::string second_cue, shrink, keep, expand, comeback, slip, no_session;
    bool operator==(const Guidance&) const = default;
};

struct Starter {
    std::string title;
    std::vector<std::string> steps;
    std::vector<std::string> core_practices;
    bool operator==(const Starter&) const = default;
};

// A phase of the integration timeline, in days since the latest session.
struct TimelinePhase {
    std::string key, name, purpose;
    int from = 0, to = 0;
    std::vector<std::string> guidance;
    std::vector<std::string> safety;
    bool operator==(const TimelinePhase&) const = default;
};

// A phase of a habit by the cue's age in weeks (week 1 = days 0-6); to_week 0 = open ended.
struct HabitPhase {
    std::string key, name, guidance;
    int from_week = 1, to_week = 0;
    bool operator==(const HabitPhase&) const = default;
};

struct Prompt {
    std::string id, text, group;
    std::vector<std::string> phases;
    bool gentle = false; // offered on hard days (while the safety rule is met)
    bool operator==(const Prompt&) const = default;
};

struct CatalogueItem {
    std::string id, text;
    bool operator==(const CatalogueItem&) const = default;
};

struct CatalogueGroup {
    std::string key, name, note;
    bool condition = false;
    std::vector<CatalogueItem> items;
    bool operator==(const CatalogueGroup&) const = default;
};

// One phase of a practice's breath: "in", "hold" or "out", for `seconds`.
struct BreathPhase {
    std::string breath;
    int seconds = 4;
    bool operator==(const BreathPhase&) const = default;
};

struct Practice {
    std::string key, name;
    int minutes = 2, max_minutes = 0;
    std::vector<std::string> steps;
    std::vector<BreathPhase> pace; // the breath the pacer follows, repeated; empty: no breath cue
    bool operator==(const Practice&) const = default;
};

// The config's settings: the day, the week, the safety rule, the prompt, reminders and the
// guidance texts. A one-row write needs these alone (cli::Runtime::settings), not the lists.
struct Settings {
    std::string source; // the user file that was layered in, or empty
    Minutes day_starts_at = 4 * 60;
    int week_starts = 0; // 0 = Monday ... 6 = Sunday
    Safety safety;
    Hook hook;
    Remind remind;
    Guidance guidance;
    Starter starter;
    bool operator==(const Settings&) const = default;
};

// The settings with the timeline, the prompts, the intention catalogue and the practices.
struct Config : Settings {
    std::vector<TimelinePhase> timeline;
    std::vector<HabitPhase> habit_phases;
    std::vector<Prompt> prompts;
    std::vector<CatalogueGroup> catalogue;
    std::vector<Practice> practices;

    const CatalogueItem* find_item(std::string_view id) const;
    const CatalogueGroup* find_group(std::string_view key) const;
    const Prompt* find_prompt(std::string_view id) const;
    bool operator==(const Config&) const = default;
};

// The text of examples/config.toml, embedded at build time.
extern const std::string_view default_config_text;

// Parses the embedded default with `user_text` (named `user_name` in errors) layered over it:
// tables merge key by key, any other value (arrays included) replaces the default. Throws
// ConfigError with file:line:column.
Config parse(std::optional<std::string_view> user_text = std::nullopt,
             std::string_view user_name = "config");

// Reads `path` when it exists (a missing file means defaults only). Throws ConfigError.
Config load(const std::optional<std::string>& path);

} // namespace kint::config
