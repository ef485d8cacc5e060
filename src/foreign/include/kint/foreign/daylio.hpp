#pragma once
// Daylio's CSV export (More → Export entries → CSV): one row per entry, newest first, with the
// columns full_date,date,weekday,time,mood,activities[,note_title],note (newer exports add more,
// e.g. scales; they are read past). Each day's moods become one mood rating (0-10, the mean of
// its entries rounded half up); each entry with a note or activities becomes a journal entry on
// its full_date, its activities as tags.
#include "kint/core/day.hpp"
#include "kint/foreign/source.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kint::foreign {

struct DaylioOptions {
    // --mood LABEL=N, in the order given: a later one for the same label wins. Each adds to or
    // overrides the defaults awful=1 bad=3 meh=5 good=7 rad=9 (N 0-10; labels are trimmed and
    // matched without regard to ASCII case).
    std::vector<std::pair<std::string, int>> moods;
};

// "LABEL=N" (the text of one --mood) as a label and a number 0-10; UsageError otherwise.
std::pair<std::string, int> parse_mood_option(std::string_view text);

// The Daylio export `text` (read from `file`, named in messages) as kint's records. A bad file is
// bad_file (exit 2): a missing column, a date or time that is not one, a day after `today`, and
// every mood label with no number (all of them, sorted, each once). A --mood number outside
// 0-10 or an empty label is a UsageError naming the option.
Source parse_daylio(std::string_view text, std::string_view file, const DaylioOptions& options,
                    Day today);

// parse_daylio on the file at `path` (read_text: bounded, UTF-8 only).
Source read_daylio(const std::string& path, const DaylioOptions& options, Day today);

} // namespace kint::foreign
