#include "kint/cache/config_cache.hpp"
#include "kint/cache/checksum.hpp"
#include "kint/core/file.hpp"
#include "kint/io/files.hpp"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>
#include <tuple>

// The codec is generated from one list of fields per type: `fields` names each member once, and
// the Writer and Reader below walk that list, so encoding and decoding cannot drift apart. (A
// MessagePack codec through nlohmann/json made `today` cost 3.2 M instructions more: measured.)
namespace kint::config {
#define KINT_FIELDS(Type, ...)                                                                     \
    [[maybe_unused]] static constexpr auto fields(const Type*) {                                   \
        using T = Type;                                                                            \
        return std::tuple{__VA_ARGS__};                                                            \
    }
KINT_FIELDS(Safety, &T::low_mood_max, &T::low_mood_days, &T::low_mood_window, &T::message,
            &T::contact)
KINT_FIELDS(Hook, &T::mood_reminder_after, &T::show_cues, &T::show_mood_reminder, &T::show_focus,
            &T::show_due, &T::due_max_chars, &T::safety_sign, &T::check_in_sign)
KINT_FIELDS(Remind, &T::command)
KINT_FIELDS(Guidance, &T::second_cue, &T::shrink, &T::keep, &T::expand, &T::comeback, &T::slip,
            &T::no_session)
KINT_FIELDS(Starter, &T::title, &T::steps, &T::core_practices)
KINT_FIELDS(TimelinePhase, &T::key, &T::name, &T::purpose, &T::from, &T::to, &T::guidance,
            &T::safety)
KINT_FIELDS(HabitPhase, &T::key, &T::name, &T::guidance, &T::from_week, &T::to_week)
KINT_FIELDS(Prompt, &T::id, &T::text, &T::group, &T::phases, &T::gentle)
KINT_FIELDS(CatalogueItem, &T::id, &T::text)
KINT_FIELDS(CatalogueGroup, &T::key, &T::name, &T::note, &T::condition, &T::items)
KINT_FIELDS(BreathPhase, &T::breath, &T::seconds)
KINT_FIELDS(Practice, &T::key, &T::name, &T::minutes, &T::max_minutes, &T::steps, &T::pace)
KINT_FIELDS(Settings, &T::source, &T::day_starts_at, &T::week_starts, &T::safety, &T::hook,
            &T::remind, &T::guidance, &T::starter)
#undef KINT_FIELDS
// The settings come first, so that they decode alone from the front of a whole config's bytes.
[[maybe_unused]] static constexpr auto fields(const Config*) {
    return std::tuple_cat(fields(static_cast<const Settings*>(nullptr)),
                          std::tuple{&Config::timeline, &Config::habit_phases, &Config::prompts,
                                     &Config::catalogue, &Config::practices});
}
} // namespace kint::config

