// Trust at the edges (issue 11): output that cannot be written, special files in kint's places,
// --out onto what it must not replace, and the foot-guns of --db, --today and error messages.
// Each refusal: its exit code, one line on stderr, and a store left byte for byte as it was.
#include "harness.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kint::e2e;
namespace fs = std::filesystem;

namespace {

void seed(Sandbox& s) {
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath"});
    s.ok({"log", "1"});
    s.ok({"rate", "6"});
}

// Runs kint through `sh -c SCRIPT sh ARGS... kint ...` (the harness appends kint and its args).
Result run_sh(Sandbox& s, const std::string& script, const std::vector<std::string>& args,
              const std::vector<std::string>& sh_args = {}) {
    const auto saved = s.wrapper;
    s.wrapper = {"/bin/sh", "-c", script};
    if (sh_args.empty()) s.wrapper.push_back("sh"); // $0; else the first is $0
    s.wrapper.insert(s.wrapper.end(), sh_args.begin(), sh_args.end());
    auto r = s.run(args);
    s.wrapper = saved;
    return r;
}

// The names in `dir` that start with `prefix` (temp files left behind).
std::vector<std::string> names_starting(const std::string& dir, const std::string& prefix) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind(prefix, 0) == 0)
            names.push_back(e.path().filename().string());
    return names;
}

void make_fifo(const std::string& path) {
    fs::remove(path);
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
}

bool is_fifo(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

} // namespace

TEST_CASE("faults: output that cannot be written is a failure, a closed pipe ends quietly") {
    Sandbox s;
    seed(s);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"export"},
                                                 {"today"},
                                                 {"rate", "list"},
                                                 {"--help"},
                                                 {"--version"}}) {
        CAPTURE(args.front());
        const auto r = run_sh(s, "exec \"$@\" > /dev/full", args);
        CHECK(r.code == 1);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, "kint: could not write the output: No space left on device"));
    }
    // A file-size limit on the file stdout goes to (ulimit -f 1: 512 or 1024 bytes).
    const auto limited =
        run_sh(s, "ulimit -f 1 && exec \"$@\" > \"$0\"", {"export"}, {s.path("big.json")});
    CHECK(limited.code == 1);
    CHECK(is_error_line(limited.err)); // (faults_test.sh: the limit reached by the output)
    // A reader that stops early: no message, whatever the timing.
    for (int i = 0; i < 3; ++i) {
        const auto piped = run_sh(s, "\"$@\" | head -c 1 > /dev/null", {"export"});
        CHECK(piped.err.empty());
        CHECK(run_sh(s, "\"$@\" | true", {"export"}).err.empty());
    }
    // The prompt hook never fails, not even on its output.
    const auto hook = run_sh(s, "exec \"$@\" > /dev/full", {"hook", "prompt"}, {});
    CHECK(hook.code == 0);
    CHECK(hook.err.empty());
}

