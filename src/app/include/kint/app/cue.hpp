#pragma once
// The cue use cases: place, list, show, resize (step) and pause, resume or archive a cue.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::app {

// A cue as people see it on a day: with its habit phase (a pointer into the config, which outlives
// the result; null beyond the phases) and the week it is in.
struct CueView {
    Cue cue;
    const config::HabitPhase* phase = nullptr;
    int week = 0;
};
CueView cue_view(Cue cue, const config::Config& cfg, Day today);

struct CueList {
    std::vector<CueView> cues;
};
CueList cue_list(const store::Store& store, const config::Config& cfg, Day today, bool all);

// A new cue, its arguments checked: no intention means the focus.
struct CueAddRequest {
    std::optional<Id> intention;
    store::NewCue cue; // intention_id is filled in by cue_add
};
struct CueAdded {
    CueView cue;
    std::string note; // the second-cue guidance while another cue is young, else empty
};
CueAdded cue_add(store::Store& store, const config::Config& cfg, Day today,
                 const CueAddRequest& request);

struct CueShown {
    CueView cue;
    std::optional<Intention> intention;
    Day today;
};
CueShown cue_show(const store::Store& store, const config::Config& cfg, Day today, Id id);

struct CueStepRequest {
    Id id = 0;
    std::string behavior;
    std::optional<std::string> note;
};
// The same behavior again is no new step: nothing is written and `changed` says so.
struct CueStepped {
    CueView cue;
    std::string before; // the behavior it had
    bool changed = false;
};
CueStepped cue_step(store::Store& store, const config::Config& cfg, Day today,
                    const CueStepRequest& request);

struct CueStatusChanged {
    CueView cue;
    CueStatus target = CueStatus::active;
    bool changed = false;
    // A day already done keeps its credit: pausing after it starts the pause tomorrow. Resuming
    // ends the pause tomorrow unless today is done: today then counts once it is logged done.
    bool from_tomorrow = false;
};
// pause (paused), resume (active) or archive (archived) a cue.
CueStatusChanged cue_set_status(store::Store& store, const config::Config& cfg, Day today, Id id,
                                CueStatus target);

} // namespace kint::app
