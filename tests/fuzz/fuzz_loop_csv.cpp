// Loop Habit Tracker's CSV export on any bytes: Habits.csv and one habit's Checkmarks.csv (the
// input split at its first NUL byte; the checkmarks belong to the habit at position 1) read into
// Loop's rows and mapped onto kint's records. It only ever returns records every rule of an
// import accepts, or throws UsageError (bad_file); nothing else escapes.
#include "check.hpp"

#include "kint/core/error.hpp"
#include "kint/core/text.hpp"
#include "kint/domain/loop.hpp"
#include "kint/domain/validate.hpp"
#include "kint/foreign/loop.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

using kint::fuzz::check;
using namespace kint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto cut = input.find('\0');
    foreign::LoopCsvFile habits{"Habits.csv", input.substr(0, cut)};
    std::map<int, foreign::LoopCsvFile> checkmarks;
    if (cut != std::string::npos)
        checkmarks[1] = foreign::LoopCsvFile{"001 A/Checkmarks.csv", input.substr(cut + 1)};
    // read_text refuses what is not UTF-8 before the parser sees it.
    if (!text::valid_utf8(habits.text) ||
        (cut != std::string::npos && !text::valid_utf8(checkmarks[1].text)))
        return 0;
    try {
        const auto backup = foreign::parse_loop_csv(habits, checkmarks);
        const auto today = parse_iso_day("2024-03-10").value();
        const auto records = loop::to_records(backup, today);
        const auto problem = validate::snapshot_problem(records.records);
        check(!problem, problem ? *problem : "");
        check(records.records.cues.size() == backup.habits.size(), "a cue for every habit");
        for (const auto& log : records.records.logs)
            check(log.day <= today, "a log after today");
    } catch (const UsageError&) {
    }
    return 0;
}
