#include "kint/app/rate.hpp"

#include "kint/app/lookup.hpp"

#include <algorithm>

namespace kint::app {

namespace {
const Rating* find_kind(const std::vector<Rating>& ratings, RatingKind kind) {
    const auto it = std::find_if(ratings.begin(), ratings.end(),
                                 [&](const Rating& r) { return r.kind == kind; });
    return it == ratings.end() ? nullptr : &*it;
}
} // namespace

RateResult rate(store::Store& store, const config::Settings& config, Day today,
                const RateRequest& request) {
    RateResult result;
    result.rule = config.safety;
    const Day day = request.day;
    std::vector<Rating> given;
    if (request.value) given.push_back(Rating{day, request.kind, *request.value, request.note});
    if (request.energy)
        given.push_back(Rating{day, RatingKind::energy, *request.energy,
                               request.value ? std::nullopt : request.note});
    // What the day held before and holds after: the store alone says which note is kept.
    std::vector<Rating> before, after;
    store.write([&] {
        before = store.ratings(DayRange{day, day});
        for (const auto& r : given)
            store.put_rating(r);
        after = store.ratings(DayRange{day, day});
    });
    for (const auto& r : given) {
        const auto* old = find_kind(before, r.kind);
        result.was.push_back(old ? std::optional(old->value) : std::nullopt);
        const auto* now = find_kind(after, r.kind);
        result.ratings.push_back(now ? *now : r);
    }
    result.verdict =
        safety::check_recent(recent_mood(store, result.rule, today), result.rule, today);
    return result;
}

RatingList rate_list(const store::Store& store, const RateListRequest& request) {
    return RatingList{store.ratings(request.range, request.kind)};
}

} // namespace kint::app
