// kint session: treatment session days; the integration timeline follows the latest.
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/phases.hpp"
#include "kint/render/render.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

void add_session(CLI::App& app, Commands& commands) {
    auto* session =
        app.add_subcommand("session", "Treatment sessions (the timeline counts from the latest)");
    session->require_subcommand(1);

    struct AddOpts {
        std::optional<std::string> day, note;
    };
    auto o = std::make_shared<AddOpts>();
    auto* add = session->add_subcommand("add", "Record a session day (default today)");
    add->add_option("day", o->day,
                    "Day: YYYY-MM-DD, today, yesterday or -N (a planned day is fine)");
    add->add_option("--note", o->note, "A few words about it");
    commands.on(add, [o](Runtime& rt) {
        Session s{0, day_arg(rt, o->day), checked_note(o->note)};
        const auto& timeline = rt.config().timeline; // a config error is reported before any write
        bool existed = false;
        const bool note_given = s.note.has_value();
        std::optional<Day> latest; // the latest session up to today, before this one
        rt.store().write([&] {
            const auto all = rt.store().sessions();
            for (const auto& other : all)
                if (other.day <= rt.today() && (!latest || other.day > *latest)) latest = other.day;
            const auto same = std::find_if(
                all.begin(), all.end(), [&](const Session& other) { return other.day == s.day; });
            existed = same != all.end();
            if (existed && !note_given) s.note = same->note; // the note is kept
            s.id = rt.store().add_session(s);
        });
        if (rt.json()) return rt.print(render::to_json(s));
        if (existed)
            fmt::print(rt.out, "A session on {} was already recorded{}.\n", format_day(s.day),
                       note_given ? "; its note is updated" : "");
        else
            fmt::print(rt.out, "Recorded a session on {}.\n", format_day(s.day));
        if (!timeline.empty() && latest && *latest > s.day && *latest <= rt.today())
            fmt::print(rt.out,
                       "The integration timeline still counts from your latest session, {}.\n",
                       format_day(*latest));
        else if (!timeline.empty() && s.day <= rt.today())
            fmt::print(rt.out, "The integration timeline counts from it: see 'kint today'.\n");
    });

    auto rm_day = std::make_shared<std::string>();
    auto* rm = session->add_subcommand("rm", "Remove the session recorded on a day");
    rm->add_option("day", *rm_day, "Day: YYYY-MM-DD, today, yesterday or -N")->required();
    commands.changes(rm, [rm_day](Runtime& rt) {
        const Day day = day_arg(rt, *rm_day);
        bool removed = false;
        rt.store().write([&] { removed = rt.store().remove_session(day); });
        if (!removed)
            throw NotFound(
                fmt::format("there is no session on {}; see 'kint session list'", format_day(day)));
        if (rt.json())
            return rt.print(json::object().set("day", format_day(day)).set("removed", true));
        fmt::print(rt.out, "Removed the session on {}.\n", format_day(day));
    });

    auto* list = session->add_subcommand("list", "List sessions");
    commands.reads(list, [](Runtime& rt) {
        const auto sessions = rt.store().sessions();
        if (rt.json()) {
            auto arr = json::array();
            for (const auto& s : sessions)
                arr.push(render::to_json(s));
            return rt.print(arr);
        }
        if (sessions.empty()) {
            fmt::print(rt.out, "No sessions recorded. Add one with 'kint session add [DAY]'.\n");
            return;
        }
        const render::Paint paint(rt.color());
        const Day today = rt.today();
        for (const auto& s : sessions) {
            const auto days = (today - s.day).count();
            const std::string when = days >= 0 ? fmt::format("day {}", days) : "planned";
            fmt::print(rt.out, "{}  {}{}\n", format_day(s.day), paint.dim(when),
                       s.note ? "  " + *s.note : "");
        }
    });
}

} // namespace kint::cli
