#include "kint/run.hpp"

#include <csignal>
#include <iostream>
#include <string_view>
#include <tuple>
#include <unistd.h>
#include <utility>

extern char** environ;

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) must end a write with an error kint can explain, not with
    // SIGXFSZ killing the process mid-command; SQLite then rolls the transaction back.
    std::signal(SIGXFSZ, SIG_IGN);
    kint::Env env;
    for (char** e = environ; e && *e; ++e) {
        // Each name and value copied once, straight from the environment block.
        const std::string_view entry(*e);
        const auto eq = entry.find('=');
        if (eq != std::string_view::npos)
            env.emplace(std::piecewise_construct, std::forward_as_tuple(entry.substr(0, eq)),
                        std::forward_as_tuple(entry.substr(eq + 1)));
    }
    const bool terminal = ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1;
    return kint::run(argc, argv, std::cin, std::cout, std::cerr, env, terminal);
}
