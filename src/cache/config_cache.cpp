#include "kint/cache/config_cache.hpp"
#include "kint/io/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

// The codec is generated from one list of fields per type (nlohmann's macros make both directions
// from it, so encoding and decoding cannot drift apart); MessagePack keeps it compact.
namespace kint::config {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Safety, low_mood_max, low_mood_days, message, contact)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Hook, mood_reminder_after, show_cues, show_mood_reminder,
                                   show_focus)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Guidance, second_cue, shrink, keep, expand, comeback, slip,
                                   no_session)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Starter, title, steps, core_practices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TimelinePhase, key, name, purpose, from, to, guidance, safety)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(HabitPhase, key, name, guidance, from_week, to_week)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Prompt, id, text, group, phases)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CatalogueItem, id, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CatalogueGroup, key, name, note, condition, items)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Practice, key, name, minutes, max_minutes, steps)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Config, source, day_starts_at, week_starts, safety, hook,
                                   guidance, starter, timeline, habit_phases, prompts, catalogue,
                                   practices)
} // namespace kint::config

namespace kint::cache {

namespace {

constexpr std::string_view magic = "kint-config-cache 2\n";

long long ns(const struct timespec& t) {
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

std::string stat_key(const struct stat& st) {
    return fmt::format("{}:{}:{}:{}:{}", st.st_dev, st.st_ino, st.st_size, ns(st.st_mtim),
                       ns(st.st_ctim));
}

} // namespace

std::string config_cache_path(const std::string& store_path) {
    return store_path + ".config-cache";
}

std::optional<ConfigStamp> config_stamp(const std::optional<std::string>& config_path) {
    struct stat exe {};
    if (::stat("/proc/self/exe", &exe) != 0) return std::nullopt;
    ConfigStamp s;
    s.key = fmt::format("kint {} exe {} config ", KINT_VERSION, stat_key(exe));
    if (!config_path) return s;
    s.key += *config_path;
    struct stat cfg {};
    if (::stat(config_path->c_str(), &cfg) != 0) {
        if (errno != ENOENT) return std::nullopt;
        s.key += " absent";
        return s;
    }
    if (!S_ISREG(cfg.st_mode)) return std::nullopt;
    s.key += " " + stat_key(cfg);
    s.config_mtime_ns = ns(cfg.st_mtim);
    s.config_ctime_ns = ns(cfg.st_ctim);
    return s;
}

std::string encode_config(const config::Config& c) {
    const auto bytes = nlohmann::json::to_msgpack(nlohmann::json(c));
    return std::string(bytes.begin(), bytes.end());
}

std::optional<config::Config> decode_config(std::string_view bytes) {
    // Strict: a missing, extra-typed or damaged field refuses the whole cache (nlohmann throws),
    // and the TOML is parsed again.
    try {
        return nlohmann::json::from_msgpack(bytes.begin(), bytes.end()).get<config::Config>();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::optional<config::Config> read_config_cache(const std::string& path, const ConfigStamp& stamp) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::string bytes;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (1 << 24)) {
        bytes.resize(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (got < bytes.size()) {
            const auto n = ::read(fd, bytes.data() + got, bytes.size() - got);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        bytes.resize(got);
    }
    ::close(fd);
    // Trusted only when written 2 seconds after the config file last changed (by the file system's
    // clock): an edit within the same timestamp tick could keep size and times, and must never be
    // missed ("racy git"). Until then each run parses and writes the cache again.
    const long long margin = 2'000'000'000LL;
    if (stamp.config_mtime_ns + margin >= ns(st.st_mtim) ||
        stamp.config_ctime_ns + margin >= ns(st.st_mtim))
        return std::nullopt;
    std::string_view in = bytes;
    if (in.substr(0, magic.size()) != magic) return std::nullopt;
    in.remove_prefix(magic.size());
    const auto eol = in.find('\n');
    if (eol == std::string_view::npos || in.substr(0, eol) != stamp.key) return std::nullopt;
    in.remove_prefix(eol + 1);
    return decode_config(in);
}

void write_config_cache(const std::string& path, const ConfigStamp& stamp,
                        const config::Config& config) {
    std::string bytes(magic);
    bytes += stamp.key;
    bytes += '\n';
    bytes += encode_config(config);
    // Two runs writing at once leave either the same bytes or a file that fails the strict decode
    // (then it is parsed again).
    io::replace_cache_file(path, bytes);
}

} // namespace kint::cache
