#pragma once
// kint review: the period asked for; its inputs gathered from the store (each cue's entries over
// the stretch its figures need, not its whole history) and the report built from them.
#include "kint/config/config.hpp"
#include "kint/domain/review.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>

namespace kint::app {

struct ReviewRequest {
    std::optional<std::string> week;  // this, last, an ISO week or a day (see resolve_period)
    std::optional<std::string> month; // this, last or YYYY-MM (see month_period)
    std::optional<Day> since, until;
};

// The period asked for (last week when nothing is); a malformed --week is a UsageError.
review::Period review_period(const config::Config& cfg, Day today, const ReviewRequest& request);
// What a review of `period` reads from the store (the handout builds its review from it and reads
// the ratings from it too). `cues_begin_later` is set when a cue left out begins after the period.
review::Input review_input(const store::Store& store, const config::Config& cfg, Day today,
                           const review::Period& period, bool& cues_begin_later);
review::Report review(const store::Store& store, const config::Config& cfg, Day today,
                      const review::Period& period);

} // namespace kint::app
