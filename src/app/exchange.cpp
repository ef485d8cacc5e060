#include "kint/app/exchange.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/validate.hpp"
#include "kint/foreign/daylio.hpp"
#include "kint/foreign/harsh.hpp"
#include "kint/foreign/jrnl.hpp"
#include "kint/foreign/loop.hpp"

#include <fmt/format.h>

namespace kint::app {

exchange::Snapshot export_snapshot(const store::Store& store) {
    return store.dump();
}

foreign::Source read_source(const ImportRequest& request, Day today) {
    if (request.from == "loop") return foreign::read_loop(request.path, today);
    if (request.from == "harsh") return foreign::read_harsh(request.path, today);
    if (request.from == "jrnl") return foreign::read_jrnl(request.path, today);
    if (request.from == "daylio")
        return foreign::read_daylio(request.path, foreign::DaylioOptions{request.moods}, today);
    throw UsageError(
        fmt::format("--from {} is not one kint reads: loop, harsh, daylio or jrnl", request.from));
}

ImportResult import(store::Store& store, const foreign::Source& source, const std::string& file,
                    Day today, bool dry_run) {
    if (auto problem = validate::snapshot_problem(source.records))
        throw foreign::bad_file(file, *problem);
    if (auto after = merge::day_after(source.records, today))
        throw foreign::bad_file(file, fmt::format("it holds a day after today ({})", *after));
    // Only what the file's records can match is read: a habit tracker's file against ten years
    // of a store reads the few cues it may be, not every log entry, rating and journal entry, and
    // no clock but those read with the uids a match goes by.
    const auto have = [&] {
        auto cues = store.dump({.log_cues = std::vector<Id>{},
                                .ratings = false,
                                .journal = false,
                                .sessions = false,
                                .clocks = false});
        const auto needs = merge::needs(cues.cues, source.records);
        if (needs.log_cues.empty() && !needs.ratings && !needs.journal && !needs.sessions)
            return cues; // nothing of the store's but its cues can match
        return store.dump({.log_cues = needs.log_cues,
                           .ratings = needs.ratings,
                           .journal = needs.journal,
                           .sessions = needs.sessions,
                           .clocks = false});
    };
    merge::Plan plan;
    if (dry_run)
        plan = merge::plan(have(), source.records);
    else
        store.write([&] {
            plan = merge::plan(have(), source.records);
            store.load(plan.add);
        });
    ImportResult r;
    r.tracker = source.tracker;
    r.things = source.things;
    r.things_word = source.things_word;
    r.added = plan.added;
    r.skipped = plan.skipped;
    r.done = plan.done;
    r.skips = plan.skips;
    r.slips = plan.slips;
    r.before_cue = plan.before_cue;
    r.conflicts = std::move(plan.conflicts);
    r.new_intentions = std::move(plan.add.intentions);
    r.notes = source.notes;
    r.dry_run = dry_run;
    r.store_path = store.path();
    return r;
}

} // namespace kint::app
