#include "kint/domain/zone.hpp"

#include <cctype>

namespace kint::zone {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

class Reader {
  public:
    explicit Reader(std::string_view s) : m_s(s) {}
    bool done() const { return m_i == m_s.size(); }
    bool eat(char ch) {
        if (m_i < m_s.size() && m_s[m_i] == ch) return ++m_i, true;
        return false;
    }
    char peek() const { return m_i < m_s.size() ? m_s[m_i] : '\0'; }

    // A zone abbreviation: three or more letters, or <...> of letters, digits, + and -.
    std::optional<std::string> name() {
        std::string out;
        if (eat('<')) {
            while (m_i < m_s.size() && m_s[m_i] != '>') {
                const char ch = m_s[m_i++];
                if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '+' && ch != '-')
                    return std::nullopt;
                out += ch;
            }
            if (!eat('>')) return std::nullopt;
        } else {
            while (m_i < m_s.size() && std::isalpha(static_cast<unsigned char>(m_s[m_i])))
                out += m_s[m_i++];
        }
        if (out.size() < 3) return std::nullopt;
        return out;
    }
    // [+-]h[h][:mm[:ss]] in seconds, hours up to `max_hours`.
    std::optional<long> duration(int max_hours) {
        long sign = 1;
        if (eat('-'))
            sign = -1;
        else
            eat('+');
        long parts[3] = {0, 0, 0};
        for (int part = 0; part < 3; ++part) {
            if (part > 0 && !eat(':')) break;
            int digits = 0;
            long value = 0;
            while (std::isdigit(static_cast<unsigned char>(peek())) && digits < 3) {
                value = value * 10 + (m_s[m_i++] - '0');
                ++digits;
            }
            if (digits == 0 || (part > 0 && (digits != 2 || value > 59))) return std::nullopt;
            parts[part] = value;
        }
        if (parts[0] > max_hours) return std::nullopt;
        return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    }
    std::optional<int> number(int lo, int hi) {
        int value = 0, digits = 0;
        while (std::isdigit(static_cast<unsigned char>(peek())) && digits < 2) {
            value = value * 10 + (m_s[m_i++] - '0');
            ++digits;
        }
        if (digits == 0 || value < lo || value > hi) return std::nullopt;
        return value;
    }
    // Mm.w.d[/time]
    std::optional<Posix::Change> change() {
        Posix::Change c;
        if (!eat('M')) return std::nullopt;
        const auto month = number(1, 12);
        if (!month || !eat('.')) return std::nullopt;
        const auto week = number(1, 5);
        if (!week || !eat('.')) return std::nullopt;
        const auto weekday = number(0, 6);
        if (!weekday) return std::nullopt;
        c.month = *month;
        c.week = *week;
        c.weekday = *weekday;
        if (eat('/')) {
            const auto time = duration(167); // RFC 8536 §3.3.1 allows -167..167 hours
            if (!time) return std::nullopt;
            c.seconds = *time;
        }
        return c;
    }

  private:
    std::string_view m_s;
    std::size_t m_i = 0;
};

std::uint64_t big_endian(std::string_view bytes, std::size_t at, std::size_t size) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < size; ++i)
        v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

} // namespace

std::optional<Posix> parse_posix(std::string_view rule) {
    Reader r(rule);
    Posix z;
    const auto std_name = r.name();
    const auto std_offset = r.duration(24);
    if (!std_name || !std_offset) return std::nullopt;
    z.std_name = *std_name;
    z.std_offset = -*std_offset; // POSIX counts west of Greenwich
    if (r.done()) return z;
    const auto dst_name = r.name();
    if (!dst_name) return std::nullopt;
    z.dst_name = *dst_name;
    z.dst_offset = z.std_offset + 3600;
    if (r.peek() != ',') {
        const auto dst_offset = r.duration(24);
        if (!dst_offset) return std::nullopt;
        z.dst_offset = -*dst_offset;
    }
    if (!r.eat(',')) return std::nullopt; // no rules: the default is not the zone's own
    const auto start = r.change();
    if (!start || !r.eat(',')) return std::nullopt;
    const auto end = r.change();
    if (!end || !r.done()) return std::nullopt;
    z.dst_start = *start;
    z.dst_end = *end;
    return z;
}

