// kint cue: trail markers, each tied to one tiny behavior; `step` resizes the behavior.
#include "commands.hpp"
#include "common.hpp"
#include "cue_add.hpp"

#include "kint/app/cue.hpp"
#include "kint/render/cue.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

void add_cue(CLI::App& app, Commands& commands) {
    auto* cue = app.add_subcommand(
        "cue", "Cues: a trail marker tied to one tiny behavior (alone: list them)");
    cue->require_subcommand(0, 1);
    auto bare_all = std::make_shared<bool>(false);
    cue->add_flag("--all", *bare_all, "Include archived cues");
    auto list_cues = [](Runtime& rt, bool all) {
        auto& store = rt.store();
        present(rt, app::cue_list(store, rt.config(), rt.today(), all));
    };
    commands.reads(cue, [bare_all, list_cues](Runtime& rt) { list_cues(rt, *bare_all); });

    auto list_all = std::make_shared<bool>(false);
    auto* list = cue->add_subcommand("list", "List cues with their current step and phase");
    list->add_flag("--all", *list_all, "Include archived cues");
    commands.reads(list, [list_all, bare_all, list_cues](Runtime& rt) {
        list_cues(rt, *list_all || *bare_all);
    });

    add_cue_add(cue, commands);

    auto show_id = std::make_shared<Id>(0);
    auto* show = cue->add_subcommand("show", "Show a cue with its step history and phase");
    show->add_option("id", *show_id, "Cue id")->required()->check(id_check());
    commands.reads(show, [show_id](Runtime& rt) {
        auto& store = rt.store();
        present(rt, app::cue_show(store, rt.config(), rt.today(), *show_id));
    });

    struct StepOpts {
        std::optional<std::string> target, unit;
        bool at_most = false, at_least = false;
    };
    auto so = std::make_shared<app::CueStepRequest>();
    auto sopts = std::make_shared<StepOpts>();
    auto words = std::make_shared<std::vector<std::string>>();
    auto* step = cue->add_subcommand(
        "step", "Change the step size; the direction stays (a new behavior, a new --target, or "
                "both)");
    step->add_option("id", so->id, "Cue id")->required()->check(id_check());
    step->add_option("behavior", *words,
                     "The new behavior (leave it out to change only the target)");
    step->add_option("--note", so->note, "Why the step changed");
    step->add_option("--target", sopts->target,
                     "The new amount, e.g. 15 (a measured step; the unit stays unless --unit)");
    step->add_option("--unit", sopts->unit, "The target's unit, e.g. min or pages");
    auto* at_most =
        step->add_flag("--at-most", sopts->at_most, "The target is a limit to stay under");
    auto* at_least =
        step->add_flag("--at-least", sopts->at_least, "The target is an amount to reach");
    at_most->excludes(at_least);
    commands.changes(step, [so, sopts, words](Runtime& rt) {
        auto request = *so;
        if (!words->empty()) request.behavior = checked_text("behavior", join_words(*words));
        request.note = checked_note(so->note);
        if (sopts->target) request.target = target_arg(*sopts->target);
        if (sopts->unit) request.unit = unit_arg(*sopts->unit);
        if (sopts->at_most) request.at_most = true;
        if (sopts->at_least) request.at_most = false;
        const auto& cfg = rt.config(); // a config error is reported before any write
        present(rt, app::cue_step(rt.store(), cfg, rt.today(), request));
    });

    add_cue_edit(cue, commands);

    auto status_command = [&](const char* name, const char* help, CueStatus target) {
        auto id = std::make_shared<Id>(0);
        auto* cmd = cue->add_subcommand(name, help);
        cmd->add_option("id", *id, "Cue id")->required()->check(id_check());
        commands.changes(cmd, [id, target](Runtime& rt) {
            const auto& cfg = rt.config(); // a config error is reported before any write
            present(rt, app::cue_set_status(rt.store(), cfg, rt.today(), *id, target));
        });
    };
    status_command("pause", "Pause a cue (paused days are not scheduled)", CueStatus::paused);
    status_command("resume", "Resume a paused cue", CueStatus::active);
    status_command("archive", "Archive a cue (its history stays)", CueStatus::archived);
}

} // namespace kint::cli
