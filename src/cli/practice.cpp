// kint practice: the mindfulness practices, step by step, with a breathing pacer on a terminal.
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/render/render.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <thread>

namespace kint::cli {

namespace {

// One line redrawn in place: the step, a bar of the time it has, and a breath cue.
void pace(Runtime& rt, const render::Paint& p, int seconds, bool breathe) {
    constexpr int width = 24;
    for (int t = 0; t <= seconds; ++t) {
        const int filled = seconds == 0 ? width : t * width / seconds;
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(width, '.');
        std::string cue;
        if (breathe) {
            // Four counts in, four out: a slow breath the eye can follow.
            const int phase = t % 8;
            cue = phase < 4 ? fmt::format("breathe in  {:<4}",
                                          std::string(static_cast<std::size_t>(phase + 1), '.'))
                            : fmt::format("breathe out {:<4}",
                                          std::string(static_cast<std::size_t>(8 - phase), '.'));
        }
        fmt::print(rt.out, "\r  {} {:>3}s  {}", p.cyan(bar), seconds - t, p.dim(cue));
        rt.out.flush();
        if (t < seconds) std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    fmt::print(rt.out, "\r{:<60}\r", "");
}

} // namespace

void add_practice(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<std::string> name;
        std::optional<Id> log;
        std::optional<int> minutes;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("practice",
                                   "Mindfulness practices, step by step (a pacer on a terminal)");
    cmd->add_option("name", o->name,
                    "Practice key, e.g. breath, grounding, reset (none: list them)");
    cmd->add_option("--log", o->log, "Log this cue as done when the practice ends")
        ->check(id_check());
    cmd->add_option("--minutes", o->minutes, "How long, in minutes (default: the practice's own)")
        ->check(CLI::Range(1, 60))
        ->option_text("INT:1-60");
    commands.changes(cmd, [o](Runtime& rt) {
        const auto& cfg = rt.config();
        const render::Paint p(rt.color());
        if (!o->name) {
            if (o->log)
                throw UsageError(
                    "--log needs a practice to finish first, e.g. kint practice reset --log 1");
            if (rt.json()) {
                auto arr = json::array();
                for (const auto& pr : cfg.practices) {
                    auto steps = json::array();
                    for (const auto& s : pr.steps)
                        steps.push(s);
                    arr.push(json::object()
                                 .set("key", pr.key)
                                 .set("name", pr.name)
                                 .set("minutes", pr.minutes)
                                 .set("max_minutes", pr.max_minutes)
                                 .set("steps", std::move(steps)));
                }
                return rt.print(arr);
            }
            for (const auto& pr : cfg.practices) {
                const std::string len = pr.max_minutes > pr.minutes
                                            ? fmt::format("{}-{} min", pr.minutes, pr.max_minutes)
                                            : fmt::format("{} min", pr.minutes);
                fmt::print(rt.out, "  {:<12} {:<28} {}\n", p.cyan(pr.key), pr.name, p.dim(len));
            }
            fmt::print(
                rt.out,
                "\nBegin one: kint practice breath   (add --log CUE to log a cue when it ends)\n");
            return;
        }
        const config::Practice* practice = nullptr;
        for (const auto& pr : cfg.practices)
            if (pr.key == *o->name) practice = &pr;
        if (!practice) {
            std::string keys;
            for (const auto& pr : cfg.practices)
                keys += (keys.empty() ? "" : ", ") + pr.key;
            throw NotFound(
                fmt::format("there is no practice '{}'; choose one of: {}", *o->name, keys));
        }
        std::optional<Cue> cue;
        if (o->log) {
            cue = app::cue_or_throw(rt.store(), *o->log);
            app::refuse_if_archived(*cue);
        }
        const bool live = rt.interactive() && !rt.json();
        if (!rt.json()) {
            fmt::print(rt.out, "{} {}\n", p.bold(practice->name),
                       p.dim(fmt::format("· {} min", o->minutes.value_or(practice->minutes))));
            const int total = o->minutes.value_or(practice->minutes) * 60;
            const int per_step =
                practice->steps.empty() ? total : total / static_cast<int>(practice->steps.size());
            const bool breathe = practice->key == "breath" || practice->key == "reset" ||
                                 practice->key == "counting";
            std::size_t i = 0;
            for (const auto& step : practice->steps) {
                fmt::print(rt.out, "{} {}\n", p.dim(fmt::format("{}.", ++i)), step);
                if (live) pace(rt, p, per_step, breathe);
            }
            fmt::print(rt.out, "{}\n", live ? p.green("Done. Notice how you feel now.") : "");
        }
        if (cue) {
            const Day today = rt.today();
            rt.store().write([&] {
                rt.store().put_log(LogEntry{cue->id, today, LogStatus::done, std::nullopt});
            });
        }
        if (rt.json()) {
            auto steps = json::array();
            for (const auto& s : practice->steps)
                steps.push(s);
            json::Value logged;
            if (cue) logged = cue->id;
            return rt.print(json::object()
                                .set("key", practice->key)
                                .set("name", practice->name)
                                .set("steps", std::move(steps))
                                .set("logged_cue", std::move(logged)));
        }
        if (cue)
            fmt::print(rt.out, "{} logged cue #{}: {}\n", p.green("✓"), cue->id, cue->behavior());
    });
}

} // namespace kint::cli
