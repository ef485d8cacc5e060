#include "kint/render/session.hpp"

#include "kint/render/listing.hpp"

#include <fmt/format.h>

namespace kint::render {

json::Value to_json(const app::SessionAdded& r) {
    return to_json(r.session);
}

std::string to_text(const app::SessionAdded& r, const Paint&) {
    const auto day = format_day(r.session.day);
    std::string out = r.existed ? fmt::format("A session on {} was already recorded{}.\n", day,
                                              r.note_given ? "; its note is updated" : "")
                                : fmt::format("Recorded a session on {}.\n", day);
    if (r.timeline_from == r.session.day)
        out += "The integration timeline counts from it: see 'kint today'.\n";
    else if (r.timeline_from)
        out += fmt::format("The integration timeline still counts from your latest session, {}.\n",
                           format_day(*r.timeline_from));
    return out;
}

json::Value to_json(const app::SessionRemoved& r) {
    return json::object().set("day", format_day(r.day)).set("removed", true);
}

std::string to_text(const app::SessionRemoved& r, const Paint&) {
    return fmt::format("Removed the session on {}.\n", format_day(r.day));
}

json::Value to_json(const app::SessionList& list) {
    return list_json(list.records);
}

std::string to_text(const app::SessionList& list, const Paint& p) {
    const auto none = "No sessions recorded. Add one with 'kint session add [DAY]'.";
    return list_text(list.records, none, [&] {
        std::string out;
        for (const auto& s : list.records) {
            const auto days = (list.today - s.day).count();
            const std::string when = days >= 0 ? fmt::format("day {}", days) : "planned";
            out += fmt::format("{}  {}{}\n", format_day(s.day), p.dim(when),
                               s.note ? "  " + *s.note : "");
        }
        return out;
    });
}

} // namespace kint::render
