#pragma once
// The weekly review (SPEC §5): pure maths over plain records. The caller loads what `fetch_ranges`
// asks for, `build` turns it into a Report, renderers draw it. No SQL, no clock, no output here.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/phases.hpp"
#include "kint/domain/safety.hpp"
#include "kint/domain/strength.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kint::review {

// An inclusive range of days.
struct Period {
    Day from, to;
    int length() const { return static_cast<int>((to - from).count()) + 1; }
    bool contains(Day day) const { return day >= from && day <= to; }
    bool operator==(const Period&) const = default;
};

// The week of `week_starts` (0 = Monday ... 6 = Sunday) that contains `day`.
Period week_of(Day day, int week_starts);

// An ISO 8601 week: the Monday-based week containing the year's first Thursday is week 1.
struct IsoWeek {
    int year = 0, week = 0;
    bool operator==(const IsoWeek&) const = default;
};
IsoWeek iso_week(Day day);
// The Monday of ISO week `week` of `year`; nullopt when the year has no such week.
std::optional<Day> iso_week_monday(int year, int week);
// 52 or 53.
int iso_weeks_in_year(int year);
// The ISO week a period that is one whole week (seven days from `week_starts`) is named by: the
// week of its Monday, whichever day the week starts on (so --week 2026-W47 with Sunday weeks is
// titled W47); nullopt for any other period (Friday to Thursday spans two ISO weeks).
std::optional<IsoWeek> week_name(Day from, Day to, int week_starts);

// `--week`: "this" (the week containing today), "last" (the week before: the last complete week),
// "YYYY-Www" / "YYYYWww" (ISO week number), or a day YYYY-MM-DD (the week containing it). Words
// and the W are case-insensitive. With week_starts other than Monday, an ISO week names the week of
// `week_starts` that contains the ISO week's Monday (sunday-weeks: the Sunday before it). Throws
// UsageError with a one-line fix ("2026-W60", "2026-W00", "lastweek").
Period week_period(std::string_view which, Day today, int week_starts);
// `--since D --until D`, inclusive. Throws UsageError when since > until, or when the period is
// longer than max_period_days (100 years: a slip of the keys, like 9197 for 2017).
inline constexpr int max_period_days = 36525;
// `until_given`: the person typed --until (else it is today, and the message says so).
Period range_period(Day since, Day until, bool until_given = true);
// What `kint review` reviews for its flags: --week, or --since/--until (a missing --until is
// today; a missing --since is the week, 7 days, ending at --until), or by default the last complete
// week. Throws UsageError when --week is combined with --since/--until, or since > until.
Period resolve_period(const std::optional<std::string>& week, std::optional<Day> since,
                      std::optional<Day> until, Day today, int week_starts);
// `--month`: "this", "last" or "YYYY-MM" (a whole calendar month). Words are case-insensitive.
// Throws UsageError with a one-line fix ("2026-13", "lastmonth").
Period month_period(std::string_view which, Day today);
// resolve_period with --month too: --week, --month and --since/--until exclude each other.
Period resolve_period(const std::optional<std::string>& week,
                      const std::optional<std::string>& month, std::optional<Day> since,
                      std::optional<Day> until, Day today, int week_starts);
// The period of equal length just before `p`.
Period previous(const Period& p);

// What the caller must load for `build`.
struct Fetch {
    DayRange logs;    // every entry of the reported cues up to the period's end (back to creation)
    DayRange ratings; // mood and energy: the period before and the period, a week either side
    DayRange journal; // the period
};
inline constexpr int ratings_margin_days = 7;
inline constexpr int safety_margin_days = 400;
Fetch fetch_ranges(const Period& p);
// A low stretch overlapping `p` (see safety::low_stretches) may go on past the ratings loaded for
// `fetched` only when its low days come within a window (low_mood_window) of one of its end days.
// Then the caller loads `wide_ratings(p)` instead (400 days either side), so the safety note
// shows the whole stretch; otherwise a review reads a month of ratings.
bool low_run_at_edge(const std::vector<Rating>& ratings, const DayRange& fetched, const Period& p,
                     const config::Safety& rule);
DayRange wide_ratings(const Period& p);
// The days of `cue`'s log entries that `build` needs for `p`, narrower than Fetch::logs: the
// period before `p`, what the comeback rule looks back on from each day of `p`, and the strength's
// own from `strength_from` (the first day its pass reads: from the cue's creation, or a few weeks
// before the period from a checkpoint, app::strength_start), up to the period's end. With a
// checkpoint a review reads the same few weeks per cue after ten years as after one.
DayRange log_range(const Cue& cue, const Period& p, Day strength_from);
// A cue belongs in the review of `p` when it was created by the period's end and not archived
// by the period's first day (archived cues need `archived_on`).
bool reportable(const Cue& cue, const Period& p);

struct Stats {
    int days_rated = 0;
    std::optional<double> average;
    std::optional<int> min, max;
    std::vector<std::pair<Day, int>> values; // by day, one per day
    std::optional<double> previous_average;  // over previous(period)
    int previous_days_rated = 0;
};

