// Views kept beside the store (cache::view_cache), from the runtime's side: what a view must match
// to be shown again, showing and keeping one, and what a run that showed one still keeps.
#include "runtime.hpp"

#include "kint/cache/config_cache.hpp"
#include "kint/core/error.hpp"

#include <fmt/format.h>

namespace kint::cli {

std::optional<cache::ViewStamp> Runtime::view_stamp(std::string_view kind,
                                                    std::string_view options) {
    const auto request = fmt::format("{} {} day {} json {} color {} width {}", kind, options,
                                     format_day(today()), json(), color(), width());
    return cache::view_stamp(store_path(), config_path(), kind, request);
}

bool Runtime::show_kept_view(const std::optional<cache::ViewStamp>& stamp) {
    if (!stamp) return false;
    const auto kept = cache::read_view_cache(store_path(), *stamp);
    if (!kept) return false;
    out << *kept;
    m_view_shown = true; // finish() then keeps the config's cache
    return true;
}

void Runtime::keep_view(const std::optional<cache::ViewStamp>& stamp, std::string_view view) {
    if (stamp && m_store && m_store->skipped_rows().empty())
        cache::write_view_cache(store_path(), *stamp, view);
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
