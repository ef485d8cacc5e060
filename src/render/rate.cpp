#include "kint/render/rate.hpp"

#include "kint/render/listing.hpp"

#include <fmt/format.h>

namespace kint::render {

json::Value to_json(const app::RateResult& r) {
    auto doc = to_json(r.ratings.front());
    doc.set("ratings", list_json(r.ratings));
    doc.set("safety", safety_json(r.verdict, r.rule));
    return doc;
}

std::string to_text(const app::RateResult& r, const Paint& p) {
    std::string out = safety_text(r.verdict, r.rule, p);
    if (!out.empty()) out += "\n";
    for (std::size_t i = 0; i < r.ratings.size(); ++i) {
        const auto& rating = r.ratings[i];
        const auto& was = r.was[i];
        out += fmt::format("{} {}/10 for {}{}{}\n", to_string(rating.kind), rating.value,
                           format_day(rating.day),
                           was ? p.dim(*was == rating.value ? " (the same as before)"
                                                            : fmt::format(" (was {})", *was))
                               : "",
                           rating.note ? p.dim("  — " + *rating.note) : "");
    }
    return out;
}

json::Value to_json(const app::RatingList& list) {
    return list_json(list.records);
}

// One line per day: mood and energy side by side.
std::string to_text(const app::RatingList& list, const Paint& p) {
    const auto& ratings = list.records;
    return list_text(ratings, "No ratings in this range. Rate today with 'kint rate 0-10'.", [&] {
        std::string out;
        for (std::size_t i = 0; i < ratings.size();) {
            const Day day = ratings[i].day;
            std::string line = format_day(day);
            std::vector<std::string> notes;
            for (; i < ratings.size() && ratings[i].day == day; ++i) {
                const auto& r = ratings[i];
                line += fmt::format(
                    "  {} {:>2} {}", p.dim(std::string(to_string(r.kind))), r.value,
                    p.cyan(fmt::format("{:<10}",
                                       std::string(static_cast<std::size_t>(r.value), '#'))));
                if (r.note) notes.push_back(*r.note);
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            if (!notes.empty()) line += p.dim(fmt::format("  — {}", fmt::join(notes, "; ")));
            out += line + "\n";
        }
        return out;
    });
}

} // namespace kint::render
