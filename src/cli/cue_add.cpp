// kint cue add: a cue placed with its tiny behavior, for the focus or a given intention.
#include "cue_add.hpp"
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/cue.hpp"
#include "kint/core/error.hpp"
#include "kint/render/cue.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace kint::cli {

Per per_arg(std::string_view text) {
    const auto per = parse_per(text);
    if (!per)
        throw UsageError(fmt::format("--per takes N/week or N/Md (N times in any M days, M from "
                                     "{} to {}, N at most M), e.g. --per 3/week or --per 2/10d; "
                                     "not '{}'",
                                     per_min_days, per_max_days, text));
    return *per;
}

double target_arg(std::string_view text) {
    double value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value) || value <= 0)
        throw UsageError(fmt::format("--target takes a number above 0, e.g. --target 10 --unit "
                                     "min; not '{}'",
                                     text));
    return value;
}

std::string unit_arg(std::string_view text) {
    return checked_text("--unit", text, 40);
}

Schedule days_arg(std::string_view text) {
    const auto days = Schedule::parse(text);
    if (days.mask() == 0) throw UsageError("--days names no day; use daily or mon,wed,fri");
    return days;
}

namespace {

struct AddOpts {
    std::optional<Id> intent;
    std::optional<std::string> after, if_, place, time, behavior, at, since, days, per, target,
        unit;
    bool at_most = false;
};

// --target, --unit and --at-most: a measured step, or none.
std::optional<Measure> measure_args(const AddOpts& o) {
    if (!o.target) {
        if (o.unit || o.at_most)
            throw UsageError(fmt::format("{} needs --target, e.g. --target 20 --unit min{}",
                                         o.unit ? "--unit" : "--at-most",
                                         o.at_most ? " --at-most" : ""));
        return std::nullopt;
    }
    return Measure{target_arg(*o.target), o.unit ? unit_arg(*o.unit) : std::string(), o.at_most};
}

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
    if (o.days && o.if_)
        throw UsageError("an if-then cue counts when its situation comes up, on any day; leave "
                         "out --days");
    if (o.days && o.per)
        throw UsageError("--days and --per exclude each other: give --days mon,wed,fri for fixed "
                         "days or --per 3/week for any 3 days of the week");
    nc.days = o.per ? Schedule::daily() : days_arg(o.days.value_or("daily"));
    if (o.per) nc.per = per_arg(*o.per);
    nc.measure = measure_args(o);
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
    add->add_option("--days", o->days, "daily, weekdays, weekends or mon,wed,fri (not with --per)")
        ->default_str("daily");
    add->add_option("--per", o->per,
                    "N times per week (3/week, weeks from day.week_starts) or in any M days "
                    "(2/10d), on days you choose (not with --days)");
    add->add_option("--target", o->target,
                    "A measured step: the amount to reach each time, e.g. 10 (log --amount)");
    add->add_option("--unit", o->unit, "The target's unit, e.g. min or pages (needs --target)");
    add->add_flag("--at-most", o->at_most,
                  "The target is a limit to stay under, e.g. scroll at most 20 min (needs "
                  "--target)");
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
