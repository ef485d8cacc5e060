// The runtime's config: where it is, its cache beside the store, the settings alone or the whole.
#include "runtime.hpp"

#include "kint/core/error.hpp"

namespace kint::cli {

std::optional<std::string> Runtime::config_path() const {
    if (!m_globals.config.empty()) return m_globals.config;
    if (auto v = env("KINT_CONFIG"); v && !v->empty()) return v;
    if (auto v = env("XDG_CONFIG_HOME"); v && !v->empty()) return *v + "/kint/config.toml";
    if (auto v = env("HOME"); v && !v->empty()) return *v + "/.config/kint/config.toml";
    return std::nullopt;
}

const Runtime::ConfigCacheAt* Runtime::config_cache() {
    if (!m_cache_looked) {
        m_cache_looked = true;
        // Stamped before reading, so an edit made meanwhile shows up as a changed stamp next time.
        auto stamp = cache::config_stamp(config_path());
        try {
            if (stamp)
                m_cache_at =
                    ConfigCacheAt{cache::config_cache_path(store_path()), std::move(*stamp)};
        } catch (const Error&) {
        }
    }
    return m_cache_at ? &*m_cache_at : nullptr;
}

const config::Config& Runtime::config() {
    if (m_config) return *m_config;
    const auto* at = config_cache();
    if (at) m_config = cache::read_config_cache(at->path, at->stamp);
    if (!m_config) {
        m_config = config::load(config_path());
        if (at) {
            m_config_key = at->stamp.key;
            m_config_mtime_ns = at->stamp.config_mtime_ns;
            m_config_ctime_ns = at->stamp.config_ctime_ns;
        }
    }
    return *m_config;
}

const config::Settings& Runtime::settings() {
    if (m_config) return *m_config;
    if (m_settings) return *m_settings;
    if (const auto* at = config_cache())
        m_settings = cache::read_settings_cache(at->path, at->stamp);
    if (m_settings) return *m_settings;
    return config();
}

std::optional<cache::ConfigStamp> Runtime::parsed_config() const {
    if (!m_config || !m_config_key) return std::nullopt;
    return cache::ConfigStamp{*m_config_key, m_config_mtime_ns, m_config_ctime_ns};
}

void Runtime::keep_parsed_config() {
    // Without this every later command would parse the TOML again.
    const auto parsed = parsed_config();
    if (!parsed) return;
    try {
        cache::write_config_cache(cache::config_cache_path(store_path()), *parsed, *m_config);
    } catch (const Error&) {
    }
}

} // namespace kint::cli
