#pragma once
// SQLite's process-wide settings, as kint runs it (sqlite_settings.cpp).

namespace kint::store {

// One thread (no mutexes), a --db path never read as an SQLite URI, and kint's allocator for
// SQLite's small blocks (core/memory.hpp). They hold from SQLite's first connection on: the store
// applies them before it (open.cpp), and the benchmark's bare insert, built like kint, calls this
// first. A later call changes nothing. True when SQLite took every setting (false only if SQLite
// was started before the first call, which kint never does: the tests hold it to that).
bool configure_sqlite() noexcept;

} // namespace kint::store
