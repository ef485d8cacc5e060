#pragma once
// The cue use cases: place, list, show, resize (step), edit and pause, resume or archive a cue.
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

// A new cue, its arguments checked: no intention means the focus. The trigger loses one lead-in
// word kint shows itself (text::strip_lead_in).
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

// A new step: a new behavior, a new measure, or both. What is not given stays as the current
// step has it (no behavior: the same behavior with a new target, "10 min -> 15 min").
struct CueStepRequest {
    Id id = 0;
    std::optional<std::string> behavior;
    std::optional<std::string> note;
    std::optional<double> target;    // > 0
    std::optional<std::string> unit; // needs a target, given now or already
    std::optional<bool> at_most;     // true: at most, false: at least; needs a target
};
// The same step again is no new step: nothing is written and `changed` says so.
struct CueStepped {
    CueView cue;
    std::string before; // the behavior it had
    std::optional<Measure> before_measure;
    bool changed = false;
};
CueStepped cue_step(store::Store& store, const config::Config& cfg, Day today,
                    const CueStepRequest& request);

// `cue edit`: what is given changes from today on; earlier days keep the plan they had.
struct CueEditRequest {
    Id id = 0;
    std::optional<std::string> trigger;
    std::optional<CueKind> kind;
    std::optional<Minutes> at;
    bool no_at = false;
    std::optional<Schedule> days; // a fixed schedule (drops a --per)
    std::optional<Per> per;       // N per week or per M days (days become every day)
    std::optional<Day> since;     // a new creation day: not after the cue's first log entry
};
struct CueEdited {
    CueView cue;
    Plan before;            // the plan it had
    Day before_created;     // the creation day it had
    bool changed = false;   // false: everything given was already so; nothing written
    bool kept_plan = false; // the old plan is kept for the days before today
};
CueEdited cue_edit(store::Store& store, const config::Config& cfg, Day today,
                   const CueEditRequest& request);

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
