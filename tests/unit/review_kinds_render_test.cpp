// The review's words for cues that fit a life, in every format: an if-then cue's occurrences
// ("came up"), a --per cue's target ("2 of 3 this week"), a measured cue's amounts.
#include "kint/config/config.hpp"
#include "kint/domain/review.hpp"
#include "kint/render/render.hpp"
#include "kint/render/review_render.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

using namespace kint;
using kint::test::D;

namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

Cue make(Id id, std::string trigger, std::string behavior) {
    Cue c;
    c.id = id;
    c.intention_id = 1;
    c.trigger = std::move(trigger);
    c.created = D("2026-10-01");
    c.steps = {Step{c.created, std::move(behavior), std::nullopt}};
    return c;
}

LogEntry at(Id cue, std::string_view day, LogStatus s = LogStatus::done,
            std::optional<double> amount = std::nullopt) {
    return LogEntry{cue, D(day), s, std::nullopt, amount};
}

review::Report report(const config::Config& cfg, std::string_view from, std::string_view to,
                      std::string_view today) {
    Cue situation = make(1, "my jaw clenches", "five slow breaths");
    situation.kind = CueKind::if_;
    Cue per = make(2, "work", "go for a run");
    per.per = Per{3, 7, true};
    Cue measured = make(3, "dinner", "read");
    measured.steps[0].measure = Measure{50, "min", false};
    const std::vector<LogEntry> logs{at(1, "2026-11-10"),
                                     at(1, "2026-11-12", LogStatus::slip),
                                     at(1, "2026-11-14"),
                                     at(2, "2026-11-09"),
                                     at(2, "2026-11-11"),
                                     at(2, "2026-11-16"),
                                     at(3, "2026-11-09", LogStatus::done, 35),
                                     at(3, "2026-11-10", LogStatus::done, 50),
                                     at(3, "2026-11-11", LogStatus::done, 60)};
    return review::build(review::Input{.period = {D(from), D(to)},
                                       .today = D(today),
                                       .config = cfg,
                                       .cues = {situation, per, measured},
                                       .logs = logs});
}

} // namespace

TEST_CASE("review render: if-then, --per and measured cues in text, markdown, JSON and HTML") {
    const auto cfg = config::parse();
    const auto r = report(cfg, "2026-11-09", "2026-11-15", "2026-11-20");
    REQUIRE(r.cues.size() == 3);
    const std::string text = render::review_text(r, cfg, render::Paint(false));
    CHECK(contains(text, "came up 3 times: done 2, not this time 1 · consistency 67%"));
    CHECK(contains(text, "2 of 3 this week · consistency 67%"));
    CHECK(contains(text, "done 2 of 7 scheduled days, 1 short of the step, 4 missed"));
    CHECK(contains(text, "amounts: Mo 35 of 50 min, Tu 50, We 60 · total 145 min"));
    CHECK(contains(text, "◐\u00a0short of the step"));

    const std::string md = render::review_document(r, cfg, "markdown", render::Paint(false));
    CHECK(contains(md, "- came up 3 times: done 2, not this time 1"));
    CHECK(contains(md, "- 2 of 3 this week"));

    const std::string json = render::review_json(r, cfg).dump();
    CHECK(contains(json, R"("occurrences": 3)"));
    CHECK(contains(json, R"("per": "3/week")"));
    CHECK(contains(json, R"("target": 50)"));
    CHECK(contains(json, R"("unit": "min")"));
    CHECK(contains(json, R"("at_most": false)"));
    CHECK(contains(json, R"("amount_total": 145)"));

    const std::string html = render::review_document(r, cfg, "html", render::Paint(false));
    CHECK(contains(html, "2 of 3 this week"));
    CHECK(contains(html, "Came up"));
    CHECK(contains(html, "not this time 1"));
    CHECK(contains(html, "m-unmet"));

    SUBCASE("this week on its Friday: so far, and today open") {
        const auto now = report(cfg, "2026-11-16", "2026-11-22", "2026-11-20");
        const std::string t = render::review_text(now, cfg, render::Paint(false));
        CHECK(contains(t, "1 of 3 so far this week"));
        CHECK(contains(t, "did not come up this period"));
        CHECK(contains(t, "◌\u00a0open today"));
        CHECK(contains(render::review_json(now, cfg).dump(), R"("mark": "open")"));
    }
}
