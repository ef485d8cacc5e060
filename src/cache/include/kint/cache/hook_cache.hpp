#pragma once
// What the prompt hook needs from the config, in a form that is cheap to read: a line of
// "key=value" numbers, then one line per sign ("safety_sign=text"), beside the store
// (<store>.hook), so the hook never parses TOML.
#include "kint/config/config.hpp"

#include <string>
#include <string_view>

namespace kint::cache {

struct HookCache {
    Minutes day_starts_at = 4 * 60;
    config::Hook hook;
    config::Safety safety; // the rule's numbers only (not its message or contact)
    int week_starts = 0;   // 0 = Monday ... 6 = Sunday: a --per N/week cue's weeks
};
std::string format_hook_cache(const HookCache& cache);
// Falls back to the defaults for anything missing or malformed.
HookCache parse_hook_cache(std::string_view text);

std::string hook_cache_path(const std::string& store_path);
// The settings cached beside the store at `store_path`, or the defaults when there is no cache.
HookCache read_hook_cache(const std::string& store_path);
// Best effort: rewrites the cache only when `config` says something else.
void refresh_hook_cache(const std::string& store_path, const config::Settings& config);

} // namespace kint::cache
