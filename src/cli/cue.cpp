// kint cue: trail markers, each tied to one tiny behavior; `step` resizes the behavior.
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/phases.hpp"
#include "kint/render/render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

namespace {

json::Value cue_json(Runtime& rt, const Cue& c) {
    const Day today = rt.today();
    return render::to_json(c, phases::habit_phase(rt.config().habit_phases, c.created, today),
                           phases::habit_week(c.created, today));
}

std::string cue_text(Runtime& rt, const Cue& c) {
    const Day today = rt.today();
    return render::cue_line(c, phases::habit_phase(rt.config().habit_phases, c.created, today),
                            phases::habit_week(c.created, today), render::Paint(rt.color()));
}

void print_cue_detail(Runtime& rt, const Cue& c) {
    const render::Paint paint(rt.color());
    const auto intention = rt.store().intention(c.intention_id);
    fmt::print(rt.out, "{}\n", cue_text(rt, c));
    if (intention) fmt::print(rt.out, "      for: {}\n", intention->text);
    fmt::print(rt.out, "      placed {}, {} cue\n", format_day(c.created), to_string(c.kind));
    const Day today = rt.today();
    if (const auto* phase = phases::habit_phase(rt.config().habit_phases, c.created, today);
        phase && c.status == CueStatus::active)
        fmt::print(rt.out, "      {}: {}\n", paint.bold(phase->name), phase->guidance);
    fmt::print(rt.out, "      steps:\n");
    for (const auto& s : c.steps)
        fmt::print(rt.out, "        {}  {}{}\n", paint.dim(format_day(s.day)), s.behavior,
                   s.note ? paint.dim("  (" + *s.note + ")") : "");
    // A pause's `until` is the day it was resumed: scheduled again from then on.
    for (const auto& p : c.pauses)
        fmt::print(rt.out, "      paused {}{}\n", format_day(p.from),
                   p.until          ? ", resumed " + format_day(*p.until)
                   : p.from > today ? " (from then on)"
                                    : " (still paused)");
}

} // namespace

