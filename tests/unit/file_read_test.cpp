// read_regular_file and the io readers and writers on it: never block on a FIFO, never read past
// the bound, name what a non-regular file is; --out's writer refuses to replace one.
#include "kint/core/error.hpp"
#include "kint/core/file.hpp"
#include "kint/io/files.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using kint::FileText;

namespace {

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/kint-file-read-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string at(const std::string& name) const { return path + "/" + name; }
};

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("file: read_regular_file reads, bounds and refuses without blocking") {
    TempDir d;
    write(d.at("a"), "hello");
    const auto ok = kint::read_regular_file(d.at("a"), 5);
    CHECK(ok.status == FileText::Status::ok);
    CHECK(ok.text == "hello");
    CHECK(ok.mtime_ns > 0);
    CHECK(kint::read_regular_file(d.at("a"), 4).status == FileText::Status::too_large);
    CHECK(kint::read_regular_file(d.at("none"), 4).status == FileText::Status::missing);

    REQUIRE(::mkfifo(d.at("fifo").c_str(), 0600) == 0);
    const auto fifo = kint::read_regular_file(d.at("fifo"), 100); // returns at once
    CHECK(fifo.status == FileText::Status::not_regular);
    CHECK(fifo.kind == "a FIFO");
    CHECK(kint::read_regular_file(d.path, 100).kind == "a folder");
    CHECK(kint::read_regular_file("/dev/zero", 100).kind == "a character device");

    REQUIRE(::symlink(d.at("l1").c_str(), d.at("l2").c_str()) == 0);
    REQUIRE(::symlink(d.at("l2").c_str(), d.at("l1").c_str()) == 0);
    CHECK(kint::read_regular_file(d.at("l1"), 100).status == FileText::Status::loop);

    // The caches' reader: a FIFO reads as nothing, at once.
    CHECK(kint::io::read_small_file(d.at("fifo"), 100).empty());
    CHECK(kint::io::read_small_file(d.at("a"), 3) == "hel");
    CHECK_THROWS_AS(kint::io::read_file(d.at("fifo"), 100), kint::NotFound);
    CHECK_THROWS_AS(kint::io::read_file(d.at("a"), 2), kint::UsageError);
}

TEST_CASE("file: write_file_atomically replaces regular files only, with its own temp name") {
    TempDir d;
    REQUIRE(::mkfifo(d.at("fifo").c_str(), 0600) == 0);
    fs::create_directory(d.at("dir"));
    for (const char* name : {"fifo", "dir"})
        CHECK_THROWS_AS(
            kint::io::write_file_atomically(d.at(name), "x", kint::io::Folders::must_exist),
            kint::UsageError);
    REQUIRE(::symlink("/dev/null", d.at("null").c_str()) == 0);
    CHECK_THROWS_AS(
        kint::io::write_file_atomically(d.at("null"), "x", kint::io::Folders::must_exist),
        kint::UsageError);
    CHECK(fs::is_symlink(d.at("null")));

    write(d.at("old.fixed-tmp"), "");
    kint::io::write_file_atomically(d.at("out"), "new", kint::io::Folders::must_exist);
    std::ifstream in(d.at("out"));
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "new");
    int names = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d.path))
        ++names;
    CHECK(names == 5); // fifo, dir, null, old.fixed-tmp, out: no temp file left

    CHECK(kint::io::same_file(d.at("out"), d.at("dir/../out")));
    CHECK(kint::io::same_file(d.at("new"), d.at("dir/../new"))); // by name when missing
    CHECK_FALSE(kint::io::same_file(d.at("out"), d.at("fifo")));
}
