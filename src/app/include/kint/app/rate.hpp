#pragma once
// kint rate: one number 0-10 a day, mood or energy, and the listing of them.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/safety.hpp"
#include "kint/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kint::app {

struct RateRequest {
    Day day;
    RatingKind kind = RatingKind::mood; // what `value` rates
    std::optional<int> value, energy;   // at least one of them
    std::optional<std::string> note;    // goes with the first rating given
};

struct RateResult {
    std::vector<Rating> ratings;         // as the store holds them now, in the order given
    std::vector<std::optional<int>> was; // each one's value before, when the day had one
    safety::Verdict verdict;             // the safety rule on the mood up to today
    config::Safety rule;
};

// Rates the day (the same day and kind again replaces the value; the note stays unless a new one
// is given), then checks the safety rule for `today`.
RateResult rate(store::Store& store, const config::Settings& config, Day today,
                const RateRequest& request);

struct RateListRequest {
    DayRange range;
    std::optional<RatingKind> kind;
};

struct RatingList {
    std::vector<Rating> records; // by day, mood before energy
};

RatingList rate_list(const store::Store& store, const RateListRequest& request);

} // namespace kint::app
