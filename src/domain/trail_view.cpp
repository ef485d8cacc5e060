#include "kint/domain/trail_view.hpp"

#include <algorithm>
#include <array>

namespace kint::trail_view {

using std::chrono::days;

std::string_view to_string(Status s) {
    switch (s) {
    case Status::done:
        return "done";
    case Status::skip:
        return "skip";
    case Status::slip:
        return "slip";
    case Status::missed:
        return "missed";
    case Status::paused:
        return "paused";
    case Status::open:
        return "open";
    case Status::not_scheduled:
        break;
    }
    return "not_scheduled";
}

namespace {

// A day's status from its mark; not_scheduled also for a day off the schedule the cue was
// paused on (status_of below tells them apart).
constexpr Status status_of(review::DayMark mark) {
    using review::DayMark;
    switch (mark) {
    case DayMark::done:
    case DayMark::extra:
        return Status::done;
    case DayMark::skip:
        return Status::skip;
    case DayMark::slip:
    case DayMark::unmet:
        return Status::slip;
    case DayMark::missed:
        return Status::missed;
    case DayMark::open:
        return Status::open;
    case DayMark::paused:
        return Status::paused;
    default:
        return Status::not_scheduled;
    }
}

// status_of for each mark, and each number a packed week's day holds (one no week packs to, from
// a week kept whole by another kint, shows missed): a trail looks years of days up, no branch.
constexpr std::size_t marks_count = static_cast<std::size_t>(review::DayMark::unmet) + 1;
constexpr auto status_table = [] {
    std::array<Status, marks_count> t{};
    for (std::size_t i = 0; i < t.size(); ++i)
        t[i] = status_of(static_cast<review::DayMark>(i));
    return t;
}();
constexpr auto kept_marks = [] {
    std::array<review::DayMark, 16> t{};
    for (std::size_t i = 0; i < t.size(); ++i)
        t[i] = i < marks_count ? static_cast<review::DayMark>(i) : review::DayMark::missed;
    return t;
}();
// Two days of a packed week from one of its bytes (the earlier day in the low half).
constexpr auto kept_pairs = [] {
    std::array<std::array<review::DayMark, 2>, 256> t{};
    for (std::size_t i = 0; i < t.size(); ++i)
        t[i] = {kept_marks[i & 0xFU], kept_marks[i >> 4]};
    return t;
}();

} // namespace

Status status_of(const Cue& cue, Day day, review::DayMark mark) {
    const Status s = status_of(mark);
    if (s != Status::not_scheduled) return s;
    // Also a paused day off the schedule: the heatmap shows a pause whole.
    const bool paused = std::any_of(cue.pauses.begin(), cue.pauses.end(),
                                    [&](const Pause& p) { return p.covers(day); });
    return paused ? Status::paused : Status::not_scheduled;
}

std::optional<Period> span_of(const Cue& cue, std::optional<Day> since, std::optional<Day> until,
                              Day today) {
    const Day from = std::max(cue.created, since.value_or(cue.created));
    Day to = std::min(until.value_or(today), today);
    if (cue.archived_on) to = std::min(to, *cue.archived_on - days{1});
    if (from > to) return std::nullopt;
    return Period{from, to};
}

std::vector<Day> week_ends(const Period& p, int week_starts) {
    std::vector<Day> out;
    // Each long vector of a trail is sized once: grown by doubling, ten years of ten cues drew
    // the heap out a page at a time past what it ever held (a page first touched costs a fault).
    out.reserve(static_cast<std::size_t>(std::max(0, p.length())) / 7 + 1);
    for (Day d = review::week_of(p.from, week_starts).to; d <= p.to; d += days{7})
        out.push_back(d);
    return out;
}

std::uint32_t pack_week(const std::vector<std::pair<Day, review::DayMark>>& calendar, Day sunday) {
    std::uint32_t out = 0;
    const Day monday = sunday - days{6};
    auto at = std::lower_bound(calendar.begin(), calendar.end(), monday,
                               [](const auto& entry, Day d) { return entry.first < d; });
    for (int i = 0; i < 7; ++i) {
        const Day d = monday + days{i};
        review::DayMark mark = review::DayMark::not_scheduled;
        if (at != calendar.end() && at->first == d) mark = (at++)->second;
        out |= static_cast<std::uint32_t>(mark) << (4 * i);
    }
    return out;
}

std::optional<review::DayMark> unpack_day(std::uint32_t week, int i) {
    const auto v = (week >> (4 * i)) & 0xFu;
    if (v > static_cast<std::uint32_t>(review::DayMark::unmet)) return std::nullopt;
    return static_cast<review::DayMark>(v);
}

CueTrail cue_trail(const CueInput& in, const Period& span, const long_view::MoodRow& mood,
                   Day today, const config::Config& config) {
    CueTrail t;
    t.cue = in.cue;
    t.span = span;
    const auto& trail = in.trail;
    // Each day's mark by its place from span.from, a byte a day (ten years of ten cues): the
    // weeks kept with the checkpoints give theirs (the first of them holds span.from), the
    // review's calendar, the one rule of a day's mark, the rest.
    std::vector<review::DayMark> marks;
    std::optional<strength::Checkpoint> from = in.checkpoint;
    Day rest = span.from;
    if (!in.kept.empty()) {
        marks.reserve(static_cast<std::size_t>(span.length()));
        for (const auto& w : in.kept) {
            const Day monday = w.checkpoint.day - days{6};
            if (span.contains(monday) && span.contains(w.checkpoint.day)) { // the whole week
                std::array<review::DayMark, 8> week;
                for (std::size_t k = 0; k < 4; ++k) {
                    const auto& pair = kept_pairs[(w.marks >> (8 * k)) & 0xFFU];
                    week[2 * k] = pair[0];
                    week[2 * k + 1] = pair[1];
                }
                marks.insert(marks.end(), week.begin(), week.begin() + 7);
                continue;
            }
            for (int i = 0; i < 7; ++i)
                if (span.contains(monday + days{i}))
                    marks.push_back(kept_marks[(w.marks >> (4 * i)) & 0xFU]);
        }
        from = in.kept.back().checkpoint;
        rest = from->day + days{1};
    }
    if (rest <= span.to) {
        auto tail = review::day_marks(in.cue, trail, {rest, span.to}, today, config.week_starts);
        if (marks.empty())
            marks = std::move(tail);
        else
            marks.insert(marks.end(), tail.begin(), tail.end());
    }
    t.days.resize(marks.size());
    for (std::size_t i = 0; i < marks.size(); ++i)
        t.days[i] = status_table[static_cast<std::size_t>(marks[i])];
    // The paused days of the span, by place: status_of's rule for a day off the schedule, without
    // asking every pause for each of thousands of days.
    if (!marks.empty()) {
        const Day last = span.from + days{static_cast<int>(marks.size()) - 1};
        for (const auto& p : in.cue.pauses)
            for (Day d = std::max(p.from, span.from); d <= last && p.covers(d); d += days{1})
                if (auto& s = t.days[static_cast<std::size_t>((d - span.from).count())];
                    s == Status::not_scheduled)
                    s = Status::paused;
    }
    t.done_days = static_cast<int>(std::count(t.days.begin(), t.days.end(), Status::done));
    t.mood_link = long_view::mood_link(span.from, marks, mood);

    // One pass for every week's end: from the checkpoint where the span starts late, else from
    // the creation.
    // The kept weeks' ends are the first of the span's (kept only where weeks end on Sunday).
    auto ends = week_ends(span, config.week_starts);
    t.strength.reserve(ends.size());
    const std::size_t kept = std::min(in.kept.size(), ends.size());
    for (std::size_t i = 0; i < kept; ++i)
        t.strength.push_back(in.kept[i].checkpoint);
    ends.erase(ends.begin(), ends.begin() + static_cast<std::ptrdiff_t>(kept));
    if (!ends.empty()) {
        const auto values = strength::at(in.cue, trail, in.cue.created, today, ends, from);
        for (std::size_t i = 0; i < ends.size(); ++i)
            t.strength.push_back({ends[i], values[i]});
    }
    for (const auto& s : in.cue.steps)
        if (span.contains(s.day)) t.steps.push_back(s);
    for (const auto& p : in.cue.pauses)
        if (p.from <= span.to && (!p.until || *p.until > span.from)) t.pauses.push_back(p);
    return t;
}

Period view_span(const std::vector<Cue>& cues, std::optional<Day> since, std::optional<Day> until,
                 Day today) {
    std::optional<Period> all;
    for (const auto& c : cues) {
        const auto s = span_of(c, since, until, today);
        if (!s) continue;
        all = all ? Period{std::min(all->from, s->from), std::max(all->to, s->to)} : *s;
    }
    if (all) return *all;
    const Day to = std::min(until.value_or(today), today);
    return {std::min(since.value_or(to), to), to};
}

Frame frame(const std::vector<Cue>& cues, const review::DayValues& mood,
            const std::vector<Session>& sessions, std::optional<Day> since,
            std::optional<Day> until, Day today, const config::Config& config) {
    Frame f;
    f.today = today;
    f.week_starts = config.week_starts;
    f.span = view_span(cues, since, until, today);
    for (const auto& s : sessions)
        if (f.span.contains(s.day)) f.sessions.push_back(s);
    std::sort(f.sessions.begin(), f.sessions.end(),
              [](const Session& a, const Session& b) { return a.day < b.day; });
    review::DayValues in_span;
    for (const auto& [day, value] : mood)
        if (f.span.contains(day)) in_span[day] = value;
    f.mood_weeks = long_view::mood_weeks(in_span, long_view::weeks_in(f.span, config.week_starts));
    return f;
}

View build(const std::vector<CueLogs>& cues, const std::vector<Rating>& ratings,
           const std::vector<Session>& sessions, std::optional<Day> since, std::optional<Day> until,
           Day today, const config::Config& config) {
    std::vector<Cue> plain;
    for (const auto& c : cues)
        plain.push_back(c.cue);
    const auto mood = review::mood_by_day(ratings);
    View v;
    static_cast<Frame&>(v) = frame(plain, mood, sessions, since, until, today, config);
    const long_view::MoodRow row(mood, v.span.from, v.span.to + days{1});
    for (const auto& c : cues)
        if (const auto s = span_of(c.cue, since, until, today))
            v.cues.push_back(cue_trail({c.cue, strength::trail_of(c.logs, c.cue.id), c.checkpoint},
                                       *s, row, today, config));
    return v;
}

} // namespace kint::trail_view
