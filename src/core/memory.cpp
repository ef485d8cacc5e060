// Small allocations from free lists by size, for C++'s operator new and for SQLite
// (store/open.cpp).
//
// A kint process is short and runs one thread. glibc's malloc is built for long lives and many
// threads: a review's 4,500 small blocks (parser nodes, strings, map nodes) cost it about 240
// instructions each, a fifth of the whole command; Debian's SQLite is built without its own
// lookaside allocator, so all of its small blocks go there too. Here a freed block waits on the
// list of its size for the next allocation of that size, and the memory goes back to the system
// when the process ends. Blocks above `largest_small` (a page cache's pages, long vectors) are
// the system's, so a command that reads years holds no more than before.
#include "kint/core/memory.hpp"

#include <cstdint>
#include <cstdlib>
#include <new>

namespace kint::memory {
namespace {

// Every block carries its usable size in the 8 bytes before it (SQLite's allocator API asks it).
constexpr std::size_t header = 8;
constexpr std::size_t granule = 16;
constexpr std::size_t largest_small = 1024;
constexpr std::size_t chunk_bytes = 32 << 10;

struct FreeBlock {
    FreeBlock* next;
};

FreeBlock* free_lists[largest_small / granule + 1] = {};
char* chunk_next = nullptr;
char* chunk_end = nullptr;

std::uint64_t& size_field(const void* p) {
    return *reinterpret_cast<std::uint64_t*>(const_cast<char*>(static_cast<const char*>(p)) -
                                             header);
}

void* carve(std::size_t size, std::size_t total) {
    if (static_cast<std::size_t>(chunk_end - chunk_next) < total) {
        // A new chunk is rare; the old one's tail, smaller than this block, stays unused.
        chunk_next = static_cast<char*>(std::malloc(chunk_bytes));
        if (!chunk_next) {
            chunk_end = nullptr;
            return nullptr;
        }
        chunk_end = chunk_next + chunk_bytes;
    }
    char* raw = chunk_next;
    chunk_next += total;
    *reinterpret_cast<std::uint64_t*>(raw) = size;
    return raw + header;
}

} // namespace

std::size_t rounded(std::size_t n) noexcept {
    if (n == 0) n = 1;
    return n <= largest_small ? (n + granule - 1) / granule * granule : (n + 7) / 8 * 8;
}

void* allocate(std::size_t n) noexcept {
    const std::size_t size = rounded(n);
    if (size > largest_small) {
        auto* raw = static_cast<char*>(std::malloc(size + header));
        if (!raw) return nullptr;
        *reinterpret_cast<std::uint64_t*>(raw) = size;
        return raw + header;
    }
    FreeBlock*& list = free_lists[size / granule];
    if (FreeBlock* block = list) {
        list = block->next;
        return block;
    }
    return carve(size, size + header);
}

void release(void* p) noexcept {
    if (!p) return;
    const std::size_t size = size_field(p);
    if (size > largest_small) {
        std::free(static_cast<char*>(p) - header);
        return;
    }
    auto* block = static_cast<FreeBlock*>(p);
    block->next = free_lists[size / granule];
    free_lists[size / granule] = block;
}

std::size_t usable_size(const void* p) noexcept {
    return p ? size_field(p) : 0;
}

} // namespace kint::memory

// C++'s replaceable allocation functions ([new.delete.single]); new[], the nothrow forms and
// delete[] call these. The aligned forms stay the library's (aligned_alloc and free, a pair).
#if KINT_MEMORY_POOLED
void* operator new(std::size_t n) {
    if (void* p = kint::memory::allocate(n)) return p;
    throw std::bad_alloc();
}

void operator delete(void* p) noexcept {
    kint::memory::release(p);
}

void operator delete(void* p, std::size_t) noexcept {
    kint::memory::release(p);
}
#endif
