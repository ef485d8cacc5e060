#pragma once
// The systemd user timer that runs `kint remind` every five minutes, in one place: its two unit
// files, where they go, and writing them (kint start offers it). kint never runs systemctl: the
// person starts the timer with the lines in `timer_start_lines`.
#include "kint/app/shell.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::app {

struct TimerSetup {
    std::string folder;       // $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user)
    std::string service_file; // folder + /kint-remind.service
    std::string timer_file;   // folder + /kint-remind.timer
    std::string service;      // the files' text
    std::string timer;
};

// What starts the timer once the files are there (newline-terminated).
inline constexpr std::string_view timer_start_lines =
    "systemctl --user daemon-reload && systemctl --user enable --now kint-remind.timer\n";

// What the timer runs: this kint (`self`) on this store and config, as absolute paths (the timer
// runs in the user manager's environment, not this shell's), then `remind`.
std::vector<std::string> remind_command(const std::string& self, const std::string& store,
                                        const std::optional<std::string>& config);

// The units for the person's user manager, read through `env` (XDG_CONFIG_HOME, HOME): the
// service runs `command` (kint's own path and its --db and --config, then `remind`), each word
// quoted for systemd. Nullopt without HOME, or when a word holds a control character.
std::optional<TimerSetup> timer_setup(const EnvLookup& env,
                                      const std::vector<std::string>& command);

// The text of kint-remind.timer (the same as examples/systemd/kint-remind.timer).
std::string remind_timer_unit();

// Whether a kint-remind.timer is in the folder already (the person's own, or one written before).
bool timer_installed(const TimerSetup& setup);
// Writes both files, private (0600; missing folders 0700), each atomically. False when they could
// not be written.
bool install_timer(const TimerSetup& setup);

} // namespace kint::app
