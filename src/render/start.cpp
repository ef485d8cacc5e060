#include "kint/render/start.hpp"

#include "kint/render/session.hpp"

#include <fmt/format.h>

namespace kint::render {

namespace {

// Each line of `text` behind `indent`, newline-terminated.
std::string indented(std::string_view text, std::string_view indent) {
    std::string out;
    for (std::size_t at = 0, end; at < text.size(); at = end + 1) {
        end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        out += fmt::format("{}{}\n", indent, text.substr(at, end - at));
    }
    return out;
}

// As examples/crontab has them: cron's own PATH lacks /usr/local/bin, where `cmake --install` puts
// kint.
constexpr std::string_view cron_lines = "PATH=/usr/local/bin:/usr/bin:/bin\n"
                                        "0 8 * * mon  kint review --week last --format markdown\n";

} // namespace

// As examples/crontab has it: cron's jobs reach the desktop's notification server through the
// session bus, which cron does not name; the one line said when none answers goes to the system
// log (journalctl -t kint-remind), not to a mail every five minutes.
const std::string_view remind_cron_line =
    "*/5 * * * *  DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus kint remind 2>&1 | "
    "logger -t kint-remind\n";

namespace {

// The reminders' two ways: the timer's files (from kint start, or examples/systemd) or cron.
std::string remind_lines() {
    return "Reminders on the desktop at your cues' times, in 'crontab -e' (or the systemd user "
           "timer in\nexamples/systemd: kint-remind.service and kint-remind.timer):\n" +
           indented(remind_cron_line, "  ");
}

} // namespace

json::Value to_json(const app::StarterPlan& plan) {
    auto steps = json::array();
    for (const auto& s : plan.steps)
        steps.push(s);
    return json::object().set("title", plan.title).set("steps", std::move(steps));
}

std::string to_text(const app::StarterPlan& plan, const Paint&) {
    std::string out = plan.title + "\n";
    for (const auto& s : plan.steps)
        out += fmt::format("  - {}\n", s);
    out += "\nkint start guides you through it on a terminal. The same, as plain commands:\n"
           "  kint intent catalogue --expand                  1. pick an intention...\n"
           "  kint intent add --from anxiety.5                   ...by its id, or write your "
           "own:\n"
           "  kint intent add \"I am open to learning new ways to cope\"\n"
           "  kint cue add --after \"I pour my coffee\" --do \"write one sentence\" --at 08:00\n"
           "                                                  2-4. one tiny behavior, one cue, "
           "one time\n"
           "  kint log 1                                      each day you do it\n"
           "  kint rate 6                                     5. one number a day, 0-10\n"
           "  kint review                                     and a weekly glance\n"
           "  kint cue step 1 \"write three sentences\"         6. adjust the step size, not the "
           "direction\n";
    return out + shell_and_cron_text(plan.shell, false, true);
}

std::string to_text(const app::StartResult& r, const Paint& paint) {
    const Cue& cue = r.cue;
    std::string out = "\n";
    out += paint.green(fmt::format("Saved. Intention #{} is your focus; cue #{}: {}, {}{}.",
                                   r.intention_id, cue.id, trigger_phrase(cue), cue.behavior(),
                                   cue.at ? " at " + format_clock(*cue.at) : "")) +
           "\n\n";
    // The rest of the plan, each step with its command in one column.
    auto next = [&](std::string_view step, const std::string& command) {
        out += fmt::format("{:<60}{}\n", step, command);
    };
    next("5. Do it daily at the same time for two weeks, and log it:",
         fmt::format("kint log {}", cue.id));
    next("   Track one number each day:", "kint rate 0-10");
    next("   Review weekly:", "kint review");
    next("6. Then adjust the step size, not the direction:",
         fmt::format("kint cue step {} \"...\"", cue.id));
    if (r.session) out += "\n" + to_text(*r.session, paint);
    if (r.contact_saved_to)
        out += fmt::format("{}Your contact is kept in {} ([safety] contact); the safety note shows "
                           "it.\n",
                           r.session ? "" : "\n", *r.contact_saved_to);
    if (!r.note.empty()) out += "\n" + paint.yellow(r.note) + "\n";
    return out;
}

std::string hook_offer_hint(const app::ShellSetup& setup) {
    std::string lines = indented(setup.lines, "  ");
    lines.pop_back(); // a hint is shown as one block, without its own last newline
    return fmt::format("This adds two lines to {}:\n{}", setup.rc_file, lines);
}

std::string shell_and_cron_text(const std::optional<app::ShellSetup>& setup, bool installed,
                                bool remind) {
    std::string out;
    if (!installed) {
        out += "\nA gentle mood reminder in your shell prompt: add these lines to ";
        if (setup) {
            out += setup->rc_file + "\n" + indented(setup->lines, "  ");
        } else {
            out += "your shell's rc file\n";
            for (const char* shell : {"bash", "zsh", "fish"})
                out +=
                    fmt::format("  {}:\n", shell) + indented(app::shell_setup_lines(shell), "    ");
        }
    }
    out += "The weekly review by mail, in 'crontab -e' (cron mails it to you):\n";
    out += indented(cron_lines, "  ");
    out += "On two devices (a laptop and a desktop): 'kint sync init DIR' through a folder they "
           "share (Syncthing, a git repository); see 'kint sync --help'.\n";
    return remind ? out + remind_lines() : out;
}

std::string timer_offer_hint(const app::TimerSetup& setup) {
    return fmt::format("This writes kint-remind.service and kint-remind.timer to {}\n(kint "
                       "remind every five minutes, once per cue and day); you then start it "
                       "with systemctl.",
                       setup.folder);
}

std::string timer_written_text(const app::TimerSetup& setup) {
    std::string lines = indented(app::timer_start_lines, "  ");
    lines.pop_back(); // said as one block, without its own last newline
    return fmt::format("Wrote {} and kint-remind.timer. Start the timer with:\n{}",
                       setup.service_file, lines);
}

} // namespace kint::render
