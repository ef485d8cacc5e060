// kint_bench_gen: a realistic, deterministic store of YEARS years x CUES cues for the benchmark,
// written through the library's store API in one transaction (seconds, not 40,000 launches).
//
//   kint_bench_gen --db PATH [--years N] [--cues M] [--today YYYY-MM-DD] [--seed S]
//
// What a person who kept at it for years leaves behind: three intentions (one the focus), CUES cues
// placed in the first weeks (some daily, some on weekdays, some with a time), a step change every
// few months, a two-week pause now and then, each scheduled day done (most), skipped, slipped (some
// with a note on what got in the way) or left missed; mood and energy most days; a journal entry
// every few days; a treatment session every few months, the latest 10 days before TODAY.
// The kinds issue 13 added, so that speed work measures them: cue 4 (and 9) is an if-then cue
// logged only on the days its situation came; cue 5 counts 3/week and is done on some days of
// each week; cue 7 is measured in minutes (10, then 15 to 30 and back to 20) with an amount on each
// done entry; cue 8 was edited halfway (a new time), so it has an earlier plan.
#include "kint/app/strength.hpp"
#include "kint/store/store.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <string_view>

using namespace kint;
using std::chrono::days;

namespace {

// splitmix64: the same numbers on every platform and standard library, unlike <random>'s
// distributions.
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

constexpr const char* triggers[] = {
    "I pour my morning coffee", "I sit down at my desk", "I brush my teeth at night",
    "I feel anger rising",      "I open my laptop",      "I get into bed",
    "I finish lunch",           "I come home",           "I put the kettle on",
    "I notice I am scrolling",  "I lock the front door", "I hang up my coat",
};
constexpr const char* behaviors[] = {
    "take three slow breaths",
    "write one sentence",
    "stretch for one minute",
    "name one feeling",
    "drink a glass of water",
    "step outside for a minute",
    "read one page",
    "put the phone in a drawer",
    "notice five things I can see",
    "send one kind message",
    "tidy one thing",
    "say one thing I am grateful for",
};
constexpr const char* slip_notes[] = {
    "overslept",   "long day at work",     "travelling", "forgot, busy morning",
    "felt unwell", "visitors all evening", "no energy",  "phone call ran late",
};
constexpr const char* journal_texts[] = {
    "Noticed I was calmer after the breathing today.",
    "Hard morning; came back to the step in the evening anyway.",
    "The walk helped more than I expected.",
    "I kept the step small and it felt doable.",
    "Old habit pulled at me after work; I noticed it and paused.",
    "Slept badly, went easy on myself.",
    "Talked with a friend about the intention; it felt more real.",
    "Sat with a difficult feeling for a minute instead of running from it.",
};
constexpr const char* journal_tags[] = {"win",  "obstacle", "insight",
                                        "felt", "mattered", "remember"};

template <typename T, std::size_t N>
const T& pick(Rng& rng, const T (&items)[N]) {
    return items[rng.below(static_cast<int>(N))];
}

struct Args {
    std::string db;
    int years = 1, cues = 10;
    Day today{std::chrono::year{2026} / 3 / 18};
    std::uint64_t seed = 42;
};

[[noreturn]] void usage(std::string_view why) {
    fmt::print(stderr,
               "kint_bench_gen: {}\nusage: kint_bench_gen --db PATH [--years N] [--cues M] "
               "[--today YYYY-MM-DD] [--seed S]\n",
               why);
    std::exit(2);
}

Args parse_args(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) usage(fmt::format("{} needs a value", flag));
        const std::string value = argv[++i];
        if (flag == "--db")
            a.db = value;
        else if (flag == "--years")
            a.years = std::atoi(value.c_str());
        else if (flag == "--cues")
            a.cues = std::atoi(value.c_str());
        else if (flag == "--seed")
            a.seed = std::strtoull(value.c_str(), nullptr, 10);
        else if (flag == "--today") {
            auto d = parse_iso_day(value);
            if (!d) usage("--today wants YYYY-MM-DD");
            a.today = *d;
        } else
            usage(fmt::format("unknown flag {}", flag));
    }
    if (a.db.empty()) usage("--db is required");
    if (a.years < 1 || a.years > 100 || a.cues < 1 || a.cues > 100) usage("years and cues: 1..100");
    return a;
}

// Mood and energy drift slowly, as real ones do, and stay mostly in the middle of the scale.
int drift(Rng& rng, int value, int lo, int hi) {
    value += rng.below(3) - 1;
    return value < lo ? lo : value > hi ? hi : value;
}

} // namespace

