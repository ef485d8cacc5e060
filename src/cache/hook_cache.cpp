#include "kint/cache/hook_cache.hpp"

#include "kint/core/text.hpp"
#include "kint/io/files.hpp"

#include <charconv>
#include <fmt/format.h>
#include <optional>

namespace kint::cache {

std::string format_hook_cache(const HookCache& c) {
    return fmt::format("kint-hook-2 day_starts_at={} mood_reminder_after={} show_cues={} "
                       "show_mood_reminder={} show_focus={} show_due={} due_max_chars={} "
                       "low_mood_max={} low_mood_days={} low_mood_window={} week_starts={}\n"
                       "safety_sign={}\ncheck_in_sign={}\n",
                       c.day_starts_at, c.hook.mood_reminder_after, c.hook.show_cues ? 1 : 0,
                       c.hook.show_mood_reminder ? 1 : 0, c.hook.show_focus ? 1 : 0,
                       c.hook.show_due ? 1 : 0, c.hook.due_max_chars, c.safety.low_mood_max,
                       c.safety.low_mood_days, c.safety.low_mood_window, c.week_starts,
                       c.hook.safety_sign, c.hook.check_in_sign);
}

HookCache parse_hook_cache(std::string_view text) {
    HookCache c;
    if (text.substr(0, 12) != "kint-hook-2 ") return c;
    const std::string_view numbers = text.substr(0, text.find('\n'));
    auto value = [&](std::string_view key, int lo, int hi) -> std::optional<int> {
        const std::string needle = fmt::format(" {}=", key);
        const auto at = numbers.find(needle);
        if (at == std::string_view::npos) return std::nullopt;
        const char* begin = numbers.data() + at + needle.size();
        int v = 0;
        auto [end, ec] = std::from_chars(begin, numbers.data() + numbers.size(), v);
        if (ec != std::errc{} || v < lo || v > hi) return std::nullopt;
        return v;
    };
    // A sign's line: the text after "key=" up to the line's end (the config holds it to one line).
    auto sign = [&](std::string_view key, std::string& out) {
        const std::string needle = fmt::format("\n{}=", key);
        const auto at = text.find(needle);
        if (at == std::string_view::npos) return;
        const auto from = at + needle.size();
        const auto nl = text.find('\n', from);
        const auto line = text.substr(from, nl == std::string_view::npos ? 0 : nl - from);
        // Cut short, or bytes that would rewrite the prompt: the default sign.
        if (nl == std::string_view::npos || !text::valid_utf8(line) ||
            text::has_control_characters(line, false))
            return;
        out = std::string(line);
    };
    c.day_starts_at = value("day_starts_at", 0, 1439).value_or(c.day_starts_at);
    c.hook.mood_reminder_after =
        value("mood_reminder_after", 0, 1439).value_or(c.hook.mood_reminder_after);
    c.hook.show_cues = value("show_cues", 0, 1).value_or(c.hook.show_cues) == 1;
    c.hook.show_mood_reminder =
        value("show_mood_reminder", 0, 1).value_or(c.hook.show_mood_reminder) == 1;
    c.hook.show_focus = value("show_focus", 0, 1).value_or(c.hook.show_focus) == 1;
    // Missing in a cache an older kint wrote: the defaults, until the next command rewrites it.
    c.hook.show_due = value("show_due", 0, 1).value_or(c.hook.show_due) == 1;
    c.hook.due_max_chars =
        value("due_max_chars", 1, config::max_due_chars).value_or(c.hook.due_max_chars);
    // The rule's numbers together or not at all, as the config holds them.
    const auto max = value("low_mood_max", 0, 10);
    const auto days = value("low_mood_days", 1, config::max_low_mood_window);
    const auto window = value("low_mood_window", 1, config::max_low_mood_window);
    if (max && days && window && *window >= *days) {
        c.safety.low_mood_max = *max;
        c.safety.low_mood_days = *days;
        c.safety.low_mood_window = *window;
    }
    c.week_starts = value("week_starts", 0, 6).value_or(c.week_starts);
    sign("safety_sign", c.hook.safety_sign);
    sign("check_in_sign", c.hook.check_in_sign);
    return c;
}

std::string hook_cache_path(const std::string& store_path) {
    return store_path + ".hook";
}

HookCache read_hook_cache(const std::string& store_path) {
    const std::string text = io::read_small_file(hook_cache_path(store_path), 4096);
    if (text.empty()) return {};
    return parse_hook_cache(text);
}

void refresh_hook_cache(const std::string& store_path, const config::Settings& config) {
    // Best effort: a cache that cannot be written only means the hook uses its defaults.
    try {
        const std::string text = format_hook_cache(
            {config.day_starts_at, config.hook, config.safety, config.week_starts});
        const std::string path = hook_cache_path(store_path);
        if (io::read_small_file(path, text.size() + 1) == text) return;
        io::replace_cache_file(path, text);
    } catch (const std::exception&) {
    }
}

} // namespace kint::cache
