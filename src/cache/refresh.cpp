#include "kint/cache/refresh.hpp"

#include "kint/cache/hook_cache.hpp"
#include "kint/cache/segment_cache.hpp"
#include "kint/cache/view_cache.hpp"

namespace kint::cache {

void refresh_after(store::Store& store, std::optional<Day> today,
                   const config::Settings* settings) {
    // With no stamp to check it against, a view kept goes too.
    drop_stale_view(store.path(), refresh_segment_cache(store, today).value_or(""));
    if (settings) refresh_hook_cache(store.path(), *settings);
}

} // namespace kint::cache
