// Prompt rotation by phase and day, and where a day sits on the integration timeline.
#include "kint/config/config.hpp"
#include "kint/domain/phases.hpp"
#include "kint/domain/prompts.hpp"
#include "test_day.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>
#include <stdexcept>

using namespace kint;
using kint::test::D;
using std::chrono::days;

namespace {

const config::Config& default_config() {
    static const config::Config cfg = config::parse();
    return cfg;
}

std::vector<std::string> ids(const std::vector<config::Prompt>& prompts) {
    std::vector<std::string> out;
    for (const auto& p : prompts)
        out.push_back(p.id);
    return out;
}

bool tagged(const config::Prompt& p, std::string_view phase) {
    return std::find(p.phases.begin(), p.phases.end(), phase) != p.phases.end();
}

std::vector<Session> sessions(std::initializer_list<std::string_view> texts) {
    std::vector<Session> out;
    Id id = 0;
    for (auto t : texts)
        out.push_back(Session{++id, D(t), std::nullopt});
    return out;
}

} // namespace

TEST_CASE("prompts::for_day: the same all day, the next ones the next day") {
    const auto& all = default_config().prompts;
    const Day day = D("2026-11-20");
    const auto first = prompts::for_day(all, "general", day, 3);
    REQUIRE(first.size() == 3);
    CHECK(ids(first) == ids(prompts::for_day(all, "general", day, 3)));
    CHECK(ids(prompts::for_day(all, "general", day, 1)).front() == first.front().id);

    const auto next = prompts::for_day(all, "general", day + days{1}, 3);
    REQUIRE(next.size() == 3);
    CHECK(next.front().id != first.front().id);
    // The offset moves by one: tomorrow's first is today's second.
    CHECK(next.front().id == first[1].id);
    // Three prompts of one day are distinct.
    const auto first_ids = ids(first);
    CHECK(std::set<std::string>(first_ids.begin(), first_ids.end()).size() == 3);

    // Across the general pool every prompt comes round.
    const auto pool = prompts::pool(all, "general");
    std::set<std::string> seen;
    for (int i = 0; i < static_cast<int>(pool.size()); ++i)
        seen.insert(prompts::for_day(all, "general", day + days{i}, 1).front().id);
    CHECK(seen.size() == pool.size());
}

TEST_CASE("prompts::for_day: only prompts of the phase's pool") {
    const auto& all = default_config().prompts;
    const auto day0 = prompts::pool(all, "day0");
    REQUIRE(day0.size() == 3); // the three notes
    for (const auto* p : day0)
        CHECK(p->id.starts_with("notes."));

    for (int i = 0; i < 10; ++i) {
        const Day day = D("2026-11-20") + days{i};
        for (const auto& p : prompts::for_day(all, "day0", day, 5)) {
            INFO(p.id, " on day ", i);
            CHECK(tagged(p, "day0"));
        }
        // A count larger than the pool gives the pool, once each.
        CHECK(prompts::for_day(all, "day0", day, 5).size() == 3);
        for (const auto& p : prompts::for_day(all, "days4-14", day, 4))
            CHECK(tagged(p, "days4-14"));
    }
    // No prompt is tagged for day0 except the notes: a quick prompt never appears.
    for (int i = 0; i < 3; ++i)
        for (const auto& p : prompts::for_day(all, "day0", D("2026-01-01") + days{i}, 1))
            CHECK_FALSE(p.id.starts_with("quick."));

    // A phase without prompts falls back to every prompt; count 0 gives none.
    CHECK(prompts::pool(all, "no-such-phase").size() == all.size());
    CHECK(prompts::for_day(all, "day0", D("2026-11-20"), 0).empty());
    CHECK(prompts::for_day({}, "day0", D("2026-11-20"), 3).empty());
}

TEST_CASE("phases::timeline_position: days since the latest session") {
    const auto& timeline = default_config().timeline;
    const auto s = sessions({"2026-11-01"});

    const auto day0 = phases::timeline_position(timeline, s, D("2026-11-01"));
    REQUIRE(day0);
    REQUIRE(day0->phase != nullptr);
    CHECK(day0->phase->key == "day0");
    CHECK(day0->day == 0);
    CHECK(day0->session == D("2026-11-01"));
    CHECK(phases::phase_tag(day0, s, D("2026-11-01")) == "day0");

    const auto day3 = phases::timeline_position(timeline, s, D("2026-11-04"));
    REQUIRE(day3);
    REQUIRE(day3->phase != nullptr);
    CHECK(day3->phase->key == "days1-3");
    CHECK(day3->day == 3);

    const auto day14 = phases::timeline_position(timeline, s, D("2026-11-15"));
    REQUIRE(day14);
    REQUIRE(day14->phase != nullptr);
    CHECK(day14->phase->key == "days4-14");
    CHECK(day14->day == 14);

    const auto day15 = phases::timeline_position(timeline, s, D("2026-11-16"));
    REQUIRE(day15);
    CHECK(day15->phase == nullptr);
    CHECK(day15->day == 15);
    CHECK(phases::phase_tag(day15, s, D("2026-11-16")) == "general");

    CHECK_FALSE(phases::timeline_position(timeline, {}, D("2026-11-16")));
    CHECK(phases::phase_tag(std::nullopt, {}, D("2026-11-16")) == "general");
    // The day before the only session: no session applies yet.
    CHECK_FALSE(phases::timeline_position(timeline, s, D("2026-10-31")));
}

