#include "kint/render/log.hpp"

#include "kint/render/listing.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::render {

namespace {

// Why a done `day` off the cue's schedule is kept as an extra, and what to do if it was meant.
std::string off_schedule(const Cue& cue, Day day) {
    const auto pause = std::find_if(cue.pauses.begin(), cue.pauses.end(),
                                    [&](const Pause& p) { return p.covers(day); });
    if (pause != cue.pauses.end() && !pause->until)
        return fmt::format("Cue {} is paused: kept as an extra day. 'kint cue resume {}' puts it "
                           "back on the schedule.",
                           cue.id, cue.id);
    if (pause != cue.pauses.end())
        return fmt::format("Cue {} was paused on {}: kept as an extra day.", cue.id,
                           format_day(day));
    return fmt::format("{} is not on cue {}'s schedule: kept as an extra day.", format_day(day),
                       cue.id);
}

// What logging the same status for a day again did: the entry stays, a new note replaces its old
// one (`now` is the entry as it is after).
std::string again(const LogEntry& earlier, const LogEntry& now) {
    const auto already = fmt::format("This day already had a {} entry", to_string(earlier.status));
    if (now.note == earlier.note) return fmt::format("{}; it is kept as it was.", already);
    if (!earlier.note) return fmt::format("{}; your note is added to it.", already);
    return fmt::format("{}; its note now reads \"{}\" (it was \"{}\").", already, *now.note,
                       *earlier.note);
}

} // namespace

json::Value to_json(const app::LogResult& r) {
    auto doc = to_json(r.entry);
    doc.set("counts_as", std::string(to_string(r.counts_as)));
    doc.set("comeback", r.comeback);
    doc.set("again", r.earlier.has_value());
    return doc;
}

std::string to_text(const app::LogResult& r, const Paint& p) {
    const auto& cue = r.cue;
    const auto day = format_day(r.entry.day);
    std::string out;
    switch (r.entry.status) {
    case LogStatus::done:
        out += fmt::format("{} {} · {}\n", p.green("✓"), cue.behavior(), day);
        if (r.comeback && !r.earlier) out += p.green(r.comeback_text) + "\n";
        if (!cue.scheduled_on(r.entry.day)) out += p.dim(off_schedule(cue, r.entry.day)) + "\n";
        break;
    case LogStatus::skip:
        out += fmt::format("Skipped {} · {}. Rest counts too; this day is not counted against "
                           "you.\n",
                           cue.behavior(), day);
        break;
    case LogStatus::slip:
        out += fmt::format("Noted a slip on {} · {}.\n{}\n", cue.behavior(), day, r.slip_text);
        if (!r.entry.note)
            out += p.dim(fmt::format("What got in the way? Add it with --note when you like: "
                                     "kint log {} --slip --day {} --note \"...\"",
                                     cue.id, day)) +
                   "\n";
        break;
    }
    if (r.earlier) out += p.dim(again(*r.earlier, r.entry)) + "\n";
    if (r.counts_as != r.entry.status)
        out += p.dim(fmt::format("This day already has a {} entry, which is what counts.",
                                 to_string(r.counts_as))) +
               "\n";
    return out;
}

json::Value to_json(const app::UndoLogResult& r) {
    return json::object()
        .set("cue_id", r.cue_id)
        .set("day", format_day(r.day))
        .set("removed", r.removed);
}

std::string to_text(const app::UndoLogResult& r, const Paint&) {
    return fmt::format("Removed {} entr{} for cue #{} on {}.\n", r.removed,
                       r.removed == 1 ? "y" : "ies", r.cue_id, format_day(r.day));
}

json::Value to_json(const app::LogList& list) {
    return list_json(list.records);
}

std::string to_text(const app::LogList& list, const Paint& p) {
    return list_text(list.records, "No entries in this range. Log a cue with 'kint log ID'.", [&] {
        std::string out;
        for (const auto& e : list.records) {
            const std::string mark = e.status == LogStatus::done   ? p.green("done")
                                     : e.status == LogStatus::skip ? p.dim("skip")
                                                                   : p.yellow("slip");
            out += fmt::format("{}  #{:<3} {}  {}{}\n", format_day(e.day), e.cue_id, mark,
                               list.cues.at(e.cue_id).behavior_on(e.day),
                               e.note ? p.dim("  — " + *e.note) : "");
        }
        return out;
    });
}

} // namespace kint::render
