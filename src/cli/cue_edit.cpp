// kint cue edit: a cue's trigger, kind, time, schedule or first day, changed from today on; the
// days before keep the plan they had.
#include "commands.hpp"
#include "common.hpp"
#include "cue_add.hpp"

#include "kint/app/cue.hpp"
#include "kint/core/error.hpp"
#include "kint/render/cue.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

namespace {

struct EditOpts {
    Id id = 0;
    std::optional<std::string> trigger, kind, at, days, per, since;
    bool no_at = false;
};

app::CueEditRequest edit_request(Runtime& rt, const EditOpts& o) {
    app::CueEditRequest r;
    r.id = o.id;
    if (o.trigger) r.trigger = checked_text("--trigger", *o.trigger);
    if (o.kind) {
        r.kind = parse_cue_kind(*o.kind);
        if (!r.kind)
            throw UsageError(fmt::format("--kind takes after, if, place or time, e.g. --kind "
                                         "place; not '{}'",
                                         *o.kind));
    }
    if (o.at && o.no_at) throw UsageError("--at and --no-at exclude each other; give one");
    if (o.at) r.at = clock_arg("--at", *o.at);
    r.no_at = o.no_at;
    if (o.days && o.per)
        throw UsageError("--days and --per exclude each other: give --days mon,wed,fri for fixed "
                         "days or --per 3/week for any 3 days of the week");
    if (o.days) r.days = days_arg(*o.days);
    if (o.per) r.per = per_arg(*o.per);
    if (o.since) r.since = past_day_arg(rt, o.since, "--since takes");
    return r;
}

} // namespace

void add_cue_edit(CLI::App* cue, Commands& commands) {
    auto o = std::make_shared<EditOpts>();
    auto* edit = cue->add_subcommand(
        "edit", "Change a cue's trigger, kind, time or schedule from today on (earlier days keep "
                "theirs), or its first day");
    edit->add_option("id", o->id, "Cue id")->required()->check(id_check());
    edit->add_option("--trigger", o->trigger, "What the cue is tied to, e.g. \"I pour my tea\"");
    edit->add_option("--kind", o->kind, "after, if, place or time");
    edit->add_option("--at", o->at, "The time you do it, HH:MM (a time cue's time)");
    edit->add_flag("--no-at", o->no_at, "No set time any more");
    edit->add_option("--days", o->days,
                     "daily, weekdays, weekends or mon,wed,fri (not with --per)");
    edit->add_option("--per", o->per, "N times per week (3/week) or in any M days (2/10d)");
    edit->add_option("--since", o->since,
                     "An earlier first day, so older days can be logged: YYYY-MM-DD, yesterday "
                     "or -N (earlier than the day it began)");
    commands.changes(edit, [o](Runtime& rt) {
        const auto& cfg = rt.config(); // a config error is reported before any write
        const auto request = edit_request(rt, *o);
        present(rt, app::cue_edit(rt.store(), cfg, rt.today(), request));
    });
}

} // namespace kint::cli
