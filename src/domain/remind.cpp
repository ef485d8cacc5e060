#include "kint/domain/remind.hpp"

#include "kint/core/text.hpp"

namespace kint::remind {

Minutes minutes_into_day(Minutes m, Minutes day_starts_at) {
    return ((m - day_starts_at) % 1440 + 1440) % 1440;
}

bool time_has_come(Minutes now, Minutes at, Minutes day_starts_at) {
    return minutes_into_day(now, day_starts_at) >= minutes_into_day(at, day_starts_at);
}

bool may_be_due(const Cue& cue, Day day, Minutes now, Minutes day_starts_at) {
    if (cue.status != CueStatus::active) return false;
    const Plan plan = cue.plan_on(day);
    if (plan.kind == CueKind::if_ || !plan.at) return false;
    return cue.scheduled_on(day) && time_has_come(now, *plan.at, day_starts_at);
}

bool due(const Cue& cue, Day day, Minutes now, Minutes day_starts_at, const Facts& facts) {
    if (facts.logged || facts.reminded) return false;
    if (cue.plan_on(day).per && facts.remaining && *facts.remaining <= 0) return false;
    return may_be_due(cue, day, now, day_starts_at);
}

Message message(const Cue& cue, std::string_view intention) {
    Message m;
    m.summary = text::sanitize_line(cue.behavior());
    const Plan plan = cue.plan();
    std::string when = cue_phrase(plan.kind, plan.trigger);
    // A time cue's trigger is its time already ("at 08:00").
    if (plan.at && plan.kind != CueKind::time) when += " · " + format_clock(*plan.at);
    m.body.push_back(text::sanitize_line(when));
    if (!intention.empty()) m.body.push_back(text::sanitize_line(intention));
    m.body.push_back("kint log " + std::to_string(cue.id));
    return m;
}

std::string body_markup(const Message& message) {
    std::string out;
    for (const auto& line : message.body) {
        if (!out.empty()) out += '\n';
        for (char c : line) {
            if (c == '&')
                out += "&amp;";
            else if (c == '<')
                out += "&lt;";
            else if (c == '>')
                out += "&gt;";
            else
                out += c;
        }
    }
    return out;
}

} // namespace kint::remind
