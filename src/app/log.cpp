#include "kint/app/log.hpp"

#include "kint/app/lookup.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/trail.hpp"

#include <algorithm>
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
} // namespace

LogResult log(store::Store& store, const config::Config& config, const LogRequest& request) {
    LogResult result;
    result.cue = cue_or_throw(store, request.cue_id);
    result.entry = {request.cue_id, request.day, request.status, request.note};
    result.comeback_text = config.guidance.comeback;
    result.slip_text = config.guidance.slip;
    const auto& cue = result.cue;
    const Day day = request.day;
    refuse_if_archived(cue);
    if (day < cue.created)
        throw UsageError(fmt::format("cue {} was placed on {}; log days from then on (or place "
                                     "a new cue)",
                                     cue.id, format_day(cue.created)));
    // A comeback looks back a few days only (trail::comeback_since): read that stretch (in the
    // write's transaction, so it is what the write lands on), not the cue's whole history. What the
    // entry holds afterwards is read back, so the store alone says which note is kept.
    const Day back_to = trail::comeback_since(cue, day);
    std::vector<LogEntry> entries;
    store.write([&] {
        result.earlier = find_entry(store.logs({DayRange{day, day}, cue.id}), day, request.status);
        store.put_log(result.entry);
        entries = store.logs({DayRange{back_to, day}, cue.id});
    });
    result.entry = find_entry(entries, day, request.status).value_or(result.entry);
    const auto days = trail::effective(entries, cue.id);
    result.counts_as = days.at(day);
    result.comeback = trail::is_comeback(cue, days, day);
    return result;
}

UndoLogResult undo_log(store::Store& store, const UndoLogRequest& request) {
    const auto cue = cue_or_throw(store, request.cue_id);
    if (request.note_given) throw UsageError("--undo removes an entry; leave out --note");
    UndoLogResult result{cue.id, request.day, 0};
    store.write([&] { result.removed = store.remove_logs(cue.id, request.day, request.only); });
    if (result.removed == 0)
        throw NotFound(
            fmt::format("nothing{} is logged for cue {} on {}; see 'kint log list --cue {}'",
                        request.only ? " " + std::string(to_string(*request.only)) : "", cue.id,
                        format_day(request.day), cue.id));
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
