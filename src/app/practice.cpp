#include "kint/app/practice.hpp"

#include "kint/app/lookup.hpp"
#include "kint/core/error.hpp"

#include <fmt/format.h>

namespace kint::app {

PracticeList practice_list(const config::Config& cfg) {
    return {cfg.practices};
}

PracticeRun practice_begin(const config::Config& cfg, const PracticeRequest& request,
                           const OpenStore& store) {
    const config::Practice* practice = nullptr;
    for (const auto& pr : cfg.practices)
        if (pr.key == request.name) practice = &pr;
    if (!practice) {
        std::string keys;
        for (const auto& pr : cfg.practices)
            keys += (keys.empty() ? "" : ", ") + pr.key;
        throw NotFound(
            fmt::format("there is no practice '{}'; choose one of: {}", request.name, keys));
    }
    PracticeRun run{*practice, request.minutes.value_or(practice->minutes), 0, false, {}};
    const int total = run.minutes * 60;
    run.seconds_per_step =
        practice->steps.empty() ? total : total / static_cast<int>(practice->steps.size());
    // Four counts in, four out goes with the breathing practices.
    run.breathe =
        practice->key == "breath" || practice->key == "reset" || practice->key == "counting";
    if (request.log) {
        run.cue = cue_or_throw(store(), *request.log);
        refuse_if_archived(*run.cue);
    }
    return run;
}

PracticeDone practice_finish(const OpenStore& store, Day today, PracticeRun run, bool live) {
    if (run.cue) {
        auto& s = store();
        s.write([&] { s.put_log(LogEntry{run.cue->id, today, LogStatus::done, std::nullopt}); });
    }
    return {std::move(run), live};
}

} // namespace kint::app
