#pragma once
// What every command that opened a store ends with: the caches beside it brought in step.
#include "kint/cache/config_cache.hpp"
#include "kint/store/store.hpp"

#include <optional>

namespace kint::cache {

// Refills the prompt segment's cache (for `today` on), drops a daily view the store no longer
// matches, and refills the hook's settings (when `settings` were read this run).
void refresh_after(store::Store& store, std::optional<Day> today, const config::Settings* settings);

} // namespace kint::cache
