#include "kint/app/timer.hpp"

#include "kint/core/error.hpp"
#include "kint/core/text.hpp"
#include "kint/io/files.hpp"

#include <cctype>
#include <filesystem>

namespace kint::app {

namespace {

// One word of ExecStart= as systemd reads it: % and $ doubled (specifiers and variables), and
// in double quotes with \ and " escaped when it holds anything but plain path characters.
std::string systemd_word(std::string_view word) {
    bool plain = !word.empty();
    std::string escaped;
    for (char c : word) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || std::string_view("/._+-:,@=").find(c) != std::string_view::npos))
            plain = false;
        if (c == '%')
            escaped += "%%";
        else if (c == '$')
            escaped += "$$";
        else if (c == '\\' || c == '"')
            escaped += std::string("\\") + c;
        else
            escaped += c;
    }
    return plain ? escaped : "\"" + escaped + "\"";
}

} // namespace

std::string remind_timer_unit() {
    return R"(# kint-remind.timer: starts kint-remind.service every five minutes. With Persistent=true a run
# missed while the machine slept or was off happens as soon as it is back, so a cue whose time
# passed meanwhile is reminded then (once: kint remembers what it sent).
[Unit]
Description=kint reminders at your cues' times, every five minutes
Documentation=man:kint(1)

[Timer]
OnCalendar=*:0/5
Persistent=true
AccuracySec=30s

[Install]
WantedBy=timers.target
)";
}

std::vector<std::string> remind_command(const std::string& self, const std::string& store,
                                        const std::optional<std::string>& config) {
    const auto absolute = [](const std::string& path) {
        std::error_code ec;
        const auto full = std::filesystem::absolute(path, ec);
        return ec ? path : full.string();
    };
    std::vector<std::string> command = {self, "--db", absolute(store)};
    if (config) command.insert(command.end(), {"--config", absolute(*config)});
    command.push_back("remind");
    return command;
}

std::optional<TimerSetup> timer_setup(const EnvLookup& env,
                                      const std::vector<std::string>& command) {
    const std::string home = env("HOME").value_or("");
    std::string config = env("XDG_CONFIG_HOME").value_or("");
    // The XDG rule: a relative XDG_CONFIG_HOME is ignored.
    if (config.empty() || config.front() != '/') {
        if (home.empty()) return std::nullopt;
        config = home + "/.config";
    }
    std::string exec;
    for (const auto& word : command) {
        if (!text::valid_utf8(word) || text::has_control_characters(word, false))
            return std::nullopt;
        exec += (exec.empty() ? "" : " ") + systemd_word(word);
    }
    TimerSetup s;
    s.folder = config + "/systemd/user";
    s.service_file = s.folder + "/kint-remind.service";
    s.timer_file = s.folder + "/kint-remind.timer";
    s.service =
        "# kint-remind.service: desktop reminders at your cues' times (kint remind), started "
        "every five\n# minutes by kint-remind.timer. Written by kint start; see "
        "examples/systemd/kint-remind.service.\n"
        "[Unit]\n"
        "Description=kint reminders at your cues' times\n"
        "Documentation=man:kint(1)\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "UMask=0077\n"
        "ExecStart=" +
        exec + "\n";
    s.timer = remind_timer_unit();
    return s;
}

bool timer_installed(const TimerSetup& setup) {
    std::error_code ec;
    return std::filesystem::exists(setup.timer_file, ec);
}

bool install_timer(const TimerSetup& setup) {
    try {
        io::write_file_atomically(setup.service_file, setup.service, io::Folders::create);
        io::write_file_atomically(setup.timer_file, setup.timer, io::Folders::create);
        return true;
    } catch (const Error&) {
        return false;
    }
}

} // namespace kint::app
