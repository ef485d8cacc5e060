#include "kint/app/calendar.hpp"

#include "kint/domain/zone.hpp"
#include "kint/io/files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <system_error>

namespace kint::app {

namespace {

using std::chrono::days;

// What a zone is called below the zoneinfo folder `dir`: a path's part after `dir` or after
// "zoneinfo/" (the target of /etc/localtime, or TZ=:/usr/share/zoneinfo/...), without the
// "posix/" or "right/" variants' folder.
std::string zone_name_of(std::string name, const std::string& dir) {
    if (!name.empty() && name.front() == ':') name.erase(0, 1);
    if (!name.empty() && (name.front() == '/' || name.starts_with("../"))) {
        const auto at = name.rfind("zoneinfo/");
        if (name.starts_with(dir + "/"))
            name.erase(0, dir.size() + 1);
        else if (at != std::string::npos)
            name.erase(0, at + 9);
        else
            return {};
    }
    for (std::string_view variant : {"posix/", "right/"})
        if (name.starts_with(variant)) name.erase(0, variant.size());
    return name;
}

// A name of the tz database: letters, digits and _ + - in parts separated by '/', none "..".
bool plausible_zone_name(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
    for (char ch : name)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '/' || ch == '_' || ch == '+' ||
              ch == '-'))
            return false;
    return name.find("..") == std::string_view::npos && name.find("//") == std::string_view::npos;
}

bool is_utc(std::string_view name) {
    constexpr std::array utc = {
        "UTC",      "UCT",       "GMT",       "GMT0",     "GMT+0",         "GMT-0",
        "Zulu",     "Universal", "Greenwich", "Etc/UTC",  "Etc/UCT",       "Etc/GMT",
        "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Zulu", "Etc/Universal", "Etc/Greenwich"};
    return std::find(utc.begin(), utc.end(), name) != utc.end();
}

Day next_on(Day from, std::uint8_t weekdays) {
    Day day = from;
    while (!((weekdays >> weekday_index(day)) & 1U))
        day += days{1};
    return day;
}

} // namespace

std::optional<TimeZone> local_time_zone(const std::optional<std::string>& tz,
                                        const std::optional<std::string>& tzdir, Day today) {
    const std::string dir = tzdir && !tzdir->empty() ? *tzdir : "/usr/share/zoneinfo";
    std::string name;
    if (tz && !tz->empty()) {
        name = zone_name_of(*tz, dir);
    } else {
        const std::string etc = io::read_small_file("/etc/timezone", 256);
        name = zone_name_of(etc.substr(0, etc.find_first_of("\r\n")), dir);
        if (name.empty()) {
            std::error_code ec;
            const auto link = std::filesystem::read_symlink("/etc/localtime", ec);
            if (!ec) name = zone_name_of(link.string(), dir);
        }
    }
    if (!plausible_zone_name(name) || is_utc(name)) return std::nullopt;
    const auto tzif = zone::parse_tzif(io::read_small_file(dir + "/" + name, 1 << 20));
    if (!tzif) return std::nullopt;
    // The rule must be the zone's whole truth from today on (yesterday, for a day's margin).
    const auto rule = zone::parse_posix(tzif->footer);
    if (!rule || !zone::rule_holds_from(*tzif, *rule, today - days{1})) return std::nullopt;
    return TimeZone{name, tzif->footer};
}

Calendar calendar(const store::Store& store, const config::Config& cfg, Day today,
                  std::optional<TimeZone> zone) {
    Calendar out{{}, std::move(zone), today};
    std::map<Id, std::string> intentions;
    for (auto& i : store.intentions(/*include_archived=*/true))
        intentions.emplace(i.id, std::move(i.text));
    for (auto& cue : store.cues(/*include_archived=*/false)) {
        if (cue.status == CueStatus::archived || !cue.at || cue.kind == CueKind::if_) continue;
        CalendarEvent e;
        // The stretch it rings in now: since it began, its plan last changed or a pause ended.
        Day begin = cue.created;
        Day revised = std::max(cue.created, cue.steps.back().day);
        int changes = static_cast<int>(cue.steps.size()) - 1 + static_cast<int>(cue.plans.size());
        if (!cue.plans.empty()) {
            begin = std::max(begin, cue.plans.back().until);
            revised = std::max(revised, cue.plans.back().until);
        }
        for (const auto& p : cue.pauses) {
            revised = std::max(revised, p.until.value_or(p.from));
            changes += p.until ? 2 : 1;
            if (p.until)
                begin = std::max(begin, *p.until);
            else
                e.last = p.from - days{1};
        }
        if (cue.per && cue.per->week) {
            e.weekly = true;
            e.weekdays = static_cast<std::uint8_t>(1U << cfg.week_starts);
        } else if (cue.per) {
            e.interval = std::max(1, cue.per->days / cue.per->times);
        } else if (!cue.days.is_daily()) {
            e.weekly = true;
            e.weekdays = cue.days.mask();
        }
        e.first = e.weekly ? next_on(begin, e.weekdays) : begin;
        if (e.last && *e.last < e.first) continue; // paused before it ever rang
        e.revised = std::min(revised, today);
        e.sequence = changes;
        const auto it = intentions.find(cue.intention_id);
        if (it != intentions.end()) e.intention = it->second;
        e.cue = std::move(cue);
        out.events.push_back(std::move(e));
    }
    return out;
}

} // namespace kint::app