TEST_CASE("faults: --out - is standard output, --out refuses the store and special files") {
    Sandbox s;
    seed(s);
    const auto expected = s.ok({"export"}).out;
    const auto dash = run_sh(s, "cd \"$0\" && exec \"$@\"", {"export", "--out", "-"}, {s.dir()});
    CHECK(dash.code == 0);
    CHECK(dash.out == expected);
    CHECK_FALSE(fs::exists(s.path("-")));
    CHECK(s.ok({"review", "--out", "-"}).out == s.ok({"review"}).out);

    const auto before = s.snapshot();
    const auto store_bytes = read_file(s.db());
    fs::create_directory(s.path("folder"));
    make_fifo(s.path("fifo"));
    REQUIRE(::symlink("/dev/null", s.path("null").c_str()) == 0);
    REQUIRE(::symlink(s.db().c_str(), s.path("store-link").c_str()) == 0);
    struct Row {
        std::string out, message;
    };
    const std::vector<Row> rows = {
        {s.db(), "is the kint store; write to another file"},
        {s.path("store-link"), "is the kint store"},
        {s.path("data/../data/kint.db"), "is the kint store"},
        {s.db() + "-wal", "is the kint store's wal file"},
        {s.db() + "-shm", "is the kint store's shm file"},
        {s.db() + "-journal", "is the kint store's journal file"},
        {s.path("null"), "it is a character device, not a regular file"},
        {s.path("fifo"), "it is a FIFO, not a regular file"},
        {s.path("folder"), "it is a folder, not a regular file"},
    };
    for (const auto& row : rows) {
        for (const char* command : {"export", "review"}) {
            CAPTURE(row.out);
            CAPTURE(command);
            const auto r = s.run({command, "--out", row.out});
            CHECK(r.code == 2);
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, row.message));
            CHECK(r.out.empty());
        }
    }
    CHECK(s.snapshot() == before);
    CHECK(read_file(s.db()) == store_bytes);
    CHECK(is_fifo(s.path("fifo")));
    CHECK(fs::is_symlink(s.path("null")));
    CHECK(fs::is_directory(s.path("folder")));
    CHECK_FALSE(fs::exists(s.db() + "-journal"));

    // A regular file is replaced whole, and no temp file is left beside it.
    const auto out = s.path("e.json");
    s.ok({"export", "--out", out});
    CHECK(read_file(out) == expected);
    CHECK(names_starting(s.dir(), "e.json.").empty());
}

TEST_CASE("faults: a FIFO in a cache's place is ignored and replaced, never read or blocked on") {
    Sandbox s;
    seed(s);
    const Env evening{{"KINT_NOW", "20:00"}};
    const auto prompt = s.ok({"hook", "prompt"}, evening).out;
    const auto today = s.ok({"today"}).out;
    const std::vector<std::vector<std::string>> viewers = {{"review"}, {"report"}, {"trail"}};
    std::vector<std::string> views;
    for (const auto& args : viewers)
        views.push_back(s.ok(args).out);
    for (const char* cache : {".segment", ".hook", ".config-cache", ".view", ".review.view",
                              ".report.view", ".trail.view"}) {
        CAPTURE(cache);
        const std::string path = s.db() + cache;
        make_fifo(path);
        const auto hook = s.run({"hook", "prompt"}, evening);
        CHECK_FALSE(hook.timed_out);
        CHECK(hook.code == 0);
        CHECK(hook.out == prompt);
        CHECK(hook.err.empty());
        CHECK(s.ok({"today"}).out == today); // and rebuilds the cache as a file
        for (std::size_t i = 0; i < viewers.size(); ++i) {
            const auto r = s.run(viewers[i]);
            CHECK_FALSE(r.timed_out);
            CHECK(r.out == views[i]);
        }
        CHECK_FALSE(s.run({"rate", "6"}).timed_out);
        CHECK_FALSE(is_fifo(path));
        CHECK(s.ok({"hook", "prompt"}, evening).out == prompt);
    }
}

TEST_CASE("faults: a FIFO or device beside the store is refused before SQLite blocks on it") {
    Sandbox s;
    seed(s);
    for (const char* companion : {"-wal", "-shm"}) {
        CAPTURE(companion);
        const std::string path = s.db() + companion;
        const std::string saved = s.path("saved");
        fs::rename(path, saved);
        make_fifo(path);
        const auto before = read_file(s.db());
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"today"}, {"rate", "7"}, {"export"}}) {
            CAPTURE(args.front());
            const auto r = s.run(args);
            CHECK_FALSE(r.timed_out);
            CHECK(r.code == 1);
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, fmt::format("{} is a FIFO, not a regular file", path)));
        }
        const auto hook = s.run({"hook", "prompt"}, {{"KINT_NOW", "20:00"}});
        CHECK_FALSE(hook.timed_out);
        CHECK(hook.code == 0);
        CHECK(hook.err.empty());
        CHECK(read_file(s.db()) == before);
        CHECK(is_fifo(path));
        fs::remove(path);
        fs::rename(saved, path);
    }
}

