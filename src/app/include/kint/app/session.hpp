#pragma once
// kint session: treatment session days; the integration timeline follows the latest.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct SessionAddRequest {
    Day day; // a planned day is fine
    std::optional<std::string> note;
};

struct SessionAdded {
    Session session;      // as the store holds it now
    bool existed = false; // the day had a session already
    bool note_given = false;
    // With a timeline: the session it counts from now, when that is this one or a later one up to
    // today (none for a planned session).
    std::optional<Day> timeline_from;
};

SessionAdded session_add(store::Store& store, const config::Config& config, Day today,
                         const SessionAddRequest& request);

struct SessionRemoved {
    Day day;
};

// Removes the session on `day`; NotFound when there is none.
SessionRemoved session_rm(store::Store& store, Day day);

struct SessionList {
    std::vector<Session> records; // by day
    Day today;                    // sessions are counted in days from it
};

SessionList session_list(const store::Store& store, Day today);

} // namespace kint::app
