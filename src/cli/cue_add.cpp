// kint cue add: a cue placed with its tiny behavior, for the focus or a given intention.
#include "cue_add.hpp"
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/cue.hpp"
#include "kint/core/error.hpp"
#include "kint/render/cue.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

namespace {

struct AddOpts {
    std::optional<Id> intent;
    std::optional<std::string> after, if_, place, time, behavior, at, since;
    std::string days = "daily";
};

// The new cue from its flags: one kind of cue, the behavior, its time and days, checked.
app::CueAddRequest add_request(Runtime& rt, const AddOpts& o) {
    app::CueAddRequest request{o.intent, {}};
    auto& nc = request.cue;
    if (o.after) {
        nc.kind = CueKind::after;
        nc.trigger = checked_text("--after cue", *o.after);
    } else if (o.if_) {
        nc.kind = CueKind::if_;
        nc.trigger = checked_text("--if cue", *o.if_);
    } else if (o.place) {
        nc.kind = CueKind::place;
        nc.trigger = checked_text("--place cue", *o.place);
    } else if (o.time) {
        nc.kind = CueKind::time;
        nc.at = clock_arg("--time", *o.time);
        nc.trigger = format_clock(*nc.at);
    } else {
        throw UsageError("where is the cue? give one of --after, --if, --place or --time, e.g. "
                         "--after \"I pour my coffee\"");
    }
    nc.behavior = checked_text("behavior (--do)", *o.behavior);
    if (o.at) {
        const Minutes at = clock_arg("--at", *o.at);
        if (nc.kind == CueKind::time && at != *nc.at)
            throw UsageError("--time already sets the time; leave out --at or make them equal");
        nc.at = at;
    }
    nc.days = Schedule::parse(o.days);
    if (nc.days.mask() == 0) throw UsageError("--days names no day; use daily or mon,wed,fri");
    nc.created = past_day_arg(rt, o.since, "--since takes");
    return request;
}

} // namespace

void add_cue_add(CLI::App* cue, Commands& commands) {
    auto o = std::make_shared<AddOpts>();
    auto* add = cue->add_subcommand("add", "Place a cue with its tiny behavior");
    add->add_option("--intent", o->intent, "Intention id (default: the focus)")->check(id_check());
    auto* after = add->add_option("--after", o->after, "Habit stacking: after I ...");
    auto* if_ = add->add_option("--if", o->if_, "If-then plan: if I ...");
    auto* place = add->add_option("--place", o->place, "An object where you already go");
    auto* time = add->add_option("--time", o->time, "A reminder at a clock time HH:MM");
    after->excludes(if_)->excludes(place)->excludes(time);
    if_->excludes(place)->excludes(time);
    place->excludes(time);
    add->add_option("--do", o->behavior, "The tiny behavior, e.g. \"write one sentence\"")
        ->required();
    add->add_option("--at", o->at, "The time you do it, HH:MM (today lists cues by time)");
    add->add_option("--days", o->days, "daily, weekdays, weekends or mon,wed,fri")
        ->default_str("daily");
    add->add_option("--since", o->since,
                    "The day you began it, when that was before today (earlier days can then be "
                    "logged): YYYY-MM-DD, yesterday or -N");
    commands.changes(add, [o](Runtime& rt) {
        const auto& cfg = rt.config(); // a config error is reported before any write
        const auto request = add_request(rt, *o);
        present(rt, app::cue_add(rt.store(), cfg, rt.today(), request));
    });
}

} // namespace kint::cli
