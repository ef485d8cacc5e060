// The day's view kept beside the store (cache::view_cache), from the runtime's side: what a view
// must match to be shown again, and what a run that showed one still keeps.
#include "runtime.hpp"

#include "kint/cache/config_cache.hpp"
#include "kint/core/error.hpp"

#include <fmt/format.h>

namespace kint::cli {

std::optional<cache::ViewStamp> Runtime::view_stamp(std::string_view what) {
    const auto request = fmt::format("{} day {} json {} color {} width {}", what,
                                     format_day(today()), json(), color(), width());
    return cache::view_stamp(store_path(), config_path(), request);
}

void Runtime::keep_config_beside_view() {
    // No store was opened, so nothing else refreshes the config's cache: without this every later
    // view would parse the TOML again.
    const auto parsed = parsed_config();
    if (!parsed) return;
    try {
        cache::write_config_cache(cache::config_cache_path(store_path()), *parsed, *m_config);
    } catch (const Error&) {
    }
}

} // namespace kint::cli
