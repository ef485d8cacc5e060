#include "kint/domain/review.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/period.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/domain/review_long.hpp"
#include "kint/domain/strength.hpp"
#include "kint/domain/trail.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace kint::review {

namespace {

using std::chrono::days;

std::string lower_trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
    int n = 0;
    for (char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

Day week1_monday(int year) {
    const Day jan4{std::chrono::year{year} / std::chrono::January / 4};
    return jan4 - days{weekday_index(jan4)};
}

std::string iso_week_name(IsoWeek w) {
    return fmt::format("{:04}-W{:02}", w.year, w.week);
}

// "YYYY-Www", "YYYYWww" (1 or 2 week digits); nullopt when `text` does not look like one.
std::optional<IsoWeek> parse_iso_week_shape(std::string_view text) {
    if (text.size() < 6 || !all_digits(text.substr(0, 4))) return std::nullopt;
    std::string_view rest = text.substr(4);
    if (rest.front() == '-') rest.remove_prefix(1);
    if (rest.empty() || rest.front() != 'w') return std::nullopt;
    rest.remove_prefix(1);
    if (rest.size() > 2 || !all_digits(rest)) return std::nullopt;
    return IsoWeek{to_int(text.substr(0, 4)), to_int(rest)};
}

DayValues by_day(const std::vector<Rating>& ratings, RatingKind kind) {
    DayValues out; // a later rating of the same kind and day replaces the earlier one
    for (const auto& r : ratings)
        if (r.kind == kind) out[r.day] = r.value;
    return out;
}

std::optional<double> mean(double sum, int count) {
    if (count == 0) return std::nullopt;
    return sum / count;
}

// The plan fields the tallies read, in force on a day, without copying the trigger.
struct PlanView {
    CueKind kind;
    const Schedule* days;
    const std::optional<Per>* per;
};
PlanView plan_view(const Cue& cue, Day day) {
    for (const auto& p : cue.plans)
        if (day < p.until) return {p.kind, &p.days, &p.per};
    return {cue.kind, &cue.days, &cue.per};
}

// One day as the tallies and the calendar see it.
struct DayView {
    DayMark mark = DayMark::not_scheduled;
    bool counted = false; // in the tallies (scheduled, or an if-then entry)
};

// The mark of each day of a period, by its distance from the first: until a day is tallied,
// not_scheduled, or future after today.
class DayMarks {
  public:
    DayMarks() = default;
    DayMarks(const Period& p, Day today) : m_from(p.from) {
        m_marks.resize(static_cast<std::size_t>(std::max(0, p.length())), DayMark::not_scheduled);
        for (Day d = std::max(p.from, today + days{1}); d <= p.to; d += days{1})
            (*this)[d] = DayMark::future;
    }
    DayMark& operator[](Day d) { return m_marks[static_cast<std::size_t>((d - m_from).count())]; }
    DayMark operator[](Day d) const {
        return m_marks[static_cast<std::size_t>((d - m_from).count())];
    }
    std::vector<DayMark> take() && { return std::move(m_marks); }

  private:
    Day m_from;
    std::vector<DayMark> m_marks;
};

struct Tally {
    int scheduled = 0, done = 0, skipped = 0, slipped = 0, missed = 0, unmet = 0;
    int effective = 0, counted_done = 0; // the consistency's denominator and numerator
    double amount_total = 0;
    std::vector<std::pair<Day, double>> amounts;
    std::vector<PerTarget> targets;
    DayMarks marks; // every day of the period
    std::optional<double> consistency() const {
        if (effective <= 0) return std::nullopt;
        return std::min(1.0, static_cast<double>(counted_done) / effective);
    }
};

struct Chunk {
    Per per;
    PerTarget t;
    int over = 0, left = 0;
};

// A day inside one of the cue's pauses while it lives (created, not archived yet).
bool paused_on(const Cue& cue, Day d) {
    return d >= cue.created && (!cue.archived_on || d < *cue.archived_on) &&
           std::any_of(cue.pauses.begin(), cue.pauses.end(),
                       [&](const Pause& p) { return p.covers(d); });
}

Tally tally(const Cue& cue, const strength::Trail& trail, const Period& p, Day today,
            int week_starts) {
    Tally t;
    t.marks = DayMarks(p, today);
    // --per days by the first day of their week (--per N/week) or of the period (--per N/Md),
    // the two kinds apart: a plan changed from one to the other in a week that begins the period
    // is two chunks with a target each, not one under the first plan.
    std::map<std::pair<Day, bool>, Chunk> chunks;
    // The days go forward one at a time: the trail's entries are walked beside them, not looked up.
    auto next = trail.lower_bound(p.from);
    for (Day d = p.from; d <= p.to; d += days{1}) {
        const PlanView plan = plan_view(cue, d);
        while (next != trail.end() && next->first < d)
            ++next;
        const strength::Logged* e =
            next != trail.end() && next->first == d ? &next->second : nullptr;
        const bool active = cue.active_on(d);
        const bool over = d < today || (d == today && e);
        if (*plan.per && plan.kind != CueKind::if_) {
            const Per& per = **plan.per;
            const Day key = per.week ? std::max(week_of(d, week_starts).from, p.from) : p.from;
            auto [c, fresh] = chunks.try_emplace({key, per.week});
            if (fresh) {
                c->second.per = per;
                c->second.t.from = key;
            }
            c->second.t.to = d;
            if (d > today) {
                if (active) ++c->second.left;
                continue;
            }
            if (!active) {
                if (e && e->status == LogStatus::done)
                    t.marks[d] = DayMark::extra;
                else if (paused_on(cue, d))
                    t.marks[d] = DayMark::paused;
                continue;
            }
            if (e && e->status == LogStatus::skip) {
                ++t.skipped;
                t.marks[d] = DayMark::skip;
                continue;
            }
            over ? ++c->second.over : ++c->second.left;
            if (!e) continue; // not_scheduled, or open (below, once the week is known)
            if (e->status == LogStatus::done) {
                ++c->second.t.done;
                t.marks[d] = DayMark::done;
                if (const auto& m = cue.step_on(d).measure) {
                    const double a = e->amount.value_or(m->target);
                    c->second.t.amount += a;
                    t.amount_total += a;
                    t.amounts.emplace_back(d, a);
                }
            } else {
                ++t.slipped;
                t.marks[d] = DayMark::slip;
            }
            continue;
        }
        if (d > today) continue;
        const bool situation = plan.kind == CueKind::if_;
        const bool on_plan = situation || plan.days->on(d);
        if (!active || !on_plan) {
            if (e && e->status == LogStatus::done)
                t.marks[d] = DayMark::extra;
            else if (on_plan && paused_on(cue, d))
                t.marks[d] = DayMark::paused;
            continue;
        }
        if (situation && !e) continue; // the situation did not arise
        if (!over) {
            t.marks[d] = DayMark::open;
            continue;
        }
        ++t.scheduled;
        const auto& measure = cue.step_on(d).measure;
        DayMark mark = DayMark::missed;
        if (e && e->status == LogStatus::skip) {
            mark = DayMark::skip;
        } else if (e && e->status == LogStatus::slip) {
            mark = DayMark::slip;
        } else if (measure) {
            const double a = e ? e->amount.value_or(measure->target) : 0.0;
            if (e) {
                t.amount_total += a;
                t.amounts.emplace_back(d, a);
            }
            mark = strength::meets(*measure, a) && (e || measure->at_most) ? DayMark::done
                   : e                                                     ? DayMark::unmet
                                                                           : DayMark::missed;
        } else if (e) {
            mark = DayMark::done;
        }
        t.marks[d] = mark;
        switch (mark) {
        case DayMark::skip:
            ++t.skipped;
            break;
        case DayMark::slip:
            ++t.slipped;
            ++t.effective;
            break;
        case DayMark::done:
            ++t.done;
            ++t.counted_done;
            ++t.effective;
            break;
        case DayMark::unmet:
            ++t.unmet;
            ++t.effective;
            break;
        default:
            ++t.missed;
            ++t.effective;
        }
    }
    for (auto& [key, c] : chunks) {
        c.t.target = period::prorated(c.per, c.over + c.left);
        c.t.unfinished = c.left > 0;
        // Not over yet: only what is done so far counts, or what the days left can no longer
        // reach.
        c.t.counted = std::min(c.t.target, std::max(c.t.done, c.t.target - c.left));
        t.scheduled += c.t.counted;
        t.effective += c.t.counted;
        t.done += c.t.done;
        t.counted_done += std::min(c.t.done, c.t.counted);
        t.missed += std::max(0, c.t.counted - c.t.done);
        if (c.t.done < c.t.target && cue.active_on(today) && today >= c.t.from && today <= c.t.to &&
            !trail.contains(today))
            t.marks[today] = DayMark::open;
        t.targets.push_back(c.t);
    }
    return t;
}

bool has_tag(const JournalEntry& e, std::string_view tag) {
    return std::any_of(e.tags.begin(), e.tags.end(),
                       [&](const std::string& t) { return lower_trimmed(t) == tag; });
}

bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

void sort_by_day(std::vector<Note>& notes) {
    std::stable_sort(notes.begin(), notes.end(),
                     [](const Note& a, const Note& b) { return a.day < b.day; });
}

} // namespace

Period week_of(Day day, int week_starts) {
    const int start = ((week_starts % 7) + 7) % 7;
    const Day from = day - days{(weekday_index(day) - start + 7) % 7};
    return Period{from, from + days{6}};
}

IsoWeek iso_week(Day day) {
    const Day thursday = day + days{3 - weekday_index(day)};
    const int year = static_cast<int>(std::chrono::year_month_day{thursday}.year());
    return IsoWeek{year, static_cast<int>((thursday - week1_monday(year)).count() / 7) + 1};
}

std::optional<IsoWeek> week_name(Day from, Day to, int week_starts) {
    if ((to - from).count() != 6 || weekday_index(from) != week_starts) return std::nullopt;
    return iso_week(from + days{(7 - weekday_index(from)) % 7});
}

int iso_weeks_in_year(int year) {
    return static_cast<int>((week1_monday(year + 1) - week1_monday(year)).count() / 7);
}

std::optional<Day> iso_week_monday(int year, int week) {
    if (week < 1 || week > iso_weeks_in_year(year)) return std::nullopt;
    return week1_monday(year) + days{7 * (week - 1)};
}

namespace {
// The week named by --week `which`, refused when it reaches outside the days kint keeps.
Period week_within_range(Period p, std::string_view which) {
    const std::string what = fmt::format("--week '{}'", which);
    return Period{add_days(p.from, 0, what), add_days(p.to, 0, what)};
}

Period week_period_unchecked(std::string_view which, Day today, int week_starts) {
    const std::string word = lower_trimmed(which);
    if (word == "this") return week_of(today, week_starts);
    if (word == "last") return previous(week_of(today, week_starts));
    if (auto w = parse_iso_week_shape(word)) {
        if (w->year < 1900)
            throw UsageError(fmt::format("'{}' is too long ago; give a week like {}", which,
                                         iso_week_name(iso_week(today))));
        const auto monday = iso_week_monday(w->year, w->week);
        if (!monday)
            throw UsageError(fmt::format("'{}' is not a week: {} has ISO weeks {:04}-W01 to "
                                         "{:04}-W{:02}; this week is {}",
                                         which, w->year, w->year, w->year,
                                         iso_weeks_in_year(w->year),
                                         iso_week_name(iso_week(today))));
        return week_of(*monday, week_starts);
    }
    // A day in any form the other day arguments take: the week holding it.
    if (word == "today" || word == "yesterday" || word.starts_with('-'))
        return week_of(parse_day(word, today), week_starts);
    if (auto day = parse_iso_day(word)) return week_of(*day, week_starts);
    throw UsageError(fmt::format("'{}' is not a week; use --week this, last, an ISO week like {} "
                                 "or a day (YYYY-MM-DD, yesterday or -N)",
                                 which, iso_week_name(iso_week(today))));
}
} // namespace

Period week_period(std::string_view which, Day today, int week_starts) {
    return week_within_range(week_period_unchecked(which, today, week_starts), which);
}

Period range_period(Day since, Day until, bool until_given) {
    // Name only what the person typed: a missing --until is today.
    const std::string end = until_given ? fmt::format("--until {}", format_day(until))
                                        : fmt::format("today ({})", format_day(until));
    if (since > until)
        throw UsageError(fmt::format("--since {} is after {}; {}", format_day(since), end,
                                     until_given ? "give the earlier day to --since"
                                                 : "give a day up to today, or an --until on or "
                                                   "after it"));
    // A slip of the keys (9197 for 2017) would otherwise draw thousands of years day by day.
    const Period p{since, until};
    if (p.length() > max_period_days)
        throw UsageError(fmt::format("--since {} to {} is {} days; a review covers up to 100 "
                                     "years ({} days): choose days closer together",
                                     format_day(since), end, p.length(), max_period_days));
    return p;
}

Period resolve_period(const std::optional<std::string>& week, std::optional<Day> since,
                      std::optional<Day> until, Day today, int week_starts) {
    if (week && (since || until))
        throw UsageError("--week and --since/--until both choose the period; give one of them");
    if (week) return week_period(*week, today, week_starts);
    if (since || until) {
        const Day to = until.value_or(today);
        return range_period(since ? *since : add_days(to, -6, "a week before --until"), to,
                            until.has_value());
    }
    return week_period("last", today, week_starts);
}

Period month_period(std::string_view which, Day today) {
    const std::string word = lower_trimmed(which);
    const auto this_month = std::chrono::year_month_day{today};
    std::chrono::year_month ym{this_month.year(), this_month.month()};
    if (word == "this") {
    } else if (word == "last") {
        ym -= std::chrono::months{1};
    } else if (word.size() == 7 && all_digits(word.substr(0, 4)) && word[4] == '-' &&
               all_digits(word.substr(5)) && to_int(word.substr(5)) >= 1 &&
               to_int(word.substr(5)) <= 12) {
        const int year = to_int(word.substr(0, 4));
        if (year < 1900)
            throw UsageError(fmt::format("'{}' is too long ago; give a month like {:04}-{:02}",
                                         which, static_cast<int>(this_month.year()),
                                         static_cast<unsigned>(this_month.month())));
        ym = std::chrono::year{year} /
             std::chrono::month{static_cast<unsigned>(to_int(word.substr(5)))};
    } else {
        throw UsageError(fmt::format("'{}' is not a month; use --month this, last or a month like "
                                     "{:04}-{:02}",
                                     which, static_cast<int>(this_month.year()),
                                     static_cast<unsigned>(this_month.month())));
    }
    const Day first{ym / std::chrono::day{1}};
    const Day last{ym / std::chrono::last};
    const std::string what = fmt::format("--month '{}'", which);
    return Period{add_days(first, 0, what), add_days(last, 0, what)};
}

Period resolve_period(const std::optional<std::string>& week,
                      const std::optional<std::string>& month, std::optional<Day> since,
                      std::optional<Day> until, Day today, int week_starts) {
    if (month && week)
        throw UsageError("--month and --week both choose the period; give one of them");
    if (month && (since || until))
        throw UsageError("--month and --since/--until both choose the period; give one of them");
    if (month) return month_period(*month, today);
    return resolve_period(week, since, until, today, week_starts);
}

Period previous(const Period& p) {
    const days length{p.length()};
    return Period{p.from - length, p.from - days{1}};
}

Fetch fetch_ranges(const Period& p) {
    const days margin{ratings_margin_days};
    return Fetch{DayRange{std::nullopt, p.to}, DayRange{previous(p).from - margin, p.to + margin},
                 DayRange{p.from, p.to}};
}

DayRange wide_ratings(const Period& p) {
    const days margin{safety_margin_days};
    return DayRange{previous(p).from - margin, p.to + margin};
}

bool low_run_at_edge(const std::vector<Rating>& ratings, const DayRange& fetched, const Period& p,
                     const config::Safety& rule) {
    // Low days a window apart or closer may share one: chained, they bound how far a stretch
    // overlapping `p` could reach. An unread low day can join a chain only when the chain comes
    // within a window of the fetched range's edge.
    const days reach{std::max(rule.low_mood_window, 1) - 1};
    std::vector<Day> low;
    for (const auto& r : ratings)
        if (r.kind == RatingKind::mood && r.value <= rule.low_mood_max) low.push_back(r.day);
    std::sort(low.begin(), low.end());
    low.erase(std::unique(low.begin(), low.end()), low.end());
    for (std::size_t i = 0, j = 0; i < low.size(); i = j) {
        j = i + 1;
        while (j < low.size() && low[j] - low[j - 1] <= reach)
            ++j;
        const Day first = low[i], last = low[j - 1];
        const bool near_since = fetched.since && first <= *fetched.since + reach - days{1};
        const bool near_until = fetched.until && last >= *fetched.until - reach + days{1};
        const bool inside = std::any_of(low.begin() + static_cast<std::ptrdiff_t>(i),
                                        low.begin() + static_cast<std::ptrdiff_t>(j),
                                        [&](Day d) { return p.contains(d); });
        // A chain can make a window overlapping `p` with a low day in it, or by crossing it,
        // which an unread low day on the far side of `p` could do.
        if ((inside || (last < p.from && near_until) || (first > p.to && near_since)) &&
            (near_since || near_until))
            return true;
    }
    return false;
}

DayRange log_range(const Cue& cue, const Period& p, Day strength_from) {
    Day from = std::min(previous(p).from, strength_from);
    for (Day d = p.from; d <= p.to; d += days{1})
        from = std::min(from, trail::comeback_since(cue, d));
    return DayRange{from, p.to};
}

bool reportable(const Cue& cue, const Period& p) {
    if (cue.created > p.to) return false;
    // The day a cue is archived is not scheduled: archived on the period's first day, it has
    // nothing in it.
    if (cue.archived_on) return *cue.archived_on > p.from;
    return cue.status != CueStatus::archived;
}

std::string_view to_string(Suggestion s) {
    switch (s) {
    case Suggestion::keep:
        return "keep";
    case Suggestion::shrink:
        return "shrink";
    case Suggestion::expand:
        return "expand";
    }
    return "keep";
}

std::string_view to_string(DayMark m) {
    switch (m) {
    case DayMark::done:
        return "done";
    case DayMark::skip:
        return "skip";
    case DayMark::slip:
        return "slip";
    case DayMark::missed:
        return "missed";
    case DayMark::not_scheduled:
        return "not_scheduled";
    case DayMark::paused:
        return "paused";
    case DayMark::future:
        return "future";
    case DayMark::extra:
        return "extra";
    case DayMark::open:
        return "open";
    case DayMark::unmet:
        return "unmet";
    }
    return "not_scheduled";
}

double strength_multiplier() {
    return strength::multiplier(1.0);
}

DayValues mood_by_day(const std::vector<Rating>& ratings) {
    return by_day(ratings, RatingKind::mood);
}

std::vector<DayMark> day_marks(const Cue& cue, const strength::Trail& trail, const Period& period,
                               Day today, int week_starts) {
    return std::move(tally(cue, trail, period, today, week_starts).marks).take();
}

std::vector<std::pair<Day, DayMark>> calendar(const Cue& cue, const strength::Trail& trail,
                                              const Period& period, Day today, int week_starts) {
    const auto marks = day_marks(cue, trail, period, today, week_starts);
    std::vector<std::pair<Day, DayMark>> out;
    out.reserve(marks.size());
    for (std::size_t i = 0; i < marks.size(); ++i)
        out.emplace_back(period.from + days{static_cast<int>(i)}, marks[i]);
    return out;
}

CueReport cue_report(const Cue& cue, const std::vector<LogEntry>& logs, const DayValues& mood,
                     const Period& period, Day today, const config::Config& config,
                     const std::optional<strength::Checkpoint>& checkpoint,
                     const std::vector<Period>& weeks) {
    CueReport r;
    r.cue = cue;
    const Day end = std::min(period.to, today);
    {
        const Plan plan = cue.plan_on(std::max(end, cue.created));
        r.situation = plan.kind == CueKind::if_;
        r.per = r.situation ? std::nullopt : plan.per;
        r.measure = cue.step_on(end).measure;
    }
    const auto trail = strength::trail_of(logs, cue.id);
    const auto statuses = trail::effective(logs, cue.id);

    Tally now = tally(cue, trail, period, today, config.week_starts);
    double done_sum = 0, other_sum = 0;
    int done_n = 0, other_n = 0;
    for (Day d = period.from; d <= period.to; d += days{1}) {
        const DayMark mark = now.marks[d];
        if (mark == DayMark::done && trail::is_comeback(cue, statuses, d)) ++r.comebacks;
        const bool done = mark == DayMark::done;
        const bool other = mark == DayMark::skip || mark == DayMark::slip ||
                           mark == DayMark::missed || mark == DayMark::unmet;
        if (const auto m = mood.find(d); m != mood.end() && (done || other)) {
            (done ? done_sum : other_sum) += m->second;
            ++(done ? done_n : other_n);
        }
        r.calendar.emplace_back(d, mark);
    }

    r.scheduled_days = now.scheduled;
    r.done_days = now.done;
    r.skipped_days = now.skipped;
    r.slipped_days = now.slipped;
    r.missed_days = now.missed;
    r.unmet_days = now.unmet;
    r.occurrences = now.done + now.unmet + now.slipped;
    r.consistency = now.consistency();
    r.targets = std::move(now.targets);
    r.amounts = std::move(now.amounts);
    r.amount_total = now.amount_total;
    const Period before = previous(period);
    r.previous_consistency = tally(cue, trail, before, today, config.week_starts).consistency();
    r.mood_on_done_days = mean(done_sum, done_n);
    r.mood_on_other_days = mean(other_sum, other_n);

    // An archived cue is closed: nothing to shrink or expand (keep). The days that judge a
    // figure: scheduled minus skipped, an if-then cue's occurrences, a --per cue's targets.
    const bool open = !cue.archived_on;
    const bool old_enough = (period.to - cue.created).count() >= 14;
    if (open && now.effective >= 4 && r.consistency && *r.consistency < 0.5)
        r.suggestion = Suggestion::shrink;
    else if (open && old_enough && r.consistency && *r.consistency >= 0.85 &&
             r.previous_consistency && *r.previous_consistency >= 0.85)
        r.suggestion = Suggestion::expand;

    // Loop Habit Tracker's score (strength.hpp): done pulls toward 1, a slip or a missed day
    // decays, skips and off days leave it be, so one slip dents the trail and never wipes it out.
    // One pass for the period before, each week's end and the period's end (ascending).
    std::vector<Day> wanted{std::min(before.to, today)};
    for (const auto& w : weeks)
        wanted.push_back(std::min(w.to, today));
    wanted.push_back(end);
    const auto s = strength::at(cue, trail, cue.created, today, wanted, checkpoint);
    if (cue.created <= before.to) r.previous_strength = s.front();
    r.strength = s.back();
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const Tally t = tally(cue, trail, weeks[i], today, config.week_starts);
        r.weeks.push_back({weeks[i], t.scheduled, t.done, s[i + 1]});
    }
    for (std::size_t i = 1; i < cue.steps.size(); ++i)
        if (period.contains(cue.steps[i].day))
            r.steps_changed.push_back({cue.steps[i], cue.steps[i - 1].behavior});

