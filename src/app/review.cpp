#include "kint/app/review.hpp"

#include "kint/app/strength.hpp"

namespace kint::app {

review::Input review_input(const store::Store& store, const config::Config& cfg, Day today,
                           const review::Period& period, bool& cues_begin_later) {
    const auto fetch = review::fetch_ranges(period);
    std::vector<Cue> cues;
    std::vector<LogEntry> logs;
    std::map<Id, strength::Checkpoint> checkpoints;
    for (auto& c : store.cues(true)) {
        cues_begin_later = cues_begin_later || c.created > period.to;
        if (!review::reportable(c, period)) continue;
        // The strength from its checkpoint (a few weeks of log), or from the creation.
        const auto start =
            strength_start(store, c, std::min(review::previous(period).to, today), today);
        for (auto& e : store.logs({review::log_range(c, period, start.reads_from), c.id}))
            logs.push_back(std::move(e));
        if (start.checkpoint) checkpoints.emplace(c.id, *start.checkpoint);
        cues.push_back(std::move(c));
    }
    auto ratings = store.ratings(fetch.ratings);
    if (review::low_run_at_edge(ratings, fetch.ratings, period, cfg.safety))
        ratings = store.ratings(review::wide_ratings(period));
    return {.period = period,
            .today = today,
            .config = cfg,
            .cues = std::move(cues),
            .logs = std::move(logs),
            .ratings = std::move(ratings),
            .journal = store.journal({fetch.journal, std::nullopt}),
            .intentions = store.intentions(true),
            .sessions = store.sessions(),
            .checkpoints = std::move(checkpoints)};
}

review::Period review_period(const config::Config& cfg, Day today, const ReviewRequest& request) {
    return review::resolve_period(request.week, request.month, request.since, request.until, today,
                                  cfg.week_starts);
}

review::Report review(const store::Store& store, const config::Config& cfg, Day today,
                      const review::Period& period) {
    bool later = false;
    auto report = review::build(review_input(store, cfg, today, period, later));
    report.cues_begin_later = report.cues.empty() && later;
    return report;
}

} // namespace kint::app
