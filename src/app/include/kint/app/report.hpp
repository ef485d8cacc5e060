#pragma once
// kint report (SPEC §7.4): the handout for a session with a therapist or coach. The span asked for
// (--since-session, --since/--until, or by default from the latest session), and what the store
// holds for it: every safety window, the intentions, each cue's figures (app::review's, so the
// maths lives in one place) with its step changes, ratings, the journal and sessions.
#include "kint/config/config.hpp"
#include "kint/domain/long_view.hpp"
#include "kint/domain/review.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <vector>

namespace kint::app {

struct ReportRequest {
    std::optional<Day> since, until;
    bool since_session = false;
};

// When no --since or --since-session is given and no session is recorded: the last 30 days.
inline constexpr int report_default_days = 30;

// The span: from --since, or from the latest session's day on or before the end
// (--since-session, and the default when a session is recorded), or the last 30 days; to --until
// or today. UsageError for --since with --since-session, --since-session with no session, or a
// span review::range_period refuses (since after until, longer than 100 years).
review::Period report_period(const store::Store& store, Day today, const ReportRequest& request);

struct ReportCue {
    // The review's figures over the span: scheduled, done, consistency, the strength now
    // (`strength`) and as the span began (`previous_strength`, nullopt for a cue created in it),
    // the step changes in the span (`steps_changed`), the calendar.
    review::CueReport figures;
    long_view::MoodLink mood_link;
};

struct ReportResult {
    review::Period period;
    std::optional<Session> from_session; // the latest session, when the span begins on it
    // Every low stretch of the safety rule (safety::low_stretches) overlapping the span, oldest
    // first: the low days of each.
    std::vector<std::vector<Day>> safety_windows;
    safety::Verdict safety;            // the latest of them (review's verdict), or not triggered
    std::vector<Intention> intentions; // active in the span
    std::vector<ReportCue> cues;
    std::vector<Rating> ratings;       // mood and energy in the span, by day (mood first on a day)
    std::vector<JournalEntry> journal; // in the span, oldest first
    std::vector<Session> sessions;     // in the span, oldest first
};

ReportResult report(const store::Store& store, const config::Config& cfg, Day today,
                    const review::Period& period);

} // namespace kint::app
