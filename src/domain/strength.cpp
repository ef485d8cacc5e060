#include "kint/domain/strength.hpp"

#include <algorithm>
#include <cmath>

namespace kint::strength {

namespace {

using std::chrono::days;

double ratio(double amount, double target, bool at_most) {
    if (target <= 0) return at_most ? (amount > 0 ? 0.0 : 1.0) : 1.0;
    if (at_most) return std::clamp(1 - (amount - target) / target, 0.0, 1.0);
    return std::min(1.0, amount / target);
}

double amount_of(const Logged* e, const Measure& measure) {
    if (!e || e->status != LogStatus::done) return 0;
    return e->amount.value_or(measure.target);
}

// v of a day that steps on its own (daily, weekday and if-then plans).
double day_value(const Logged* e, const std::optional<Measure>& measure) {
    if (!measure) return e && e->status == LogStatus::done ? 1.0 : 0.0;
    if (e && e->status == LogStatus::slip) return 0.0;
    return ratio(amount_of(e, *measure), measure->target, measure->at_most);
}

// The plan and the step in force, advanced day by day (plans and steps are oldest first).
class InForce {
  public:
    explicit InForce(const Cue& cue) : m_cue(cue) {}
    void advance(Day d) {
        while (m_plan < m_cue.plans.size() && d >= m_cue.plans[m_plan].until)
            ++m_plan;
        while (m_step + 1 < m_cue.steps.size() && m_cue.steps[m_step + 1].day <= d)
            ++m_step;
    }
    CueKind kind() const {
        return m_plan < m_cue.plans.size() ? m_cue.plans[m_plan].kind : m_cue.kind;
    }
    const Schedule& days() const {
        return m_plan < m_cue.plans.size() ? m_cue.plans[m_plan].days : m_cue.days;
    }
    const std::optional<Per>& per() const {
        return m_plan < m_cue.plans.size() ? m_cue.plans[m_plan].per : m_cue.per;
    }
    const std::optional<Measure>& measure() const { return m_cue.steps[m_step].measure; }

