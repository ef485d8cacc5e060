#include "kint/app/report.hpp"

#include "kint/app/review.hpp"
#include "kint/core/error.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>

namespace kint::app {

namespace {

// The latest session on or before `until`.
std::optional<Session> latest_session(const std::vector<Session>& sessions, Day until) {
    std::optional<Session> latest;
    for (const auto& s : sessions)
        if (s.day <= until && (!latest || s.day > latest->day)) latest = s;
    return latest;
}

} // namespace

review::Period report_period(const store::Store& store, Day today, const ReportRequest& request) {
    if (request.since && request.since_session)
        throw UsageError("--since and --since-session both say where the report begins; give one "
                         "of them");
    const Day until = request.until.value_or(today);
    if (request.since)
        return review::range_period(*request.since, until, request.until.has_value());
    if (const auto session = store.latest_session(until))
        return review::range_period(session->day, until, request.until.has_value());
    if (request.since_session) {
        if (request.until || !store.sessions().empty()) // a planned session after the end
            throw UsageError(fmt::format("No session recorded on or before {}: record one with "
                                         "kint session add, or give --since D",
                                         format_day(until)));
        throw UsageError(
            "No session recorded yet: record one with kint session add, or give --since D");
    }
    return review::range_period(until - std::chrono::days{report_default_days - 1}, until,
                                request.until.has_value());
}

ReportResult report(const store::Store& store, const config::Config& cfg, Day today,
                    const review::Period& period) {
    ReportResult out;
    out.period = period;
    // The cue figures, intentions and the latest safety window: the review's, over the span.
    bool cues_begin_later = false;
    auto input = review_input(store, cfg, today, period, cues_begin_later);
    auto r = review::build(input);
    out.intentions = std::move(r.intentions);
    out.safety = r.safety;

    // Every low stretch overlapping the span, in the ratings the review read (wider when one may
    // go on past the ratings a month's margin loads).
    auto ratings = std::move(input.ratings);
    for (auto& stretch : safety::low_stretches(ratings, cfg.safety))
        if (!stretch.empty() && stretch.front() <= period.to && stretch.back() >= period.from)
            out.safety_windows.push_back(std::move(stretch));

    const auto mood = review::mood_by_day(ratings);
    for (auto& c : r.cues) {
        ReportCue rc;
        rc.mood_link = long_view::mood_link(c.calendar, mood);
        rc.figures = std::move(c);
        out.cues.push_back(std::move(rc));
    }

    for (auto& rating : ratings)
        if (period.contains(rating.day)) out.ratings.push_back(std::move(rating));
    std::stable_sort(out.ratings.begin(), out.ratings.end(), [](const Rating& a, const Rating& b) {
        return a.day != b.day ? a.day < b.day : a.kind < b.kind;
    });
    out.journal = store.journal({{period.from, period.to}, std::nullopt});
    std::stable_sort(out.journal.begin(), out.journal.end(),
                     [](const JournalEntry& a, const JournalEntry& b) {
                         return a.day != b.day ? a.day < b.day : a.id < b.id;
                     });
    // The sessions the review read (all of them).
    for (const auto& s : input.sessions)
        if (period.contains(s.day)) out.sessions.push_back(s);
    std::stable_sort(out.sessions.begin(), out.sessions.end(),
                     [](const Session& a, const Session& b) { return a.day < b.day; });
    // "From your last session" only when the span begins on the latest one (by its end).
    if (auto latest = latest_session(input.sessions, period.to);
        latest && latest->day == period.from)
        out.from_session = std::move(latest);
    return out;
}

} // namespace kint::app
