// sync::merge and sync::changes_since (SPEC §7.5): the conflict table of each record kind.
#include "kint/domain/hlc.hpp"
#include "kint/domain/sync.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;

namespace {

const std::string A = "000000000000000000000000000000aa"; // random uids
const std::string B = "000000000000000000000000000000bb";
const std::string C = "000000000000000000000000000000cc";
const std::string S1 = "0000000000000000000000000000005a";

std::string clock(std::int64_t ms, const char* device = "00000000000000d1") {
    return hlc::format({ms, 0, device});
}

Intention intention(Id id, const std::string& uid, const std::string& text,
                    const std::string& hlc) {
    Intention i;
    i.id = id;
    i.uid = uid;
    i.text = text;
    i.created = D("2026-11-01");
    i.hlc = hlc;
    return i;
}

Cue cue(Id id, Id intention_id, const std::string& uid, const std::string& hlc) {
    Cue c;
    c.id = id;
    c.intention_id = intention_id;
    c.uid = uid;
    c.trigger = "coffee";
    c.days = Schedule::daily();
    c.created = D("2026-11-01");
    c.hlc = hlc;
    Step s{D("2026-11-01"), "breathe"};
    s.uid = S1;
    s.hlc = hlc;
    c.steps.push_back(s);
    return c;
}

// A store with one intention (A) and its cue (B), both id 1, written at 1000.
exchange::Snapshot base() {
    exchange::Snapshot s;
    s.intentions.push_back(intention(1, A, "Steady", clock(1000)));
    s.cues.push_back(cue(1, 1, B, clock(1000)));
    return s;
}

// The same records as another device holds them: other ids.
exchange::Snapshot elsewhere() {
    exchange::Snapshot s;
    s.intentions.push_back(intention(7, A, "Steady", clock(1000)));
    s.cues.push_back(cue(9, 7, B, clock(1000)));
    return s;
}

LogEntry log(Id cue, const char* day, LogStatus status, const std::string& hlc,
             std::optional<std::string> note = std::nullopt) {
    LogEntry e{cue, D(day), status, std::move(note)};
    e.hlc = hlc;
    return e;
}

} // namespace

TEST_CASE("sync merge: ratings and edits resolve to the later write, either way round") {
    auto have = base();
    Rating mine{D("2026-11-02"), RatingKind::mood, 4};
    mine.hlc = clock(2000);
    have.ratings.push_back(mine);
    auto in = elsewhere();
    Rating theirs{D("2026-11-02"), RatingKind::mood, 8};
    theirs.hlc = clock(3000, "00000000000000d2");
    in.ratings.push_back(theirs);
    auto m = sync::merge(have, in);
    CHECK(m.changed);
    REQUIRE(m.result.ratings.size() == 1);
    CHECK(m.result.ratings[0].value == 8);
    CHECK(m.latest == theirs.hlc);
    // The earlier write arriving after the later one changes nothing.
    auto back = sync::merge(m.result, [&] {
        auto s = elsewhere();
        s.ratings.push_back(mine);
        return s;
    }());
    CHECK_FALSE(back.changed);
    CHECK(back.result.ratings[0].value == 8);
    // An intention renamed later elsewhere: renamed here, its id kept.
    auto renamed = elsewhere();
    renamed.intentions[0].text = "Steadier";
    renamed.intentions[0].hlc = clock(5000, "00000000000000d2");
    auto r = sync::merge(have, renamed);
    CHECK(r.result.intentions.at(0).text == "Steadier");
    CHECK(r.result.intentions.at(0).id == 1);
    CHECK(r.result.cues.at(0).intention_id == 1);
}

TEST_CASE("sync merge: two writes from before sync (no clock) resolve the same on both sides") {
    auto have = base();
    Rating mine{D("2026-11-02"), RatingKind::energy, 3};
    have.ratings.push_back(mine);
    auto in = elsewhere();
    Rating theirs{D("2026-11-02"), RatingKind::energy, 7};
    in.ratings.push_back(theirs);
    const auto here = sync::merge(have, in).result.ratings.at(0).value;
    auto have2 = elsewhere();
    have2.ratings.push_back(theirs);
    auto in2 = base();
    in2.ratings.push_back(mine);
    const auto there = sync::merge(have2, in2).result.ratings.at(0).value;
    CHECK(here == there);
}

TEST_CASE("sync merge: logs keep every status of a day, the later note wins") {
    auto have = base();
    have.logs.push_back(log(1, "2026-11-02", LogStatus::slip, clock(2000)));
    have.logs.push_back(log(1, "2026-11-03", LogStatus::done, clock(2000), "mine"));
    auto in = elsewhere();
    in.logs.push_back(log(9, "2026-11-02", LogStatus::done, clock(2500, "00000000000000d2")));
    in.logs.push_back(
        log(9, "2026-11-03", LogStatus::done, clock(2600, "00000000000000d2"), "theirs"));
    const auto m = sync::merge(have, in);
    REQUIRE(m.result.logs.size() == 3);
    int done_02 = 0, slip_02 = 0;
    for (const auto& e : m.result.logs) {
        CHECK(e.cue_id == 1); // the store's id of cue B
        if (e.day == D("2026-11-02")) (e.status == LogStatus::done ? done_02 : slip_02)++;
        if (e.day == D("2026-11-03")) CHECK(e.note == "theirs");
    }
    CHECK(done_02 == 1);
    CHECK(slip_02 == 1);
    CHECK(m.received == 2);
}