  private:
    const Cue& m_cue;
    std::size_t m_plan = 0, m_step = 0;
};

} // namespace

void add(Trail& trail, Day day, LogStatus status, std::optional<double> amount) {
    const auto before = trail.size();
    const auto it = trail.emplace_hint(trail.end(), day, Logged{status, std::nullopt});
    if (trail.size() == before && rank(status) > rank(it->second.status))
        it->second.status = status;
    // One entry per status per day: the done entry's amount is the day's amount.
    if (status == LogStatus::done) it->second.amount = amount;
}

Trail trail_of(const std::vector<LogEntry>& entries, Id cue_id) {
    Trail out;
    for (const auto& e : entries)
        if (e.cue_id == cue_id) add(out, e.day, e.status, e.amount);
    return out;
}

double multiplier(double frequency) {
    return std::pow(0.5, std::sqrt(frequency) / 13.0);
}

double amount_on(const Trail& trail, Day day, const Measure& measure) {
    const auto it = trail.find(day);
    return amount_of(it == trail.end() ? nullptr : &it->second, measure);
}

bool meets(const Measure& measure, double amount) {
    return measure.at_most ? amount <= measure.target : amount >= measure.target;
}

std::vector<Day> checkpoint_days(Day from, Day until) {
    std::vector<Day> out;
    // The first Sunday on or after `from` (weekday_index: 0 = Monday ... 6 = Sunday).
    for (Day d = from + days{6 - weekday_index(from)}; d <= until; d += days{7})
        out.push_back(d);
    return out;
}

Day last_checkpoint_day(Day today) {
    const Day yesterday = today - days{1};
    return yesterday - days{(weekday_index(yesterday) + 1) % 7};
}

int window(const Cue& cue) {
    int longest = cue.per ? cue.per->days : 0;
    for (const auto& p : cue.plans)
        if (p.per) longest = std::max(longest, p.per->days);
    return 2 * longest;
}

Day reads_from(const Cue& cue, Day begin) {
    return begin - days{window(cue)};
}

std::vector<double> at(const Cue& cue, const Trail& trail, Day start, Day today,
                       const std::vector<Day>& wanted, const std::optional<Checkpoint>& from) {
    std::vector<double> out(wanted.size());
    if (wanted.empty() || cue.steps.empty()) return out;
    start = from ? from->day + days{1} : std::max(start, cue.created);
    const Day last = std::min(wanted.back(), today);

    const Step& first = cue.step_on(start);
    const double initial = from ? from->value : first.measure && first.measure->at_most ? 1.0 : 0.0;
    // While S is 0 and every v is 0 S stays exactly 0 (0·m is 0): begin at the first done day
    // (one in a --per window before `start` counts on the days after it), unless an at-most step
    // (where a day without entry is within the limit) may come into force.
    Day begin = start;
    const bool any_at_most = std::any_of(cue.steps.begin(), cue.steps.end(), [](const Step& s) {
        return s.measure && s.measure->at_most;
    });
    if (!any_at_most && initial == 0.0) {
        const auto done =
            std::find_if(trail.lower_bound(reads_from(cue, start)), trail.end(),
                         [](const auto& kv) { return kv.second.status == LogStatus::done; });
        begin = done == trail.end() ? last + days{1} : std::max(start, done->first);
    }

    // Each day's entry from the longest window before `begin` to `last`, and the done days counted
    // up to each, so a window of --per days is two look-ups.
    const Day base = reads_from(cue, begin);
    const long n = std::max(0L, static_cast<long>((last - base).count()) + 1);
    std::vector<const Logged*> logged(static_cast<std::size_t>(n), nullptr);
    std::vector<int> done_before(static_cast<std::size_t>(n) + 1, 0);
    for (auto it = trail.lower_bound(base); it != trail.end() && it->first <= last; ++it)
        logged[static_cast<std::size_t>((it->first - base).count())] = &it->second;
    for (long i = 0; i < n; ++i)
        done_before[i + 1] =
            done_before[i] + (logged[i] && logged[i]->status == LogStatus::done ? 1 : 0);

    InForce in_force(cue);
    double s = initial, f_cached = 1.0, m_cached = multiplier(1.0);
    std::size_t k = 0;
    while (k < wanted.size() && wanted[k] < begin)
        out[k++] = initial;
    for (Day d = begin; d <= last; d += days{1}) {
        in_force.advance(d);
        const long i = static_cast<long>((d - base).count());
        const Logged* e = logged[static_cast<std::size_t>(i)];
        const bool open_today = d == today && !e;
        const bool steps = cue.active_on(d) && !open_today && !(e && e->status == LogStatus::skip);
        double f = 1.0, v = 0.0;
        bool step = false;
        if (steps) {
            const auto& measure = in_force.measure();
            if (in_force.kind() == CueKind::if_) {
                step = e != nullptr;
                if (step) v = day_value(e, measure);
            } else if (const auto& per = in_force.per()) {
                step = true;
                f = static_cast<double>(per->times) / per->days;
                if (measure) {
                    double sum = 0;
                    for (long j = std::max(0L, i - per->days + 1); j <= i; ++j)
                        sum += amount_of(logged[static_cast<std::size_t>(j)], *measure);
                    v = ratio(sum, per->times * measure->target, measure->at_most);
                } else {
                    // Loop doubles the window only for a frequency below 1: N/N (7/week)
                    // counts N in the last N days, as a daily habit would.
                    const int twice = per->times < per->days ? 2 : 1;
                    const long from = std::max(0L, i - twice * per->days + 1);
                    const int done = done_before[i + 1] - done_before[from];
                    v = std::min(1.0, static_cast<double>(done) / (twice * per->times));
                }
            } else if (in_force.days().on(d)) {
                step = true;
                v = day_value(e, measure);
            }
        }
        if (step) {
            if (f != f_cached) {
                f_cached = f;
                m_cached = multiplier(f);
            }
            s = s * m_cached + v * (1 - m_cached);
        }
        while (k < wanted.size() && wanted[k] <= d)
            out[k++] = s;
    }
    while (k < wanted.size())
        out[k++] = s;
    return out;
}

double on(const Cue& cue, const Trail& trail, Day start, Day today, Day day) {
    return at(cue, trail, start, today, {day}).front();
}

} // namespace kint::strength
