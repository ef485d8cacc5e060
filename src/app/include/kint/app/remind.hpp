#pragma once
// kint remind (SPEC §7.2): one desktop notification per timed cue whose time has come today and
// that is not logged yet, once per cue and day, through the config's [remind] command. Made to
// run every few minutes (a systemd user timer or cron).
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/remind.hpp"
#include "kint/io/process.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct RemindRequest {
    bool dry_run = false;                 // decide and say, send and record nothing
    std::vector<std::string> environment; // the notification command's, "NAME=value" each
};

// One cue's reminder: the cue as JSON shows it, and the notification's words.
struct Reminder {
    Id cue_id = 0;
    std::string behavior;
    CueKind kind = CueKind::after;
    std::string trigger;
    Minutes at = 0;
    std::string intention;
    remind::Message message;
};

// Why a notification could not be shown: the program, and how its run ended.
struct RemindProblem {
    std::string program;
    io::ProgramRun run;
};

struct RemindResult {
    bool dry_run = false;
    Minutes now = 0;
    // Sent and recorded (a dry run: would be), by time, then by cue.
    std::vector<Reminder> reminders;
    // The first notification that could not be shown; it and the ones after it were neither
    // sent nor recorded, so the next run tries them again.
    std::optional<RemindProblem> problem;
};

// The command's argument vector for one reminder: [remind] command, "--", summary, body.
std::vector<std::string> notification_argv(const config::Config& cfg, const remind::Message& m);

// Chooses the due cues (remind::due) at clock time `now` of `today`, sends each through the
// notification command and records it (cue, day, minute) once that command succeeded (exit 0),
// all records in one transaction at the end. Stops at the first that could not be shown.
RemindResult remind(store::Store& store, const config::Config& cfg, Day today, Minutes now,
                    const RemindRequest& request);

} // namespace kint::app
