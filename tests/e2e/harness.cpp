#include "harness.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kint::e2e {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(std::string_view what) {
    throw std::runtime_error(fmt::format("e2e harness: {}: {}", what, std::strerror(errno)));
}

// Reads both pipes until they close, without letting either fill up and block the child.
bool drain(int out_fd, int err_fd, std::string& out, std::string& err,
           std::chrono::steady_clock::time_point deadline) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    std::string* sinks[2] = {&out, &err};
    int open = 2;
    char buf[8192];
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) return false;
        const int n = ::poll(fds, 2, static_cast<int>(left));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("poll");
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const auto got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                fds[i].fd = -1; // negative fds are ignored by poll
                --open;
            }
        }
    }
    return true;
}

} // namespace

Sandbox::Sandbox() {
    const char* tmp = std::getenv("TMPDIR");
    std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/kint-e2e-XXXXXX";
    if (!::mkdtemp(templ.data())) fail("mkdtemp");
    m_dir = templ;
    env = {
        {"KINT_DB", db()},     {"KINT_CONFIG", config()}, {"KINT_TODAY", "2026-11-20"},
        {"HOME", m_dir},       {"NO_COLOR", "1"},         {"PATH", "/usr/bin:/bin"},
        {"LC_ALL", "C.UTF-8"}, {"TERM", "dumb"},
    };
    // The suite runs again under zones west and east of UTC (tests/CMakeLists.txt): a calendar
    // day must read the same in every zone.
    if (const char* tz = std::getenv("TZ"); tz && *tz) env["TZ"] = tz;
}

Sandbox::~Sandbox() {
    std::error_code ec;
    // A test may have made a folder read-only; open everything up so it can be removed.
    for (auto it = fs::recursive_directory_iterator(m_dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_directory(ec)) ::chmod(it->path().c_str(), 0700);
    fs::remove_all(m_dir, ec);
}

Result Sandbox::run(const std::vector<std::string>& args, const Env& extra,
                    std::optional<mode_t> umask_value) const {
    std::map<std::string, std::string> vars = env;
    for (const auto& [k, v] : extra) {
        if (v)
            vars[k] = *v;
        else
            vars.erase(k);
    }
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : vars)
        env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& s : env_strings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    std::vector<std::string> argv_strings = wrapper;
    argv_strings.push_back(KINT_BINARY);
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) fail("pipe");
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) fail("pipe");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);

    // posix_spawn has no umask attribute; the child inherits ours for the moment of the spawn.
    const mode_t saved = umask_value ? ::umask(*umask_value) : 0;
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    if (umask_value) ::umask(saved);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        errno = rc;
        fail("posix_spawn " + argv_strings[0]);
    }

    Result r;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    if (!drain(out_pipe[0], err_pipe[0], r.out, r.err, deadline)) {
        r.timed_out = true;
        ::kill(pid, SIGKILL);
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) fail("waitpid");
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

Result Sandbox::ok(const std::vector<std::string>& args, const Env& extra) const {
    auto r = run(args, extra);
    std::string cmd = "kint";
    for (const auto& a : args)
        cmd += " " + a;
    INFO(cmd);
    INFO("stdout: ", r.out);
    INFO("stderr: ", r.err);
    REQUIRE(r.code == 0);
    REQUIRE(r.err.empty());
    return r;
}

void Sandbox::forget_views() const {
    for (const char* view : {".view", ".review.view", ".report.view", ".trail.view"})
        std::filesystem::remove(db() + view);
}

Snapshot Sandbox::snapshot(const Env& extra) const {
    Snapshot snap;
    snap.store = read_file(db());
    // Without a store there is nothing to list, and listing would create one.
    if (snap.store) {
        const std::vector<std::vector<std::string>> listings = {{"intent", "list", "--all"},
                                                                {"cue", "list", "--all"},
                                                                {"log", "list"},
                                                                {"rate", "list"},
                                                                {"journal", "list"},
                                                                {"session", "list"}};
        for (auto args : listings) {
            args.push_back("--json");
            const auto r = run(args, extra);
            snap.listings +=
                fmt::format("== {} {} -> {}\n{}{}", args[0], args[1], r.code, r.out, r.err);
        }
    }
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(db()).parent_path(), ec))
        snap.folder += e.path().filename().string() + " ";
    snap.config = read_file(config());
    return snap;
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

