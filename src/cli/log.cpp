// kint log: what happened with a cue on a day (done, skip, slip), with an optional note.
#include "kint/app/log.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "kint/render/log.hpp"
#include "present.hpp" // after the renderers it calls

#include "kint/core/error.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace kint::cli {

namespace {

// "15", "12.5", "0": a plain decimal number of 0 or more (no sign, no exponent, no inf or nan).
double amount_arg(const std::string& text) {
    double value = 0;
    const bool plain = !text.empty() && text.size() <= 32 &&
                       text.find_first_not_of("0123456789.") == std::string::npos;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!plain || ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
        throw UsageError(fmt::format("--amount takes a number of 0 or more, e.g. --amount 15 or "
                                     "--amount 2.5 (got '{}')",
                                     text));
    return value;
}

} // namespace

void add_log(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<Id> cue;
        std::optional<std::string> day, note, amount;
        bool skip = false, slip = false, not_this_time = false, undo = false, all = false;
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
    auto* not_this_time =
        log->add_flag("--not-this-time", o->not_this_time,
                      "An if-then cue: the situation came, the response did not (as --slip)");
    skip->excludes(slip);
    skip->excludes(not_this_time);
    log->add_option("--amount", o->amount,
                    "A measured cue's amount in its unit, e.g. 15 (again that day: replaces it)")
        ->type_name("NUMBER");
    log->add_flag("--undo", o->undo,
                  "Remove that day's entry that counts (done, else skip, else slip), or only "
                  "--skip's or --slip's");
    log->add_flag("--all", o->all, "With --undo: remove every entry of that day");
    commands.changes(log, [o](Runtime& rt) {
        if (!o->cue)
            throw UsageError("which cue? give its id, e.g. 'kint log 1' (see 'kint cue list')");
        const Day day = past_day_arg(rt, o->day, "log");
        const auto note = checked_note(o->note);
        const auto& cfg = rt.settings(); // a config error is reported before any write
        const LogStatus status = o->skip                       ? LogStatus::skip
                                 : o->slip || o->not_this_time ? LogStatus::slip
                                                               : LogStatus::done;
        if (o->all && !o->undo)
            throw UsageError("--all goes with --undo: 'kint log ID --undo --all' removes every "
                             "entry of the day");
        if (o->undo) {
            if (o->amount) throw UsageError("--undo removes an entry; leave out --amount");
            std::optional<LogStatus> only;
            if (o->skip || o->slip || o->not_this_time) only = status;
            return present(
                rt, app::undo_log(rt.store(), {*o->cue, day, only, note.has_value(), o->all}));
        }
        std::optional<double> amount;
        if (o->amount) amount = amount_arg(*o->amount);
        present(rt, app::log(rt.store(), cfg, {*o->cue, day, status, note, amount}));
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
