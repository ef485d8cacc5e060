#include "kint/render/import.hpp"

#include "kint/core/text.hpp"

#include <cstdint>
#include <fmt/format.h>

namespace kint::render {

namespace {

json::Value counts_json(const merge::Counts& c) {
    auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
    return json::object()
        .set("intentions", n(c.intentions))
        .set("cues", n(c.cues))
        .set("logs", n(c.logs))
        .set("ratings", n(c.ratings))
        .set("journal", n(c.journal))
        .set("sessions", n(c.sessions));
}

// "2 cues, 164 done days, 12 skips and 3 slips": the kinds with something in them.
std::vector<std::string> counts_words(const merge::Counts& c, const app::ImportResult* logs) {
    std::vector<std::string> words;
    auto add = [&](std::size_t n, std::string_view one, std::string_view many) {
        if (n > 0) words.push_back(plural(n, one, many));
    };
    add(c.intentions, "intention", "intentions");
    add(c.cues, "cue", "cues");
    if (logs) {
        add(logs->done, "done day", "done days");
        add(logs->skips, "skip", "skips");
        add(logs->slips, "slip", "slips");
    } else {
        add(c.logs, "log entry", "log entries");
    }
    add(c.ratings, "rating", "ratings");
    add(c.journal, "journal entry", "journal entries");
    add(c.sessions, "session", "sessions");
    return words;
}

// A Source names its things in the plural ("habits", "entries"); one of them is "1 habit".
std::string things_words(std::size_t n, std::string_view many) {
    if (n != 1) return fmt::format("{} {}", n, many);
    std::string one(many);
    if (one.ends_with("ies"))
        one.replace(one.size() - 3, 3, "y");
    else if (one.ends_with('s'))
        one.pop_back();
    return "1 " + one;
}

} // namespace

json::Value to_json(const app::ImportResult& r) {
    auto conflicts = json::array();
    for (const auto& c : r.conflicts)
        conflicts.push(json::object()
                           .set("day", format_day(c.day))
                           .set("kind", std::string(to_string(c.kind)))
                           .set("kept", c.kept)
                           .set("offered", c.offered));
    auto intentions = json::array();
    for (const auto& i : r.new_intentions)
        intentions.push(json::object().set("id", i.id).set("text", i.text));
    auto notes = json::array();
    for (const auto& n : r.notes)
        notes.push(n);
    return json::object()
        .set("source", r.tracker)
        .set("dry_run", r.dry_run)
        .set("added", counts_json(r.added))
        .set("skipped", counts_json(r.skipped))
        .set("logs_added", json::object()
                               .set("done", static_cast<std::int64_t>(r.done))
                               .set("skip", static_cast<std::int64_t>(r.skips))
                               .set("slip", static_cast<std::int64_t>(r.slips)))
        .set("conflicts", std::move(conflicts))
        .set("new_intentions", std::move(intentions))
        .set("notes", std::move(notes));
}

std::string to_text(const app::ImportResult& r, const Paint& p) {
    const auto added = counts_words(r.added, &r);
    std::string out = fmt::format("From {}: {}{}{}.\n", text::sanitize_line(r.tracker),
                                  r.things > 0 ? things_words(r.things, r.things_word) + " → " : "",
                                  r.dry_run ? "would add " : "",
                                  added.empty() ? "nothing new" : words_and(added));
    if (r.things > 0 && !r.new_intentions.empty()) {
        std::vector<std::string> names;
        for (const auto& i : r.new_intentions)
            names.push_back(fmt::format("#{} \"{}\"", i.id, text::sanitize_line(i.text)));
        out += fmt::format("Under the new intention{} {}; rename {} with: kint intent edit {} "
                           "\"…\"\n",
                           names.size() == 1 ? "" : "s", words_and(names),
                           names.size() == 1 ? "it" : "one", r.new_intentions.front().id);
    }
    if (const auto skipped = counts_words(r.skipped, nullptr); !skipped.empty())
        out += fmt::format("Already there, left as they were: {}.\n", words_and(skipped));
    if (r.before_cue > 0)
        out += fmt::format("Of those, {} fall before the day their cue began in this store.\n",
                           plural(r.before_cue, "log entry", "log entries"));
    for (const auto& c : r.conflicts)
        out += fmt::format("The {} on {} stays {} as it is here (the file says {}).\n",
                           to_string(c.kind), format_day(c.day), c.kept, c.offered);
    for (const auto& n : r.notes)
        out += p.dim(fmt::format("· {}", text::sanitize_line(n))) + "\n";
    out += r.dry_run ? "Nothing was written (--dry-run).\n"
                     : fmt::format("Into {}.\n", text::sanitize_line(r.store_path));
    return out;
}

} // namespace kint::render
