// replace_cache_file under concurrency: every command refills the caches beside the store, so two
// commands may write the same cache at once. A reader must only ever see one whole file.
#include "kint/io/files.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A payload a reader can check whole: `size` copies of one letter.
bool whole(const std::string& text, std::size_t size) {
    return text.size() == size && text.find_first_not_of(text.front()) == std::string::npos;
}

} // namespace

TEST_CASE("replace_cache_file: concurrent writers never leave a mixed or partial file") {
    const fs::path dir =
        fs::temp_directory_path() / fs::path("kint-cache-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "kint.db.segment").string();
    constexpr std::size_t size = 1024 * 1024; // slow enough to write that the writers overlap
    constexpr int writers = 6, rounds = 100;

    std::vector<pid_t> children;
    for (int w = 0; w < writers; ++w) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            const std::string text(size, static_cast<char>('a' + w));
            int refused = 0;
            for (int i = 0; i < rounds; ++i)
                if (!kint::io::replace_cache_file(path, text)) ++refused;
            std::_Exit(refused);
        }
        children.push_back(pid);
    }
    int seen = 0, bad = 0, refused = 0;
    for (int alive = writers; alive > 0;) {
        if (fs::exists(path)) {
            const std::string text = slurp(path);
            // A rename may land between exists() and open(); an empty read is no file, not a torn
            // one.
            if (!text.empty()) {
                ++seen;
                if (!whole(text, size)) ++bad;
            }
        }
        int status = 0;
        if (::waitpid(-1, &status, WNOHANG) > 0) {
            --alive;
            refused += WIFEXITED(status) ? WEXITSTATUS(status) : 1;
        }
    }
    const std::string last = slurp(path);
    CHECK(seen > 0);
    CHECK(bad == 0);
    CHECK(refused == 0); // no writer's temp file was taken away by another's
    CHECK(whole(last, size));
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // No temp files are left behind once every writer is done.
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++files;
    CHECK(files == 1);
    fs::remove_all(dir);
}
