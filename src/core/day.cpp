#include "kint/core/day.hpp"

#include "kint/core/error.hpp"

#include <array>
#include <charconv>
#include <fmt/compile.h>
#include <fmt/format.h>

namespace kint {

namespace {

template <typename Int>
bool parse_int(std::string_view text, Int& value) {
    if (text.empty()) return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size();
}

bool all_digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

Day add_days(Day day, long long n, std::string_view what) {
    // Far outside the range (or about to overflow) is outside it too.
    const long long limit = (last_day - first_day).count() + 1;
    const bool far = n > limit || n < -limit;
    const Day result =
        far ? (n < 0 ? first_day - std::chrono::days{1} : last_day + std::chrono::days{1})
            : day + std::chrono::days{n};
    if (result < first_day || result > last_day)
        throw UsageError(fmt::format("{} falls {} {}; kint keeps days from {} to {}", what,
                                     result < first_day ? "before" : "after",
                                     format_day(result < first_day ? first_day : last_day),
                                     format_day(first_day), format_day(last_day)));
    return result;
}

std::string format_day(Day day) {
    const std::chrono::year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    const auto month = static_cast<unsigned>(ymd.month()), dom = static_cast<unsigned>(ymd.day());
    if (year >= 0 && year <= 9999) {
        // Every digit in its place: a ten-year trail writes 36,500 days, and fmt's padded fields
        // cost it 20 M instructions. Other years (past 9999, before year 0) go through fmt.
        std::string out = "0000-00-00";
        const auto put = [&](std::size_t end, unsigned value) {
            for (std::size_t i = end; value != 0; --i, value /= 10)
                out[i] = static_cast<char>('0' + value % 10);
        };
        put(3, static_cast<unsigned>(year));
        put(6, month);
        put(9, dom);
        return out;
    }
    return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), year, month, dom);
}

std::optional<Day> parse_iso_day(std::string_view text) {
    // Every day read from the store comes through here (28 k rows for a ten-year trail): the
    // digits are added up in place, not through from_chars.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            const char c = text[i];
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    };
    const int year = number(0, 4), month = number(5, 2), dom = number(8, 2);
    if (year < 1900 || month < 0 || dom < 0) return std::nullopt; // (-1: not all digits)
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(dom)}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

std::optional<Day> parse_stored_day(std::string_view text) {
    if (auto day = parse_iso_day(text)) return day;
    const bool negative = !text.empty() && text.front() == '-';
    const auto body = negative ? text.substr(1) : text;
    const auto dash = body.find('-');
    if (dash < 4 || dash > 5 || body.size() != dash + 6 || body[dash + 3] != '-')
        return std::nullopt;
    const auto y = body.substr(0, dash), m = body.substr(dash + 1, 2), d = body.substr(dash + 4, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    int year = 0;
    unsigned month = 0, dom = 0;
    if (!parse_int(y, year) || !parse_int(m, month) || !parse_int(d, dom)) return std::nullopt;
    if (year > 32767) return std::nullopt; // std::chrono::year's range
    const std::chrono::year_month_day ymd{std::chrono::year{negative ? -year : year},
                                          std::chrono::month{month}, std::chrono::day{dom}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

Day parse_day(std::string_view text, Day today) {
    const std::string word = lower(text);
    if (word == "today") return today;
    if (word == "yesterday") return add_days(today, -1, fmt::format("'{}'", text));
    if (word.size() > 1 && word[0] == '-' && all_digits(std::string_view(word).substr(1))) {
        int n = 0;
        if (parse_int(std::string_view(word).substr(1), n) && n <= 36600)
            return add_days(today, -n, fmt::format("'{}'", text));
        throw UsageError(fmt::format("'{}' goes back too far; give a date as YYYY-MM-DD", text));
    }
    if (auto day = parse_iso_day(text)) return *day;
    throw UsageError(fmt::format(
        "'{}' is not a day; use YYYY-MM-DD (a real date), today, yesterday or -N for N days ago",
        text));
}

int weekday_index(Day day) {
    // iso_encoding: Monday = 1 ... Sunday = 7
    return static_cast<int>(std::chrono::weekday{day}.iso_encoding()) - 1;
}

std::string_view weekday_name(Day day) {
    static constexpr std::array<std::string_view, 7> names{
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return names[static_cast<std::size_t>(weekday_index(day))];
}

std::string_view month_name(Day day) {
    static constexpr std::array<std::string_view, 12> names{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return names[static_cast<unsigned>(std::chrono::year_month_day{day}.month()) - 1];
}

std::string format_long_day(Day day) {
    const std::chrono::year_month_day ymd{day};
    return fmt::format("{} {:02} {} {:04}", weekday_name(day), static_cast<unsigned>(ymd.day()),
                       month_name(day), static_cast<int>(ymd.year()));
}

std::optional<Minutes> parse_clock(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) return std::nullopt;
    const auto h = text.substr(0, colon), m = text.substr(colon + 1);
    if (m.size() != 2 || !all_digits(h) || !all_digits(m)) return std::nullopt;
    int hours = 0, minutes = 0;
    if (!parse_int(h, hours) || !parse_int(m, minutes)) return std::nullopt;
    if (hours > 23 || minutes > 59) return std::nullopt;
    return hours * 60 + minutes;
}

std::string format_clock(Minutes minutes) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

namespace {
constexpr std::array<std::string_view, 7> short_names{"mon", "tue", "wed", "thu",
                                                      "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> long_names{"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
} // namespace

Schedule Schedule::parse(std::string_view text) {
    const std::string all_text = lower(text);
    if (all_text == "daily" || all_text == "every" || all_text == "everyday") return daily();
    if (all_text == "weekdays") return Schedule(0x1F);
    if (all_text == "weekends") return Schedule(0x60);
    if (all_text.find_first_not_of(" ,") == std::string::npos)
        throw UsageError("no days given; use daily, weekdays, weekends or a list like mon,wed,fri");
    std::uint8_t mask = 0;
    std::string_view rest = all_text;
    while (true) {
        const auto comma = rest.find(',');
        std::string_view word = rest.substr(0, comma);
        while (!word.empty() && word.front() == ' ')
            word.remove_prefix(1);
        while (!word.empty() && word.back() == ' ')
            word.remove_suffix(1);
        bool known = false;
        for (std::size_t i = 0; i < 7; ++i) {
            if (word == short_names[i] || word == long_names[i]) {
                mask |= static_cast<std::uint8_t>(1U << i);
                known = true;
            }
        }
        if (!known)
            throw UsageError(fmt::format(
                "'{}' is not a day of the week; use daily, weekdays, weekends or a list like "
                "mon,wed,fri",
                word.empty() ? std::string_view(text) : word));
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    return Schedule(mask);
}

std::string Schedule::to_string() const {
    if (m_mask == all) return "daily";
    if (m_mask == 0x1F) return "weekdays";
    if (m_mask == 0x60) return "weekends";
    std::string out;
    for (std::size_t i = 0; i < 7; ++i) {
        if ((m_mask >> i) & 1U) {
            if (!out.empty()) out += ',';
            out += short_names[i];
        }
    }
    return out;
}

} // namespace kint
