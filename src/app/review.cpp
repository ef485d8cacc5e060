#include "kint/app/review.hpp"

#include "kint/app/strength.hpp"

namespace kint::app {

review::Input review_input(const store::Store& store, const config::Config& cfg, Day today,
                           const review::Period& period, bool& cues_begin_later) {
    const auto fetch = review::fetch_ranges(period);
    // Which cues it reports, where each one's strength starts (its checkpoint) and which days of
    // its log it reads: then the steps in force from the earliest of those days on, not years of
    // them.
    std::vector<Cue> cues;
    std::vector<DayRange> ranges;
    std::map<Id, strength::Checkpoint> checkpoints;
    std::optional<Day> from;
    for (auto& c : store.cues_before_steps(true)) {
        cues_begin_later = cues_begin_later || c.created > period.to;
        if (!review::reportable(c, period)) continue;
        // The strength from its checkpoint (a few weeks of log), or from the creation.
        const auto start =
            strength_start(store, c, std::min(review::previous(period).to, today), today);
        ranges.push_back(review::log_range(c, period, start.reads_from));
        from = std::min(from.value_or(*ranges.back().since), *ranges.back().since);
        if (start.checkpoint) checkpoints.emplace(c.id, *start.checkpoint);
        cues.push_back(std::move(c));
    }
    std::vector<LogEntry> logs;
    if (from) store.load_steps_from(cues, *from);
    for (std::size_t i = 0; i < cues.size(); ++i)
        for (auto& e : store.logs({ranges[i], cues[i].id}))
            logs.push_back(std::move(e));
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
