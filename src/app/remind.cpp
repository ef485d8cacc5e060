#include "kint/app/remind.hpp"

#include "kint/app/lookup.hpp"

#include <algorithm>

namespace kint::app {

namespace {

// A notification client that hangs (a bus that never answers) must not hold kint, nor pile up
// runs every five minutes; notify-send itself gives up on the bus after 25 s.
constexpr std::chrono::seconds notify_timeout{30};

} // namespace

std::vector<std::string> notification_argv(const config::Config& cfg, const remind::Message& m) {
    std::vector<std::string> argv = cfg.remind.command;
    // "--": a behavior that begins with "-" is a summary, never an option.
    argv.insert(argv.end(), {"--", m.summary, remind::body_markup(m)});
    return argv;
}

RemindResult remind(store::Store& store, const config::Config& cfg, Day today, Minutes now,
                    const RemindRequest& request) {
    RemindResult result;
    result.dry_run = request.dry_run;
    result.now = now;
    std::vector<Cue> candidates;
    for (auto& c : store.cues(false, /*current_step_only=*/true))
        if (remind::may_be_due(c, today, now, cfg.day_starts_at))
            candidates.push_back(std::move(c));
    if (candidates.empty()) return result; // the usual case: no log or reminder is read
    const auto logs = store.logs({DayRange{today, today}, std::nullopt});
    for (const auto& cue : candidates) {
        remind::Facts facts;
        facts.logged = std::any_of(logs.begin(), logs.end(),
                                   [&](const LogEntry& e) { return e.cue_id == cue.id; });
        if (facts.logged) continue;
        facts.reminded = store.reminded(cue.id, today);
        if (facts.reminded) continue;
        if (cue.per) facts.remaining = per_remaining(store, cfg, cue, today);
        if (!remind::due(cue, today, now, cfg.day_starts_at, facts)) continue;
        const auto intention = store.intention(cue.intention_id);
        const std::string words = intention ? intention->text : std::string();
        const Plan plan = cue.plan_on(today);
        result.reminders.push_back({cue.id, cue.behavior(), plan.kind, plan.trigger, *plan.at,
                                    words, remind::message(cue, words)});
    }
    std::stable_sort(result.reminders.begin(), result.reminders.end(),
                     [](const Reminder& a, const Reminder& b) { return a.at < b.at; });
    if (request.dry_run) return result;

    std::size_t sent = 0;
    for (; sent < result.reminders.size(); ++sent) {
        const auto argv = notification_argv(cfg, result.reminders[sent].message);
        const auto run = io::run_program(argv, request.environment, notify_timeout);
        if (!run.ok()) {
            result.problem = RemindProblem{argv.front(), run};
            break;
        }
    }
    result.reminders.resize(sent);
    if (!result.reminders.empty())
        store.write([&] {
            for (const auto& r : result.reminders)
                store.add_reminder(r.cue_id, today, now);
        });
    return result;
}

} // namespace kint::app
