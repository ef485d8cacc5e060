// cue resume: the resume day is not scheduled until it is done, so a resume in the evening leaves
// no missed day behind; logging it done brings it back (app::log).
#include "app_fixture.hpp"
#include "kint/app/cue.hpp"
#include "kint/app/intent.hpp"
#include "kint/app/log.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

namespace {
struct Fixture {
    store::Store s = store::Store::open_memory();
    Id id = 0;
    Fixture() {
        app::intent_add(s, default_config(), D("2026-11-01"), {"I am open", {}, {}});
        id = app::cue_add(s, default_config(), D("2026-11-02"),
                          {{}, test::coffee_cue(D("2026-11-02"))})
                 .cue.cue.id;
    }
    app::CueStatusChanged set(const char* day, CueStatus status) {
        return app::cue_set_status(s, default_config(), D(day), id, status);
    }
};
} // namespace

TEST_CASE("cue resume: the resume day is left out unless it is done") {
    Fixture f;
    f.set("2026-11-10", CueStatus::paused);
    CHECK(f.set("2026-11-20", CueStatus::active).from_tomorrow);
    auto cue = f.s.cue(f.id);
    CHECK(cue->status == CueStatus::active);
    REQUIRE(cue->pauses.size() == 1);
    CHECK(cue->pauses[0].until == D("2026-11-21"));
    CHECK_FALSE(cue->scheduled_on(D("2026-11-20"))); // not missed when left unlogged
    CHECK(cue->scheduled_on(D("2026-11-21")));

    // Logged done later that evening (or the next day, for that day): the day counts.
    app::log(f.s, default_config(), {f.id, D("2026-11-20"), LogStatus::done, {}});
    cue = f.s.cue(f.id);
    CHECK(cue->pauses[0].until == D("2026-11-20"));
    CHECK(cue->scheduled_on(D("2026-11-20")));
}

TEST_CASE("cue resume: a day done before the resume counts from the resume day") {
    Fixture f;
    f.set("2026-11-10", CueStatus::paused);
    app::log(f.s, default_config(), {f.id, D("2026-11-20"), LogStatus::done, {}});
    CHECK_FALSE(f.set("2026-11-20", CueStatus::active).from_tomorrow);
    const auto cue = f.s.cue(f.id);
    CHECK(cue->pauses[0].until == D("2026-11-20"));
    CHECK(cue->scheduled_on(D("2026-11-20")));
}

TEST_CASE("cue resume: a pause begun and ended the same day covered no day") {
    Fixture f;
    f.set("2026-11-20", CueStatus::paused);
    f.set("2026-11-20", CueStatus::active);
    const auto cue = f.s.cue(f.id);
    CHECK(cue->pauses.empty());
    CHECK(cue->scheduled_on(D("2026-11-20")));
}
