#pragma once
// The process's small allocations, C++'s and SQLite's, from free lists by size (memory.cpp).
#include <cstddef>

// Off under AddressSanitizer (gcc says so one way, clang another), which must see every
// allocation to check it.
#if defined(__SANITIZE_ADDRESS__)
#define KINT_MEMORY_POOLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KINT_MEMORY_POOLED 0
#endif
#endif
#ifndef KINT_MEMORY_POOLED
#define KINT_MEMORY_POOLED 1
#endif

namespace kint::memory {

inline constexpr bool pooled = KINT_MEMORY_POOLED == 1;

// At least `n` bytes aligned to 16, or nullptr when the system has no memory left (or `n` is
// beyond any memory: operator new then throws std::bad_alloc, as the library's does).
void* allocate(std::size_t n) noexcept;
// Gives back a block from allocate (nullptr does nothing).
void release(void* p) noexcept;
// The bytes a block from allocate can hold: its size rounded up to its class.
std::size_t usable_size(const void* p) noexcept;
// What allocate(n) would hold.
std::size_t rounded(std::size_t n) noexcept;
// True when the block is the system's (larger than a list's, or past the lists' limit).
bool from_system(const void* p) noexcept;

} // namespace kint::memory
