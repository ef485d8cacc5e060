#pragma once
// What a command runs against, built once after parsing: config, store, clock and streams.
#include "kint/cache/config_cache.hpp"
#include "kint/cache/view_cache.hpp"
#include "kint/config/config.hpp"
#include "kint/core/day.hpp"
#include "kint/core/text.hpp"
#include "kint/render/json.hpp"
#include "kint/run.hpp"
#include "kint/store/store.hpp"

#include <fmt/ostream.h>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kint::cli {

// What a command may do to a store that does not exist yet (see Runtime::store): `writes` creates
// it (init, intent add, rate, ...), `reads` reads it as empty, `changes` (every command that acts
// on an existing id) refuses.
enum class Access { writes, reads, changes };

// The global flags, bound by CLI11.
struct Globals {
    std::string db;
    std::string config;
    std::string today;
    std::string color = "auto";
    bool json = false;
};

// Adds --db, --config, --today, --json and --color to `app` (kint's own and each first pass).
void add_globals(CLI::App& app, Globals& globals);

class Runtime {
  public:
    Runtime(const Globals& globals, const Env& env, std::istream& in, std::ostream& out,
            std::ostream& err, bool terminal);

    std::istream& in;
    std::ostream& out;
    std::ostream& err;

    // The layered config (read on first use).
    const config::Config& config();
    // Its settings alone: from the front of the config's cache (the lists neither read nor
    // decoded), when a command needs no more (a one-row write); the whole config when it was read
    // already or the cache is not current.
    const config::Settings& settings();
    // The store, opened (and created) on first use. A store that does not exist yet is created
    // only by a command that can begin one (Access::writes): for a command that only reads it
    // reads as an empty one, in memory; for one that changes what is already there it is
    // NotFound. Either way nothing is written anywhere (a mistyped --db leaves no folders and
    // files behind).
    store::Store& store();
    void set_access(Access access) { m_access = access; }
    std::string store_path() const;
    std::optional<std::string> config_path() const;

    // The one source of "now": --today / KINT_TODAY and KINT_NOW, else the system clock with
    // day.starts_at applied.
    Day today();
    Minutes now();
    // Lets the prompt hook supply day.starts_at from its cache instead of parsing the config.
    void set_day_starts_at(Minutes m) { m_day_starts_at = m; }
    // Refuses a malformed --today / KINT_TODAY / KINT_NOW up front, for every command.
    void validate_clock_overrides();
    // After a command succeeded: keep the prompt hook's settings cache in step with the config
    // (only beside a store this run opened, so nothing lands next to a foreign file).
    void finish();

    bool json() const { return m_globals.json; }
    bool color() const { return m_color; }
    bool interactive() const { return m_terminal; }
    // The terminal's width in columns for text written to standard output; 0 when that is not a
    // terminal (nothing is wrapped then).
    int width() const;
    // Human text for standard output: wrapped at word boundaries to the terminal's width.
    std::string fit(std::string_view text) const;
    std::optional<std::string> env(const std::string& name) const;
    // What a view kept beside the store (cache::view_cache) must match to be shown again: the
    // store, config and binary, and a `kind` of command (one of cache::view_kinds) asked for with
    // `options` (every option its output depends on) on this day, in this format, colour and
    // width. Taken before the store is read. nullopt when nothing is to be kept (no store file
    // yet, a store that may still be moving).
    std::optional<cache::ViewStamp> view_stamp(std::string_view kind, std::string_view options);
    // Prints the view kept for `stamp` and says so; false when there is none to show.
    bool show_kept_view(const std::optional<cache::ViewStamp>& stamp);
    // Prints `view` to standard output and keeps it for `stamp` (ViewRecorder, in one piece).
    void print_view(const std::optional<cache::ViewStamp>& stamp, std::string_view view);
    // Standard output's bytes that passed a terminal filter with this run's colour setting.
    void print_passed(std::string_view bytes);
    // Whether the store was opened and read with no rows left out (what a kept view needs).
    bool store_opened_whole() const { return m_store && m_store->skipped_rows().empty(); }
    // The whole environment (for a program kint runs: kint remind).
    const Env& environment() const { return m_env; }

    void print(const json::Value& doc) { fmt::print(out, "{}\n", doc.dump()); }

  private:
    // The stamp of a config parsed (not read from its cache) this run.
    std::optional<cache::ConfigStamp> parsed_config() const;
    // Where the config's cache is and the stamp it must carry, taken once, before the config is
    // read (nullptr: no store path or /proc/self/exe to tell).
    struct ConfigCacheAt {
        std::string path;
        cache::ConfigStamp stamp;
    };
    const ConfigCacheAt* config_cache();
    // The config parsed this run (not read from its cache), kept beside the store for the next.
    void keep_parsed_config();

    Globals m_globals;
    const Env& m_env;
    bool m_terminal;
    bool m_color;
    std::optional<config::Config> m_config;
    std::optional<config::Settings> m_settings; // read alone (settings()), before any config()
    bool m_cache_looked = false;
    std::optional<ConfigCacheAt> m_cache_at;
    // Set when this run parsed the TOML: the stamp to cache the parsed config under in finish().
    std::optional<std::string> m_config_key;
    long long m_config_mtime_ns = 0, m_config_ctime_ns = 0;
    std::optional<store::Store> m_store;
    Access m_access = Access::writes;
    bool m_store_in_memory = false; // a reading command's stand-in for a store not created yet
    std::optional<Day> m_today;
    std::optional<Minutes> m_now;
    std::optional<Minutes> m_day_starts_at;
    mutable std::optional<int> m_width;
    bool m_view_shown = false;
};

// A view printed to standard output piece by piece and kept beside the store as it goes, as it
// is printed (past the terminal filter, so a kept view is shown again as it is): a ten-year trail
// is never held whole. Kept by finish() for `stamp`, unless the store had rows left out (a store
// with rows left out says so each time it is read); without a stamp it only prints.
class ViewRecorder {
  public:
    ViewRecorder(Runtime& rt, const std::optional<cache::ViewStamp>& stamp);
    void print(std::string_view piece);
    void finish();

  private:
    Runtime& m_rt;
    text::TerminalFilter m_filter;
    std::string m_passed;
    std::optional<cache::ViewWriter> m_writer;
    void pass(); // prints and keeps m_passed
};

using Action = std::function<void(Runtime&)>;

// Collects the action of the (sub)command that was parsed; the deepest one wins.
class Commands {
  public:
    // Registers `action` to run when `app` is the command given, with what it may do to a
    // missing store. `strict` = false skips the up-front checks of the clock overrides (the
    // prompt hook must stay silent).
    using Access = cli::Access;
    void on(CLI::App* app, Action action, Access access = Access::writes, bool strict = true);
    void reads(CLI::App* app, Action action) { on(app, std::move(action), Access::reads); }
    void changes(CLI::App* app, Action action) { on(app, std::move(action), Access::changes); }
    Action chosen;
    Access access = Access::writes;
    bool strict = true;
};

} // namespace kint::cli
