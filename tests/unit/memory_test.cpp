// The process's small blocks (core/memory.cpp): sizes, reuse, and that C++ and SQLite use them.
#include "kint/core/memory.hpp"
#include "kint/store/sqlite_settings.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <sqlite3.h>
#include <vector>

using namespace kint;

TEST_CASE("memory: every size gets a block of its own, aligned, that holds what was asked") {
    std::vector<std::pair<unsigned char*, std::size_t>> blocks;
    std::vector<std::size_t> sizes;
    for (std::size_t n = 0; n <= 2100; n += (n < 80 ? 1 : 37))
        sizes.push_back(n);
    for (std::size_t n : {1000, 1015, 1016, 1017, 1023, 1024, 1025})
        sizes.push_back(n); // either side of the largest list's blocks (1,016 bytes)
    for (std::size_t n : sizes) {
        auto* p = static_cast<unsigned char*>(memory::allocate(n));
        REQUIRE(p != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0); // operator new's alignment
        CHECK(memory::usable_size(p) >= n);
        CHECK(memory::usable_size(p) == memory::rounded(n));
        std::memset(p, static_cast<int>(n & 0xFF), memory::usable_size(p));
        blocks.emplace_back(p, n);
    }
    // No block overlaps another: each still holds its own pattern.
    for (const auto& [p, n] : blocks)
        for (std::size_t i = 0; i < memory::usable_size(p); ++i)
            REQUIRE(p[i] == static_cast<unsigned char>(n & 0xFF));
    for (const auto& [p, n] : blocks)
        memory::release(p);
    memory::release(nullptr);
    CHECK(memory::usable_size(nullptr) == 0);
    CHECK(memory::rounded(0) == 8);
    CHECK(memory::rounded(9) == 24);
    CHECK(memory::rounded(1016) == 1016);
    CHECK(memory::rounded(1017) == 1024);
}

TEST_CASE("memory: a request beyond any memory is refused, never wrapped to a small block") {
    CHECK(memory::allocate(SIZE_MAX) == nullptr);
    CHECK(memory::allocate(SIZE_MAX - 20) == nullptr);
    CHECK(memory::allocate(std::size_t{1} << 62) == nullptr);
    CHECK(memory::rounded(SIZE_MAX) == SIZE_MAX);
    // kint's operator new throws, as the library's does (under AddressSanitizer it is the
    // sanitizer's, which reports the size instead). volatile: the size is not known to the
    // compiler.
    volatile std::size_t huge = SIZE_MAX - 20;
    if (memory::pooled) CHECK_THROWS_AS(::operator delete(::operator new(huge)), std::bad_alloc);
}

TEST_CASE("memory: a freed small block serves the next allocation of its size") {
    void* a = memory::allocate(40);
    memory::release(a);
    void* b = memory::allocate(33); // the same class: 40 usable bytes
    void* c = memory::allocate(40); // the list is empty again: a new block
    if (memory::pooled) CHECK(b == a);
    CHECK_FALSE(memory::from_system(b));
    memory::release(b);
    memory::release(c);
    // The latest freed first.
    void* d = memory::allocate(40);
    void* e = memory::allocate(40);
    if (memory::pooled) {
        CHECK(d == c);
        CHECK(e == b);
    }
    memory::release(d);
    memory::release(e);
}

TEST_CASE("memory: C++'s new and delete use the pool") {
    // The linker keeps the library's operator new unless kint's own is linked in its place.
    auto small = std::make_unique<std::array<char, 40>>();
    if (memory::pooled) CHECK(memory::usable_size(small.get()) == 40);
    std::vector<int> grown;
    for (int i = 0; i < 10000; ++i)
        grown.push_back(i);
    CHECK(grown[9999] == 9999);
    if (memory::pooled) CHECK(memory::usable_size(grown.data()) >= grown.capacity() * sizeof(int));
}

TEST_CASE("memory: SQLite's allocations use the pool, and its realloc keeps the bytes") {
    // The store set SQLite up before its first connection, and SQLite took every setting.
    CHECK(store::configure_sqlite());
    REQUIRE(sqlite3_initialize() == SQLITE_OK);
    if (memory::pooled) {
        // Only kint's lists round 9 bytes up to 24 (SQLite's own allocator gives 16), and hand a
        // block SQLite freed to the next request of its size.
        void* nine = sqlite3_malloc(9);
        CHECK(sqlite3_msize(nine) == 24);
        sqlite3_free(nine);
        void* again = memory::allocate(20);
        CHECK(again == nine);
        memory::release(again);
    }
    auto* p = static_cast<char*>(sqlite3_malloc(40));
    REQUIRE(p != nullptr);
    if (memory::pooled) CHECK(memory::usable_size(p) == 40);
    CHECK(sqlite3_msize(p) >= 40);
    std::memcpy(p, "forty bytes of a row that SQLite holds..", 40);
    p = static_cast<char*>(sqlite3_realloc(p, 5000)); // from a small block to the system's
    REQUIRE(p != nullptr);
    CHECK(std::memcmp(p, "forty bytes of a row that SQLite holds..", 40) == 0);
    CHECK(sqlite3_msize(p) >= 5000);
    p = static_cast<char*>(sqlite3_realloc(p, 20)); // shrinking keeps the block and its bytes
    REQUIRE(p != nullptr);
    CHECK(std::memcmp(p, "forty bytes of a row", 20) == 0);
    sqlite3_free(p);

    // Rows of every size through the parser, the page cache and the sorter.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                         "SELECT i + 1 FROM n WHERE i < 300) INSERT INTO t SELECT "
                         "printf('%.*c', i * 37, 'k') FROM n ORDER BY random()",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT length(x) FROM t ORDER BY x", -1, &st, nullptr) ==
            SQLITE_OK);
    int rows = 0;
    bool ascending = true;
    int last = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const int length = sqlite3_column_int(st, 0);
        ascending = ascending && length > last;
        last = length;
        ++rows;
    }
    CHECK(rows == 300);
    CHECK(ascending);
    CHECK(last == 300 * 37);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST_CASE("memory: past the pool's limit, small blocks are the system's and still work") {
    // More small blocks than the pool keeps (2 MB of chunks): the later ones come from malloc,
    // keep their usable size, and go back to it.
    std::vector<void*> blocks;
    for (int i = 0; i < 60000; ++i) {
        auto* p = static_cast<unsigned char*>(memory::allocate(56));
        REQUIRE(p != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
        CHECK(memory::usable_size(p) == 56);
        p[0] = static_cast<unsigned char>(i);
        p[55] = static_cast<unsigned char>(i >> 8);
        blocks.push_back(p);
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const auto* p = static_cast<unsigned char*>(blocks[i]);
        REQUIRE(p[0] == static_cast<unsigned char>(i));
        REQUIRE(p[55] == static_cast<unsigned char>(i >> 8));
    }
    // 60,000 blocks of 64 bytes are more than 2 MiB of chunks hold: the last ones are the
    // system's.
    CHECK(memory::from_system(blocks.back()));
    for (void* p : blocks)
        memory::release(p);
    // Freed, they serve again.
    void* again = memory::allocate(50);
    CHECK(memory::usable_size(again) == 56);
    memory::release(again);
}
