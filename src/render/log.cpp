#include "kint/render/log.hpp"
#include "kint/domain/strength.hpp"

#include "kint/render/listing.hpp"
#include "kint/render/measure.hpp"

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
std::string again(const LogEntry& earlier, const LogEntry& now, const std::optional<Measure>& m) {
    auto already = fmt::format("This day already had a {} entry", to_string(earlier.status));
    if (now.amount && now.amount != earlier.amount) {
        const auto amount = with_unit(*now.amount, m ? m->unit : "");
        already += earlier.amount
                       ? fmt::format("; now {} (was {})", amount, format_amount(*earlier.amount))
                       : fmt::format("; {} recorded with it", amount);
        if (now.note == earlier.note) return already + ".";
    }
    if (now.note == earlier.note) return fmt::format("{}; it is kept as it was.", already);
    if (!earlier.note) return fmt::format("{}; your note is added to it.", already);
    return fmt::format("{}; its note now reads \"{}\" (it was \"{}\").", already, *now.note,
                       *earlier.note);
}

// "20 of 15 min — reached.": the day's amount beside the step's target, in kind words.
std::string amount_line(double amount, const Measure& m) {
    const auto of = amount_of_target(amount, m);
    if (m.at_most)
        return strength::meets(m, amount)
                   ? fmt::format("{} — within your limit.", of)
                   : fmt::format("{} — above the limit this time. Noted, no judgement: "
                                 "tomorrow starts fresh.",
                                 of);
    return strength::meets(m, amount)
               ? fmt::format("{} — reached.", of)
               : fmt::format("{} — every bit of it counts toward the step.", of);
}

} // namespace

json::Value to_json(const app::LogResult& r) {
    auto doc = to_json(r.entry);
    doc.set("counts_as", std::string(to_string(r.counts_as)));
    doc.set("comeback", r.comeback);
    doc.set("again", r.earlier.has_value());
    json::Value was;
    if (r.was_amount) was = *r.was_amount;
    doc.set("was_amount", std::move(was));
    return doc;
}

std::string to_text(const app::LogResult& r, const Paint& p) {
    const auto& cue = r.cue;
    const auto day = format_day(r.entry.day);
    std::string out;
    switch (r.entry.status) {
    case LogStatus::done:
        out += fmt::format("{} {} · {}\n", p.green("✓"), cue.behavior(), day);
        if (r.entry.amount && r.measure) out += amount_line(*r.entry.amount, *r.measure) + "\n";
        if (!r.entry.amount && r.measure)
            out += p.dim(fmt::format("How much, when you like: kint log {} --day {} --amount N "
                                     "(the step's target is {})",
                                     cue.id, day, target_text(*r.measure))) +
                   "\n";
        if (r.comeback && !r.earlier) out += p.green(r.comeback_text) + "\n";
        if (!cue.scheduled_on(r.entry.day)) out += p.dim(off_schedule(cue, r.entry.day)) + "\n";
        break;
    case LogStatus::skip:
        if (cue.kind == CueKind::if_) // a situation: no rest to speak of
            out += fmt::format("Skipped {} · {}. This day is left out of every count.\n",
                               cue.behavior(), day);
        else
            out += fmt::format("Skipped {} · {}. Rest counts too; this day is not counted "
                               "against you.\n",
                               cue.behavior(), day);
        break;
    case LogStatus::slip:
        if (cue.kind == CueKind::if_)
            out += fmt::format("Noted: the situation came; not this time · {} · {}.\n{}\n",
                               cue.behavior(), day, r.slip_text);
        else
            out += fmt::format("Noted a slip on {} · {}.\n{}\n", cue.behavior(), day, r.slip_text);
        if (!r.entry.note)
            out += p.dim(fmt::format("What got in the way? Add it with --note when you like: "
                                     "kint log {} --{} --day {} --note \"...\"",
                                     cue.id, cue.kind == CueKind::if_ ? "not-this-time" : "slip",
                                     day)) +
                   "\n";
        break;
    }
    if (r.earlier) out += p.dim(again(*r.earlier, r.entry, r.measure)) + "\n";
    if (r.counts_as != r.entry.status)
        out += p.dim(fmt::format("This day already has a {} entry, which is what counts.",
                                 to_string(r.counts_as))) +
               "\n";
    return out;
}

json::Value to_json(const app::UndoLogResult& r) {
    auto removed = json::array(), kept = json::array();
    for (const auto s : r.removed_statuses)
        removed.push(std::string(to_string(s)));
    for (const auto s : r.kept)
        kept.push(std::string(to_string(s)));
    return json::object()
        .set("cue_id", r.cue_id)
        .set("day", format_day(r.day))
        .set("removed", r.removed)
        .set("removed_statuses", std::move(removed))
        .set("kept", std::move(kept));
}

std::string to_text(const app::UndoLogResult& r, const Paint& p) {
    const auto names = [](const std::vector<LogStatus>& statuses) {
        std::vector<std::string> words;
        for (auto s : statuses)
            words.emplace_back(to_string(s));
        return words_and(words);
    };
    std::string out =
        fmt::format("Removed the {} entr{} of cue #{} on {}", names(r.removed_statuses),
                    r.removed == 1 ? "y" : "ies", r.cue_id, format_day(r.day));
    if (r.kept.empty()) return out + ".\n";
    if (r.kept.size() == 1)
        out += fmt::format("; the {} stays and now counts.\n", names(r.kept));
    else
        out += fmt::format("; the {} stay, and the {} now counts.\n", names(r.kept),
                           to_string(r.kept.front()));
    out += p.dim(fmt::format("To remove every entry of the day: kint log {} --undo --all --day "
                             "{}",
                             r.cue_id, format_day(r.day))) +
           "\n";
    return out;
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
            const auto& cue = list.cues.at(e.cue_id);
            std::string amount;
            if (e.amount) {
                const auto& m = cue.step_on(e.day).measure;
                amount =
                    "  " + p.cyan(m ? amount_of_target(*e.amount, *m) : format_amount(*e.amount));
            }
            out +=
                fmt::format("{}  #{:<3} {}  {}{}{}\n", format_day(e.day), e.cue_id, mark,
                            cue.behavior_on(e.day), amount, e.note ? p.dim("  — " + *e.note) : "");
        }
        return out;
    });
}

} // namespace kint::render