int main(int argc, char** argv) {
    const Args a = parse_args(argc, argv);
    std::error_code ec;
    std::filesystem::remove(a.db, ec);
    for (const char* suffix : {"-wal", "-shm", ".hook", ".config-cache"})
        std::filesystem::remove(a.db + suffix, ec);
    Rng rng{a.seed};
    const Day start = a.today - days{365 * a.years};

    auto store = store::Store::open(a.db);
    // As kint's own writes do: the strength checkpoints land with the data.
    store.on_change([&] { app::keep_strength(store, a.today); });
    std::size_t logs = 0, ratings = 0, journal = 0;
    store.write([&] {
        const Id calm = store.add_intention("I am open to learning new ways to cope", "anxiety",
                                            "anxiety.3", start);
        const Id present = store.add_intention("I am present with the people I love", std::nullopt,
                                               std::nullopt, start);
        store.add_intention("I treat my body with kindness", std::nullopt, std::nullopt, start);
        store.set_focus(calm);

        // The cues, placed one every few days at the start, each with its own rhythm.
        std::vector<Cue> cues;
        for (int i = 0; i < a.cues; ++i) {
            store::NewCue c;
            c.intention_id = i % 2 == 0 ? calm : present;
            c.kind = i % 5 == 3 ? CueKind::if_ : i % 7 == 5 ? CueKind::place : CueKind::after;
            c.trigger = triggers[i % std::size(triggers)];
            if (i % 3 == 0 && c.kind != CueKind::if_) c.at = 7 * 60 + 30 + 45 * i % (14 * 60);
            c.days = i % 4 == 2 ? Schedule(0b0010101) /* mon,wed,fri */ : Schedule::daily();
            c.created = start + days{3 * i};
            c.behavior = behaviors[i % std::size(behaviors)];
            if (i == 4) c.per = Per{3, 7, true}; // --per 3/week
            const bool measured = i == 6;        // --target 10 --unit min
            if (measured) {
                c.behavior = "read";
                c.measure = Measure{10, "min", false};
            }
            const Id id = store.add_cue(c);
            // A step change every few months: adjust the size, keep the direction.
            double target = 10;
            for (Day d = c.created + days{90 + rng.below(60)}; d < a.today;
                 d += days{120 + rng.below(120)}) {
                const auto note =
                    rng.chance(50) ? std::optional<std::string>("smaller for now") : std::nullopt;
                if (measured) {
                    target = target >= 30 ? 20 : target + 5; // up, and back a little
                    store.add_step(id, Step{d, "read", note, Measure{target, "min", false}});
                } else {
                    store.add_step(id, Step{d, pick(rng, behaviors), note});
                }
            }
            // Now and then a pause of about two weeks (holidays), long over by today.
            for (Day d = c.created + days{200 + rng.below(100)}; d + days{60} < a.today;
                 d += days{300 + rng.below(200)}) {
                store.pause_cue(id, d);
                store.resume_cue(id, d + days{10 + rng.below(10)});
            }
            // cue edit halfway through: the same cue at a new time from then on.
            if (i == 7) {
                auto edited = *store.cue(id);
                edited.at = 18 * 60;
                store.edit_cue(edited, c.created + (a.today - c.created) / 2);
            }
            cues.push_back(*store.cue(id));
        }

        // Day by day up to yesterday; today is left open, as it is when a person looks at it.
        int mood = 6, energy = 5;
        for (Day d = start; d < a.today; d += days{1}) {
            for (const auto& c : cues) {
                if (!c.scheduled_on(d)) continue;
                const int roll = rng.below(100);
                LogEntry e{c.id, d, LogStatus::done, std::nullopt};
                if (c.kind == CueKind::if_) {
                    // A situation, not a schedule: it comes on about one day in four; then the
                    // response happens (most times) or not this time.
                    if (roll >= 25) continue;
                    if (rng.chance(30)) {
                        e.status = LogStatus::slip;
                        if (rng.chance(50)) e.note = "snapped before I noticed";
                    }
                    store.put_log(e);
                    ++logs;
                    continue;
                }
                if (c.per) {
                    // 3 a week, on whichever days suit: done about half the days, rarely a skip.
                    if (roll >= 50) continue;
                    if (roll < 3) e.status = LogStatus::skip;
                    store.put_log(e);
                    ++logs;
                    continue;
                }
                if (c.measure() && roll < 72) {
                    // Minutes read: around the step's target, now over, now under.
                    const double target = c.step_on(d).measure->target;
                    e.amount = std::round(target * (50 + rng.below(101)) / 100.0);
                    store.put_log(e);
                    ++logs;
                    continue;
                }
                if (roll < 72) {
                    if (rng.chance(3)) e.note = "felt good";
                } else if (roll < 78) {
                    e.status = LogStatus::skip;
                    if (rng.chance(40)) e.note = "rest day";
                } else if (roll < 90) {
                    e.status = LogStatus::slip;
                    if (rng.chance(50)) e.note = pick(rng, slip_notes);
                    // Sometimes the slip is turned around later the same day.
                    if (rng.chance(15)) {
                        store.put_log(e);
                        ++logs;
                        e = LogEntry{c.id, d, LogStatus::done, std::nullopt};
                    }
                } else {
                    continue; // missed: nothing logged
                }
                store.put_log(e);
                ++logs;
            }
            mood = drift(rng, mood, 3, 9);
            energy = drift(rng, energy, 2, 9);
            if (rng.chance(92)) {
                store.put_rating(
                    Rating{d, RatingKind::mood, mood,
                           rng.chance(5) ? std::optional<std::string>("steady") : std::nullopt});
                ++ratings;
            }
            if (rng.chance(85)) {
                store.put_rating(Rating{d, RatingKind::energy, energy, std::nullopt});
                ++ratings;
            }
            if (rng.chance(30)) {
                JournalEntry j;
                j.day = d;
                j.text = pick(rng, journal_texts);
                j.tags.push_back(pick(rng, journal_tags));
                if (rng.chance(30)) j.tags.push_back(pick(rng, journal_tags));
                if (rng.chance(15)) j.kind = "actionable";
                store.add_journal(j);
                ++journal;
            }
        }

        // A session every four months or so; the latest 10 days ago (the integration timeline).
        for (Day d = a.today - days{10}; d >= start; d -= days{100 + rng.below(60)})
            store.add_session(Session{0, d, std::nullopt});
    });
    fmt::print("{}: {} years x {} cues up to {}: {} log entries, {} ratings, {} journal entries\n",
               a.db, a.years, a.cues, format_day(a.today), logs, ratings, journal);
    return 0;
}
