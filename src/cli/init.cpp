// kint init: write the default config for editing and create the store.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/init.hpp"
#include "kint/core/error.hpp"
#include "kint/render/init.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>

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
        // An existing file that is kept must at least be valid.
        auto config = app::init_config(*path, *force, [&rt] { rt.config(); });
        present(rt, app::init_store(std::move(config), rt.store()));
    });
}

} // namespace kint::cli
