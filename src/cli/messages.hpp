#pragma once
// What a person reads when a command line is wrong, when output cannot be written, and in --help.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace CLI {
class App;
class Formatter;
class ParseError;
} // namespace CLI

namespace kint::cli {

// CLI11 messages can span lines; kint's errors are one line.
std::string one_line(std::string text);
// An error as one printable line: no control character or invalid UTF-8 raw, long arguments cut.
std::string printable(std::string_view text);
// "kint: MESSAGE" on `err`, printable.
void say(std::ostream& err, std::string_view message);
// Flushes `out`; a write that failed is exit 1 with one line (a closed pipe ends quietly).
int flushed(std::ostream& out, std::ostream& err, int code, bool silent);
// "kint log list" for the (sub)command `app`.
std::string command_path(const CLI::App* app);
// The subcommand CLI11 got furthest into: where the person needs help.
const CLI::App* deepest(const CLI::App& app);
// Refuses a parent command's option given after its subcommand (never silently ignored).
void refuse_parent_options(const CLI::App& where);
// CLI11's words for a usage error at `where`, said the way kint speaks.
std::string usage_message(const CLI::ParseError& e, const CLI::App& where);
// Says a usage error at the deepest command CLI11 reached in `app` and returns its exit code (2; 0
// for the prompt hook, which never shows an error).
int usage_error(const CLI::ParseError& e, const CLI::App& app, std::ostream& err);
// CLI11's help, with "not with --x" after a description instead of an Excludes column.
std::shared_ptr<CLI::Formatter> help_formatter();

} // namespace kint::cli
