#include "kint/io/process.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

namespace kint::io {

namespace {

std::vector<char*> c_strings(const std::vector<std::string>& words) {
    std::vector<char*> out;
    out.reserve(words.size() + 1);
    for (const auto& w : words)
        out.push_back(const_cast<char*>(w.c_str()));
    out.push_back(nullptr);
    return out;
}

// posix_spawn's attributes and file actions, released however the run ends.
struct Spawn {
    posix_spawn_file_actions_t actions{};
    posix_spawnattr_t attr{};
    Spawn() {
        posix_spawn_file_actions_init(&actions);
        posix_spawnattr_init(&attr);
    }
    ~Spawn() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
    Spawn(const Spawn&) = delete;
    Spawn& operator=(const Spawn&) = delete;
};

} // namespace

std::vector<std::string> environment_entries(const std::map<std::string, std::string>& env) {
    std::vector<std::string> out;
    out.reserve(env.size());
    for (const auto& [name, value] : env)
        out.push_back(name + "=" + value);
    return out;
}

ProgramRun run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                       std::chrono::milliseconds timeout) {
    if (argv.empty() || argv.front().empty()) return {ProgramRun::Status::not_found, ENOENT};
    Spawn spawn;
    // Nothing it prints reaches kint's output (a --json document, a cron mail).
    posix_spawn_file_actions_addopen(&spawn.actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&spawn.actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&spawn.actions, 2, "/dev/null", O_WRONLY, 0);
    // Its own process group, so a timeout stops what it started too; signals as a new program
    // expects them (kint ignores SIGXFSZ), none blocked.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGXFSZ);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&spawn.attr, &none);
    posix_spawnattr_setsigdefault(&spawn.attr, &defaults);
    posix_spawnattr_setpgroup(&spawn.attr, 0);
    posix_spawnattr_setflags(&spawn.attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
                                              POSIX_SPAWN_SETPGROUP);
    auto args = c_strings(argv);
    auto envp = c_strings(env);
    pid_t pid = 0;
    const int rc =
        posix_spawnp(&pid, args[0], &spawn.actions, &spawn.attr, args.data(), envp.data());
    if (rc == ENOENT || rc == ENOTDIR) return {ProgramRun::Status::not_found, rc};
    if (rc != 0) return {ProgramRun::Status::cannot_start, rc};

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(1);
    int status = 0;
    while (true) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) return {ProgramRun::Status::cannot_start, errno};
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            return {ProgramRun::Status::timed_out, 0};
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(20));
    }
    if (WIFEXITED(status)) return {ProgramRun::Status::exited, WEXITSTATUS(status)};
    if (WIFSIGNALED(status)) return {ProgramRun::Status::killed, WTERMSIG(status)};
    return {ProgramRun::Status::cannot_start, 0};
}

} // namespace kint::io