TEST_CASE("faults: a config or import file that is not a regular file is refused, bounded") {
    Sandbox s;
    seed(s);
    const auto before = s.snapshot();
    make_fifo(s.path("fifo.toml"));
    REQUIRE(::symlink("/dev/zero", s.path("zero.toml").c_str()) == 0);
    REQUIRE(::symlink(s.path("loop-a").c_str(), s.path("loop-b").c_str()) == 0);
    REQUIRE(::symlink(s.path("loop-b").c_str(), s.path("loop-a").c_str()) == 0);
    {
        write_file(s.path("huge.toml"), "");
        fs::resize_file(s.path("huge.toml"), std::uintmax_t{64} << 20); // sparse: no disk used
    }
    fs::create_directory(s.path("folder.toml"));
    struct Row {
        std::string config, message;
    };
    for (const auto& row : std::vector<Row>{
             {s.path("fifo.toml"), "is a FIFO, not a regular file"},
             {s.path("zero.toml"), "is a character device, not a regular file"},
             {s.path("loop-a"), "is a symlink loop"},
             {s.path("huge.toml"), "is larger than 4 MB"},
             {s.path("folder.toml"), "is a folder, not a regular file"},
         }) {
        CAPTURE(row.config);
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"today"}, {"rate", "3"}}) {
            std::vector<std::string> with{"--config", row.config};
            with.insert(with.end(), args.begin(), args.end());
            const auto r = s.run(with);
            CHECK_FALSE(r.timed_out);
            CHECK(r.code == 1);
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, fmt::format("config {} {}", row.config, row.message)));
        }
    }
    CHECK(s.snapshot() == before);

    Sandbox empty;
    for (const auto& [file, message] : std::vector<std::pair<std::string, std::string>>{
             {s.path("fifo.toml"), "it is a FIFO, not a regular file"},
             {s.path("zero.toml"), "it is a character device, not a regular file"},
             {s.path("loop-a"), "it is a symlink loop"},
         }) {
        CAPTURE(file);
        const auto r = empty.run({"import", file});
        CHECK_FALSE(r.timed_out);
        CHECK(r.code == 1);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, message));
    }
    CHECK_FALSE(fs::exists(empty.db()));
}

TEST_CASE("faults: --db, --config and --today must say something, no SQLite URIs or :memory:") {
    Sandbox s;
    seed(s);
    const auto before = s.snapshot();
    for (const char* option : {"--db", "--config", "--today"}) {
        CAPTURE(option);
        const auto r = s.run({option, "", "rate", "3"});
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, fmt::format("{}: an empty value", option)));
    }
    const std::string cd = "cd \"$0\" && exec \"$@\"";
    fs::create_directory(s.path("cwd"));
    const auto memory = run_sh(s, cd, {"--db", ":memory:", "rate", "3"}, {s.path("cwd")});
    CHECK(memory.code == 2);
    CHECK(is_error_line(memory.err));
    CHECK(contains(memory.err, "--db :memory: would keep nothing"));
    const auto memory_env = s.run({"rate", "3"}, {{"KINT_DB", ":memory:"}});
    CHECK(memory_env.code == 2);
    CHECK(contains(memory_env.err, "KINT_DB=:memory: would keep nothing"));
    CHECK(fs::is_empty(s.path("cwd")));
    CHECK(s.snapshot() == before);

    // file: is a file name like any other: what is written there stays there.
    for (const char* name : {"file:x?mode=memory", "file:dbx/kint.db"}) {
        CAPTURE(name);
        const auto r = run_sh(s, cd, {"--db", name, "rate", "3"}, {s.path("cwd")});
        CHECK(r.code == 0);
        CHECK(fs::exists(s.path("cwd/" + std::string(name))));
        const auto list = run_sh(s, cd, {"--db", name, "rate", "list", "--json"}, {s.path("cwd")});
        CHECK(contains(list.out, kv("value", "3")));
    }
    CHECK(s.snapshot() == before);
}

