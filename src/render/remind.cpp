#include "kint/render/remind.hpp"

#include <cstring>
#include <fmt/format.h>

namespace kint::render {

json::Value to_json(const app::RemindResult& r) {
    auto arr = json::array();
    for (const auto& m : r.reminders)
        arr.push(json::object()
                     .set("cue_id", m.cue_id)
                     .set("behavior", m.behavior)
                     .set("trigger", m.trigger)
                     .set("at", format_clock(m.at))
                     .set("intention", m.intention));
    return arr;
}

std::string to_text(const app::RemindResult& r, const Paint& paint) {
    if (!r.dry_run) return {};
    if (r.reminders.empty()) return fmt::format("No reminder is due at {}.\n", format_clock(r.now));
    std::string out = paint.dim(fmt::format("At {}, kint remind would send {} (--dry-run: nothing "
                                            "is sent or recorded):",
                                            format_clock(r.now),
                                            plural(r.reminders.size(), "reminder", "reminders"))) +
                      "\n";
    for (const auto& m : r.reminders) {
        out += "\n" + paint.bold(m.message.summary) + "\n";
        for (const auto& line : m.message.body)
            out += "  " + line + "\n";
    }
    return out;
}

std::string problem_line(const app::RemindProblem& p) {
    using Status = io::ProgramRun::Status;
    const std::string again = "kint tries again at its next run";
    switch (p.run.status) {
    case Status::not_found:
        return fmt::format("no reminder shown: '{}' is not installed{}; install it or set "
                           "[remind] command in your config ({})",
                           p.program, p.program == "notify-send" ? " (Debian: libnotify-bin)" : "",
                           again);
    case Status::cannot_start:
        return fmt::format("no reminder shown: '{}' could not be started ({}); check that it is a "
                           "program you may run, or set [remind] command ({})",
                           p.program, std::strerror(p.run.code), again);
    case Status::killed:
        return fmt::format("no reminder shown: '{}' was ended by signal {} ({})", p.program,
                           p.run.code, again);
    case Status::timed_out:
        return fmt::format("no reminder shown: '{}' gave no answer in time and was stopped; is a "
                           "notification server running in this session? ({})",
                           p.program, again);
    case Status::exited:
        break;
    }
    return fmt::format("no reminder shown: '{}' ended with status {}; is a notification server "
                       "running in this session? From cron, set DBUS_SESSION_BUS_ADDRESS (see "
                       "examples/crontab) ({})",
                       p.program, p.run.code, again);
}

} // namespace kint::render
