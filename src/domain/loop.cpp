#include "kint/domain/loop.hpp"

#include "kint/core/text.hpp"
#include "kint/domain/merge.hpp"
#include "kint/domain/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace kint::loop {

namespace {

constexpr std::int64_t ms_per_day = 86'400'000;
using merge::no_cue_yet;

// `s` cut to at most `max` bytes at a character boundary (s is valid UTF-8: sanitized).
std::string fit(std::string s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    s.resize(end);
    return s;
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

std::string one_line(std::string_view s) {
    return fit(trim(text::sanitize_line(trim(s))), validate::short_text_max);
}

std::optional<std::string> many_lines(std::string_view s) {
    auto t = fit(trim(text::sanitize(trim(s))), validate::long_text_max);
    if (t.empty()) return std::nullopt;
    return t;
}

// The day of a Loop timestamp (UTC midnight in milliseconds), or nullopt outside kint's days.
std::optional<Day> day_of(std::int64_t timestamp) {
    auto days = timestamp / ms_per_day;
    if (timestamp % ms_per_day < 0) --days;
    if (days < -800'000 || days > 3'000'000) return std::nullopt;
    const Day day{std::chrono::days{days}};
    if (!in_range(day)) return std::nullopt;
    return day;
}

struct Mark {
    Day day;
    std::optional<LogStatus> status;
    std::optional<double> amount;
    std::optional<std::string> note;
};

// What one of Loop's entries says about its day.
Mark mark_of(const Habit& habit, const Entry& entry, Day day) {
    Mark m{day, std::nullopt, std::nullopt, many_lines(entry.notes)};
    const int v = entry.value;
    if (!habit.numerical) {
        if (v == yes_manual) m.status = LogStatus::done;
        // -3 is how one development version of Loop wrote a skip; nothing else uses it.
        else if (v == skip || v == -3)
            m.status = LogStatus::skip;
        else if (v == no)
            m.status = LogStatus::slip;
        return m; // yes_auto, unknown and anything else: nothing
    }
    if (v == skip) {
        m.status = LogStatus::skip;
    } else if (v > 0 || (v == 0 && habit.at_most)) {
        m.status = LogStatus::done;
        m.amount = v / 1000.0;
    }
    return m;
}

int rank_of(const Mark& m) {
    return m.status ? rank(*m.status) : -1;
}

struct Frequency {
    std::optional<Per> per;
    std::optional<std::string> note;
};

Frequency schedule_of(const Habit& h, const std::string& name) {
    const int n = h.freq_num, m = h.freq_den;
    if (n <= 0 || m <= 0)
        return {std::nullopt,
                fmt::format("'{}' has no frequency in Loop ({}/{}); kint counts it every day", name,
                            n, m)};
    if (n >= m) return {};
    if (m <= per_max_days) return {Per{n, m, false}, std::nullopt};
    const int times =
        std::clamp(static_cast<int>(std::lround(n * double(per_max_days) / m)), 1, per_max_days);
    const Per per{times, per_max_days, false};
    return {per, fmt::format("'{}' asks for {} in {} days in Loop; kint keeps windows of up to {} "
                             "days, so it is {}",
                             name, n == 1 ? std::string("once") : fmt::format("{} times", n), m,
                             per_max_days, format_per(per))};
}

std::string format_amount(double x) {
    auto s = fmt::format("{:.3f}", x);
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

} // namespace

Records to_records(const Backup& backup, Day today) {
    Records out;
    auto& r = out.records;

    std::map<std::int64_t, std::vector<const Entry*>> by_habit;
    for (const auto& e : backup.entries)
        by_habit[e.habit].push_back(&e);

    std::set<std::string> names;
    std::size_t renamed = 0, later = 0, auto_days = 0, lost_notes = 0;
    bool any_without_cue = false;
    Day first_created = today;

    for (std::size_t k = 0; k < backup.habits.size(); ++k) {
        const Habit& h = backup.habits[k];
        std::string name = one_line(h.name);
        if (name.empty()) name = fmt::format("Loop habit {}", k + 1);
        if (names.contains(name)) {
            std::string base = fit(name, validate::short_text_max - 8);
            for (int i = 2; names.contains(name); ++i)
                name = fmt::format("{} ({})", base, i);
            ++renamed;
        }
        names.insert(name);

        // One mark a day: the one that counts most (done > skip > slip > nothing).
        std::map<Day, Mark> marks;
        for (const Entry* e : by_habit[h.id]) {
            const auto day = day_of(e->timestamp);
            if (!day) continue;
            if (*day > today) {
                ++later;
                continue;
            }
            if (!h.numerical && e->value == yes_auto) ++auto_days;
            Mark m = mark_of(h, *e, *day);
            auto [it, fresh] = marks.try_emplace(*day, m);
            if (!fresh && rank_of(m) > rank_of(it->second)) {
                if (!m.note) m.note = it->second.note;
                it->second = m;
            }
        }

        Cue cue;
        cue.id = static_cast<Id>(k + 1);
        cue.intention_id = 1;
        cue.created = marks.empty() ? today : marks.begin()->first;
        first_created = std::min(first_created, cue.created);
        if (h.reminder_hour && h.reminder_min && *h.reminder_hour >= 0 && *h.reminder_hour < 24 &&
            *h.reminder_min >= 0 && *h.reminder_min < 60) {
            cue.kind = CueKind::time;
            cue.at = *h.reminder_hour * 60 + *h.reminder_min;
            cue.trigger = format_clock(*cue.at);
        } else {
            cue.kind = CueKind::after;
            cue.trigger = std::string(no_cue_yet);
            any_without_cue = true;
        }
        cue.days = Schedule::daily();
        auto schedule = schedule_of(h, name);
        cue.per = schedule.per;
        if (schedule.note) out.notes.push_back(*schedule.note);

        Step step{cue.created, name, std::nullopt, std::nullopt};
        std::string about = trim(h.question);
        if (const auto d = trim(h.description); !d.empty())
            about = about.empty() ? d : about + "\n" + d;
        step.note = many_lines(about);
        if (h.numerical) {
            if (h.target > 0 && std::isfinite(h.target)) {
                step.measure = Measure{h.target, one_line(h.unit), h.at_most};
                if (h.freq_den > 1 && h.freq_num > 0)
                    out.notes.push_back(fmt::format(
                        "'{}' aims at {} {}{} in every {} days in Loop; kint measures one day at a "
                        "time, so {} is the target of a day it is done on",
                        name, h.at_most ? "at most " : "", format_amount(h.target),
                        h.unit.empty() ? "" : " " + one_line(h.unit), h.freq_den,
                        format_amount(h.target)));
            } else {
                out.notes.push_back(fmt::format("'{}' has no target in Loop; its amounts are kept "
                                                "and kint measures nothing against them",
                                                name));
            }
        }
        cue.steps.push_back(std::move(step));

        if (h.archived) {
            cue.status = CueStatus::archived;
            const Day after_last =
                marks.empty() ? cue.created : marks.rbegin()->first + std::chrono::days{1};
            cue.archived_on = std::min(after_last, today);
        }

        for (auto& [day, m] : marks) {
            if (!m.status) {
                if (m.note) ++lost_notes;
                continue;
            }
            LogEntry log{cue.id, day, *m.status, m.note, std::nullopt};
            if (cue.steps.front().measure)
                log.amount = m.amount;
            else if (m.amount) {
                // Without a target there is no measure to hold the amount: the note keeps it.
                auto amount = fmt::format("{}{}", format_amount(*m.amount),
                                          h.unit.empty() ? "" : " " + one_line(h.unit));
                log.note =
                    fit(log.note ? amount + "\n" + *log.note : amount, validate::long_text_max);
            }
            r.logs.push_back(std::move(log));
        }
        r.cues.push_back(std::move(cue));
    }

    Intention intention;
    intention.id = 1;
    intention.text = intention_text;
    intention.created = first_created;
    r.intentions.push_back(intention);

    if (any_without_cue)
        out.notes.push_back("Loop's habits have no cue: give each one with kint cue edit ID "
                            "--trigger \"...\"");
    if (renamed)
        out.notes.push_back(fmt::format("{} habit{} shared a name with another and got a number "
                                        "after it, as \"Read (2)\"",
                                        renamed, renamed == 1 ? "" : "s"));
    if (auto_days)
        out.notes.push_back(fmt::format(
            "{} day{} Loop checked by itself (its frequency allowed a rest) {} left out: kint's "
            "N/Md schedules count them the same way",
            auto_days, auto_days == 1 ? "" : "s", auto_days == 1 ? "was" : "were"));
    if (lost_notes)
        out.notes.push_back(fmt::format("{} note{} on days without a check or a skip {} left out",
                                        lost_notes, lost_notes == 1 ? "" : "s",
                                        lost_notes == 1 ? "was" : "were"));
    if (later)
        out.notes.push_back(fmt::format("{} entr{} after today {} left out", later,
                                        later == 1 ? "y" : "ies", later == 1 ? "was" : "were"));
    return out;
}

} // namespace kint::loop
