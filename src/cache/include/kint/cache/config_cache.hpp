#pragma once
// The parsed config kept beside the store, so a command skips the TOML parse (1-3 ms: more than
// all of its SQLite work) while neither the config file nor the kint binary changed.
#include "kint/config/config.hpp"

#include <optional>
#include <string>

namespace kint::cache {

// Where the config cache for the store at `store_path` lives.
std::string config_cache_path(const std::string& store_path);

// What the parsed config depends on, by stat: this binary (its embedded default) and the config
// file at `config_path` (or its absence). Nullopt when it cannot be told (no /proc/self/exe).
struct ConfigStamp {
    std::string key;
    long long config_mtime_ns = 0; // 0 when there is no config file
    long long config_ctime_ns = 0;
};
std::optional<ConfigStamp> config_stamp(const std::optional<std::string>& config_path);

// Whether a cache file last written at `written_ns` (its mtime) came 2 seconds after the config
// last changed (by the file system's clock): an edit within the same timestamp tick could keep
// size and times, and must never be missed ("racy git"). Every cache drawn from the config is
// trusted only then.
bool written_after_config(const ConfigStamp& stamp, long long written_ns);

// The cached config when the cache at `path` was written for `stamp`, at least 2 seconds after the
// config file last changed; nullopt on any mismatch or damage (the caller then parses the TOML).
std::optional<config::Config> read_config_cache(const std::string& path, const ConfigStamp& stamp);
// The settings alone, from the front of the same cache: its header and the settings' own bytes
// are read and checked (their own sum), the rest of the file is not read at all.
std::optional<config::Settings> read_settings_cache(const std::string& path,
                                                    const ConfigStamp& stamp);

// Best effort, atomic (temp file and rename), mode 0600.
void write_config_cache(const std::string& path, const ConfigStamp& stamp,
                        const config::Config& config);

// The codec, exposed for tests.
std::string encode_config(const config::Config& config);
std::optional<config::Config> decode_config(std::string_view bytes);
std::optional<config::Settings> decode_settings(std::string_view bytes); // a config's front
std::string encode_settings(const config::Settings& settings);

} // namespace kint::cache