namespace kint::cache {

namespace {

constexpr std::string_view magic = "kint-config-cache 8\n";

template <typename T>
concept Record = requires(const T* t) {
    fields(t);
};

// Length-prefixed little records: whole numbers, flags, strings, lists and records of them.
struct Writer {
    std::string out;
    void put(std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void put(int v) { put(static_cast<std::uint32_t>(v)); }
    void put(bool b) { put(static_cast<std::uint32_t>(b ? 1 : 0)); }
    void put(const std::string& s) {
        put(static_cast<std::uint32_t>(s.size()));
        out.append(s);
    }
    template <typename T>
    void put(const std::vector<T>& v) {
        put(static_cast<std::uint32_t>(v.size()));
        for (const auto& item : v)
            put(item);
    }
    template <Record T>
    void put(const T& r) {
        std::apply([&](auto... member) { (put(r.*member), ...); }, fields(&r));
    }
};

// Every read is bounds-checked; a short or damaged cache sets `ok` to false.
struct Reader {
    std::string_view in;
    bool ok = true;
    void get(std::uint32_t& v) {
        if (in.size() < sizeof v) {
            ok = false;
            v = 0;
            return;
        }
        std::memcpy(&v, in.data(), sizeof v);
        in.remove_prefix(sizeof v);
    }
    void get(int& v) {
        std::uint32_t u = 0;
        get(u);
        v = static_cast<int>(u);
    }
    void get(bool& b) {
        std::uint32_t u = 0;
        get(u);
        if (u > 1) ok = false;
        b = u == 1;
    }
    void get(std::string& s) {
        std::uint32_t n = 0;
        get(n);
        if (!ok || n > in.size()) {
            ok = false;
            return;
        }
        s.assign(in.substr(0, n));
        in.remove_prefix(n);
    }
    // A count no larger than the bytes left (each item takes at least one length word).
    template <typename T>
    void get(std::vector<T>& v) {
        std::uint32_t n = 0;
        get(n);
        if (n > in.size()) ok = false;
        v.resize(ok ? n : 0);
        for (auto& item : v)
            get(item);
    }
    template <Record T>
    void get(T& r) {
        std::apply([&](auto... member) { (get(r.*member), ...); }, fields(&r));
    }
};

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

std::string encode_settings(const config::Settings& s) {
    Writer w;
    w.put(s);
    return std::move(w.out);
}

std::string encode_config(const config::Config& c) {
    Writer w;
    w.put(c);
    w.put(std::string("end"));
    return std::move(w.out);
}

std::optional<config::Config> decode_config(std::string_view bytes) {
    Reader r{bytes};
    config::Config c;
    r.get(c);
    std::string end;
    r.get(end);
    if (end != "end" || !r.ok || !r.in.empty()) return std::nullopt;
    return c;
}

std::optional<config::Settings> decode_settings(std::string_view bytes) {
    Reader r{bytes};
    config::Settings s;
    r.get(s);
    if (!r.ok) return std::nullopt;
    return s;
}

bool written_after_config(const ConfigStamp& stamp, long long written_ns) {
    const long long margin = 2'000'000'000LL;
    return stamp.config_mtime_ns + margin < written_ns &&
           stamp.config_ctime_ns + margin < written_ns;
}

namespace {
// The header of a cache written for `stamp`, at the front of `text`: where the encoded config
// begins, how many bytes its settings take, and the sums of those and of the rest.
struct Header {
    std::size_t payload = 0, settings = 0;
    std::uint64_t settings_sum = 0, rest_sum = 0;
};

bool hex_number(std::string_view text, std::uint64_t& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, 16);
    return ec == std::errc{} && end == text.data() + text.size() && text.size() == 16;
}

std::optional<Header> header_of(std::string_view text, const ConfigStamp& stamp) {
    const std::string_view all = text;
    if (text.substr(0, magic.size()) != magic) return std::nullopt;
    text.remove_prefix(magic.size());
    const auto eol = text.find('\n');
    if (eol == std::string_view::npos || text.substr(0, eol) != stamp.key) return std::nullopt;
    text.remove_prefix(eol + 1);
    // "sum SETTINGS_SUM SETTINGS_BYTES REST_SUM"
    const auto sum_end = text.find('\n');
    if (sum_end == std::string_view::npos || text.substr(0, 4) != "sum ") return std::nullopt;
    std::string_view line = text.substr(4, sum_end - 4);
    Header h;
    const auto a = line.find(' '), b = line.rfind(' ');
    if (a == std::string_view::npos || b == a || !hex_number(line.substr(0, a), h.settings_sum) ||
        !hex_number(line.substr(b + 1), h.rest_sum))
        return std::nullopt;
    const auto count = line.substr(a + 1, b - a - 1);
    const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), h.settings);
    if (ec != std::errc{} || end != count.data() + count.size()) return std::nullopt;
    h.payload = all.size() - text.size() + sum_end + 1;
    return h;
}
} // namespace

std::optional<config::Config> read_config_cache(const std::string& path, const ConfigStamp& stamp) {
    // Never blocks (a FIFO in its place is ignored, then replaced by the next write).
    const auto file = read_regular_file(path, 1 << 24);
    if (file.status != FileText::Status::ok) return std::nullopt;
    // Until then each run parses and writes the cache again.
    if (!written_after_config(stamp, file.mtime_ns)) return std::nullopt;
    const auto h = header_of(file.text, stamp);
    if (!h || h->settings > file.text.size() - h->payload) return std::nullopt;
    const std::string_view payload = std::string_view(file.text).substr(h->payload);
    if (checksum(payload.substr(0, h->settings)) != h->settings_sum ||
        checksum(payload.substr(h->settings)) != h->rest_sum)
        return std::nullopt;
    return decode_config(payload);
}

std::optional<config::Settings> read_settings_cache(const std::string& path,
                                                    const ConfigStamp& stamp) {
    // The header and the settings after it: a few hundred bytes, seldom more than the first read.
    std::size_t want = 4096;
    for (int reads = 0; reads < 2; ++reads) {
        const auto file = read_regular_head(path, want);
        if (file.status != FileText::Status::ok) return std::nullopt;
        if (!written_after_config(stamp, file.mtime_ns)) return std::nullopt;
        const auto h = header_of(file.text, stamp);
        // Not this stamp's, or a header past the first read (a config path of kilobytes): the
        // caller reads the whole config instead.
        if (!h) return std::nullopt;
        if (h->settings > (1 << 24)) return std::nullopt;
        if (file.text.size() - h->payload < h->settings) {
            if (file.text.size() < want) return std::nullopt; // the file ends before them
            want = h->payload + h->settings;
            continue;
        }
        const auto bytes = std::string_view(file.text).substr(h->payload, h->settings);
        if (checksum(bytes) != h->settings_sum) return std::nullopt;
        return decode_settings(bytes);
    }
    return std::nullopt;
}

void write_config_cache(const std::string& path, const ConfigStamp& stamp,
                        const config::Config& config) {
    std::string bytes(magic);
    bytes += stamp.key;
    bytes += '\n';
    // The settings are the encoded config's front (see fields(const Config*)): summed on their
    // own, so that they are read and checked without the rest.
    const std::string encoded = encode_config(config);
    const std::string_view all = encoded;
    const std::size_t settings = encode_settings(config).size();
    bytes += fmt::format("sum {:016x} {} {:016x}\n", checksum(all.substr(0, settings)), settings,
                         checksum(all.substr(settings)));
    bytes += encoded;
    // Two runs writing at once leave either the same bytes or a file that fails the strict decode
    // (then it is parsed again).
    io::replace_cache_file(path, bytes);
}

} // namespace kint::cache
