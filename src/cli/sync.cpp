// kint sync: two devices, one trail, through a folder they both reach (SPEC §7.5).
#include "kint/app/sync.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "kint/render/exchange.hpp"
#include "kint/render/sync.hpp"
#include "present.hpp" // after the renderers it calls

#include <CLI/CLI.hpp>

namespace kint::cli {

void add_sync(CLI::App& app, Commands& commands) {
    auto* sync = app.add_subcommand(
        "sync", "Sync this store with your other devices through a folder (Syncthing, git, ...)");
    sync->footer(
        "Each device writes only its own encrypted files under DIR/kint-sync/ and reads the "
        "others'.\nSet up: 'kint sync init DIR' on the first device; copy its key (STORE.sync-key) "
        "to the next by a private way and run 'kint sync init DIR --key FILE' there.\nThen run "
        "'kint sync DIR' on each, by hand or from a timer, e.g. in crontab -e:\n"
        "  */30 * * * * kint sync ~/Sync/kint >/dev/null\nWith git: pull, kint sync, add, commit "
        "and push (never a merge conflict: no two devices write one file).");
    auto dir = std::make_shared<std::string>();
    sync->add_option("dir", *dir, "The shared folder (a Syncthing folder, a git working tree, ...)");

    struct InitOpts {
        std::string dir;
        std::optional<std::string> key;
    };
    auto io = std::make_shared<InitOpts>();
    auto* init = sync->add_subcommand("init", "Set this store up to sync through DIR");
    init->add_option("dir", io->dir, "The shared folder")->required();
    init->add_option("--key", io->key,
                     "Join with a copy of the first device's key file (KINT_DB.sync-key there)");
    auto run_init = [io](Runtime& rt) {
        present(rt, app::sync_init(rt.store(), app::SyncInitRequest{io->dir, io->key}));
    };
    commands.on(init, run_init);

    commands.on(sync, [dir, init, run_init](Runtime& rt) {
        if (init->parsed()) return run_init(rt); // whichever callback CLI11 runs first
        if (dir->empty())
            throw UsageError("give the shared folder: kint sync DIR (set it up first with "
                             "'kint sync init DIR')");
        const Day today = rt.today();
        const app::SyncCodec codec{
            [](const exchange::Snapshot& s) { return exchange::to_json(s).dump(0); },
            // A device east of here may already be a day ahead.
            [today](std::string_view text) {
                return exchange::from_json(json::parse(text), today + std::chrono::days{1});
            }};
        const auto result = app::sync(rt.store(), app::SyncRequest{*dir}, codec);
        present(rt, result);
        if (!result.problems.empty()) {
            std::string message = render::problems_text(result);
            message = message.substr(6, message.size() - 7); // run() adds "kint: " and the newline
            throw Error(message, 1);
        }
    });
}

} // namespace kint::cli
