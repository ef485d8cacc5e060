#include "kint/core/model.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint {

std::string_view to_string(CueKind kind) {
    switch (kind) {
    case CueKind::after:
        return "after";
    case CueKind::if_:
        return "if";
    case CueKind::place:
        return "place";
    case CueKind::time:
        return "time";
    }
    return "after";
}

std::string cue_phrase(CueKind kind, std::string_view trigger) {
    switch (kind) {
    case CueKind::after:
        return "after " + std::string(trigger);
    case CueKind::if_:
        return "if " + std::string(trigger);
    case CueKind::place:
    case CueKind::time:
        return "at " + std::string(trigger);
    }
    return std::string(trigger);
}

std::optional<CueKind> parse_cue_kind(std::string_view text) {
    if (text == "after") return CueKind::after;
    if (text == "if") return CueKind::if_;
    if (text == "place") return CueKind::place;
    if (text == "time") return CueKind::time;
    return std::nullopt;
}

std::string_view to_string(CueStatus status) {
    switch (status) {
    case CueStatus::active:
        return "active";
    case CueStatus::paused:
        return "paused";
    case CueStatus::archived:
        return "archived";
    }
    return "active";
}

std::optional<CueStatus> parse_cue_status(std::string_view text) {
    if (text == "active") return CueStatus::active;
    if (text == "paused") return CueStatus::paused;
    if (text == "archived") return CueStatus::archived;
    return std::nullopt;
}

std::string format_per(const Per& per) {
    return per.week ? fmt::format("{}/week", per.times)
                    : fmt::format("{}/{}d", per.times, per.days);
}

std::optional<Per> parse_per(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto number = [](std::string_view digits) -> std::optional<int> {
        if (digits.empty() || digits.size() > 3) return std::nullopt;
        int n = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const auto times = number(text.substr(0, slash));
    std::string_view rest = text.substr(slash + 1);
    Per per;
    if (rest == "week" || rest == "w") {
        per.week = true;
        per.days = 7;
    } else if (rest.size() >= 2 && rest.back() == 'd') {
        const auto days = number(rest.substr(0, rest.size() - 1));
        if (!days || *days < per_min_days || *days > per_max_days) return std::nullopt;
        per.days = *days;
    } else {
        return std::nullopt;
    }
    if (!times || *times < 1 || *times > per.days) return std::nullopt;
    per.times = *times;
    return per;
}

const Step& Cue::step_on(Day day) const {
    const Step* in_force = &steps.front();
    for (const auto& s : steps)
        if (s.day <= day) in_force = &s;
    return *in_force;
}

const std::string& Cue::behavior_on(Day day) const {
    return step_on(day).behavior;
}

Plan Cue::plan() const {
    return Plan{Day{}, kind, trigger, at, days, per};
}

Plan Cue::plan_on(Day day) const {
    for (const auto& p : plans)
        if (day < p.until) return p;
    return plan();
}

bool Cue::active_on(Day day) const {
    if (day < created) return false;
    if (archived_on && day >= *archived_on) return false;
    return std::none_of(pauses.begin(), pauses.end(),
                        [&](const Pause& p) { return p.covers(day); });
}

bool scheduled_on(const Schedule& days, Day created, const std::optional<Day>& archived_on,
                  const std::vector<Pause>& pauses, Day day) {
    if (day < created || !days.on(day)) return false;
    if (archived_on && day >= *archived_on) return false;
    return std::none_of(pauses.begin(), pauses.end(),
                        [&](const Pause& p) { return p.covers(day); });
}

bool Cue::scheduled_on(Day day) const {
    if (plans.empty() || day >= plans.back().until)
        return kint::scheduled_on(days, created, archived_on, pauses, day);
    return kint::scheduled_on(plan_on(day).days, created, archived_on, pauses, day);
}

std::string_view to_string(LogStatus status) {
    switch (status) {
    case LogStatus::done:
        return "done";
    case LogStatus::skip:
        return "skip";
    case LogStatus::slip:
        return "slip";
    }
    return "done";
}

int rank(LogStatus status) {
    switch (status) {
    case LogStatus::done:
        return 3;
    case LogStatus::skip:
        return 2;
    case LogStatus::slip:
        return 1;
    }
    return 0;
}

std::string_view to_string(RatingKind kind) {
    return kind == RatingKind::mood ? "mood" : "energy";
}

std::optional<RatingKind> parse_rating_kind(std::string_view text) {
    if (text == "mood") return RatingKind::mood;
    if (text == "energy") return RatingKind::energy;
    return std::nullopt;
}

} // namespace kint
