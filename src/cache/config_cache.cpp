#include "kint/cache/config_cache.hpp"
#include "kint/io/files.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kint::cache {

namespace {

constexpr std::string_view magic = "kint-config-cache 2\n";

// Length-prefixed little records; everything a Config holds is strings, ints, bools and lists.
struct Writer {
    std::string out;
    void u32(std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out.append(s);
    }
    void strs(const std::vector<std::string>& v) {
        u32(static_cast<std::uint32_t>(v.size()));
        for (const auto& s : v)
            str(s);
    }
    template <typename T, typename Fn>
    void list(const std::vector<T>& v, Fn fn) {
        u32(static_cast<std::uint32_t>(v.size()));
        for (const auto& item : v)
            fn(item);
    }
};

// Every read is bounds-checked; a short or damaged cache sets `ok` to false.
struct Reader {
    std::string_view in;
    bool ok = true;
    std::uint32_t u32() {
        std::uint32_t v = 0;
        if (in.size() < sizeof v) {
            ok = false;
            return 0;
        }
        std::memcpy(&v, in.data(), sizeof v);
        in.remove_prefix(sizeof v);
        return v;
    }
    int i32() { return static_cast<int>(u32()); }
    bool flag() { return u32() != 0; }
    std::string str() {
        const std::uint32_t n = u32();
        if (!ok || n > in.size()) {
            ok = false;
            return {};
        }
        std::string s(in.substr(0, n));
        in.remove_prefix(n);
        return s;
    }
    // A count no larger than the bytes left (each item takes at least one length word).
    std::uint32_t count() {
        const std::uint32_t n = u32();
        if (n > in.size()) ok = false;
        return ok ? n : 0;
    }
    std::vector<std::string> strs() {
        std::vector<std::string> v(count());
        for (auto& s : v)
            s = str();
        return v;
    }
    template <typename T, typename Fn>
    std::vector<T> list(Fn fn) {
        std::vector<T> v(count());
        for (auto& item : v)
            fn(item);
        return v;
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

std::string encode_config(const config::Config& c) {
    Writer w;
    w.str(c.source);
    w.i32(c.day_starts_at);
    w.i32(c.week_starts);
    w.i32(c.safety.low_mood_max);
    w.i32(c.safety.low_mood_days);
    w.i32(c.safety.low_mood_window);
    w.str(c.safety.message);
    w.str(c.safety.contact);
    w.i32(c.hook.mood_reminder_after);
    w.i32(c.hook.show_cues);
    w.i32(c.hook.show_mood_reminder);
    w.i32(c.hook.show_focus);
    w.str(c.hook.safety_sign);
    w.str(c.hook.check_in_sign);
    const auto& g = c.guidance;
    for (const auto* s :
         {&g.second_cue, &g.shrink, &g.keep, &g.expand, &g.comeback, &g.slip, &g.no_session})
        w.str(*s);
    w.str(c.starter.title);
    w.strs(c.starter.steps);
    w.strs(c.starter.core_practices);
    w.list(c.timeline, [&](const config::TimelinePhase& p) {
        w.str(p.key);
        w.str(p.name);
        w.str(p.purpose);
        w.i32(p.from);
        w.i32(p.to);
        w.strs(p.guidance);
        w.strs(p.safety);
    });
    w.list(c.habit_phases, [&](const config::HabitPhase& p) {
        w.str(p.key);
        w.str(p.name);
        w.str(p.guidance);
        w.i32(p.from_week);
        w.i32(p.to_week);
    });
    w.list(c.prompts, [&](const config::Prompt& p) {
        w.str(p.id);
        w.str(p.text);
        w.str(p.group);
        w.strs(p.phases);
        w.i32(p.gentle);
    });
    w.list(c.catalogue, [&](const config::CatalogueGroup& grp) {
        w.str(grp.key);
        w.str(grp.name);
        w.str(grp.note);
        w.i32(grp.condition);
        w.list(grp.items, [&](const config::CatalogueItem& i) {
            w.str(i.id);
            w.str(i.text);
        });
    });
    w.list(c.practices, [&](const config::Practice& p) {
        w.str(p.key);
        w.str(p.name);
        w.i32(p.minutes);
        w.i32(p.max_minutes);
        w.strs(p.steps);
        w.list(p.pace, [&](const config::BreathPhase& b) {
            w.str(b.breath);
            w.i32(b.seconds);
        });
    });
    w.str("end");
    return std::move(w.out);
}

std::optional<config::Config> decode_config(std::string_view bytes) {
    Reader r{bytes};
    config::Config c;
    c.source = r.str();
    c.day_starts_at = r.i32();
    c.week_starts = r.i32();
    c.safety.low_mood_max = r.i32();
    c.safety.low_mood_days = r.i32();
    c.safety.low_mood_window = r.i32();
    c.safety.message = r.str();
    c.safety.contact = r.str();
    c.hook.mood_reminder_after = r.i32();
    c.hook.show_cues = r.flag();
    c.hook.show_mood_reminder = r.flag();
    c.hook.show_focus = r.flag();
    c.hook.safety_sign = r.str();
    c.hook.check_in_sign = r.str();
    auto& g = c.guidance;
    for (auto* s :
         {&g.second_cue, &g.shrink, &g.keep, &g.expand, &g.comeback, &g.slip, &g.no_session})
        *s = r.str();
    c.starter.title = r.str();
    c.starter.steps = r.strs();
    c.starter.core_practices = r.strs();
    c.timeline = r.list<config::TimelinePhase>([&](config::TimelinePhase& p) {
        p.key = r.str();
        p.name = r.str();
        p.purpose = r.str();
        p.from = r.i32();
        p.to = r.i32();
        p.guidance = r.strs();
        p.safety = r.strs();
    });
    c.habit_phases = r.list<config::HabitPhase>([&](config::HabitPhase& p) {
        p.key = r.str();
        p.name = r.str();
        p.guidance = r.str();
        p.from_week = r.i32();
        p.to_week = r.i32();
    });
    c.prompts = r.list<config::Prompt>([&](config::Prompt& p) {
        p.id = r.str();
        p.text = r.str();
        p.group = r.str();
        p.phases = r.strs();
        p.gentle = r.flag();
    });
    c.catalogue = r.list<config::CatalogueGroup>([&](config::CatalogueGroup& grp) {
        grp.key = r.str();
        grp.name = r.str();
        grp.note = r.str();
        grp.condition = r.flag();
        grp.items = r.list<config::CatalogueItem>([&](config::CatalogueItem& i) {
            i.id = r.str();
            i.text = r.str();
        });
    });
    c.practices = r.list<config::Practice>([&](config::Practice& p) {
        p.key = r.str();
        p.name = r.str();
        p.minutes = r.i32();
        p.max_minutes = r.i32();
        p.steps = r.strs();
        p.pace = r.list<config::BreathPhase>([&](config::BreathPhase& b) {
            b.breath = r.str();
            b.seconds = r.i32();
        });
    });
    if (r.str() != "end" || !r.ok || !r.in.empty()) return std::nullopt;
    return c;
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
