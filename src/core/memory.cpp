// Small allocations from free lists by size, for C++'s operator new and for SQLite
// (store/sqlite_settings.cpp).
//
// A kint process is short and runs one thread. glibc's malloc is built for long lives and many
// threads: a review's 4,500 small blocks (parser nodes, strings, map nodes) cost it about 240
// instructions each, a fifth of the whole command; Debian's SQLite is built without its own
// lookaside allocator, so all of its small blocks go there too. Here a freed block waits on the
// list of its size for the next allocation of that size, and the memory goes back to the system
// when the process ends. Larger blocks (a page cache's pages, long vectors) are the system's.
#include "kint/core/memory.hpp"

#include <cstdint>
#include <cstdlib>
#include <new>

namespace kint::memory {
namespace {

// Every block is 16-byte aligned, as operator new must give, and carries its usable size in the 8
// bytes before it (SQLite's allocator API asks for it). A small block's usable size is 8 more than
// a multiple of 16, so a block and its size take a multiple of 16 bytes and the next block in the
// chunk is aligned too: the same footprint as glibc's chunk for the same request.
constexpr std::size_t header = 8;
constexpr std::size_t align = 16;
constexpr std::size_t classes = 64;
constexpr std::size_t largest_small = (classes - 1) * align + header; // 1,016 bytes
constexpr std::size_t chunk_bytes = 32 << 10;
// Past this many bytes of chunks, small blocks are the system's too: a command that holds a whole
// store at once (export, a first sync) and then frees it gets that memory back for its next phase,
// which the lists would not give it (a ten-year export peaks at 53 MB, against 62 MB with no limit
// and 50 MB with glibc's alone). The everyday commands use under 1 MB of small blocks.
constexpr std::size_t pool_limit = 2 << 20;
// Marks a block of the system's in its size field, whatever its size.
constexpr std::uint64_t system_mark = std::uint64_t{1} << 62;
// No request this large is met (nor could it be): its size would reach the mark, or wrap.
constexpr std::size_t largest_request = system_mark - 2 * align;

struct FreeBlock {
    FreeBlock* next;
};

// Class k holds blocks of k * 16 + 8 usable bytes.
FreeBlock* free_lists[classes] = {};
// The next block's size field in the current chunk (a block starts 8 bytes after it).
char* chunk_next = nullptr;
char* chunk_end = nullptr;
std::size_t chunks_taken = 0;

// A small request's usable size: 8 more than a multiple of 16 (see above).
std::size_t small_usable(std::size_t n) {
    return n <= header ? header : (n - header + align - 1) / align * align + header;
}

std::size_t large_usable(std::size_t n) {
    return (n + align - 1) / align * align;
}

std::size_t class_of(std::size_t usable) {
    return (usable - header) / align;
}

std::uint64_t& size_field(const void* p) {
    return *reinterpret_cast<std::uint64_t*>(const_cast<char*>(static_cast<const char*>(p)) -
                                             header);
}

void* system_block(std::size_t usable, std::uint64_t mark) {
    // 16 bytes before the block keep it aligned; its size sits in the last 8 of them.
    auto* raw = static_cast<char*>(std::malloc(usable + align));
    if (!raw) return nullptr;
    *reinterpret_cast<std::uint64_t*>(raw + align - header) = usable | mark;
    return raw + align;
}

void* carve(std::size_t usable) {
    const std::size_t footprint = usable + header;
    if (static_cast<std::size_t>(chunk_end - chunk_next) < footprint) {
        if (chunks_taken + chunk_bytes > pool_limit) return system_block(usable, system_mark);
        // A new chunk is rare; the old one's tail, smaller than this block, stays unused.
        auto* chunk = static_cast<char*>(std::malloc(chunk_bytes));
        if (!chunk) return nullptr;
        chunks_taken += chunk_bytes;
        chunk_next = chunk + align - header; // malloc's memory is 16-byte aligned
        chunk_end = chunk + chunk_bytes;
    }
    char* field = chunk_next;
    chunk_next += footprint;
    *reinterpret_cast<std::uint64_t*>(field) = usable;
    return field + header;
}

} // namespace

std::size_t rounded(std::size_t n) noexcept {
    if (n <= largest_small) return small_usable(n);
    return n > largest_request ? n : large_usable(n);
}

void* allocate(std::size_t n) noexcept {
    if (n <= largest_small) {
        const std::size_t usable = small_usable(n);
        FreeBlock*& list = free_lists[class_of(usable)];
        if (FreeBlock* block = list) {
            list = block->next;
            return block;
        }
        return carve(usable);
    }
    if (n > largest_request) return nullptr; // operator new then throws std::bad_alloc
    return system_block(large_usable(n), 0);
}

void release(void* p) noexcept {
    if (!p) return;
    const std::uint64_t field = size_field(p);
    if (field > largest_small) { // large, or marked as the system's
        std::free(static_cast<char*>(p) - align);
        return;
    }
    const std::size_t usable = field;
    auto* block = static_cast<FreeBlock*>(p);
    FreeBlock*& list = free_lists[class_of(usable)];
    block->next = list;
    list = block;
}

std::size_t usable_size(const void* p) noexcept {
    return p ? size_field(p) & ~system_mark : 0;
}

bool from_system(const void* p) noexcept {
    return p && size_field(p) > largest_small;
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
