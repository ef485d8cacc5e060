// app::session_add, session_rm and session_list against an in-memory store and the default config.
#include "kint/app/session.hpp"

#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {
struct Fixture {
    store::Store store = store::Store::open_memory();
    config::Config cfg = config::parse();
    Day today = D("2026-11-20");
    app::SessionAdded add(const std::string& day, std::optional<std::string> note = {}) {
        return app::session_add(store, cfg, today, {D(day), std::move(note)});
    }
};
} // namespace

TEST_CASE("app::session_add: a new session, the timeline counts from it") {
    Fixture f;
    REQUIRE_FALSE(f.cfg.timeline.empty());
    const auto r = f.add("2026-11-15", "first");
    CHECK(r.session.id > 0);
    CHECK(r.session.note == "first");
    CHECK_FALSE(r.existed);
    CHECK(r.note_given);
    CHECK(r.timeline_from == D("2026-11-15"));
    REQUIRE(f.store.sessions().size() == 1);
    CHECK(f.store.sessions()[0].day == D("2026-11-15"));
}

TEST_CASE("app::session_add: the same day again, the store decides the note") {
    Fixture f;
    const Id id = f.add("2026-11-15", "first").session.id;
    const auto kept = f.add("2026-11-15");
    CHECK(kept.existed);
    CHECK_FALSE(kept.note_given);
    CHECK(kept.session.id == id);
    CHECK(kept.session.note == "first");
    const auto updated = f.add("2026-11-15", "second");
    CHECK(updated.existed);
    CHECK(updated.session.note == "second");
    REQUIRE(f.store.sessions().size() == 1);
    CHECK(f.store.sessions()[0].note == "second");
}

TEST_CASE("app::session_add: an earlier or a planned session does not move the timeline") {
    Fixture f;
    f.add("2026-11-15");
    CHECK(f.add("2026-11-01").timeline_from == D("2026-11-15"));
    CHECK_FALSE(f.add("2026-12-01").timeline_from);
    config::Config none = f.cfg;
    none.timeline.clear();
    CHECK_FALSE(app::session_add(f.store, none, f.today, {D("2026-11-18"), {}}).timeline_from);
    CHECK(f.store.sessions().size() == 4);
}

TEST_CASE("app::session_rm and session_list") {
    Fixture f;
    CHECK(app::session_list(f.store, f.today).records.empty());
    f.add("2026-11-15");
    f.add("2026-11-01");
    const auto list = app::session_list(f.store, f.today);
    CHECK(list.today == f.today);
    REQUIRE(list.records.size() == 2);
    CHECK(list.records[0].day == D("2026-11-01"));
    CHECK(app::session_rm(f.store, D("2026-11-01")).day == D("2026-11-01"));
    CHECK(f.store.sessions().size() == 1);
    CHECK_THROWS_WITH_AS(app::session_rm(f.store, D("2026-11-01")),
                         "there is no session on 2026-11-01; see 'kint session list'", NotFound);
}
