// The Daylio reader (and under it foreign::read_csv, libcsv) on any bytes: it returns a Source or
// throws kint::UsageError, nothing else. What it returns keeps every rule the shared validator
// keeps, its journal entries come in day order with ids 1..n, one rating per day, and the same
// text gives the same records.
#include "check.hpp"

#include "kint/domain/validate.hpp"
#include "kint/foreign/daylio.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using kint::fuzz::check;
using namespace kint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const foreign::DaylioOptions options{{{"Happy", 8}, {"ok but sleepy", 4}, {"rad", 10}}};
    foreign::Source source;
    try {
        source = foreign::parse_daylio(text, "fuzz.csv", options, last_day);
    } catch (const UsageError& e) {
        check(std::string_view(e.what()).starts_with("fuzz.csv: "), "a problem without the file");
        return 0;
    }
    check(source.tracker == "Daylio", "tracker");
    check(!validate::snapshot_problem(source.records), "a record the validator refuses");
    const auto& journal = source.records.journal;
    for (std::size_t i = 0; i < journal.size(); ++i) {
        check(journal[i].id == static_cast<Id>(i + 1), "journal ids are not 1..n");
        check(i == 0 || journal[i - 1].day <= journal[i].day, "journal out of day order");
    }
    const auto& ratings = source.records.ratings;
    for (std::size_t i = 1; i < ratings.size(); ++i)
        check(ratings[i - 1].day < ratings[i].day, "two ratings on one day, or out of order");
    check(ratings.size() <= source.things && journal.size() <= source.things,
          "more records than entries");

    const auto again = foreign::parse_daylio(text, "fuzz.csv", options, last_day);
    check(again.records.journal.size() == journal.size() && again.notes == source.notes,
          "the same text gave other records");
    for (std::size_t i = 0; i < journal.size(); ++i)
        check(again.records.journal[i].text == journal[i].text &&
                  again.records.journal[i].tags == journal[i].tags,
              "the same text gave another journal entry");
    return 0;
}