enum class Suggestion { keep, shrink, expand };
std::string_view to_string(Suggestion s);

// One day of a cue's small calendar.
enum class DayMark {
    done,          // scheduled, done (a measured step met: at least the target, at most the limit)
    skip,          // scheduled, excused
    slip,          // scheduled, slipped (if-then: the situation came, the response did not)
    missed,        // scheduled, over, no entry
    not_scheduled, // off the schedule, before creation or archived; an if-then day without
                   // entry (the situation did not arise); a --per day without entry
    paused,        // would have been on the schedule (any day of an if-then or --per plan) but
                   // for a pause: never missed, and shown apart from days off the schedule
    future,        // after today: never missed
    extra,         // not scheduled but done anyway
    open,          // today, due and not logged yet: never missed while it lasts
    unmet,         // a measured step logged done short of its target (or over its at-most limit)
};
std::string_view to_string(DayMark m);

// One week of a --per N/week cue in the period (or, for --per N/Md, the whole period): the days
// of the week inside the period, the done days and the target for them (see cue_report).
struct PerTarget {
    Day from, to;
    int done = 0;
    int target = 0;          // N x available days / M, rounded half up
    int counted = 0;         // the target as the tallies count it so far (an unfinished week)
    double amount = 0;       // measured: the amounts of the done days
    bool unfinished = false; // has days not over yet (today unlogged, or after today)
};

// One week of a cue in a long span (long_view::by_week): its scheduled and done days as the
// tallies count them over that week, and the strength at its end (or at today, if sooner).
struct CueWeek {
    Period week;
    int scheduled_days = 0, done_days = 0;
    double strength = 0;
};

struct CueReport {
    Cue cue;
    // The plan in force at min(period.to, today): how the renderers word the cue.
    bool situation = false;         // if-then
    std::optional<Per> per;         // N per week or per M days
    std::optional<Measure> measure; // the step in force then
    int scheduled_days = 0, done_days = 0, skipped_days = 0, slipped_days = 0, missed_days = 0;
    int unmet_days = 0;  // measured: logged done, short of the target (or over the limit)
    int occurrences = 0; // done + unmet + slipped: days it happened or the situation came
    std::optional<double> consistency;          // done / (scheduled - skipped); see cue_report
    std::optional<double> previous_consistency; // the same over previous(period)
    int comebacks = 0;
    std::optional<double> mood_on_done_days, mood_on_other_days;
    Suggestion suggestion = Suggestion::keep;
    double strength = 0; // at min(period.to, today)
    // At min(previous(period).to, today); nullopt for a cue created after the period before.
    std::optional<double> previous_strength;
    const config::HabitPhase* phase = nullptr;     // points into Input::config
    int week = 0;                                  // 1-based week of the cue's life at period.to
    std::vector<std::pair<Day, DayMark>> calendar; // every day of the period
    std::vector<PerTarget> targets;                // --per: each week (or the period)
    std::vector<std::pair<Day, double>> amounts;   // measured: each done day's amount
    double amount_total = 0;                       // measured: their sum
    // The steps taken in the period after the first (cue step: a new size, the same direction),
    // each with the behavior it replaced.
    struct StepChange {
        Step step;
        std::string before;
    };
    std::vector<StepChange> steps_changed;
    std::vector<CueWeek> weeks; // long spans only: each week (weeks_in)
};

// What only the long view adds (long_view.hpp, which needs this header: hence held by pointer):
// the weeks, their mean mood and energy, and each cue's mood link. See review_long.hpp.
struct LongView;

struct Note {
    Day day;
    std::string text;
    std::optional<Id> cue_id;     // for notes on log entries
    std::optional<Id> journal_id; // for journal entries
    std::string source;           // "journal" | "log"
};

struct Input {
    Period period;
    Day today;
    const config::Config& config;
    std::vector<Cue> cues;             // filtered by `reportable`
    std::vector<LogEntry> logs;        // see fetch_ranges
    std::vector<Rating> ratings;       // mood and energy, see fetch_ranges
    std::vector<JournalEntry> journal; // at least the period
    std::vector<Intention> intentions; // all, archived too (with archived_on)
    std::vector<Session> sessions;     // all
    // Each cue's strength checkpoint (on or before the end of the period before, and before
    // today) where the store has one; the logs then need to go back only as log_range says.
    std::map<Id, strength::Checkpoint> checkpoints = {};
};

struct Report {
    Period period;
    std::vector<Intention> intentions; // active during the period
    std::vector<CueReport> cues;       // in input order
    Stats mood, energy;
    std::vector<Note> wins, obstacles;             // by day
    std::vector<Rating> rating_notes;              // the period's ratings with a note, by day
    std::optional<phases::TimelinePosition> phase; // at period.to; points into Input::config
    std::vector<config::Prompt> prompts;           // for the week ahead (period.to + 1 day)
    safety::Verdict safety;                        // a low stretch overlapping the period
    bool cues_begin_later = false;                 // no cue in the period, but some placed after it
    std::vector<Session> sessions;                 // in the period, by day
    std::shared_ptr<const LongView> long_view;     // set by build, for every period
};

