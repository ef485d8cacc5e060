#include "kint/cache/config_cache.hpp"
#include "kint/core/file.hpp"
#include "kint/io/files.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

// The codec is generated from one list of fields per type (nlohmann's macros make both directions
// from it, so encoding and decoding cannot drift apart); MessagePack keeps it compact.
namespace kint::config {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Safety, low_mood_max, low_mood_days, low_mood_window, message,
                                   contact)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Hook, mood_reminder_after, show_cues, show_mood_reminder,
                                   show_focus, safety_sign, check_in_sign)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Guidance, second_cue, shrink, keep, expand, comeback, slip,
                                   no_session)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Starter, title, steps, core_practices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TimelinePhase, key, name, purpose, from, to, guidance, safety)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(HabitPhase, key, name, guidance, from_week, to_week)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Prompt, id, text, group, phases, gentle)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CatalogueItem, id, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CatalogueGroup, key, name, note, condition, items)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(BreathPhase, breath, seconds)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Practice, key, name, minutes, max_minutes, steps, pace)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Config, source, day_starts_at, week_starts, safety, hook,
                                   guidance, starter, timeline, habit_phases, prompts, catalogue,
                                   practices)
} // namespace kint::config

namespace kint::cache {

namespace {

constexpr std::string_view magic = "kint-config-cache 4\n";

// FNV-1a over the encoded config: a cache damaged in place (a NUL or \xff where text was) no
// longer decodes into text that reaches the output.
std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}


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
    // Never blocks (a FIFO in its place is ignored, then replaced by the next write).
    const auto file = read_regular_file(path, 1 << 24);
    if (file.status != FileText::Status::ok) return std::nullopt;
    const std::string& bytes = file.text;
    // Trusted only when written 2 seconds after the config file last changed (by the file system's
    // clock): an edit within the same timestamp tick could keep size and times, and must never be
    // missed ("racy git"). Until then each run parses and writes the cache again.
    const long long margin = 2'000'000'000LL;
    if (stamp.config_mtime_ns + margin >= file.mtime_ns ||
        stamp.config_ctime_ns + margin >= file.mtime_ns)
        return std::nullopt;
    std::string_view in = bytes;
    if (in.substr(0, magic.size()) != magic) return std::nullopt;
    in.remove_prefix(magic.size());
    const auto eol = in.find('\n');
    if (eol == std::string_view::npos || in.substr(0, eol) != stamp.key) return std::nullopt;
    in.remove_prefix(eol + 1);
    const auto sum_end = in.find('\n');
    if (sum_end == std::string_view::npos ||
        in.substr(0, sum_end) != fmt::format("sum {:016x}", checksum(in.substr(sum_end + 1))))
        return std::nullopt;
    return decode_config(in.substr(sum_end + 1));
}

void write_config_cache(const std::string& path, const ConfigStamp& stamp,
                        const config::Config& config) {
    std::string bytes(magic);
    bytes += stamp.key;
    bytes += '\n';
    const std::string encoded = encode_config(config);
    bytes += fmt::format("sum {:016x}\n", checksum(encoded));
    bytes += encoded;
    // Two runs writing at once leave either the same bytes or a file that fails the strict decode
    // (then it is parsed again).
    io::replace_cache_file(path, bytes);
}

} // namespace kint::cache
