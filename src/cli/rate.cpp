// kint rate: one number 0-10 a day, mood (default) or energy.
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/render/render.hpp"
#include "kint/domain/safety.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ostream.h>

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
        // A config error is reported before anything is written.
        const auto& rule = rt.config().safety;
        std::vector<Rating> given;
        if (o->value) given.push_back(Rating{day, kind, *o->value, note});
        if (o->energy)
            given.push_back(
                Rating{day, RatingKind::energy, *o->energy, o->value ? std::nullopt : note});
        // The same day and kind again replaces the value; the note stays unless a new one is given.
        std::vector<Rating> before;
        rt.store().write([&] {
            before = rt.store().ratings(DayRange{day, day});
            for (const auto& r : given)
                rt.store().put_rating(r);
        });
        std::vector<std::optional<int>> was;
        for (auto& r : given) {
            const auto old = std::find_if(before.begin(), before.end(),
                                          [&](const Rating& b) { return b.kind == r.kind; });
            was.push_back(old == before.end() ? std::nullopt : std::optional(old->value));
            if (old != before.end() && !r.note) r.note = old->note;
        }
        const Day today = rt.today();
        const auto verdict = safety::check_recent(app::recent_mood(rt.store(), rule, today), rule, today);
        if (rt.json()) {
            auto doc = render::to_json(given.front());
            auto all = json::array();
            for (const auto& r : given)
                all.push(render::to_json(r));
            doc.set("ratings", std::move(all));
            doc.set("safety", render::safety_json(verdict, rule));
            return rt.print(doc);
        }
        const render::Paint paint(rt.color());
        const std::string safety = render::safety_text(verdict, rule, paint);
        if (!safety.empty()) fmt::print(rt.out, "{}\n", safety);
        for (std::size_t i = 0; i < given.size(); ++i) {
            const auto& r = given[i];
            fmt::print(rt.out, "{} {}/10 for {}{}{}\n", to_string(r.kind), r.value,
                       format_day(r.day),
                       was[i] ? paint.dim(*was[i] == r.value ? " (the same as before)"
                                                             : fmt::format(" (was {})", *was[i]))
                              : "",
                       r.note ? paint.dim("  — " + *r.note) : "");
        }
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
        const auto ratings = rt.store().ratings(range, kind);
        if (rt.json()) {
            auto arr = json::array();
            for (const auto& r : ratings)
                arr.push(render::to_json(r));
            return rt.print(arr);
        }
        if (ratings.empty()) {
            fmt::print(rt.out, "No ratings in this range. Rate today with 'kint rate 0-10'.\n");
            return;
        }
        const render::Paint paint(rt.color());
        // One line per day: mood and energy side by side.
        for (std::size_t i = 0; i < ratings.size();) {
            const Day day = ratings[i].day;
            std::string line = format_day(day);
            std::vector<std::string> notes;
            for (; i < ratings.size() && ratings[i].day == day; ++i) {
                const auto& r = ratings[i];
                line += fmt::format(
                    "  {} {:>2} {}", paint.dim(std::string(to_string(r.kind))), r.value,
                    paint.cyan(fmt::format("{:<10}",
                                           std::string(static_cast<std::size_t>(r.value), '#'))));
                if (r.note) notes.push_back(*r.note);
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            if (!notes.empty()) line += paint.dim(fmt::format("  — {}", fmt::join(notes, "; ")));
            fmt::print(rt.out, "{}\n", line);
        }
    });
}

} // namespace kint::cli