TEST_CASE("sync merge: a removal wins over earlier writes, not over later ones") {
    auto have = base();
    have.logs.push_back(log(1, "2026-11-02", LogStatus::done, clock(2000)));
    have.logs.push_back(log(1, "2026-11-03", LogStatus::done, clock(4000)));
    auto in = elsewhere();
    in.removals.push_back({sync::log_uid(B, D("2026-11-02"), LogStatus::done), clock(3000)});
    in.removals.push_back({sync::log_uid(B, D("2026-11-03"), LogStatus::done), clock(3000)});
    const auto m = sync::merge(have, in);
    REQUIRE(m.result.logs.size() == 1); // the 3rd was logged again after the removal
    CHECK(m.result.logs[0].day == D("2026-11-03"));
    CHECK(m.result.removals.size() == 2);
    // A record arriving that a tombstone here already buried stays out.
    auto late = elsewhere();
    late.logs.push_back(log(9, "2026-11-02", LogStatus::done, clock(2000)));
    const auto again = sync::merge(m.result, late);
    CHECK_FALSE(again.changed);
    CHECK(again.result.logs.size() == 1);
    // Journal entries and sessions too.
    auto with_entry = base();
    JournalEntry e;
    e.id = 4;
    e.uid = C;
    e.day = D("2026-11-02");
    e.text = "hello";
    e.hlc = clock(2000);
    with_entry.journal.push_back(e);
    with_entry.sessions.push_back(Session{2, D("2026-11-01"), std::nullopt, clock(2000)});
    auto gone = elsewhere();
    gone.removals.push_back({C, clock(2500)});
    gone.removals.push_back({sync::session_uid(D("2026-11-01")), clock(2500)});
    const auto g = sync::merge(with_entry, gone);
    CHECK(g.result.journal.empty());
    CHECK(g.result.sessions.empty());
}

TEST_CASE("sync merge: new records get the next free ids and the store's references") {
    auto have = base();
    JournalEntry mine;
    mine.id = 1;
    mine.uid = A;
    mine.day = D("2026-11-02");
    mine.text = "mine";
    mine.hlc = clock(2000);
    have.journal.push_back(mine);
    have.focus = 1;
    auto in = elsewhere();
    in.intentions.push_back(intention(1, C, "Kind", clock(2500, "00000000000000d2")));
    auto c2 = cue(1, 1, "000000000000000000000000000000dd", clock(2500, "00000000000000d2"));
    c2.steps[0].uid = "000000000000000000000000000000ee";
    in.cues.push_back(c2);
    in.logs.push_back(log(1, "2026-11-02", LogStatus::done, clock(2500, "00000000000000d2")));
    JournalEntry theirs = mine;
    theirs.uid = B;
    theirs.text = "theirs";
    in.journal.push_back(theirs);
    const auto m = sync::merge(have, in);
    REQUIRE(m.result.intentions.size() == 2);
    CHECK(m.result.intentions[1].uid == C);
    CHECK(m.result.intentions[1].id == 2);
    REQUIRE(m.result.cues.size() == 2);
    CHECK(m.result.cues[1].id == 2);
    CHECK(m.result.cues[1].intention_id == 2);
    REQUIRE(m.result.logs.size() == 1);
    CHECK(m.result.logs[0].cue_id == 2);
    REQUIRE(m.result.journal.size() == 2);
    CHECK(m.result.journal[1].id == 2);
    CHECK(m.result.journal[1].text == "theirs");
    CHECK(m.result.focus == 1);
    // Heard twice, nothing changes.
    CHECK_FALSE(sync::merge(m.result, in).changed);
}

TEST_CASE("sync merge: a record whose parent did not come is left out") {
    exchange::Snapshot in;
    in.logs.push_back(log(5, "2026-11-02", LogStatus::done, clock(2000)));
    in.cues.push_back(cue(6, 42, C, clock(2000))); // intention 42 is not in the file
    const auto m = sync::merge(base(), in);
    CHECK(m.left_out == 2);
    CHECK_FALSE(m.changed);
}

TEST_CASE("sync changes_since: this device's writes after the clock, with their parents") {
    auto all = base();
    const std::string mine = "00000000000000d1", theirs = "00000000000000d2";
    all.logs.push_back(log(1, "2026-11-02", LogStatus::done, clock(5000, mine.c_str())));
    all.logs.push_back(log(1, "2026-11-03", LogStatus::done, clock(6000, theirs.c_str())));
    Rating r{D("2026-11-02"), RatingKind::mood, 5};
    r.hlc = clock(900, mine.c_str());
    all.ratings.push_back(r);
    const auto first = sync::changes_since(all, mine, "");
    CHECK(sync::count(first.records) == sync::count(all)); // a first sync sends everything
    CHECK(first.changed == sync::count(all));
    const auto out = sync::changes_since(all, mine, clock(4000, mine.c_str()));
    CHECK(out.changed == 1);
    const auto& later = out.records;
    REQUIRE(later.logs.size() == 1);
    CHECK(later.logs[0].day == D("2026-11-02"));
    CHECK(later.cues.size() == 1); // the log's cue, whole
    CHECK(later.cues[0].steps.size() == 1);
    CHECK(later.intentions.size() == 1); // and its intention
    CHECK(later.ratings.empty());
    CHECK(sync::changes_since(all, mine, clock(7000, mine.c_str())).changed == 0);
}
