// The user config: any bytes either parse (layered over the embedded default) or throw ConfigError.
// Whatever parses then drives the pure code that reads config values (phases, prompts, the review
// and its renderers), as `kint today` and `kint review` would with that file.
#include "check.hpp"

#include "kint/cache/hook_cache.hpp"
#include "kint/config/config.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/phases.hpp"
#include "kint/domain/prompts.hpp"
#include "kint/domain/review.hpp"
#include "kint/render/review_render.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using kint::fuzz::check;
using namespace kint;

namespace {

const Day today{std::chrono::year{2026} / 11 / 20};

Cue sample_cue() {
    Cue c;
    c.id = 1;
    c.intention_id = 1;
    c.trigger = "I pour my coffee";
    c.created = today - std::chrono::days{30};
    c.steps = {Step{c.created, "write one sentence", std::nullopt}};
    return c;
}

void use(const config::Config& cfg) {
    // Habit phases over a cue's life, the timeline around a session, the prompts of each phase.
    for (int age : {-8, -7, -1, 0, 6, 7, 13, 14, 60, 400}) {
        const Day created = today - std::chrono::days{age};
        (void)phases::habit_phase(cfg.habit_phases, created, today);
        // One session `age` days ago (in the future when negative: a planned one).
        const std::vector<Session> sessions{Session{1, created, std::nullopt}};
        const auto position = phases::timeline_position(cfg.timeline, sessions, today);
        const auto tag = phases::phase_tag(position, sessions, today);
        check(!position || !position->phase || tag == position->phase->key,
              "phase_tag is not the timeline phase");
        const auto prompts = prompts::for_day(cfg.prompts, tag, today, 3);
        check(prompts.size() <= 3, "prompts::for_day gave more than asked");
    }

    // A small week with a low-mood run, rendered every way.
    const review::Period period = review::week_of(today, cfg.week_starts);
    review::Input in{period, today, cfg, {}, {}, {}, {}, {}, {}};
    in.cues.push_back(sample_cue());
    in.intentions.push_back(Intention{1, "I am open", std::nullopt, std::nullopt,
                                      today - std::chrono::days{30}, false, std::nullopt, true});
    in.sessions.push_back(Session{1, today - std::chrono::days{10}, std::nullopt});
    for (int k = 0; k < 7; ++k) {
        const Day d = period.from + std::chrono::days{k};
        in.logs.push_back(LogEntry{1, d, k % 3 ? LogStatus::done : LogStatus::slip, std::nullopt});
        in.ratings.push_back(Rating{d, RatingKind::mood, k % 4, std::nullopt});
        in.ratings.push_back(Rating{d, RatingKind::energy, 10 - k, std::nullopt});
    }
    const review::Report report = review::build(in);
    (void)render::review_json(report, cfg).dump();
    (void)render::review_text(report, cfg, render::Paint(true));
    (void)render::review_markdown(report, cfg);
    (void)render::review_html(report, cfg);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // The prompt hook's cache line: any bytes give values in range; a formatted cache reads back.
    const cache::HookCache cache = cache::parse_hook_cache(text);
    check(cache.day_starts_at >= 0 && cache.day_starts_at < 24 * 60, "hook cache day_starts_at");
    check(cache.hook.mood_reminder_after >= 0 && cache.hook.mood_reminder_after < 24 * 60,
          "hook cache mood_reminder_after");
    const cache::HookCache again = cache::parse_hook_cache(cache::format_hook_cache(cache));
    check(again.day_starts_at == cache.day_starts_at &&
              again.hook.mood_reminder_after == cache.hook.mood_reminder_after &&
              again.hook.show_cues == cache.hook.show_cues &&
              again.hook.show_mood_reminder == cache.hook.show_mood_reminder &&
              again.hook.show_focus == cache.hook.show_focus &&
              again.safety.low_mood_max == cache.safety.low_mood_max &&
              again.safety.low_mood_days == cache.safety.low_mood_days &&
              again.safety.low_mood_window == cache.safety.low_mood_window &&
              again.hook.safety_sign == cache.hook.safety_sign &&
              again.hook.check_in_sign == cache.hook.check_in_sign,
          "hook cache round trip");
    check(cache.safety.low_mood_window >= cache.safety.low_mood_days,
          "hook cache window shorter than its count");

    config::Config cfg;
    try {
        cfg = config::parse(text, "fuzz.toml");
    } catch (const Error& e) {
        // The contract: a bad file is a ConfigError (exit 1) with a message. Anything else escapes.
        check(dynamic_cast<const ConfigError*>(&e) != nullptr,
              "config::parse threw a non-ConfigError");
        check(std::string_view(e.what()).size() > 0, "empty ConfigError");
        return 0;
    }
    check(cfg.source == "fuzz.toml", "config source not recorded");
    check(cfg.day_starts_at >= 0 && cfg.day_starts_at < 24 * 60, "day.starts_at out of range");
    check(cfg.week_starts >= 0 && cfg.week_starts <= 6, "day.week_starts out of range");
    use(cfg);
    return 0;
}