std::int64_t local_change(int year, const Posix::Change& c) {
    using namespace std::chrono;
    const weekday wd{static_cast<unsigned>(c.weekday)};
    const auto ym = std::chrono::year{year} / month{static_cast<unsigned>(c.month)};
    const Day day = c.week == 5 ? sys_days{ym / weekday_last{wd}} : sys_days{ym / wd[c.week]};
    return static_cast<std::int64_t>(day.time_since_epoch().count()) * 86400 + c.seconds;
}

long offset_at(const Posix& rule, std::int64_t utc) {
    if (!rule.dst_name) return rule.std_offset;
    // The year on the standard clock; no zone changes near New Year.
    const Day local{std::chrono::days{floor_div(utc + rule.std_offset, 86400)}};
    const int year = static_cast<int>(std::chrono::year_month_day{local}.year());
    // The start is said in standard time, the end in daylight time.
    const std::int64_t start = local_change(year, rule.dst_start) - rule.std_offset;
    const std::int64_t end = local_change(year, rule.dst_end) - rule.dst_offset;
    const bool dst = start < end ? (utc >= start && utc < end) : (utc < end || utc >= start);
    return dst ? rule.dst_offset : rule.std_offset;
}

std::optional<Tzif> parse_tzif(std::string_view b) {
    constexpr std::size_t header = 44;
    // The six counts of a header: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
    const auto counts = [&](std::size_t at, std::uint64_t(&n)[6]) {
        if (b.size() < at + header || b.substr(at, 4) != "TZif") return false;
        for (std::size_t i = 0; i < 6; ++i)
            n[i] = big_endian(b, at + 20 + 4 * i, 4);
        return n[3] <= 100000 && n[4] >= 1 && n[4] <= 256 && n[5] <= 100000 && n[2] <= 100000 &&
               n[0] <= 256 && n[1] <= 256;
    };
    std::uint64_t n[6];
    if (!counts(0, n) || b[4] < '2') return std::nullopt;
    // Past the version 1 data (32-bit times) to the second header.
    const std::size_t v2 = header + n[3] * 5 + n[4] * 6 + n[5] + n[2] * 8 + n[1] + n[0];
    if (!counts(v2, n)) return std::nullopt;
    const std::size_t times = v2 + header, types = times + n[3] * 8, infos = types + n[3];
    const std::size_t end = infos + n[4] * 6 + n[5] + n[2] * 12 + n[1] + n[0];
    if (b.size() < end + 2 || b[end] != '\n' || b.back() != '\n') return std::nullopt;
    Tzif t;
    t.footer = std::string(b.substr(end + 1, b.size() - end - 2));
    if (t.footer.empty() || t.footer.size() > 128 || t.footer.find('\n') != std::string::npos)
        return std::nullopt;
    const auto utoff = [&](std::uint64_t type) {
        return static_cast<long>(static_cast<std::int32_t>(big_endian(b, infos + type * 6, 4)));
    };
    t.first_offset = utoff(0);
    for (std::size_t i = 0; i < n[3]; ++i) {
        const auto type = static_cast<unsigned char>(b[types + i]);
        if (type >= n[4]) return std::nullopt;
        t.transitions.push_back(
            {static_cast<std::int64_t>(big_endian(b, times + i * 8, 8)), utoff(type)});
    }
    return t;
}

bool rule_holds_from(const Tzif& tzif, const Posix& rule, Day from) {
    const std::int64_t since = static_cast<std::int64_t>(from.time_since_epoch().count()) * 86400;
    long before = tzif.first_offset;
    bool checked_now = false;
    for (const auto& t : tzif.transitions) {
        if (t.at >= since) {
            if (!checked_now && offset_at(rule, since) != before) return false;
            checked_now = true;
            if (offset_at(rule, t.at - 1) != before || offset_at(rule, t.at) != t.offset)
                return false;
        }
        before = t.offset;
    }
    return checked_now || offset_at(rule, since) == before;
}

} // namespace kint::zone
