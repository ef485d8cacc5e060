// kint log: what happened with a cue on a day (done, skip, slip), with an optional note.
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/render/render.hpp"
#include "kint/domain/trail.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <map>

namespace kint::cli {

namespace {

// Why a done `day` off the cue's schedule is kept as an extra, and what to do if it was meant.
std::string off_schedule(const Cue& cue, Day day) {
    const auto pause = std::find_if(cue.pauses.begin(), cue.pauses.end(),
                                    [&](const Pause& p) { return p.covers(day); });
    if (pause != cue.pauses.end() && !pause->until)
        return fmt::format("Cue {} is paused: kept as an extra day. 'kint cue resume {}' puts it "
                           "back on the schedule.",
                           cue.id, cue.id);
    if (pause != cue.pauses.end())
        return fmt::format("Cue {} was paused on {}: kept as an extra day.", cue.id,
                           format_day(day));
    return fmt::format("{} is not on cue {}'s schedule: kept as an extra day.", format_day(day),
                       cue.id);
}

// What logging the same status for a day again did: the entry stays, a new note replaces its old
// one.
std::string again(const LogEntry& earlier, const std::optional<std::string>& note) {
    const auto already = fmt::format("This day already had a {} entry", to_string(earlier.status));
    if (!note || note == earlier.note) return fmt::format("{}; it is kept as it was.", already);
    if (!earlier.note) return fmt::format("{}; your note is added to it.", already);
    return fmt::format("{}; its note now reads \"{}\" (it was \"{}\").", already, *note,
                       *earlier.note);
}

} // namespace

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
        const auto& g = rt.config().guidance; // a config error is reported before any write
        const auto cue = app::cue_or_throw(rt.store(), *o->cue);
        const LogStatus status = o->skip   ? LogStatus::skip
                                 : o->slip ? LogStatus::slip
                                           : LogStatus::done;
        const render::Paint paint(rt.color());
        if (o->undo) {
            if (note) throw UsageError("--undo removes an entry; leave out --note");
            std::optional<LogStatus> only;
            if (o->skip || o->slip) only = status;
            int removed = 0;
            rt.store().write([&] { removed = rt.store().remove_logs(cue.id, day, only); });
            if (removed == 0)
                throw NotFound(
                    fmt::format("nothing{} is logged for cue {} on {}; see 'kint log list "
                                "--cue {}'",
                                only ? " " + std::string(to_string(*only)) : "", cue.id,
                                format_day(day), cue.id));
            if (rt.json())
                return rt.print(json::object()
                                    .set("cue_id", cue.id)
                                    .set("day", format_day(day))
                                    .set("removed", removed));
            fmt::print(rt.out, "Removed {} entr{} for cue #{} on {}.\n", removed,
                       removed == 1 ? "y" : "ies", cue.id, format_day(day));
            return;
        }
        app::refuse_if_archived(cue);
        if (day < cue.created)
            throw UsageError(fmt::format("cue {} was placed on {}; log days from then on (or place "
                                         "a new cue)",
                                         cue.id, format_day(cue.created)));
        LogEntry entry{cue.id, day, status, note};
        // A comeback looks back to the previous scheduled day only: read that stretch (in the
        // write's transaction, so it is what the write lands on), not the cue's whole history.
        const Day back_to =
            trail::previous_scheduled(cue, day).value_or(std::min(cue.created, day));
        std::vector<LogEntry> entries;
        rt.store().write([&] {
            entries = rt.store().logs({DayRange{back_to, day}, cue.id});
            rt.store().put_log(entry);
        });
        // The same status again keeps its entry; a new note replaces the old one (put_log).
        std::optional<LogEntry> earlier;
        const auto same = std::find_if(entries.begin(), entries.end(), [&](const LogEntry& e) {
            return e.day == day && e.status == status;
        });
        if (same != entries.end()) {
            earlier = *same;
            if (!entry.note) entry.note = same->note;
            same->note = entry.note;
        } else {
            entries.push_back(entry);
        }
        const auto days = trail::effective(entries, cue.id);
        const bool comeback = trail::is_comeback(cue, days, day);
        if (rt.json()) {
            auto doc = render::to_json(entry);
            doc.set("counts_as", std::string(to_string(days.at(day))));
            doc.set("comeback", comeback);
            doc.set("again", earlier.has_value());
            return rt.print(doc);
        }
        switch (status) {
        case LogStatus::done:
            fmt::print(rt.out, "{} {} · {}\n", paint.green("✓"), cue.behavior(), format_day(day));
            if (comeback && !earlier) fmt::print(rt.out, "{}\n", paint.green(g.comeback));
            if (!cue.scheduled_on(day))
                fmt::print(rt.out, "{}\n", paint.dim(off_schedule(cue, day)));
            break;
        case LogStatus::skip:
            fmt::print(rt.out,
                       "Skipped {} · {}. Rest counts too; this day is not counted against "
                       "you.\n",
                       cue.behavior(), format_day(day));
            break;
        case LogStatus::slip:
            fmt::print(rt.out, "Noted a slip on {} · {}.\n{}\n", cue.behavior(), format_day(day),
                       g.slip);
            if (!entry.note)
                fmt::print(rt.out, "{}\n",
                           paint.dim(fmt::format(
                               "What got in the way? Add it with "
                               "--note when you like: kint log {} --slip --day {} --note \"...\"",
                               cue.id, format_day(day))));
            break;
        }
        if (earlier) fmt::print(rt.out, "{}\n", paint.dim(again(*earlier, note)));
        if (days.at(day) != status)
            fmt::print(
                rt.out, "{}\n",
                paint.dim(fmt::format("This day already has a {} entry, which is what counts.",
                                      to_string(days.at(day)))));
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
        if (lo->cue) app::cue_or_throw(rt.store(), *lo->cue);
        const auto entries = rt.store().logs({range, lo->cue});
        if (rt.json()) {
            auto arr = json::array();
            for (const auto& e : entries)
                arr.push(render::to_json(e));
            return rt.print(arr);
        }
        if (entries.empty()) {
            fmt::print(rt.out, "No entries in this range. Log a cue with 'kint log ID'.\n");
            return;
        }
        std::map<Id, Cue> cues;
        for (auto& c : rt.store().cues(true))
            cues.emplace(c.id, std::move(c));
        const render::Paint paint(rt.color());
        for (const auto& e : entries) {
            const std::string mark = e.status == LogStatus::done   ? paint.green("done")
                                     : e.status == LogStatus::skip ? paint.dim("skip")
                                                                   : paint.yellow("slip");
            fmt::print(rt.out, "{}  #{:<3} {}  {}{}\n", format_day(e.day), e.cue_id, mark,
                       cues.at(e.cue_id).behavior_on(e.day),
                       e.note ? paint.dim("  — " + *e.note) : "");
        }
    });
}

} // namespace kint::cli
