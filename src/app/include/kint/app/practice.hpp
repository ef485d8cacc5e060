#pragma once
// The mindfulness practices: the list, one practice made ready to run, and its end (which may log
// a cue as done).
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/store/store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct PracticeList {
    std::vector<config::Practice> practices;
};
PracticeList practice_list(const config::Config& cfg);

struct PracticeRequest {
    std::string name;
    std::optional<Id> log; // the cue to log as done when it ends
    std::optional<int> minutes;
};
// A practice ready to run: how long each step is given, and whether a breath pacer goes with it.
struct PracticeRun {
    config::Practice practice;
    int minutes = 0;
    int seconds_per_step = 0;
    bool breathe = false;
    std::optional<Cue> cue; // to log when it ends (checked: it exists and is not archived)
};
// The store is opened through `store` only when there is a cue to log: a practice alone needs none.
using OpenStore = std::function<store::Store&()>;
PracticeRun practice_begin(const config::Config& cfg, const PracticeRequest& request,
                           const OpenStore& store);

struct PracticeDone {
    PracticeRun run;
    bool live = false; // it was paced on a terminal
};
// Logs the run's cue (if any) as done on `today`.
PracticeDone practice_finish(const OpenStore& store, Day today, PracticeRun run, bool live);

} // namespace kint::app
