#pragma once
// A foreign::Source as plain lines, one per record with every field, for golden comparisons of the
// import readers: a changed field shows as a changed line.
#include "kint/core/model.hpp"
#include "kint/foreign/source.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <string>

namespace kint::test {

inline std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '"')
            out += "\\\"";
        else
            out += c;
    }
    return out + "\"";
}

inline std::string describe(const foreign::Source& s) {
    std::string out = fmt::format("{}: {} {}\n", s.tracker, s.things, s.things_word);
    const auto& r = s.records;
    for (const auto& i : r.intentions)
        out += fmt::format("intention {} {} created {}{}\n", i.id, quoted(i.text),
                           format_day(i.created), i.archived ? " archived" : "");
    for (const auto& c : r.cues) {
        out += fmt::format(
            "cue {} in {} {} {} {}{} created {} {}", c.id, c.intention_id, to_string(c.kind),
            quoted(c.trigger), c.per ? "per " + format_per(*c.per) : c.days.to_string(),
            c.at ? " at " + format_clock(*c.at) : "", format_day(c.created), to_string(c.status));
        if (c.archived_on) out += " on " + format_day(*c.archived_on);
        for (const auto& st : c.steps) {
            out += fmt::format(" | step {} {}", format_day(st.day), quoted(st.behavior));
            if (st.note) out += " note " + quoted(*st.note);
            if (st.measure)
                out += fmt::format(" {} {} {}", st.measure->at_most ? "at-most" : "target",
                                   st.measure->target, quoted(st.measure->unit));
        }
        out += "\n";
    }
    for (const auto& l : r.logs) {
        out += fmt::format("log {} {} {}", l.cue_id, format_day(l.day), to_string(l.status));
        if (l.note) out += " note " + quoted(*l.note);
        if (l.amount) out += fmt::format(" amount {}", *l.amount);
        out += "\n";
    }
    for (const auto& j : r.journal)
        out += fmt::format("journal {} {} [{}] {}\n", j.id, format_day(j.day),
                           fmt::join(j.tags, ","), quoted(j.text));
    for (const auto& n : s.notes)
        out += "note: " + n + "\n";
    return out;
}

} // namespace kint::test
