// The prompt hook's settings cache: the hook's keys, the safety rule's numbers and the signs, read
// back as written; anything damaged falls back to the defaults.
#include "kint/cache/hook_cache.hpp"
#include "kint/config/config.hpp"

#include <doctest/doctest.h>

using namespace kint;

TEST_CASE("hook cache: the rule's numbers and the signs survive the cache") {
    auto cfg = config::parse("[safety]\nlow_mood_max = 4\nlow_mood_days = 4\nlow_mood_window = 9\n"
                             "[hook]\nsafety_sign = \"go gently\"\ncheck_in_sign = \"\"\n");
    const auto text = cache::format_hook_cache({cfg.day_starts_at, cfg.hook, cfg.safety});
    CHECK(text.starts_with("kint-hook-2 "));
    const auto back = cache::parse_hook_cache(text);
    CHECK(back.safety.low_mood_max == 4);
    CHECK(back.safety.low_mood_days == 4);
    CHECK(back.safety.low_mood_window == 9);
    CHECK(back.hook.safety_sign == "go gently");
    CHECK(back.hook.check_in_sign.empty());
    CHECK(cache::format_hook_cache(back) == text);

    const auto d = config::parse();
    const auto defaults =
        cache::parse_hook_cache(cache::format_hook_cache({d.day_starts_at, d.hook, d.safety}));
    CHECK(defaults.hook.safety_sign == d.hook.safety_sign);
    CHECK(defaults.hook.check_in_sign == d.hook.check_in_sign);
    CHECK(defaults.safety.low_mood_window == 5);
}

TEST_CASE("hook cache: damaged or older caches give the defaults") {
    const cache::HookCache none;
    CHECK(none.hook.safety_sign == config::parse().hook.safety_sign);
    // An older kint's line: all defaults.
    const auto old = cache::parse_hook_cache(
        "kint-hook-1 day_starts_at=300 mood_reminder_after=1080 show_cues=0\n");
    CHECK(old.day_starts_at == none.day_starts_at);
    CHECK(old.hook.show_cues);
    const std::string good = cache::format_hook_cache(none);
    // The rule's numbers together or not at all: a window shorter than its count is refused.
    auto swap = [&](std::string_view from, std::string_view to) {
        auto t = good;
        t.replace(t.find(from), from.size(), to);
        return cache::parse_hook_cache(t);
    };
    const auto short_window = swap("low_mood_window=5", "low_mood_window=2");
    CHECK(short_window.safety.low_mood_window == 5);
    CHECK(short_window.safety.low_mood_days == 3);
    CHECK(swap("low_mood_window=5", "low_mood_window=32").safety.low_mood_window == 5);
    CHECK(swap("low_mood_max=3", "low_mood_max=11").safety.low_mood_max == 3);
    // A sign cut short, or with bytes that would rewrite the prompt: the default sign.
    CHECK(cache::parse_hook_cache(good.substr(0, good.size() - 1)).hook.check_in_sign ==
          none.hook.check_in_sign);
    CHECK(swap("take care today", "take\x1b[2Jcare").hook.safety_sign == none.hook.safety_sign);
    CHECK(swap("take care today", "ok \xff").hook.safety_sign == none.hook.safety_sign);
}

TEST_CASE("hook cache: the first day of the week, for --per N/week cues at the prompt") {
    auto cfg = config::parse("[day]\nweek_starts = \"sunday\"\n");
    const auto text =
        cache::format_hook_cache({cfg.day_starts_at, cfg.hook, cfg.safety, cfg.week_starts});
    CHECK(text.find(" week_starts=6\n") != std::string::npos);
    CHECK(cache::parse_hook_cache(text).week_starts == 6);
    CHECK(cache::format_hook_cache(cache::parse_hook_cache(text)) == text);
    // Missing (a cache written before it was kept) or out of range: Monday.
    auto t = text;
    t.replace(t.find(" week_starts=6"), 14, "");
    CHECK(cache::parse_hook_cache(t).week_starts == 0);
    t = text;
    t.replace(t.find("week_starts=6"), 13, "week_starts=7");
    CHECK(cache::parse_hook_cache(t).week_starts == 0);
}

TEST_CASE("hook cache: show_due and due_max_chars, and their defaults from an older cache") {
    auto cfg = config::parse("[hook]\nshow_due = false\ndue_max_chars = 33\n");
    const auto text = cache::format_hook_cache({cfg.day_starts_at, cfg.hook, cfg.safety});
    const auto back = cache::parse_hook_cache(text);
    CHECK_FALSE(back.hook.show_due);
    CHECK(back.hook.due_max_chars == 33);
    CHECK(cache::format_hook_cache(back) == text);
    // A cache written before these keys: the defaults (the next command rewrites it).
    auto older = text;
    older.replace(older.find(" show_due=0 due_max_chars=33"), 28, "");
    const auto defaults = cache::parse_hook_cache(older);
    CHECK(defaults.hook.show_due);
    CHECK(defaults.hook.due_max_chars == 20);
    // Out of range: the default.
    auto wide = text;
    wide.replace(wide.find("due_max_chars=33"), 16, "due_max_chars=999");
    CHECK(cache::parse_hook_cache(wide).hook.due_max_chars == 20);
}
