#pragma once
// The whole program as a function, so main.cpp stays thin and tests can run kint in-process.
#include <istream>
#include <map>
#include <ostream>
#include <string>

namespace kint {

using Env = std::map<std::string, std::string>;

// Parses `argv`, runs the command (reading answers from `in` where a command asks), writes data to
// `out` and diagnostics to `err`; returns the exit code (0 success, 1 runtime failure, 2 bad usage
// or input). `terminal` says whether stdin and stdout are a terminal (guided, animated output).
int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
        const Env& env, bool terminal);

} // namespace kint
