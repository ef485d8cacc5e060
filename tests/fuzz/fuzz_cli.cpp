// The whole command line, in-process: kint::run on argv built from the input bytes, against one
// store and config in a private temp dir (the process's working directory, so relative paths land
// there).
//
// Input: NUL separates arguments (at most 16 per command); the byte 0x1E separates commands (at
// most 4), which run in order on the same store, so one input can set up state and then use it.
// Arguments containing '/' are refused (nothing may touch files outside the temp dir).
//
// Checked for every command: the exit code is 0, 1 or 2; stderr is empty or exactly one line
// starting "kint: " (and not empty on failure); with --json, what a successful command prints is
// one JSON document kint itself can read. Any exception escaping run() is a crash.
//
// The store is deleted and recreated every KINT_FUZZ_RESET_EVERY inputs (default 64; 1 makes every
// input start from an empty dir, as the regression replay does). When a run dies, the commands
// since the last reset are written to KINT_FUZZ_HISTORY (default ./cli-history-PID), one input that
// replays the crash from an empty dir with KINT_FUZZ_RESET_EVERY=1.
#include "check.hpp"

#include "kint/render/json.hpp"
#include "kint/run.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <sanitizer/common_interface_defs.h>

namespace fs = std::filesystem;
using kint::fuzz::check;

namespace {

constexpr std::size_t max_args = 16;
constexpr std::size_t max_commands = 4;
constexpr char command_separator = '\x1E';

std::string g_dir; // the temp dir, also the working directory
std::string g_history_path;
std::string g_history; // the commands run since the last reset, 0x1E-separated
long g_reset_every = 64;
long g_runs = 0;
kint::Env g_env;

void write_history() {
    if (g_history.empty()) return;
    if (FILE* f = std::fopen(g_history_path.c_str(), "wb")) {
        std::fwrite(g_history.data(), 1, g_history.size(), f);
        std::fclose(f);
        std::fprintf(stderr, "fuzz_cli: the commands since the last reset are in %s\n",
                     g_history_path.c_str());
    }
}

void reset_dir() {
    for (const auto& entry : fs::directory_iterator(g_dir))
        fs::remove_all(entry.path());
    g_history.clear();
}

void remove_dir() {
    std::error_code ec;
    fs::remove_all(g_dir, ec);
}

std::vector<std::vector<std::string>> split(std::string_view input) {
    std::vector<std::vector<std::string>> commands;
    while (commands.size() < max_commands) {
        const auto end = input.find(command_separator);
        std::string_view text = input.substr(0, end);
        std::vector<std::string> args;
        while (args.size() < max_args) {
            const auto nul = text.find('\0');
            args.emplace_back(text.substr(0, nul));
            if (nul == std::string_view::npos) break;
            text.remove_prefix(nul + 1);
        }
        commands.push_back(std::move(args));
        if (end == std::string_view::npos) break;
        input.remove_prefix(end + 1);
    }
    return commands;
}

bool has(const std::vector<std::string>& args, std::string_view word) {
    for (const auto& a : args)
        if (a == word) return true;
    return false;
}

// --json asks for one document; help, version and the shell-facing commands print text instead.
bool expects_json(const std::vector<std::string>& args) {
    if (!has(args, "--json") || has(args, "--")) return false;
    for (const auto& a : args)
        // "-htoday" is -h first in a cluster of short flags: help too (a fuzzed find).
        if (a.rfind("-h", 0) == 0 || a.rfind("--help", 0) == 0 || a == "--version" || a == "hook" ||
            a == "complete")
            return false;
    return true;
}

void run_one(const std::vector<std::string>& args) {
    std::vector<const char*> argv{"kint"};
    for (const auto& a : args)
        argv.push_back(a.c_str());
    argv.push_back(nullptr);

    std::istringstream in;
    std::ostringstream out, err;
    const int rc = kint::run(static_cast<int>(argv.size() - 1), argv.data(), in, out, err, g_env,
                             /*terminal=*/false);
    const std::string o = out.str(), e = err.str();

    auto expect = [&](bool ok, std::string_view what) {
        if (ok) return;
        std::fprintf(stderr, "exit code: %d\nstdout:\n%s\nstderr:\n%s\n", rc, o.c_str(), e.c_str());
        check(false, what);
    };
    expect(rc == 0 || rc == 1 || rc == 2, "exit code is not 0, 1 or 2");
    if (!e.empty()) {
        expect(e.rfind("kint: ", 0) == 0, "stderr does not start with 'kint: '");
        expect(e.find('\n') == e.size() - 1, "stderr is not exactly one line");
    }
    expect(rc == 0 || !e.empty(), "a failure said nothing on stderr");
    if (rc == 0 && !o.empty() && expects_json(args)) {
        try {
            (void)kint::json::parse(o);
        } catch (const kint::json::ParseError& pe) {
            std::fprintf(stderr, "json parse error: %s\n", pe.what());
            expect(false, "--json printed something that is not one JSON document");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kint-fuzz-cli-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
        std::perror("fuzz_cli: mkdtemp");
        std::abort();
    }
    g_dir = pattern;
    const char* history = std::getenv("KINT_FUZZ_HISTORY");
    g_history_path =
        history && *history
            ? history
            : (fs::current_path() / ("cli-history-" + std::to_string(::getpid()))).string();
    if (const char* every = std::getenv("KINT_FUZZ_RESET_EVERY"); every && std::atol(every) > 0)
        g_reset_every = std::atol(every);
    fs::current_path(g_dir);
    std::atexit(remove_dir);
    g_env = {{"KINT_DB", g_dir + "/kint.db"},
             {"KINT_CONFIG", g_dir + "/config.toml"},
             {"KINT_TODAY", "2026-11-20"},
             {"KINT_NOW", "12:00"}};
    // Whatever kills the run (a sanitizer report, an escaping exception, a broken check) first
    // saves the commands that led there.
    __sanitizer_set_death_callback(write_history);
    kint::fuzz::before_trap = write_history;
    std::set_terminate([] {
        write_history();
        std::abort();
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto commands = split(input);
    for (const auto& args : commands)
        for (const auto& a : args)
            if (a.find('/') != std::string::npos || a == "..") return -1; // stay in the temp dir

    if (g_runs++ % g_reset_every == 0) reset_dir();
    for (const auto& args : commands) {
        if (!g_history.empty()) g_history += command_separator;
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i) g_history += '\0';
            g_history += args[i];
        }
        run_one(args);
    }
    return 0;
}
