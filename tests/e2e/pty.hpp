#pragma once
// Runs kint with a deadline: through pipes (run_within) or on a pseudo-terminal (Pty), so a test
// that waits for a prompt or a pacer can never hang: past the deadline the child is killed.
#include "harness.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace kint::e2e {

using namespace std::chrono_literals;

// As Sandbox::run with stdin from `input` (then closed), killing kint after `limit`
// (Result::timed_out tells).
Result run_within(const Sandbox& s, const std::vector<std::string>& args,
                  std::chrono::milliseconds limit, std::string_view input = {},
                  const Env& extra = {});

// kint on a pseudo-terminal (forkpty): stdin, stdout and stderr are the terminal, echo is off.
class Pty {
  public:
    // A terminal of `columns` columns (and 24 rows).
    Pty(const Sandbox& s, const std::vector<std::string>& args, const Env& extra = {},
        unsigned short columns = 100);
    ~Pty(); // kills kint when it is still running
    Pty(const Pty&) = delete;
    Pty& operator=(const Pty&) = delete;

    // Reads until `marker` appears in output not yet consumed by an earlier expect, and returns
    // the output from there up to the marker's end (then consumed). nullopt when `limit` passes or
    // kint closes the terminal first.
    std::optional<std::string> expect(std::string_view marker,
                                      std::chrono::milliseconds limit = 5s);
    // Writes `line` and a newline, as typing it and pressing Enter.
    void send_line(std::string_view line);
    // Ctrl-D at the start of a line: end of input.
    void send_eof();
    // Waits for kint to exit and returns its status (128 + signal when killed); kills it and
    // returns -1 after `limit`. Reads the rest of its output meanwhile.
    int wait(std::chrono::milliseconds limit = 5s);

    // Everything kint wrote so far (with the terminal's \r\n line ends).
    const std::string& output() const { return m_out; }
    // What was read since the previous expect matched.
    std::string_view pending() const { return std::string_view(m_out).substr(m_mark); }

  private:
    // Reads what is available within `limit`; false at end of output or on timeout.
    bool read_some(std::chrono::milliseconds limit);
    void write_all(std::string_view bytes);

    pid_t m_pid = -1;
    int m_fd = -1;
    bool m_closed = false;
    std::string m_out;
    std::size_t m_mark = 0;
};

} // namespace kint::e2e