void add_cue(CLI::App& app, Commands& commands) {
    auto* cue = app.add_subcommand(
        "cue", "Cues: a trail marker tied to one tiny behavior (alone: list them)");
    cue->require_subcommand(0, 1);
    auto bare_all = std::make_shared<bool>(false);
    cue->add_flag("--all", *bare_all, "Include archived cues");

    auto list_cues = [](Runtime& rt, bool all) {
        const auto cues = rt.store().cues(all);
        if (rt.json()) {
            auto arr = json::array();
            for (const auto& c : cues)
                arr.push(cue_json(rt, c));
            return rt.print(arr);
        }
        if (cues.empty()) {
            fmt::print(rt.out,
                       "No cues yet. Tie one tiny behavior to something you already do:\n"
                       "  kint cue add --after \"I pour my coffee\" --do \"write one sentence\"\n");
            return;
        }
        for (const auto& c : cues)
            fmt::print(rt.out, "{}\n", cue_text(rt, c));
    };
    commands.reads(cue, [bare_all, list_cues](Runtime& rt) { list_cues(rt, *bare_all); });

    auto list_all = std::make_shared<bool>(false);
    auto* list = cue->add_subcommand("list", "List cues with their current step and phase");
    list->add_flag("--all", *list_all, "Include archived cues");
    commands.reads(list, [list_all, bare_all, list_cues](Runtime& rt) {
        list_cues(rt, *list_all || *bare_all);
    });

    struct AddOpts {
        std::optional<Id> intent;
        std::optional<std::string> after, if_, place, time, behavior, at, since;
        std::string days = "daily";
    };
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
        rt.config(); // a config error is reported before any write
        store::NewCue nc;
        if (o->after) {
            nc.kind = CueKind::after;
            nc.trigger = checked_text("--after cue", *o->after);
        } else if (o->if_) {
            nc.kind = CueKind::if_;
            nc.trigger = checked_text("--if cue", *o->if_);
        } else if (o->place) {
            nc.kind = CueKind::place;
            nc.trigger = checked_text("--place cue", *o->place);
        } else if (o->time) {
            nc.kind = CueKind::time;
            nc.at = clock_arg("--time", *o->time);
            nc.trigger = format_clock(*nc.at);
        } else {
            throw UsageError("where is the cue? give one of --after, --if, --place or --time, e.g. "
                             "--after \"I pour my coffee\"");
        }
        nc.behavior = checked_text("behavior (--do)", *o->behavior);
        if (o->at) {
            const Minutes at = clock_arg("--at", *o->at);
            if (nc.kind == CueKind::time && at != *nc.at)
                throw UsageError("--time already sets the time; leave out --at or make them equal");
            nc.at = at;
        }
        nc.days = Schedule::parse(o->days);
        if (nc.days.mask() == 0) throw UsageError("--days names no day; use daily or mon,wed,fri");
        nc.created = past_day_arg(rt, o->since, "--since takes");
        if (o->intent) {
            const auto i = app::intention_or_throw(rt.store(), *o->intent);
            if (i.archived)
                throw UsageError(fmt::format("intention {} is archived; choose an active one "
                                             "('kint intent list')",
                                             i.id));
            nc.intention_id = i.id;
        } else {
            auto focus = rt.store().focus();
            if (!focus)
                throw UsageError("there is no focus intention; add one ('kint intent add') or pass "
                                 "--intent ID");
            nc.intention_id = *focus;
        }
        const std::string note = (app::young_cue_active(rt.store(), rt.today()) ? rt.config().guidance.second_cue : std::string());
        Id id = 0;
        rt.store().write([&] { id = rt.store().add_cue(nc); });
        const auto c = app::cue_or_throw(rt.store(), id);
        if (rt.json()) {
            auto doc = cue_json(rt, c);
            doc.set("note", note.empty() ? json::Value() : json::Value(note));
            return rt.print(doc);
        }
        const render::Paint paint(rt.color());
        fmt::print(rt.out, "Placed cue #{}: {}, {}.\n", c.id, render::trigger_phrase(c),
                   paint.bold(c.behavior()));
        fmt::print(rt.out, "Log it when done: kint log {}\n", c.id);
        if (!note.empty()) fmt::print(rt.out, "\n{}\n", paint.yellow(note));
    });

    auto show_id = std::make_shared<Id>(0);
    auto* show = cue->add_subcommand("show", "Show a cue with its step history and phase");
    show->add_option("id", *show_id, "Cue id")->required()->check(id_check());
    commands.reads(show, [show_id](Runtime& rt) {
        const auto c = app::cue_or_throw(rt.store(), *show_id);
        if (rt.json()) return rt.print(cue_json(rt, c));
        print_cue_detail(rt, c);
    });

    struct StepOpts {
        Id id = 0;
        std::vector<std::string> words;
        std::optional<std::string> note;
    };
    auto so = std::make_shared<StepOpts>();
    auto* step = cue->add_subcommand("step", "Change the step size; the direction stays");
    step->add_option("id", so->id, "Cue id")->required()->check(id_check());
    step->add_option("behavior", so->words, "The new behavior")->required();
    step->add_option("--note", so->note, "Why the step changed");
    commands.changes(step, [so](Runtime& rt) {
        const std::string behavior = checked_text("behavior", join_words(so->words));
        const auto note = checked_note(so->note);
        rt.config(); // a config error is reported before any write
        const auto before = app::cue_or_throw(rt.store(), so->id);
        app::refuse_if_archived(before);
        // The same behavior again is no new step: nothing is written, and that is said.
        const bool change = behavior != before.behavior();
        if (change)
            rt.store().write([&] {
                rt.store().add_step(before.id, Step{rt.today(), behavior, note});
            });
        const auto c = app::cue_or_throw(rt.store(), so->id);
        if (rt.json()) return rt.print(cue_json(rt, c));
        if (!change) {
            fmt::print(rt.out, "Cue #{}'s step is already: {}. Nothing changed.\n", c.id,
                       c.behavior());
            return;
        }
        fmt::print(rt.out, "Cue #{} step: {} → {}\nSame direction, new step size.\n", c.id,
                   before.behavior(), c.behavior());
    });

    auto status_command = [&](const char* name, const char* help, CueStatus target) {
        auto id = std::make_shared<Id>(0);
        auto* cmd = cue->add_subcommand(name, help);
        cmd->add_option("id", *id, "Cue id")->required()->check(id_check());
        commands.changes(cmd, [id, target](Runtime& rt) {
            rt.config(); // a config error is reported before any write
            const auto before = app::cue_or_throw(rt.store(), *id);
            const Day today = rt.today();
            if (target != CueStatus::archived) app::refuse_if_archived(before);
            const bool change = before.status != target;
            // A day already done keeps its credit: pausing after it starts the pause tomorrow.
            bool from_tomorrow = false;
            if (change)
                rt.store().write([&] {
                    auto& s = rt.store();
                    if (target == CueStatus::paused) {
                        const auto logged = s.logs({DayRange{today, today}, before.id});
                        from_tomorrow =
                            before.scheduled_on(today) &&
                            std::any_of(logged.begin(), logged.end(), [](const LogEntry& e) {
                                return e.status == LogStatus::done;
                            });
                        const auto tomorrow = [&] {
                            return add_days(today, 1, "a pause that begins tomorrow");
                        };
                        s.pause_cue(before.id, from_tomorrow ? tomorrow() : today);
                    }
                    if (target == CueStatus::active) s.resume_cue(before.id, today);
                    if (target == CueStatus::archived) {
                        if (before.status == CueStatus::paused) s.resume_cue(before.id, today);
                        s.archive_cue(before.id, today);
                    }
                });
            const auto c = app::cue_or_throw(rt.store(), *id);
            if (rt.json()) return rt.print(cue_json(rt, c));
            if (!change) {
                fmt::print(rt.out, "Cue #{} is already {}.\n", c.id, to_string(c.status));
                return;
            }
            switch (target) {
            case CueStatus::paused:
                fmt::print(rt.out,
                           "Paused cue #{}{}. Paused days are not counted; resume with "
                           "'kint cue resume {}'.\n",
                           c.id, from_tomorrow ? " from tomorrow: today is done and counts" : "",
                           c.id);
                break;
            case CueStatus::active:
                fmt::print(rt.out, "Resumed cue #{}: {}.\n", c.id, c.behavior());
                break;
            case CueStatus::archived:
                fmt::print(rt.out, "Archived cue #{}. Its history stays.\n", c.id);
                break;
            }
        });
    };
    status_command("pause", "Pause a cue (paused days are not scheduled)", CueStatus::paused);
    status_command("resume", "Resume a paused cue", CueStatus::active);
    status_command("archive", "Archive a cue (its history stays)", CueStatus::archived);
}

} // namespace kint::cli
