// kint init: the default config written, kept (checked) or replaced with a backup; the store's
// facts.
#include "kint/app/init.hpp"
#include "kint/app/intent.hpp"
#include "kint/config/config.hpp"
#include "kint/io/files.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

using namespace kint;
namespace fs = std::filesystem;

namespace {
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("kint_app_init_" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};
} // namespace

TEST_CASE(
    "app init_config: writes the default where none is, keeps one (checked), --force backs up") {
    TempDir dir;
    const std::string path = (dir.path / "kint" / "config.toml").string();
    int checks = 0;
    const auto check = [&] { ++checks; };
    const auto first = app::init_config(path, false, check);
    CHECK(first.written);
    CHECK_FALSE(first.backup);
    CHECK(checks == 0);
    CHECK(io::read_file(path, 1 << 22) == config::default_config_text);

    io::write_file_atomically(path, "# mine\n", io::Folders::must_exist);
    const auto kept = app::init_config(path, false, check);
    CHECK_FALSE(kept.written);
    CHECK(checks == 1);
    CHECK(io::read_file(path, 1 << 22) == "# mine\n");
    CHECK_THROWS_AS(app::init_config(path, false, [] { throw std::runtime_error("bad"); }),
                    std::runtime_error);

    const auto forced = app::init_config(path, true, check);
    CHECK(forced.written);
    REQUIRE(forced.backup);
    CHECK(*forced.backup == path + ".bak");
    CHECK(checks == 1);
    CHECK(io::read_file(*forced.backup, 1 << 22) == "# mine\n");
    CHECK(io::read_file(path, 1 << 22) == config::default_config_text);
}

TEST_CASE("app init_store: the store's place and schema, and whether it has history") {
    auto s = store::Store::open_memory();
    const app::ConfigInit cfg{"/x/config.toml", true, std::nullopt};
    const auto fresh = app::init_store(cfg, s);
    CHECK(fresh.config.path == "/x/config.toml");
    CHECK(fresh.store == s.path());
    CHECK(fresh.schema == store::schema_version);
    CHECK_FALSE(fresh.history);
    app::intent_add(s, config::parse(), test::D("2026-11-20"), {"I am open", {}, {}});
    CHECK(app::init_store(cfg, s).history);
}
