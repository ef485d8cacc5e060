#include "runtime.hpp"

#include "kint/error.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
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

std::optional<std::string> Runtime::config_path() const {
    if (!m_globals.config.empty()) return m_globals.config;
    if (auto v = env("KINT_CONFIG"); v && !v->empty()) return v;
    if (auto v = env("XDG_CONFIG_HOME"); v && !v->empty()) return *v + "/kint/config.toml";
    if (auto v = env("HOME"); v && !v->empty()) return *v + "/.config/kint/config.toml";
    return std::nullopt;
}

std::string Runtime::store_path() const {
    if (!m_globals.db.empty()) return m_globals.db;
    if (auto v = env("KINT_DB"); v && !v->empty()) return *v;
    if (auto v = env("XDG_DATA_HOME"); v && !v->empty()) return *v + "/kint/kint.db";
    if (auto v = env("HOME"); v && !v->empty()) return *v + "/.local/share/kint/kint.db";
    throw StoreError("no place for the store: set KINT_DB, XDG_DATA_HOME or HOME, or pass --db");
}

const config::Config& Runtime::config() {
    if (!m_config) m_config = config::load(config_path());
    return *m_config;
}

store::Store& Runtime::store() {
    if (!m_store) m_store = store::Store::open(store_path());
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
    if (now() < config().day_starts_at) day -= std::chrono::days{1};
    return *(m_today = day);
}

void Commands::on(CLI::App* app, Action action) {
    app->callback([this, app, action = std::move(action)] {
        (void)app;
        if (!chosen) chosen = action;
    });
}

} // namespace kint::cli