// m = 0.5^(1/13): thirteen slipped or missed scheduled days in a row halve the strength.
double strength_multiplier();

// The mood of each day (a later rating of a day replaces an earlier one), gathered once for all
// cues of a review. By day in one vector: a trail walks ten years of it once a cue, and a tree
// of 3,650 nodes is an allocation each to build and a pointer chase each to walk.
class DayValues {
  public:
    using value_type = std::pair<Day, int>;
    using const_iterator = std::vector<value_type>::const_iterator;
    DayValues() = default;
    DayValues(std::initializer_list<value_type> values) {
        for (const auto& [day, value] : values)
            (*this)[day] = value;
    }
    // From values in any order; of two for one day, the later one in `values` is kept.
    explicit DayValues(std::vector<value_type> values) : m_values(std::move(values)) {
        const auto by_day = [](const value_type& a, const value_type& b) {
            return a.first < b.first;
        };
        if (std::is_sorted(m_values.begin(), m_values.end(),
                           [](const auto& a, const auto& b) { return a.first <= b.first; }))
            return; // by day, one value a day, as the store reads them
        std::stable_sort(m_values.begin(), m_values.end(), by_day);
        std::vector<value_type> unique;
        for (const auto& v : m_values)
            if (!unique.empty() && unique.back().first == v.first)
                unique.back().second = v.second;
            else
                unique.push_back(v);
        m_values = std::move(unique);
    }
    const_iterator begin() const { return m_values.begin(); }
    const_iterator end() const { return m_values.end(); }
    std::size_t size() const { return m_values.size(); }
    bool empty() const { return m_values.empty(); }
    // The first day on or after `day`.
    const_iterator lower_bound(Day day) const {
        return std::lower_bound(m_values.begin(), m_values.end(), day,
                                [](const value_type& v, Day d) { return v.first < d; });
    }
    const_iterator find(Day day) const {
        const auto at = lower_bound(day);
        return at != end() && at->first == day ? at : end();
    }
    std::size_t count(Day day) const { return find(day) != end() ? 1 : 0; }
    int at(Day day) const {
        const auto it = find(day);
        if (it == end()) throw std::out_of_range("no value on that day");
        return it->second;
    }
    // The value of `day`, made 0 when it has none; a day after the last is added at the end.
    int& operator[](Day day) {
        if (m_values.empty() || m_values.back().first < day)
            return m_values.emplace_back(day, 0).second;
        auto at = std::lower_bound(m_values.begin(), m_values.end(), day,
                                   [](const value_type& v, Day d) { return v.first < d; });
        if (at == m_values.end() || at->first != day) at = m_values.emplace(at, day, 0);
        return at->second;
    }
    bool operator==(const DayValues&) const = default;

  private:
    std::vector<value_type> m_values;
};
DayValues mood_by_day(const std::vector<Rating>& ratings);
// One cue over one period, as `build` computes it (exposed for tests). Per day, by the plan in
// force that day (today counts only once logged: unlogged it is `open`):
//   - daily or weekday: the scheduled days; done / (scheduled - skipped);
//   - if-then: the days with an entry (occurrences = done + slipped); never missed; consistency =
//     done / occurrences; the shrink suggestion counts occurrences;
//   - --per N/M: a target per week (N/week, weeks by week_starts, cut to the period) or for the
//     whole period (N/Md): target = N x available days / M, rounded half up, where available days
//     are the active days in it (created, not paused, not archived) that were not skipped. A week
//     that is not over yet (today unlogged, or days after today) counts so far only what is done
//     toward its target, unless the days left cannot reach it any more: then the days it can no
//     longer reach count as missed. scheduled_days = the targets, missed_days = what fell short,
//     consistency = done (at most the target, week by week) / target.
//   - measured: a day is done when its amount meets the step (at least the target; at most the
//     limit, where an over day without entry is within it), unmet when logged done short of it.
CueReport cue_report(const Cue& cue, const std::vector<LogEntry>& logs, const DayValues& mood,
                     const Period& period, Day today, const config::Config& config,
                     const std::optional<strength::Checkpoint>& checkpoint = std::nullopt,
                     const std::vector<Period>& weeks = {});
// cue_report's calendar alone, without its figures: the mark of each day of `period` by the
// same rules, period.from's first (kint trail reads a whole life with it, a byte a day).
std::vector<DayMark> day_marks(const Cue& cue, const strength::Trail& trail, const Period& period,
                               Day today, int week_starts);
// The same with each day beside its mark.
std::vector<std::pair<Day, DayMark>> calendar(const Cue& cue, const strength::Trail& trail,
                                              const Period& period, Day today, int week_starts);
Stats stats(const std::vector<Rating>& ratings, RatingKind kind, const Period& period);

Report build(const Input& in);

} // namespace kint::review
