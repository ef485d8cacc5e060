#include "kint/app/session.hpp"

#include "kint/core/error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::app {

SessionAdded session_add(store::Store& store, const config::Config& config, Day today,
                         const SessionAddRequest& request) {
    SessionAdded result;
    result.session = {0, request.day, request.note};
    result.note_given = request.note.has_value();
    const Day day = request.day;
    std::optional<Day> latest; // the latest session up to today, before this one
    std::vector<Session> after;
    store.write([&] {
        for (const auto& other : store.sessions()) {
            if (other.day <= today && (!latest || other.day > *latest)) latest = other.day;
            result.existed = result.existed || other.day == day;
        }
        store.add_session(result.session);
        after = store.sessions(); // the store alone says which note is kept
    });
    const auto now =
        std::find_if(after.begin(), after.end(), [&](const Session& s) { return s.day == day; });
    if (now != after.end()) result.session = *now;
    if (!config.timeline.empty() && latest && *latest > day && *latest <= today)
        result.timeline_from = latest;
    else if (!config.timeline.empty() && day <= today)
        result.timeline_from = day;
    return result;
}

SessionRemoved session_rm(store::Store& store, Day day) {
    bool removed = false;
    store.write([&] { removed = store.remove_session(day); });
    if (!removed)
        throw NotFound(
            fmt::format("there is no session on {}; see 'kint session list'", format_day(day)));
    return SessionRemoved{day};
}

SessionList session_list(const store::Store& store, Day today) {
    return SessionList{store.sessions(), today};
}

} // namespace kint::app
