#include "kint/cache/hook_cache.hpp"

#include "kint/io/files.hpp"

#include <charconv>
#include <fmt/format.h>
#include <optional>

namespace kint::cache {

std::string format_hook_cache(const HookCache& c) {
    return fmt::format("kint-hook-1 day_starts_at={} mood_reminder_after={} show_cues={} "
                       "show_mood_reminder={} show_focus={}\n",
                       c.day_starts_at, c.hook.mood_reminder_after, c.hook.show_cues ? 1 : 0,
                       c.hook.show_mood_reminder ? 1 : 0, c.hook.show_focus ? 1 : 0);
}

HookCache parse_hook_cache(std::string_view text) {
    HookCache c;
    if (text.substr(0, 12) != "kint-hook-1 ") return c;
    auto value = [&](std::string_view key, int lo, int hi) -> std::optional<int> {
        const std::string needle = fmt::format(" {}=", key);
        const auto at = text.find(needle);
        if (at == std::string_view::npos) return std::nullopt;
        const char* begin = text.data() + at + needle.size();
        int v = 0;
        auto [end, ec] = std::from_chars(begin, text.data() + text.size(), v);
        if (ec != std::errc{} || v < lo || v > hi) return std::nullopt;
        return v;
    };
    c.day_starts_at = value("day_starts_at", 0, 1439).value_or(c.day_starts_at);
    c.hook.mood_reminder_after =
        value("mood_reminder_after", 0, 1439).value_or(c.hook.mood_reminder_after);
    c.hook.show_cues = value("show_cues", 0, 1).value_or(c.hook.show_cues) == 1;
    c.hook.show_mood_reminder =
        value("show_mood_reminder", 0, 1).value_or(c.hook.show_mood_reminder) == 1;
    c.hook.show_focus = value("show_focus", 0, 1).value_or(c.hook.show_focus) == 1;
    return c;
}

std::string hook_cache_path(const std::string& store_path) {
    return store_path + ".hook";
}

HookCache read_hook_cache(const std::string& store_path) {
    const std::string text = io::read_small_file(hook_cache_path(store_path), 4096);
    if (text.empty()) return {};
    return parse_hook_cache(std::string_view(text).substr(0, text.find('\n')));
}

void refresh_hook_cache(const std::string& store_path, const config::Config& config) {
    // Best effort: a cache that cannot be written only means the hook uses its defaults.
    try {
        const std::string text = format_hook_cache({config.day_starts_at, config.hook});
        const std::string path = hook_cache_path(store_path);
        if (io::read_small_file(path, text.size() + 1) == text) return;
        io::replace_cache_file(path, text);
    } catch (const std::exception&) {
    }
}

} // namespace kint::cache
