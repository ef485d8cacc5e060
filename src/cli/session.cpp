// kint session: treatment session days; the integration timeline follows the latest.
#include "kint/app/session.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "kint/render/session.hpp"
#include "present.hpp" // after the renderers it calls

#include <CLI/CLI.hpp>

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
        app::SessionAddRequest request{day_arg(rt, o->day), checked_note(o->note)};
        const auto& cfg = rt.config(); // a config error is reported before any write
        present(rt, app::session_add(rt.store(), cfg, rt.today(), request));
    });

    auto rm_day = std::make_shared<std::string>();
    auto* rm = session->add_subcommand("rm", "Remove the session recorded on a day");
    rm->add_option("day", *rm_day, "Day: YYYY-MM-DD, today, yesterday or -N")->required();
    commands.changes(rm, [rm_day](Runtime& rt) {
        const Day day = day_arg(rt, *rm_day);
        present(rt, app::session_rm(rt.store(), day));
    });

    auto* list = session->add_subcommand("list", "List sessions");
    commands.reads(list, [](Runtime& rt) {
        const Day today = rt.today();
        present(rt, app::session_list(rt.store(), today));
    });
}

} // namespace kint::cli
