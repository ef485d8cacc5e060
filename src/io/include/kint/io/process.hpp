#pragma once
// Running another program: the one place kint starts one (kint remind's notification command).
// Never through a shell: the words are its argv as given, so no stored text is ever parsed as
// shell syntax.
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace kint::io {

struct ProgramRun {
    enum class Status {
        exited,       // it ran to its end: `code` is its exit status
        not_found,    // no such program (on PATH, or at the path given)
        cannot_start, // it is there but could not be started: `code` is the errno
        killed,       // a signal ended it: `code` is the signal
        timed_out,    // it ran past the time allowed and was stopped
    };
    Status status = Status::exited;
    int code = 0;
    bool ok() const { return status == Status::exited && code == 0; }
};

// Runs `argv[0]` (looked up on PATH unless it names a folder) with the arguments `argv` and the
// environment `env` ("NAME=value" each), its input, output and errors on /dev/null, and waits for
// it, at most `timeout` (then it and what it started are stopped with SIGKILL).
// An environment as run_program takes it: "NAME=value" for each entry.
std::vector<std::string> environment_entries(const std::map<std::string, std::string>& env);

ProgramRun run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                       std::chrono::milliseconds timeout);

} // namespace kint::io
