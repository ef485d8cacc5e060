#include "kint/run.hpp"

#include <iostream>
#include <unistd.h>

extern char** environ;

int main(int argc, char** argv) {
    kint::Env env;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry(*e);
        const auto eq = entry.find('=');
        if (eq != std::string::npos) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
    const bool terminal = ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1;
    return kint::run(argc, argv, std::cin, std::cout, std::cerr, env, terminal);
}
