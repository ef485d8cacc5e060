// Privacy: every file kint writes is the owner's alone, removed text does not linger in the
// store, and the binary has no way to talk to a network.
#include "harness.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace kint::e2e;

namespace {

// What `command` prints on stdout (popen: the test's own tool calls, never kint's input).
std::string output_of(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    while (const auto n = std::fread(buf.data(), 1, buf.size(), pipe.get()))
        out.append(buf.data(), n);
    return out;
}

} // namespace

TEST_CASE("privacy: every file and folder kint writes is 0600 / 0700 under umask 0") {
    Sandbox s;
    const mode_t permissive = 0;
    auto ok = [&](const std::vector<std::string>& args) {
        const auto r = s.run(args, {}, permissive);
        INFO(r.err);
        REQUIRE(r.code == 0);
    };
    ok({"intent", "add", "Be gentle"});
    ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    ok({"log", "1"});
    ok({"rate", "4", "--note", "tired"});
    // --out writes into folders that exist (made here, private, as a person would keep them).
    for (const char* dir : {"out", "out/exports", "out/reviews"}) {
        std::filesystem::create_directories(s.path(dir));
        REQUIRE(::chmod(s.path(dir).c_str(), 0700) == 0);
    }
    ok({"export", "--out", s.path("out/exports/kint.json")});
    ok({"export", "--format", "csv", "--out", s.path("out/exports/kint.csv")});
    for (const char* format : {"text", "markdown", "json", "html"})
        ok({"review", "--format", format, "--out",
            s.path(std::string("out/reviews/review.") + format)});
    // A store from the first schema: its first write backs it up before migrating.
    const auto old_db = s.path("old/kint.db");
    std::filesystem::create_directories(s.path("old"));
    std::filesystem::copy_file(s.db(), old_db);
    REQUIRE(sqlite3(s, old_db, schema_v1_sql) == 0);
    REQUIRE(::chmod(old_db.c_str(), 0600) == 0);
    REQUIRE(::chmod(s.path("old").c_str(), 0700) == 0);
    REQUIRE(s.run({"--db", old_db, "rate", "5", "--day", "-1"}, {}, permissive).code == 0);
    REQUIRE(mode_of(old_db + ".bak-v1") != -1);

    std::size_t checked = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(s.dir())) {
        const auto path = e.path().string();
        if (path == s.config()) continue; // written by the test, not by kint
        CAPTURE(path);
        CHECK(mode_of(path) == (e.is_directory() ? 0700 : 0600));
        ++checked;
    }
    CHECK(checked >= 14);
}

TEST_CASE("privacy: replaced notes and undone logs leave no trace in the store's bytes") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    s.ok({"rate", "2", "--note", "SECRET-RATING-NOTE"});
    s.ok({"log", "1", "--note", "SECRET-LOG-NOTE"});
    REQUIRE(contains(*read_file(s.db()) + read_file(s.db() + "-wal").value_or(""),
                     "SECRET-RATING-NOTE"));
    s.ok({"rate", "3", "--note", "a calmer evening"});
    s.ok({"log", "1", "--undo"});
    const auto bytes = *read_file(s.db()) + read_file(s.db() + "-wal").value_or("");
    CHECK_FALSE(contains(bytes, "SECRET-RATING-NOTE"));
    CHECK_FALSE(contains(bytes, "SECRET-LOG-NOTE"));
    CHECK(contains(bytes, "a calmer evening"));
}

TEST_CASE("privacy: the kint binary links no network functions") {
    // Undefined dynamic symbols for a dynamic binary, the symbol table for a static one.
    const std::string binary = KINT_BINARY;
    auto symbols = output_of("nm -D --undefined-only '" + binary + "' 2>/dev/null");
    symbols += output_of("nm '" + binary + "' 2>/dev/null");
    REQUIRE_FALSE(symbols.empty());
    for (const char* fn : {"socket", "connect", "getaddrinfo", "gethostbyname", "sendto", "sendmsg",
                           "recvfrom", "bind", "listen", "accept"}) {
        CAPTURE(fn);
        // Whole symbol names only: "bind" must not match sqlite3_bind_text.
        bool found = false;
        std::size_t at = 0;
        const std::string name = fn;
        while ((at = symbols.find(name, at)) != std::string::npos) {
            const bool starts = at > 0 && symbols[at - 1] == ' ';
            const auto end = at + name.size();
            const bool ends = end == symbols.size() || symbols[end] == '\n' || symbols[end] == '@';
            found = found || (starts && ends);
            at = end;
        }
        CHECK_FALSE(found);
    }
}

TEST_CASE("privacy: a symlink planted at the temp path is not followed") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    const auto victim = s.path("victim.txt");
    write_file(victim, "keep me");
    const auto out = s.path("export.json");
    REQUIRE(::symlink(victim.c_str(), (out + ".kint-tmp").c_str()) == 0);
    s.ok({"export", "--out", out});
    CHECK(read_file(victim) == std::string("keep me"));
    CHECK(contains(*read_file(out), "Be gentle"));
    CHECK(mode_of(out) == 0600);
    // Each writer's temp file has a name of its own (created O_EXCL | O_NOFOLLOW): a planted link
    // is neither followed nor needed.
    CHECK(std::filesystem::is_symlink(out + ".kint-tmp"));
}
