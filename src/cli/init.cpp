// kint init: write the default config for editing and create the store.
#include "kint/io/files.hpp"
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

void add_init(CLI::App& app, Commands& commands) {
    auto* cmd =
        app.add_subcommand("init", "Write the default config for editing and create the store");
    auto force = std::make_shared<bool>(false);
    cmd->add_flag("--force", *force, "Overwrite an existing config with the default");
    commands.on(cmd, [force](Runtime& rt) {
        const auto path = rt.config_path();
        if (!path)
            throw ConfigError("no place for the config: set KINT_CONFIG or HOME, or pass --config");
        const bool exists = std::filesystem::exists(*path);
        const bool write = !exists || *force;
        if (!write) rt.config(); // an existing file must at least be valid
        // --force keeps the config it replaces beside it, so an edit is never lost to a flag.
        std::optional<std::string> backup;
        if (write && exists) {
            backup = *path + ".bak";
            io::write_file_atomically(*backup, io::read_file(*path, 4u << 20), io::Folders::must_exist);
        }
        if (write) io::write_file_atomically(*path, config::default_config_text, io::Folders::create);
        auto& store = rt.store();
        if (rt.json()) {
            rt.print(json::object()
                         .set("config", *path)
                         .set("config_written", write)
                         .set("config_backup", backup)
                         .set("store", store.path())
                         .set("schema", store.user_version()));
            return;
        }
        if (write)
            fmt::print(rt.out, "Wrote the default config to {}{}\n", *path,
                       backup ? fmt::format(" (the old one is kept as {})", *backup) : "");
        else
            fmt::print(rt.out, "Kept your config at {} (use --force to replace it)\n", *path);
        if (!store.intentions(true).empty()) {
            fmt::print(rt.out,
                       "Store ready at {}, with your history. 'kint today' shows the day.\n",
                       store.path());
            return;
        }
        fmt::print(rt.out,
                   "Store ready at {}\n\nNext: choose a direction, e.g.\n"
                   "  kint intent catalogue            browse suggested intentions\n"
                   "  kint intent add --from anxiety.5 or write your own\n"
                   "  kint start                       a guided first run\n",
                   store.path());
    });
}

} // namespace kint::cli
