// kint rate: one number 0-10 a day, mood (default) or energy.
#include "kint/app/rate.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "kint/render/rate.hpp"
#include "present.hpp" // after the renderers it calls

#include "kint/core/error.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

void add_rate(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<int> value, energy;
        std::string kind = "mood";
        std::optional<std::string> day, note;
    };
    auto o = std::make_shared<Opts>();
    auto* rate = app.add_subcommand("rate", "Rate the day 0-10: mood (default) or energy");
    rate->require_subcommand(0, 1);
    rate->add_option("value", o->value, "A whole number from 0 to 10")->check(rating_check());
    rate->add_option("--energy", o->energy, "Also rate energy 0-10")->check(rating_check());
    rate->add_option("--kind", o->kind, "What VALUE rates: mood or energy")
        ->check(CLI::IsMember({"mood", "energy"}))
        ->default_str("mood");
    rate->add_option("--day", o->day, "Day: YYYY-MM-DD, today, yesterday or -N (default today)");
    rate->add_option("--note", o->note, "A few words about the day");
    commands.on(rate, [o](Runtime& rt) {
        const RatingKind kind = *parse_rating_kind(o->kind);
        if (!o->value && !o->energy)
            throw UsageError("what number? e.g. 'kint rate 6' for mood, 'kint rate 6 --energy 4' "
                             "for both");
        if (o->energy && o->value && kind == RatingKind::energy)
            throw UsageError("--kind energy with --energy rates energy twice; give one of them");
        const Day day = past_day_arg(rt, o->day, "rate");
        const auto note = checked_note(o->note);
        const auto& cfg = rt.settings(); // a config error is reported before anything is written
        present(rt, app::rate(rt.store(), cfg, rt.today(), {day, kind, o->value, o->energy, note}));
    });

    struct ListOpts {
        std::optional<std::string> since, until, kind;
    };
    auto lo = std::make_shared<ListOpts>();
    auto* list = rate->add_subcommand("list", "List ratings");
    list->add_option("--since", lo->since,
                     "From this day (inclusive): YYYY-MM-DD, today, yesterday or -N");
    list->add_option("--until", lo->until, "Up to this day (inclusive)");
    list->add_option("--kind", lo->kind, "Only mood or energy")
        ->check(CLI::IsMember({"mood", "energy"}));
    commands.reads(list, [lo](Runtime& rt) {
        const DayRange range = range_args(rt, lo->since, lo->until);
        std::optional<RatingKind> kind;
        if (lo->kind) kind = parse_rating_kind(*lo->kind);
        present(rt, app::rate_list(rt.store(), {range, kind}));
    });
}

} // namespace kint::cli
