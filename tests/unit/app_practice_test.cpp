// The practices: the list, one made ready (its pace, its cue checked) and its end logging the cue.
#include "app_fixture.hpp"
#include "kint/app/cue.hpp"
#include "kint/app/intent.hpp"
#include "kint/app/practice.hpp"
#include "kint/core/error.hpp"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

namespace {
const Day today = D("2026-11-20");
// A store that must not be opened: a practice with no cue to log needs none.
store::Store& no_store() {
    throw std::logic_error("the store was opened");
}
} // namespace

TEST_CASE("app practice_list: the config's practices") {
    const auto r = app::practice_list(default_config());
    REQUIRE(r.practices.size() == default_config().practices.size());
    CHECK(r.practices.front().key == default_config().practices.front().key);
}

TEST_CASE("app practice_begin: the pace of each step, the breath pacer, no store needed") {
    const auto run = app::practice_begin(default_config(), {"breath", {}, 3}, no_store);
    CHECK(run.practice.key == "breath");
    CHECK(run.minutes == 3);
    REQUIRE_FALSE(run.practice.steps.empty());
    CHECK(run.seconds_per_step == 180 / static_cast<int>(run.practice.steps.size()));
    CHECK(run.breathe);
    CHECK_FALSE(run.cue);
    const auto grounding = app::practice_begin(default_config(), {"grounding", {}, {}}, no_store);
    CHECK(grounding.minutes == grounding.practice.minutes);
    CHECK_FALSE(grounding.breathe);
    CHECK_THROWS_AS(app::practice_begin(default_config(), {"nope", 1, {}}, no_store), NotFound);
    const auto done = app::practice_finish(no_store, today, run, true);
    CHECK(done.live);
    CHECK_FALSE(done.run.cue);
}

TEST_CASE("app practice: --log checks the cue first and logs it done at the end") {
    auto s = store::Store::open_memory();
    const app::OpenStore open = [&]() -> store::Store& { return s; };
    app::intent_add(s, default_config(), today, {"I am open", {}, {}});
    const Id id =
        app::cue_add(s, default_config(), today, {{}, test::coffee_cue(today)}).cue.cue.id;
    CHECK_THROWS_AS(app::practice_begin(default_config(), {"breath", 9, {}}, open), NotFound);
    auto run = app::practice_begin(default_config(), {"breath", id, {}}, open);
    REQUIRE(run.cue);
    CHECK(s.logs({}).empty());
    const auto done = app::practice_finish(open, today, std::move(run), false);
    const auto logs = s.logs({});
    REQUIRE(logs.size() == 1);
    CHECK(logs[0].cue_id == id);
    CHECK(logs[0].day == today);
    CHECK(logs[0].status == LogStatus::done);
    CHECK(done.run.cue->id == id);
    app::cue_set_status(s, default_config(), today, id, CueStatus::archived);
    CHECK_THROWS_AS(app::practice_begin(default_config(), {"breath", id, {}}, open), UsageError);
}
