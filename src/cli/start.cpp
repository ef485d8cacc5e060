// kint start: the quick starter plan as a guided first run (plain commands without a terminal).
#include "commands.hpp"
#include "common.hpp"
#include "guide.hpp"
#include "offers.hpp"

#include "kint/app/start.hpp"
#include "kint/app/timer.hpp"
#include "kint/core/error.hpp"
#include "kint/render/start.hpp"

#include "present.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <tuple>
#include <utility>

namespace kint::cli {

namespace {

app::IntentionChoice choose_intention(Guide& g, const config::Config& cfg) {
    return g.ask_until(
        "1. Pick one intention.",
        "Type words to search the catalogue (e.g. calm, grief, creative), an id like anxiety.5,\n"
        "or write your own intention in positive words.",
        [&](const std::string& answer) -> app::IntentionChoice {
            if (answer.empty()) throw UsageError("Take your time. A few words are enough.");
            if (const auto* item = cfg.find_item(answer)) return app::catalogue_choice(*item);
            const auto hits = app::search_catalogue(cfg, answer);
            if (hits.empty()) {
                const std::string text = checked_text("intention", answer);
                if (g.ask_yes_no(fmt::format("Use \"{}\" as your own intention?", text), true))
                    return {text, {}, {}};
                throw UsageError("All right, try other words or an id.");
            }
            const std::size_t shown = std::min<std::size_t>(hits.size(), 9);
            g.say("");
            for (std::size_t i = 0; i < shown; ++i)
                g.say(fmt::format("  {}  {}  {}", i + 1, hits[i]->text, g.paint.dim(hits[i]->id)));
            if (hits.size() > shown)
                g.say(g.paint.dim(fmt::format("  ... and {} more", hits.size() - shown)));
            const std::string pick = g.ask("Which one? (a number, or Enter to search again)");
            if (pick.size() == 1 && pick[0] >= '1' && pick[0] <= static_cast<char>('0' + shown))
                return app::catalogue_choice(*hits[static_cast<std::size_t>(pick[0] - '1')]);
            throw UsageError("Let's look again.");
        });
}

// Steps 2-4: the behavior, its cue ("after ...", "if ...", "at ..." or a routine) and a time.
void ask_cue(Guide& g, app::StartRequest& r) {
    r.behavior = g.ask_until("2. Choose one tiny repeatable behavior that matches it.",
                             "Under two minutes: \"write one sentence\", \"three slow breaths\", "
                             "\"send one kind text\".",
                             [](const std::string& a) { return checked_text("behavior", a); });
    std::tie(r.kind, r.trigger) = g.ask_until(
        "3. Place one cue where you will see it.",
        "Something you already do: \"after I pour my coffee\". Or an if-then plan: \"if I feel\n"
        "anger rising\". Or a place you pass: \"at my desk\", \"at the front door\".",
        [](const std::string& a) -> std::pair<CueKind, std::string> {
            static constexpr std::pair<std::string_view, CueKind> kinds[] = {
                {"after ", CueKind::after},
                {"if ", CueKind::if_},
                {"at ", CueKind::place},
                {"place ", CueKind::place}};
            for (const auto& [prefix, kind] : kinds)
                if (a.starts_with(prefix))
                    return {kind, checked_text("cue", std::string_view(a).substr(prefix.size()))};
            return {CueKind::after, checked_text("cue", a)};
        });
    r.at = g.ask_until("4. Choose the time you will do it daily.",
                       "HH:MM, e.g. 08:00 (Enter for no set time).",
                       [](const std::string& a) -> std::optional<Minutes> {
                           if (a.empty()) return std::nullopt;
                           return clock_arg("the time", a);
                       });
}

// Steps 5-6, each skipped with Enter: who to contact when days are hard, and a session day.
void ask_care(Guide& g, Runtime& rt, app::StartRequest& r) {
    r.contact = g.ask_until(
        "If days get hard, who can you contact?",
        "Your clinic or a crisis line: a name, a number, or both. kint shows it with its safety\n"
        "note (kept in your config as [safety] contact). Enter to skip.",
        [](const std::string& a) { return a.empty() ? a : checked_text("contact", a); });
    r.config_path = rt.config_path();
    r.session = g.ask_until(
        "When was your last treatment session, or when is the next?",
        "YYYY-MM-DD, 'today' or 'yesterday'; the integration timeline counts from it. Enter to "
        "skip.",
        [&](const std::string& a) -> std::optional<Day> {
            if (a.empty()) return std::nullopt;
            return day_arg(rt, a);
        });
}

} // namespace

void add_start(CLI::App& app, Commands& commands) {
    auto* cmd =
        app.add_subcommand("start", "A guided first run: the quick starter plan, step by step");
    commands.on(cmd, [](Runtime& rt) {
        const auto& cfg = rt.config();
        const auto plan =
            app::starter_plan(cfg, [&](const std::string& name) { return rt.env(name); });
        // JSON is the plan itself: the guide asks questions, which JSON cannot.
        if (rt.json() || !rt.interactive()) return present(rt, plan);
        Guide g(rt);
        g.say(g.paint.bold(plan.title));
        for (const auto& s : plan.steps)
            g.say("  - " + s);
        g.say(g.paint.dim("Ctrl-D stops at any point; nothing is saved until the end."));
        std::optional<app::StartResult> saved;
        try {
            app::StartRequest request;
            request.intention = choose_intention(g, cfg);
            g.say(g.paint.green("Direction: " + request.intention.text));
            ask_cue(g, request);
            ask_care(g, rt, request);
            saved = app::start(rt.store(), cfg, rt.today(), request);
            g.show(render::to_text(*saved, g.paint));
        } catch (const Stopped&) {
            return fmt::print(rt.out,
                              "\nStopped. Nothing was saved; run 'kint start' again any time.\n");
        }
        try {
            const bool hook = offer_shell_hook(g, plan.shell);
            const auto timer = app::timer_setup(
                [&](const std::string& name) { return rt.env(name); },
                app::remind_command(self_path(), rt.store_path(), rt.config_path()));
            const bool reminders = offer_remind_timer(g, timer, saved->cue);
            g.say("");
            g.show(render::shell_and_cron_text(plan.shell, hook, !reminders));
        } catch (const Stopped&) {
            // Saved already: closing input at the hook's or the timer's question only skips it.
        }
    });
}

} // namespace kint::cli
