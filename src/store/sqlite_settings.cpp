#include "kint/store/sqlite_settings.hpp"

#include "kint/core/memory.hpp"

#include <cstring>
#include <sqlite3.h>

namespace kint::store {
namespace {

// SQLite never asks for a size below 1 (its docs); one below 0 is refused, not wrapped.
void* sqlite_allocate(int n) {
    return n < 0 ? nullptr : memory::allocate(static_cast<std::size_t>(n));
}

void sqlite_release(void* p) {
    memory::release(p);
}

int sqlite_size(void* p) {
    return static_cast<int>(memory::usable_size(p));
}

void* sqlite_reallocate(void* p, int n) {
    if (n < 0) return nullptr;
    const auto want = static_cast<std::size_t>(n);
    const std::size_t had = memory::usable_size(p);
    if (p && want <= had) return p;
    void* moved = memory::allocate(want);
    if (moved && p) std::memcpy(moved, p, had);
    if (moved) memory::release(p);
    return moved;
}

int sqlite_roundup(int n) {
    return n < 0 ? n : static_cast<int>(memory::rounded(static_cast<std::size_t>(n)));
}

int sqlite_memory_init(void*) {
    return SQLITE_OK;
}

void sqlite_memory_shutdown(void*) {}

constexpr sqlite3_mem_methods kint_memory{
    sqlite_allocate, sqlite_release,     sqlite_reallocate,      sqlite_size,
    sqlite_roundup,  sqlite_memory_init, sqlite_memory_shutdown, nullptr};

} // namespace

bool configure_sqlite() noexcept {
    static const bool configured = [] {
        // A --db path is a file name, never an SQLite URI ("file:x?mode=memory" kept nothing),
        // whatever the library was built with.
        bool ok = sqlite3_config(SQLITE_CONFIG_URI, 0) == SQLITE_OK;
        // kint runs one thread: SQLite's mutexes are pure cost to it. (Its allocator's statistics
        // stay: without them the soft heap limit that bounds the page cache is not kept.)
        ok = sqlite3_config(SQLITE_CONFIG_SINGLETHREAD) == SQLITE_OK && ok;
        // Debian builds SQLite without its lookaside allocator, so each parser node and row
        // buffer would be a malloc and a free: its small blocks come from kint's free lists.
        if (memory::pooled)
            ok = sqlite3_config(SQLITE_CONFIG_MALLOC, &kint_memory) == SQLITE_OK && ok;
        return ok;
    }();
    return configured;
}

} // namespace kint::store
