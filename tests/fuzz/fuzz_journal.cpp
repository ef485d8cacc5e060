// The plain-text import readers, harsh and jrnl, on any bytes: each returns a Source or throws
// kint::UsageError (bad_file), nothing else. What they return passes the shared validator, keeps
// its days up to today, points its logs and cues at records it holds, and comes out the same the
// second time. The input is the jrnl file; for harsh, the part before the first NUL byte is the
// habits file and the rest the log.
#include "check.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/validate.hpp"
#include "kint/foreign/harsh.hpp"
#include "kint/foreign/jrnl.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using kint::fuzz::check;
using namespace kint;

namespace {

const Day today{std::chrono::year{2026} / 11 / 20};

// Enough of a Source to tell two apart.
std::string fingerprint(const foreign::Source& s) {
    std::string out = std::to_string(s.things) + "|";
    for (const auto& i : s.records.intentions)
        out += i.text + "|" + format_day(i.created) + "|";
    for (const auto& c : s.records.cues)
        out += std::to_string(c.intention_id) + c.behavior() + format_day(c.created) + "|";
    for (const auto& l : s.records.logs)
        out += std::to_string(l.cue_id) + format_day(l.day) + std::string(to_string(l.status)) +
               l.note.value_or("") + "|";
    for (const auto& j : s.records.journal) {
        out += format_day(j.day) + j.text;
        for (const auto& t : j.tags)
            out += "," + t;
        out += "|";
    }
    for (const auto& n : s.notes)
        out += n + "|";
    return out;
}

void check_source(const foreign::Source& s) {
    const auto problem = validate::snapshot_problem(s.records);
    check(!problem, problem ? *problem : "");
    const auto& r = s.records;
    for (std::size_t k = 0; k < r.cues.size(); ++k) {
        const auto& c = r.cues[k];
        check(c.id == static_cast<Id>(k) + 1, "cue ids are 1..n");
        check(c.intention_id >= 1 && c.intention_id <= static_cast<Id>(r.intentions.size()),
              "a cue's intention is one of the records");
        check(c.created <= today, "a cue is created by today");
        const auto& i = r.intentions[static_cast<std::size_t>(c.intention_id) - 1];
        check(i.created <= c.created, "an intention is created by its cues' creation");
    }
    for (const auto& l : r.logs) {
        check(l.cue_id >= 1 && l.cue_id <= static_cast<Id>(r.cues.size()),
              "a log's cue is one of the records");
        check(l.day <= today, "a log's day is by today");
        check(l.day >= r.cues[static_cast<std::size_t>(l.cue_id) - 1].created,
              "a log's day is on or after its cue's creation");
        check(!l.amount || l.status == LogStatus::done, "an amount only with done");
    }
    for (const auto& j : r.journal)
        check(j.day <= today, "a journal entry's day is by today");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto a = foreign::parse_jrnl(text, "journal", today);
        check_source(a);
        check(fingerprint(a) == fingerprint(foreign::parse_jrnl(text, "journal", today)),
              "jrnl: the same file gives the same records");
    } catch (const UsageError&) {
    }
    const auto nul = text.find('\0');
    const auto habits = text.substr(0, nul);
    const auto log = nul == std::string_view::npos ? std::string_view() : text.substr(nul + 1);
    try {
        const auto a = foreign::parse_harsh(habits, log, "habits", "log", today);
        check_source(a);
        check(fingerprint(a) ==
                  fingerprint(foreign::parse_harsh(habits, log, "habits", "log", today)),
              "harsh: the same files give the same records");
    } catch (const UsageError&) {
    }
    return 0;
}
