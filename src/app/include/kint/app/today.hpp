#pragma once
// kint today: the daily view as one plain result (focus, the day's cues with their log status,
// ratings, timeline phase, a prompt, the safety verdict and a check-in).
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/phases.hpp"
#include "kint/domain/safety.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct TodayCue {
    Cue cue;
    std::optional<LogStatus> status; // the day's log status; none = pending
    // Counted among the day's cues: not an if-then cue (a situation, logged when it comes up), not
    // a --per cue whose period's target is met and that has no entry today, not a cue resumed
    // today (its pause ends tomorrow) that has none.
    bool due = true;
    std::optional<double> amount = std::nullopt; // today's amount (a measured done entry)
    std::optional<int> remaining = std::nullopt; // a --per cue: how many more (0: met)
    bool resumed = false;                        // resumed today: the day counts once it is done
};

struct TodayView {
    Day day;
    std::optional<Intention> focus;
    bool has_intentions = false; // active ones, looked up only when there is no focus
    std::vector<TodayCue> cues;  // timed ones first, by time; the rest in the order placed
    std::optional<Rating> mood, energy;
    std::optional<phases::TimelinePosition> phase; // points into the config's timeline
    std::vector<config::Prompt> prompts;           // only gentle ones while the safety note stands
    safety::Verdict safety;
    std::optional<safety::CheckIn> check_in; // a gentle check-in after low days gone quiet
    config::Safety safety_rule;              // its message and contact, shown with the verdict
    std::string no_session;                  // the guidance shown when no session applies
};

// `with_history`: each cue's whole step history (JSON shows it, the text only the current step).
TodayView today(const store::Store& store, const config::Config& cfg, Day day, bool with_history);

} // namespace kint::app