namespace {
// The tag for `day` as today and review find it: its timeline position first.
std::string tag(const std::vector<config::TimelinePhase>& timeline,
                const std::vector<Session>& sessions, Day day) {
    return phases::phase_tag(phases::timeline_position(timeline, sessions, day), sessions, day);
}
} // namespace

TEST_CASE("phases::phase_tag: the timeline phase, else preparation the week before a session") {
    const auto& timeline = default_config().timeline;
    CHECK(tag(timeline, {}, D("2026-11-16")) == "general");
    // A planned session on the 20th: the week before it prepares for it.
    const auto planned = sessions({"2026-11-20"});
    CHECK(tag(timeline, planned, D("2026-11-12")) == "general");
    CHECK(tag(timeline, planned, D("2026-11-13")) == "preparation");
    CHECK(tag(timeline, planned, D("2026-11-19")) == "preparation");
    CHECK(tag(timeline, planned, D("2026-11-20")) == "day0");
    // Days 1-14 after one session keep their integration prompts, though the next is near.
    const auto both = sessions({"2026-11-01", "2026-11-10"});
    CHECK(tag(timeline, both, D("2026-11-05")) == "days4-14");
    // Past day 14 with the next session near: preparation.
    const auto later = sessions({"2026-10-01", "2026-11-20"});
    CHECK(tag(timeline, later, D("2026-11-16")) == "preparation");
    // The default config has preparation prompts for those days.
    for (const auto& p :
         prompts::for_day(default_config().prompts, "preparation", D("2026-11-16"), 3))
        CHECK(tagged(p, "preparation"));
}

TEST_CASE("phases::timeline_position: a future session is ignored, the latest past one counts") {
    const auto& timeline = default_config().timeline;
    // Out of order on purpose: the store may return them in any order.
    const auto s = sessions({"2026-11-20", "2026-10-01", "2026-11-10"});
    const auto pos = phases::timeline_position(timeline, s, D("2026-11-15"));
    REQUIRE(pos);
    CHECK(pos->session == D("2026-11-10"));
    CHECK(pos->day == 5);
    REQUIRE(pos->phase != nullptr);
    CHECK(pos->phase->key == "days4-14");
    // On the day of the planned session it becomes day 0.
    const auto on = phases::timeline_position(timeline, s, D("2026-11-20"));
    REQUIRE(on);
    CHECK(on->day == 0);
}

TEST_CASE("prompts: on hard days only gentle prompts") {
    const auto& all = default_config().prompts;
    // The default's gentle prompts: the source's self-compassion, body and grounding lines and
    // the three notes of the first 24 hours.
    std::set<std::string> gentle;
    for (const auto& p : all)
        if (p.gentle) gentle.insert(p.id);
    CHECK(gentle == std::set<std::string>{"quick.2", "quick.4", "notes.1", "notes.2", "notes.3",
                                          "care.1", "care.2", "preparation.4"});
    REQUIRE(default_config().find_prompt("quick.2"));
    CHECK(default_config().find_prompt("quick.2")->text == "What can I let be imperfect today?");
    CHECK(default_config().find_prompt("quick.4")->text == "What did my body ask for today?");

    for (const auto* phase : {"day0", "days1-3", "days4-14", "general", "preparation"}) {
        CAPTURE(phase);
        const auto pool = prompts::pool(all, phase, true);
        REQUIRE_FALSE(pool.empty());
        for (const auto* p : pool) {
            CHECK(p->gentle);
            CHECK(tagged(*p, phase));
        }
        for (int i = 0; i < 10; ++i)
            for (const auto& p : prompts::for_day(all, phase, D("2026-11-20") + days{i}, 3, true))
                CHECK(p.gentle);
    }
    // Day 0 offers the three notes either way.
    CHECK(prompts::pool(all, "day0", true).size() == 3);
    // The example: a safety day can no longer offer the fears behind avoidance.
    for (int i = 0; i < 30; ++i)
        for (const auto& p : prompts::for_day(all, "days4-14", D("2026-11-01") + days{i}, 3, true))
            CHECK(p.id != "curiosity.2");
    // Not gentle: the whole pool as before.
    CHECK(prompts::pool(all, "days4-14", false).size() >
          prompts::pool(all, "days4-14", true).size());
}

TEST_CASE("prompts: gentle prompts of other phases, or none, when a phase has none") {
    std::vector<config::Prompt> mine{
        {"a.1", "Plain", "a", {"general"}, false},
        {"a.2", "Gentle elsewhere", "a", {"days1-3"}, true},
    };
    const auto general = prompts::pool(mine, "general", true);
    REQUIRE(general.size() == 1);
    CHECK(general[0]->id == "a.2");
    mine[1].gentle = false; // a config that marks none gentle offers none on hard days
    CHECK(prompts::pool(mine, "general", true).empty());
    CHECK(prompts::for_day(mine, "general", D("2026-11-20"), 3, true).empty());
    CHECK(prompts::for_day(mine, "general", D("2026-11-20"), 3).size() == 1);
}
