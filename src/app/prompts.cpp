#include "kint/app/prompts.hpp"

#include "kint/app/lookup.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/domain/safety.hpp"

namespace kint::app {

DayPrompts prompts(const store::Store& store, const config::Config& cfg, Day day, int count) {
    DayPrompts out;
    out.day = day;
    const auto sessions = store.sessions();
    out.position = phases::timeline_position(cfg.timeline, sessions, day);
    out.tag = phases::phase_tag(out.position, sessions, day);
    const bool gentle =
        safety::check_recent(recent_mood(store, cfg.safety, day), cfg.safety, day).triggered;
    out.prompts = prompts::for_day(cfg.prompts, out.tag, day, count, gentle);
    return out;
}

AllPrompts all_prompts(const config::Config& cfg) {
    return {cfg.prompts};
}

} // namespace kint::app
