#include "runtime.hpp"
#include "kint/io/files.hpp"

#include "common.hpp"
#include "kint/app/strength.hpp"
#include "kint/cache/refresh.hpp"
#include "kint/core/error.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>

namespace kint::cli {

Runtime::Runtime(const Globals& globals, const Env& env, std::istream& in_, std::ostream& out_,
                 std::ostream& err_, bool terminal)
    : in(in_), out(out_), err(err_), m_globals(globals), m_env(env), m_terminal(terminal) {
    if (m_globals.color == "always")
        m_color = true;
    else if (m_globals.color == "never" || this->env("NO_COLOR").value_or("") != "")
        m_color = false;
    else
        m_color = m_terminal && this->env("TERM").value_or("dumb") != "dumb";
}

std::optional<std::string> Runtime::env(const std::string& name) const {
    auto it = m_env.find(name);
    if (it == m_env.end()) return std::nullopt;
    return it->second;
}

std::string Runtime::store_path() const {
    // SQLite's own name for a store kept in memory: files named ":memory:*" beside a store that
    // keeps nothing.
    const auto refuse_memory = [](const std::string& path, std::string_view source) {
        if (path == ":memory:")
            throw UsageError(fmt::format("{}:memory: would keep nothing; give a file path for "
                                         "the store",
                                         source));
        return path;
    };
    if (!m_globals.db.empty()) return refuse_memory(m_globals.db, "--db ");
    if (auto v = env("KINT_DB"); v && !v->empty()) return refuse_memory(*v, "KINT_DB=");
    if (auto v = env("XDG_DATA_HOME"); v && !v->empty()) return *v + "/kint/kint.db";
    if (auto v = env("HOME"); v && !v->empty()) return *v + "/.local/share/kint/kint.db";
    throw StoreError("no place for the store: set KINT_DB, XDG_DATA_HOME or HOME, or pass --db");
}

void Runtime::validate_clock_overrides() {
    if (!m_globals.today.empty() || env("KINT_TODAY").value_or("") != "") (void)today();
    if (env("KINT_NOW").value_or("") != "") (void)now();
}

void Runtime::finish() {
    if (!m_store && m_view_shown) return keep_parsed_config();
    if (m_store_in_memory || !m_store) return; // no store on disk: nothing beside it to keep
    std::optional<Day> day;
    try {
        day = today();
    } catch (const Error&) { // a malformed KINT_TODAY in a command that does not check it
    }
    const config::Settings* settings = m_config ? &*m_config : m_settings ? &*m_settings : nullptr;
    cache::refresh_after(*m_store, day, settings);
    keep_parsed_config();
    // Rows another tool wrote with a day that is no date were left out of what was read: say so.
    for (const auto& row : m_store->skipped_rows())
        fmt::print(err, "kint: left out {}, which is not a date; correct or remove that row\n",
                   row);
}

store::Store& Runtime::store() {
    if (m_store) return *m_store;
    const std::string path = store_path();
    std::error_code ec;
    if (m_access != Access::writes && !std::filesystem::exists(path, ec) && !ec) {
        if (m_access == Access::changes)
            throw NotFound(fmt::format("there is no kint store at {} yet, so nothing to change; "
                                       "check --db or KINT_DB, or begin with 'kint start'",
                                       path));
        m_store = store::Store::open_memory();
        m_store_in_memory = true;
    } else {
        m_store = store::Store::open(path);
    }
    // What is derived from the data lands with every change to it.
    m_store->on_change([this] { app::keep_strength(*m_store, today()); });
    // Tests set the day and the time: the clock sync stamps writes with follows them.
    if (env("KINT_TODAY").value_or("") != "" || env("KINT_NOW").value_or("") != "")
        m_store->wall_clock([this] { return epoch_ms(today(), now()); });
    return *m_store;
}

namespace {
std::tm local_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}
} // namespace

Minutes Runtime::now() {
    if (m_now) return *m_now;
    if (auto v = env("KINT_NOW"); v && !v->empty()) {
        auto m = parse_clock(*v);
        if (!m) throw UsageError(fmt::format("KINT_NOW='{}' is not a clock time; use HH:MM", *v));
        return *(m_now = *m);
    }
    const std::tm tm = local_now();
    return *(m_now = tm.tm_hour * 60 + tm.tm_min);
}

Day Runtime::today() {
    if (m_today) return *m_today;
    std::string given = m_globals.today;
    std::string source = "--today";
    if (given.empty()) {
        given = env("KINT_TODAY").value_or("");
        source = "KINT_TODAY";
    }
    if (!given.empty()) {
        auto day = parse_iso_day(given);
        if (!day)
            throw UsageError(
                fmt::format("{}='{}' is not a day; use YYYY-MM-DD (a real date)", source, given));
        return *(m_today = *day);
    }
    const std::tm tm = local_now();
    Day day = Day{std::chrono::year{tm.tm_year + 1900} / (tm.tm_mon + 1) / tm.tm_mday};
    // Before day.starts_at the night still belongs to yesterday.
    const Minutes starts = m_day_starts_at ? *m_day_starts_at : settings().day_starts_at;
    if (now() < starts) day -= std::chrono::days{1};
    return *(m_today = day);
}

void Commands::on(CLI::App* app, Action action, Access access_, bool strict_checks) {
    app->callback([this, action = std::move(action), access_, strict_checks] {
        if (chosen) return;
        chosen = action;
        access = access_;
        strict = strict_checks;
    });
}

} // namespace kint::cli
