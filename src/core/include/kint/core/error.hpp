#pragma once
// The program's own errors. Each carries the exit code it maps to; `kint::run` catches them once.
#include <stdexcept>
#include <string>

namespace kint {

class Error : public std::runtime_error {
  public:
    Error(std::string message, int exit_code)
        : std::runtime_error(std::move(message)), m_exit_code(exit_code) {}
    int exit_code() const { return m_exit_code; }

  private:
    int m_exit_code;
};

// Bad usage or invalid input: exit 2.
struct UsageError : Error {
    explicit UsageError(std::string message) : Error(std::move(message), 2) {}
};

// No such intention, cue, entry: exit 1.
struct NotFound : Error {
    explicit NotFound(std::string message) : Error(std::move(message), 1) {}
};

// The store cannot be opened, read or written: exit 1.
struct StoreError : Error {
    explicit StoreError(std::string message) : Error(std::move(message), 1) {}
};

// The config file is unreadable or malformed: exit 1.
struct ConfigError : Error {
    explicit ConfigError(std::string message) : Error(std::move(message), 1) {}
};

} // namespace kint