TEST_CASE("faults: an option of the parent command is refused, not ignored") {
    Sandbox s;
    seed(s);
    const auto r = s.run({"log", "list", "--day", "2026-11-20"});
    CHECK(r.code == 2);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, "'--day' is not an option of 'kint log list'; for one day give --since "
                          "DAY --until DAY"));
    CHECK(s.run({"rate", "list", "--day", "-1"}).code == 2);
}

TEST_CASE("faults: errors echo a shortened, escaped argument") {
    Sandbox s;
    const std::string long_word(100000, 'a'); // under MAX_ARG_STRLEN
    for (const std::vector<std::string>& args : {std::vector<std::string>{long_word},
                                                 {"--today", long_word, "today"},
                                                 {"--config", "/nope/" + long_word, "today"},
                                                 {"import", "/nope/" + long_word}}) {
        const auto r = s.run(args);
        CHECK(r.code != 0);
        CHECK(is_error_line(r.err));
        CHECK(r.err.size() < 600);
        CHECK(contains(r.err, std::string(150, 'a') + ""));
        CHECK(contains(r.err, "…"));
    }
    const auto bad = s.run({"caf\xff\x1b[31m"});
    CHECK(bad.code == 2);
    CHECK(is_error_line(bad.err));
    CHECK(contains(bad.err, "'caf\\xFF\\x1B[31m' is not a kint command"));
    CHECK_FALSE(contains(bad.err, "\xff"));
    CHECK_FALSE(contains(bad.err, "\x1b"));
}

TEST_CASE("faults: damaged caches are refused, never shown") {
    Sandbox s;
    write_file(s.config(), "[hook]\nshow_focus = true\n");
    seed(s);
    const Env evening{{"KINT_NOW", "20:00"}};
    const auto prompt = s.ok({"hook", "prompt"}, evening).out;
    REQUIRE(contains(prompt, "Be gentle"));
    // The segment cache's focus damaged in place: the prompt reads the store instead.
    auto segment = *read_file(s.db() + ".segment");
    const auto at = segment.find("Be gentle");
    REQUIRE(at != std::string::npos);
    for (const char bad : {'\xff', '\0', '\x1b'}) {
        auto damaged = segment;
        damaged[at + 1] = bad;
        write_file(s.db() + ".segment", damaged);
        CHECK(s.ok({"hook", "prompt"}, evening).out == prompt);
    }
    // The config cache damaged in place (a byte of its text): caught by its checksum.
    const auto catalogue = s.ok({"prompts"}).out;
    s.ok({"prompts"});
    const std::string cache = s.db() + ".config-cache";
    const auto bytes = *read_file(cache);
    const auto text_at = bytes.find('e', bytes.size() / 2);
    REQUIRE(text_at != std::string::npos);
    for (const char bad : {'\xff', '\0', 'E'}) {
        auto damaged = bytes;
        damaged[text_at] = bad;
        write_file(cache, damaged);
        CHECK(s.ok({"prompts"}).out == catalogue);
    }
}

TEST_CASE("faults: the prompt hook creates no -wal or -shm") {
    Sandbox s;
    seed(s);
    const Env evening{{"KINT_NOW", "20:00"}};
    const auto prompt = s.ok({"hook", "prompt"}, evening).out;
    // A store whose WAL was checkpointed and removed (as the sqlite3 shell leaves it).
    s.ok({"today"});
    fs::remove(s.db() + "-wal");
    fs::remove(s.db() + "-shm");
    fs::remove(s.db() + ".segment");
    const auto store = read_file(s.db());
    CHECK(s.ok({"hook", "prompt"}, evening).out == prompt);
    CHECK_FALSE(fs::exists(s.db() + "-wal"));
    CHECK_FALSE(fs::exists(s.db() + "-shm"));
    CHECK(read_file(s.db()) == store);
}
