// kint log: what happened with a cue on a day (done, skip, slip), with an optional note.
#include "kint/app/log.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "kint/render/log.hpp"
#include "present.hpp" // after the renderers it calls

#include "kint/core/error.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

void add_log(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<Id> cue;
        std::optional<std::string> day, note;
        bool skip = false, slip = false, undo = false;
    };
    auto o = std::make_shared<Opts>();
    auto* log =
        app.add_subcommand("log", "Record a cue for a day: done (default), --skip or --slip");
    log->require_subcommand(0, 1);
    log->add_option("cue", o->cue, "Cue id (see 'kint cue list')")->check(id_check());
    log->add_option("--day", o->day, "Day: YYYY-MM-DD, today, yesterday or -N (default today)");
    log->add_option("--note", o->note, "What happened, or what got in the way");
    auto* skip = log->add_flag("--skip", o->skip, "Excused (rest, illness): not counted against");
    auto* slip =
        log->add_flag("--slip", o->slip, "Missed, ideally with a --note on what got in the way");
    skip->excludes(slip);
    log->add_flag("--undo", o->undo, "Remove that day's entry (only --skip/--slip when given)");
    commands.changes(log, [o](Runtime& rt) {
        if (!o->cue)
            throw UsageError("which cue? give its id, e.g. 'kint log 1' (see 'kint cue list')");
        const Day day = past_day_arg(rt, o->day, "log");
        const auto note = checked_note(o->note);
        const auto& cfg = rt.config(); // a config error is reported before any write
        const LogStatus status = o->skip   ? LogStatus::skip
                                 : o->slip ? LogStatus::slip
                                           : LogStatus::done;
        if (o->undo) {
            std::optional<LogStatus> only;
            if (o->skip || o->slip) only = status;
            return present(rt, app::undo_log(rt.store(), {*o->cue, day, only, note.has_value()}));
        }
        present(rt, app::log(rt.store(), cfg, {*o->cue, day, status, note}));
    });

    struct ListOpts {
        std::optional<std::string> since, until;
        std::optional<Id> cue;
    };
    auto lo = std::make_shared<ListOpts>();
    auto* list = log->add_subcommand("list", "List log entries");
    list->add_option("--since", lo->since,
                     "From this day (inclusive): YYYY-MM-DD, today, yesterday or -N");
    list->add_option("--until", lo->until, "Up to this day (inclusive)");
    list->add_option("--cue", lo->cue, "Only this cue")->check(id_check());
    commands.reads(list, [lo](Runtime& rt) {
        const DayRange range = range_args(rt, lo->since, lo->until);
        present(rt, app::log_list(rt.store(), {range, lo->cue}));
    });
}

} // namespace kint::cli
