#pragma once
// One registration function per subcommand file; run.cpp lists them once.
#include "runtime.hpp"

namespace CLI {
class App;
}

namespace kint::cli {

void add_init(CLI::App& app, Commands& commands);
void add_intent(CLI::App& app, Commands& commands);
void add_cue(CLI::App& app, Commands& commands);
void add_log(CLI::App& app, Commands& commands);
void add_rate(CLI::App& app, Commands& commands);
void add_journal(CLI::App& app, Commands& commands);
void add_session(CLI::App& app, Commands& commands);
void add_today(CLI::App& app, Commands& commands);
void add_prompts(CLI::App& app, Commands& commands);
void add_start(CLI::App& app, Commands& commands);
void add_review(CLI::App& app, Commands& commands);
void add_report(CLI::App& app, Commands& commands);
void add_trail(CLI::App& app, Commands& commands);
void add_remind(CLI::App& app, Commands& commands);
void add_hook(CLI::App& app, Commands& commands);
void add_exchange(CLI::App& app, Commands& commands);
void add_sync(CLI::App& app, Commands& commands);
void add_practice(CLI::App& app, Commands& commands);
void add_complete(CLI::App& app, Commands& commands);

} // namespace kint::cli