std::size_t count_of(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (auto pos = text.find(part); pos != std::string_view::npos;
         pos = text.find(part, pos + part.size()))
        ++n;
    return n;
}

std::string quoted(std::string_view s) {
    return fmt::format("\"{}\"", s);
}

std::string kv(std::string_view key, std::string_view raw_value) {
    return fmt::format("\"{}\": {}", key, raw_value);
}

bool is_error_line(std::string_view err) {
    return err.starts_with("kint: ") && err.size() > 7 && err.back() == '\n' &&
           count_of(err, "\n") == 1 && !contains(err, "what()") && !contains(err, "terminate") &&
           !contains(err, "\x1b");
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, std::string_view text) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) fail("open " + path);
    f << text;
}

void seed_for_views(const Sandbox& s, const Env& env) {
    s.ok({"intent", "add", "Be gentle"}, env);
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, env);
    s.ok({"cue", "add", "--if", "anger rises", "--do", "breathe out"}, env);
}

const std::vector<std::vector<std::string>>& writes_that_move_views() {
    static const std::vector<std::vector<std::string>> writes = {
        {"log", "1"},
        {"rate", "2"},
        {"rate", "2", "--day", "-1"},
        {"rate", "2", "--day", "-2"}, // the safety note
        {"log", "1", "--undo"},
        {"log", "2", "--day", "-3", "--note", "a hard morning"},
        {"log", "1", "--skip"},
        {"cue", "edit", "1", "--per", "3/week"},
        {"cue", "step", "1", "three breaths", "--note", "smaller"},
        {"cue", "pause", "1"},
        {"cue", "resume", "1"},
        {"intent", "add", "Rest more"},
        {"intent", "focus", "1"},
        {"intent", "edit", "1", "Be patient"},
        {"journal", "add", "a line"},
        {"session", "add", "-5"},
        {"rate", "7", "--energy", "4"},
    };
    return writes;
}

int mode_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<int>(st.st_mode & 07777);
}

namespace {
std::string digest(const std::optional<std::string>& bytes) {
    if (!bytes) return "(none)";
    std::uint64_t h = 14695981039346656037ULL; // FNV-1a
    for (unsigned char c : *bytes)
        h = (h ^ c) * 1099511628211ULL;
    return fmt::format("{} bytes, fnv1a {:016x}", bytes->size(), h);
}
} // namespace

int sqlite3(Sandbox& s, const std::string& db, const std::string& sql) {
    const auto saved = s.wrapper;
    // sh drops the kint path the harness appends after the wrapper.
    s.wrapper = {"/bin/sh", "-c", "exec /usr/bin/sqlite3 \"$1\" \"$2\"", "sh", db, sql};
    const auto r = s.run({});
    s.wrapper = saved;
    INFO(r.err);
    return r.code;
}

std::string sql_true(const std::string& condition) {
    return "SELECT CASE WHEN " + condition + " THEN 0 ELSE abs(-9223372036854775807 - 1) END;";
}

bool have_sqlite3() {
    return ::access("/usr/bin/sqlite3", X_OK) == 0;
}

} // namespace kint::e2e

doctest::String doctest::StringMaker<kint::e2e::Snapshot>::convert(const kint::e2e::Snapshot& s) {
    const auto text =
        fmt::format("\n{}== store: {}\n== config: {}\n== folder: {}\n", s.listings,
                    kint::e2e::digest(s.store), kint::e2e::digest(s.config), s.folder);
    return doctest::String(text.c_str());
}
