#include "kint/app/log.hpp"

#include "kint/app/lookup.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/trail.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace kint::app {

namespace {
std::optional<LogEntry> find_entry(const std::vector<LogEntry>& entries, Day day,
                                   LogStatus status) {
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const LogEntry& e) {
        return e.day == day && e.status == status;
    });
    if (it == entries.end()) return std::nullopt;
    return *it;
}

// The pause a resume ended the day after `day` (`day` was the resume day, see cue_set_status):
// the cue's latest pause, closed, whose last day is `day`.
std::optional<Pause> resumed_on(const Cue& cue, Day day) {
    if (cue.pauses.empty() || cue.status == CueStatus::paused) return std::nullopt;
    const auto latest =
        std::max_element(cue.pauses.begin(), cue.pauses.end(),
                         [](const Pause& a, const Pause& b) { return a.from < b.from; });
    if (!latest->until || *latest->until != day + std::chrono::days{1} || !latest->covers(day))
        return std::nullopt;
    return *latest;
}

// The day has this status already and the entry brings nothing new to it: no other note, no
// other amount (Store::put_log's rule). Nothing is written then, not even the entry's clock.
bool leaves_as_it_was(const LogEntry& entry, const std::optional<LogEntry>& earlier) {
    return earlier && (!entry.note || entry.note == earlier->note) &&
           (!entry.amount || entry.amount == earlier->amount);
}

void check_amount(const Cue& cue, const LogRequest& request) {
    if (!request.amount) return;
    if (!std::isfinite(*request.amount) || *request.amount < 0 || *request.amount > 1e9)
        throw UsageError("--amount takes a number from 0 to 1000000000, e.g. --amount 15");
    if (request.status != LogStatus::done)
        throw UsageError(fmt::format("--amount goes with a done entry; leave out --{}",
                                     to_string(request.status)));
    if (!cue.step_on(request.day).measure)
        throw UsageError(fmt::format("cue {} has no target to measure an amount against; give "
                                     "it one with 'kint cue step {} --target X' (e.g. --target "
                                     "10 --unit min), or log it without --amount",
                                     cue.id, cue.id));
}
} // namespace

LogResult log(store::Store& store, const config::Settings& config, const LogRequest& request) {
    LogResult result;
    // Kept as shown and exported: to three decimals.
    std::optional<double> amount = request.amount;
    if (amount) amount = std::round(*amount * 1000) / 1000;
    result.entry = {request.cue_id, request.day, request.status, request.note, amount};
    result.comeback_text = config.guidance.comeback;
    result.slip_text = config.guidance.slip;
    const Day day = request.day;
    std::optional<Pause> resumed;
    std::vector<LogEntry> entries;
    // One transaction reads the cue, checks the request against it and writes: what is checked is
    // what the write lands on. Refused, it rolls back having written nothing.
    store.write([&] {
        // A comeback looks back a few days only (trail::comeback_since): the steps from then on
        // and that stretch of the log are what the entry is weighed against, not the cue's
        // whole history.
        Day back_to = day;
        result.cue = cue_or_throw(store, request.cue_id, [&](const Cue& c) {
            return back_to = trail::comeback_since(c, day);
        });
        const auto& cue = result.cue;
        refuse_if_archived(cue);
        if (day < cue.created)
            throw UsageError(fmt::format("cue {} was placed on {}; log days from then on (or "
                                         "place a new cue)",
                                         cue.id, format_day(cue.created)));
        check_amount(cue, request);
        result.measure = cue.step_on(day).measure;
        // Done on the day a resume left paused (it ends the pause the next day unless that day
        // is done): the day is brought back onto the schedule and counts.
        if (request.status == LogStatus::done) resumed = resumed_on(cue, day);
        // What the entry holds afterwards is read back when the write changed it, so the store
        // alone says which note is kept.
        const DayRange stretch{back_to, day};
        entries = store.logs({stretch, cue.id});
        result.earlier = find_entry(entries, day, request.status);
        const bool changed =
            !leaves_as_it_was(result.entry, result.earlier) && store.put_log(result.entry);
        if (resumed) {
            store.pause_cue(cue.id, resumed->from); // reopened, then ended on `day`
            store.resume_cue(cue.id, day);
        }
        if (changed || resumed) entries = store.logs({stretch, cue.id});
    });
    if (resumed) result.cue = cue_or_throw(store, request.cue_id);
    result.entry = find_entry(entries, day, request.status).value_or(result.entry);
    if (result.earlier && result.entry.amount != result.earlier->amount)
        result.was_amount = result.earlier->amount;
    const auto days = trail::effective(entries, request.cue_id);
    result.counts_as = days.at(day);
    result.comeback = trail::is_comeback(result.cue, days, day);
    return result;
}

UndoLogResult undo_log(store::Store& store, const UndoLogRequest& request) {
    const auto cue = cue_or_throw(store, request.cue_id);
    if (request.note_given) throw UsageError("--undo removes an entry; leave out --note");
    if (request.all && request.only)
        throw UsageError("--undo --all removes every entry of the day; leave out --skip/--slip");
    UndoLogResult result{cue.id, request.day, 0, {}, {}};
    store.write([&] {
        auto entries = store.logs({DayRange{request.day, request.day}, cue.id});
        std::stable_sort(entries.begin(), entries.end(), [](const LogEntry& a, const LogEntry& b) {
            return rank(a.status) > rank(b.status);
        });
        for (const auto& e : entries) {
            const bool goes = request.all    ? true
                              : request.only ? e.status == *request.only
                                             : result.removed_statuses.empty();
            (goes ? result.removed_statuses : result.kept).push_back(e.status);
            if (goes) result.removed += store.remove_logs(cue.id, request.day, e.status);
        }
    });
    if (result.removed == 0)
        throw NotFound(fmt::format("{} is logged for cue {} on {}; see 'kint log list --cue {}'",
                                   request.only
                                       ? fmt::format("no {} entry", to_string(*request.only))
                                       : std::string("nothing"),
                                   cue.id, format_day(request.day), cue.id));
    return result;
}

LogList log_list(const store::Store& store, const LogListRequest& request) {
    if (request.cue_id) cue_or_throw(store, *request.cue_id);
    LogList list{store.logs({request.range, request.cue_id}), {}};
    if (!list.records.empty())
        for (auto& c : store.cues(true))
            list.cues.emplace(c.id, std::move(c));
    return list;
}

} // namespace kint::app
