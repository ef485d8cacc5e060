#pragma once
// Calendar days, clock times and weekly schedules: pure value types and their parsers.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kint {

// A local calendar day.
using Day = std::chrono::sys_days;

// The days kint writes: 1900-01-01..9999-12-31 (four-digit years, so text order is day order).
inline constexpr Day first_day{std::chrono::year{1900} / 1 / 1};
inline constexpr Day last_day{std::chrono::year{9999} / 12 / 31};
inline bool in_range(Day day) {
    return day >= first_day && day <= last_day;
}
// `day` moved by `n` days (negative: back). Throws UsageError, naming `what` (where the day came
// from, e.g. "'yesterday'" or "a pause that begins tomorrow"), when the result falls outside
// first_day..last_day: every derived day goes through here before anything is written.
Day add_days(Day day, long long n, std::string_view what);

// "YYYY-MM-DD"
std::string format_day(Day day);
// Strict YYYY-MM-DD (a real date, 1900-01-01..9999-12-31), or nullopt.
std::optional<Day> parse_iso_day(std::string_view text);
// Any real calendar date written as [-]Y...Y-MM-DD (four to five year digits), in or out of
// kint's range, or nullopt: for reading rows an older kint or another tool may have written.
std::optional<Day> parse_stored_day(std::string_view text);
// YYYY-MM-DD, "today", "yesterday" or "-N" (N days before `today`). Throws UsageError, also for
// a day outside first_day..last_day.
Day parse_day(std::string_view text, Day today);
// 0 = Monday ... 6 = Sunday.
int weekday_index(Day day);
// "Monday" ... "Sunday" and "January" ... "December", from the calendar day alone (never through
// a time zone); the first two or three letters serve as the short forms.
std::string_view weekday_name(Day day);
std::string_view month_name(Day day);
// "Thursday 19 November 2026": the day as a heading.
std::string format_long_day(Day day);

// Minutes after midnight, 0..1439.
using Minutes = int;
// "HH:MM" (or "H:MM"), 00:00..23:59, or nullopt.
std::optional<Minutes> parse_clock(std::string_view text);
// Milliseconds since the epoch (UTC) at `minute` of `day`.
inline std::int64_t epoch_ms(Day day, Minutes minute) {
    return std::chrono::milliseconds(day + std::chrono::minutes{minute} - Day{}).count();
}
std::string format_clock(Minutes minutes);

// The weekdays a cue is scheduled on: bit 0 = Monday ... bit 6 = Sunday.
class Schedule {
  public:
    static constexpr std::uint8_t all = 0x7F;
    constexpr Schedule() = default;
    constexpr explicit Schedule(std::uint8_t mask) : m_mask(mask & all) {}
    static Schedule daily() { return Schedule(all); }
    // "daily", "weekdays", "weekends", or a comma list of mon,tue,... (full names too). Throws
    // UsageError naming the unknown word.
    static Schedule parse(std::string_view text);

    bool on(Day day) const { return (m_mask >> weekday_index(day)) & 1U; }
    bool is_daily() const { return m_mask == all; }
    std::uint8_t mask() const { return m_mask; }
    // "daily", "weekdays", "weekends" or "mon,wed,fri".
    std::string to_string() const;
    bool operator==(const Schedule&) const = default;

  private:
    std::uint8_t m_mask = all;
};

} // namespace kint
