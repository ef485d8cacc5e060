#pragma once
// kint export / kint import: everything in a store as one Snapshot, and a Snapshot into an empty
// store. Reading and writing the file's JSON or CSV is render/exchange.hpp's.
#include "kint/domain/snapshot.hpp"
#include "kint/store/store.hpp"

#include <cstddef>
#include <string>

namespace kint::app {

exchange::Snapshot export_snapshot(const store::Store& store);

struct ImportResult {
    std::size_t intentions = 0, cues = 0, logs = 0, ratings = 0, journal = 0, sessions = 0;
    std::string store_path;
};
// Loads `snapshot` into the store when it holds no data: the check and the load are one
// transaction, so two imports at once can never mix. A store with data is a UsageError and keeps
// what it has.
ImportResult import_snapshot(store::Store& store, const exchange::Snapshot& snapshot);

} // namespace kint::app
