#include "pty.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <pty.h>
#include <stdexcept>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace kint::e2e {

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(std::string_view what) {
    throw std::runtime_error(fmt::format("e2e pty: {}: {}", what, std::strerror(errno)));
}

// Writes `bytes` to a pipe whose reader may close it part way. SIGPIPE is held back for the
// moment of the write (this thread only) and a pending one taken, so a closed pipe ends the write,
// not the test process; the children keep the default disposition.
void write_unread_ok(int fd, std::string_view bytes) {
    sigset_t pipe_only, saved;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_only, &saved);
    int write_errno = 0;
    while (!bytes.empty()) {
        const auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            write_errno = errno;
            break;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    // Linux sends SIGPIPE even when part of the bytes went through before the reader closed.
    sigset_t pending;
    const timespec none{0, 0};
    while (::sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1)
        ::sigtimedwait(&pipe_only, nullptr, &none);
    ::pthread_sigmask(SIG_SETMASK, &saved, nullptr);
    errno = write_errno;
    if (write_errno != 0 && write_errno != EPIPE) fail("write");
}

// argv and envp for an exec, built before fork so the child only calls exec.
struct Exec {
    std::vector<std::string> strings_argv, strings_env;
    std::vector<char*> argv, envp;

    Exec(const Sandbox& s, const std::vector<std::string>& args, const Env& extra) {
        std::map<std::string, std::string> vars = s.env;
        for (const auto& [k, v] : extra) {
            if (v)
                vars[k] = *v;
            else
                vars.erase(k);
        }
        for (const auto& [k, v] : vars)
            strings_env.push_back(k + "=" + v);
        strings_argv = s.wrapper;
        strings_argv.push_back(KINT_BINARY);
        strings_argv.insert(strings_argv.end(), args.begin(), args.end());
        for (auto& a : strings_argv)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : strings_env)
            envp.push_back(e.data());
        envp.push_back(nullptr);
    }
};

int millis_left(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left < 0 ? 0 : static_cast<int>(left);
}

int decode(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits for `pid` until `deadline`; kills it past the deadline. Returns the status or -1.
int reap(pid_t pid, Clock::time_point deadline) {
    int status = 0;
    while (true) {
        const pid_t got = ::waitpid(pid, &status, WNOHANG);
        if (got == pid) return decode(status);
        if (got < 0 && errno != EINTR) fail("waitpid");
        if (Clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            return -1;
        }
        ::usleep(10'000);
    }
}

} // namespace

Result run_within(const Sandbox& s, const std::vector<std::string>& args,
                  std::chrono::milliseconds limit, std::string_view input, const Env& extra) {
    Exec exec(s, args, extra);
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
        ::pipe2(err_pipe, O_CLOEXEC) != 0)
        fail("pipe");
    const pid_t pid = ::fork();
    if (pid < 0) fail("fork");
    if (pid == 0) {
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
        ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    // kint reads its answers line by line; a small input fits the pipe buffer at once. kint may
    // also leave the input unread and be gone already (`start` takes no dialogue on a pipe): the
    // write then meets a closed pipe, which must end the write, not the test run.
    write_unread_ok(in_pipe[1], input);
    ::close(in_pipe[1]);

    Result r;
    const auto deadline = Clock::now() + limit;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open = 2;
    char buf[4096];
    while (open > 0) {
        const int n = ::poll(fds, 2, millis_left(deadline));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("poll");
        if (n == 0) {
            r.timed_out = true;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const auto got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open;
            }
        }
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    r.code = reap(pid, r.timed_out ? Clock::now() : deadline);
    if (r.code < 0) r.timed_out = true;
    return r;
}

Pty::Pty(const Sandbox& s, const std::vector<std::string>& args, const Env& extra,
         unsigned short columns) {
    Exec exec(s, args, extra);
    termios tio{};
    ::cfmakeraw(&tio);
    // Canonical input (lines, Ctrl-D as end of input), no echo, output as a terminal shows it.
    tio.c_lflag = ICANON | ISIG;
    tio.c_oflag = OPOST | ONLCR;
    tio.c_iflag = ICRNL;
    tio.c_cflag = CS8 | CREAD;
    tio.c_cc[VEOF] = 4;
    tio.c_cc[VINTR] = 3;
    tio.c_cc[VERASE] = 0x7f;
    tio.c_cc[VMIN] = 1;
    tio.c_cc[VTIME] = 0;
    ::cfsetispeed(&tio, B38400);
    ::cfsetospeed(&tio, B38400);
    winsize ws{24, columns, 0, 0};
    m_pid = ::forkpty(&m_fd, nullptr, &tio, &ws);
    if (m_pid < 0) fail("forkpty");
    if (m_pid == 0) {
        ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
        ::_exit(127);
    }
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
}

Pty::~Pty() {
    if (m_pid > 0) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == 0) {
            ::kill(m_pid, SIGKILL);
            while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
            }
        }
    }
    if (m_fd >= 0) ::close(m_fd);
}

bool Pty::read_some(std::chrono::milliseconds limit) {
    if (m_closed) return false;
    pollfd fd{m_fd, POLLIN, 0};
    const auto deadline = Clock::now() + limit;
    while (true) {
        const int n = ::poll(&fd, 1, millis_left(deadline));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("poll");
        if (n == 0) return false;
        char buf[4096];
        const auto got = ::read(m_fd, buf, sizeof buf);
        if (got > 0) {
            m_out.append(buf, static_cast<std::size_t>(got));
            return true;
        }
        if (got < 0 && errno == EINTR) continue;
        m_closed = true; // EIO on Linux once the child has closed the terminal
        return false;
    }
}

std::optional<std::string> Pty::expect(std::string_view marker, std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    while (true) {
        if (const auto at = m_out.find(marker, m_mark); at != std::string::npos) {
            std::string seen = m_out.substr(m_mark, at + marker.size() - m_mark);
            m_mark = at + marker.size();
            return seen;
        }
        if (Clock::now() >= deadline || m_closed) return std::nullopt;
        read_some(std::chrono::milliseconds(millis_left(deadline)));
    }
}

void Pty::write_all(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("write to the terminal");
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void Pty::send_line(std::string_view line) {
    write_all(std::string(line) + "\n");
}

void Pty::send_eof() {
    write_all("\x04");
}

int Pty::wait(std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    // Drain the output so kint never blocks on a full terminal buffer, until it closes.
    while (!m_closed && Clock::now() < deadline)
        read_some(std::chrono::milliseconds(millis_left(deadline)));
    const int code = reap(m_pid, deadline);
    m_pid = -1;
    return code;
}

} // namespace kint::e2e
