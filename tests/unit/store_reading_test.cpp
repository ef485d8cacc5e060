// Store::reading: a view's reads in one read transaction. Every statement in it sees the store as
// it was at the first, whatever another process writes meanwhile; the next read sees the write.
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace kint;
using kint::test::D;

TEST_CASE("store: reads in one read transaction see one state of the store") {
    const auto dir = fs::temp_directory_path() / ("kint-reading-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto path = (dir / "kint.db").string();
    {
        auto writer = store::Store::open(path);
        writer.write([&] { writer.put_rating({D("2026-11-01"), RatingKind::mood, 5}); });
    }
    auto reader = store::Store::open(path);
    auto writer = store::Store::open(path); // another process, as far as SQLite can tell
    const DayRange all{D("2026-01-01"), D("2026-12-31")};
    std::size_t first = 0, during = 0, nested = 0;
    reader.reading([&] {
        first = reader.ratings(all).size();
        writer.write([&] { writer.put_rating({D("2026-11-02"), RatingKind::mood, 6}); });
        during = reader.ratings(all).size();
        reader.reading([&] { nested = reader.ratings(all).size(); }); // simply runs inside
    });
    CHECK(first == 1);
    CHECK(during == 1); // the write landed after the first read: not seen inside
    CHECK(nested == 1);
    CHECK(reader.ratings(all).size() == 2); // the next read sees it
    // A read transaction that ends by an exception leaves the store readable and writable.
    CHECK_THROWS_AS(reader.reading([&] {
        (void)reader.ratings(all);
        throw std::runtime_error("a renderer failed");
    }),
                    std::runtime_error);
    writer.write([&] { writer.put_rating({D("2026-11-03"), RatingKind::mood, 7}); });
    CHECK(reader.ratings(all).size() == 3);
    fs::remove_all(dir);
}
