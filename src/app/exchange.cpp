#include "kint/app/exchange.hpp"

#include "kint/core/error.hpp"

#include <fmt/format.h>

namespace kint::app {

exchange::Snapshot export_snapshot(const store::Store& store) {
    return store.dump();
}

ImportResult import_snapshot(store::Store& store, const exchange::Snapshot& snapshot) {
    store.write([&] {
        if (!store.empty())
            throw UsageError(fmt::format("the store {} already holds data; import into a new store "
                                         "(--db NEW_PATH) so nothing is mixed or lost",
                                         store.path()));
        store.load(snapshot);
    });
    return {snapshot.intentions.size(),
            snapshot.cues.size(),
            snapshot.logs.size(),
            snapshot.ratings.size(),
            snapshot.journal.size(),
            snapshot.sessions.size(),
            store.path()};
}

} // namespace kint::app