    r.phase = phases::habit_phase(config.habit_phases, cue.created, period.to);
    r.week = phases::habit_week(cue.created, period.to);
    return r;
}

Stats stats(const std::vector<Rating>& ratings, RatingKind kind, const Period& period) {
    Stats st;
    const auto values = by_day(ratings, kind);
    double sum = 0, previous_sum = 0;
    const Period before = previous(period);
    for (const auto& [day, value] : values) {
        if (period.contains(day)) {
            st.values.emplace_back(day, value);
            sum += value;
            st.min = st.min ? std::min(*st.min, value) : value;
            st.max = st.max ? std::max(*st.max, value) : value;
        } else if (before.contains(day)) {
            previous_sum += value;
            ++st.previous_days_rated;
        }
    }
    st.days_rated = static_cast<int>(st.values.size());
    st.average = mean(sum, st.days_rated);
    st.previous_average = mean(previous_sum, st.previous_days_rated);
    return st;
}

Report build(const Input& in) {
    const Period& p = in.period;
    Report out;
    out.period = p;

    for (const auto& i : in.intentions) {
        if (i.created > p.to) continue;
        // An archived intention without a day is taken as archived before any period we review.
        if (i.archived && !(i.archived_on && *i.archived_on >= p.from)) continue;
        out.intentions.push_back(i);
    }

    std::vector<Id> cue_ids;
    const auto mood = mood_by_day(in.ratings);
    auto long_part = std::make_shared<LongView>();
    long_part->by_week = long_view::by_week(p);
    if (long_part->by_week) long_part->weeks = long_view::weeks_in(p, in.config.week_starts);
    for (const auto& c : in.cues) {
        if (!reportable(c, p)) continue;
        const auto kept = in.checkpoints.find(c.id);
        out.cues.push_back(cue_report(c, in.logs, mood, p, in.today, in.config,
                                      kept == in.checkpoints.end()
                                          ? std::nullopt
                                          : std::optional<strength::Checkpoint>(kept->second),
                                      long_part->weeks));
        long_part->mood_links.push_back(long_view::mood_link(out.cues.back().calendar, mood));
        cue_ids.push_back(c.id);
    }
    if (long_part->by_week) {
        long_part->mood = long_view::mood_weeks(mood, long_part->weeks);
        long_part->energy =
            long_view::mood_weeks(by_day(in.ratings, RatingKind::energy), long_part->weeks);
    }
    out.long_view = std::move(long_part);
    for (const auto& s : in.sessions)
        if (p.contains(s.day)) out.sessions.push_back(s);
    std::stable_sort(out.sessions.begin(), out.sessions.end(),
                     [](const Session& a, const Session& b) { return a.day < b.day; });

    out.mood = stats(in.ratings, RatingKind::mood, p);
    out.energy = stats(in.ratings, RatingKind::energy, p);

    for (const auto& e : in.journal) {
        if (!p.contains(e.day) || blank(e.text)) continue;
        const Note note{e.day, e.text, std::nullopt, e.id, "journal"};
        if (has_tag(e, "win")) out.wins.push_back(note);
        if (has_tag(e, "obstacle")) out.obstacles.push_back(note);
    }
    // Every note counts, also one on a slip later turned done the same day: the obstacle was real.
    for (const auto& e : in.logs) {
        if (!p.contains(e.day) || !e.note || blank(*e.note)) continue;
        if (std::find(cue_ids.begin(), cue_ids.end(), e.cue_id) == cue_ids.end()) continue;
        const Note note{e.day, *e.note, e.cue_id, std::nullopt, "log"};
        if (e.status == LogStatus::done) out.wins.push_back(note);
        if (e.status == LogStatus::slip) out.obstacles.push_back(note);
    }
    sort_by_day(out.wins);
    sort_by_day(out.obstacles);
    for (const auto& rating : in.ratings)
        if (p.contains(rating.day) && rating.note && !blank(*rating.note))
            out.rating_notes.push_back(rating);
    std::stable_sort(out.rating_notes.begin(), out.rating_notes.end(),
                     [](const Rating& a, const Rating& b) { return a.day < b.day; });

    out.phase = phases::timeline_position(in.config.timeline, in.sessions, p.to);
    const Day ahead = p.to + days{1};
    const auto ahead_position = phases::timeline_position(in.config.timeline, in.sessions, ahead);
    out.safety = safety::check_period(in.ratings, in.config.safety, p.from, p.to);
    // After a hard stretch, the week ahead offers only gentle prompts.
    out.prompts =
        prompts::for_day(in.config.prompts, phases::phase_tag(ahead_position, in.sessions, ahead),
                         ahead, 3, out.safety.triggered);
    return out;
}

} // namespace kint::review
