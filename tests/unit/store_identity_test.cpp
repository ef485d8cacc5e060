// Schema v5 (issue 18): every record's global uid, the clock of its last write, tombstones for
// removals, the store's device; the upgrade of an older store; replace_all (sync's apply).
#include "kint/domain/hlc.hpp"
#include "kint/domain/sync.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>

namespace fs = std::filesystem;
using namespace kint;
using kint::test::D;

namespace {

struct Fixture {
    store::Store s = store::Store::open_memory();
    std::int64_t now = 1'800'000'000'000;
    Id intention = 0, cue = 0;
    Fixture() {
        s.wall_clock([this] { return now; });
        s.write([&] {
            intention = s.add_intention("Steady", std::nullopt, std::nullopt, D("2026-11-01"));
            store::NewCue c{intention,         CueKind::after,  "coffee",       std::nullopt,
                            Schedule::daily(), D("2026-11-01"), "three breaths"};
            cue = s.add_cue(c);
        });
    }
};

// The records' ids, uids, clocks and values, as text to compare.
std::string text(const exchange::Snapshot& d) {
    std::string out;
    for (const auto& i : d.intentions)
        out += fmt::format("I {} {} {} {}\n", i.id, i.uid, i.hlc, i.text);
    for (const auto& c : d.cues)
        out += fmt::format("C {} {} {} {} {}\n", c.id, c.intention_id, c.uid, c.hlc, c.trigger);
    for (const auto& e : d.logs)
        out += fmt::format("L {} {} {} {} {}\n", e.cue_id, format_day(e.day), to_string(e.status),
                           e.note.value_or("-"), e.hlc);
    for (const auto& r : d.ratings)
        out += fmt::format("R {} {} {} {}\n", format_day(r.day), to_string(r.kind), r.value, r.hlc);
    for (const auto& x : d.sessions)
        out += fmt::format("S {} {} {} {}\n", x.id, format_day(x.day), x.note.value_or("-"), x.hlc);
    return out;
}

} // namespace

TEST_CASE("store v5: records get uids and the clock of their write") {
    Fixture f;
    const auto d = f.s.dump();
    REQUIRE(d.intentions.size() == 1);
    CHECK(sync::valid_random_uid(d.intentions[0].uid));
    CHECK(sync::valid_random_uid(d.cues[0].uid));
    CHECK(sync::valid_random_uid(d.cues[0].steps[0].uid));
    CHECK(d.cues[0].uid != d.intentions[0].uid);
    // One clock per transaction: the intention, the cue and its first step share it.
    const auto stamp = hlc::parse(d.intentions[0].hlc);
    REQUIRE(stamp);
    CHECK(stamp->ms == f.now);
    CHECK(d.cues[0].hlc == d.intentions[0].hlc);
    CHECK(d.cues[0].steps[0].hlc == d.intentions[0].hlc);
    CHECK(f.s.device() == stamp->device);
    CHECK(f.s.last_clock() == d.intentions[0].hlc);
}

TEST_CASE("store v5: the clock never goes back, even when the wall clock does") {
    Fixture f;
    const std::string first = f.s.last_clock();
    f.now -= 3'600'000; // an hour back
    f.s.write([&] { f.s.put_rating({D("2026-11-02"), RatingKind::mood, 6}); });
    const auto r = f.s.dump().ratings.at(0);
    CHECK(r.hlc > first);
    f.s.write([&] { f.s.put_rating({D("2026-11-02"), RatingKind::mood, 7}); });
    CHECK(f.s.dump().ratings.at(0).hlc > r.hlc);
    // A clock heard from another device ahead: the next write is later still.
    const auto ahead = hlc::format({f.now + 86'400'000, 3, "00000000000000ff"});
    f.s.write([&] { f.s.hear_clock(ahead); });
    f.s.write([&] { f.s.put_log({f.cue, D("2026-11-02"), LogStatus::done}); });
    const auto log = f.s.dump().logs.at(0);
    CHECK(log.hlc > ahead);
    CHECK(hlc::parse(log.hlc)->device == f.s.device());
}

TEST_CASE("store v5: removals leave tombstones named by the record") {
    Fixture f;
    Id entry = 0;
    f.s.write([&] {
        f.s.put_log({f.cue, D("2026-11-02"), LogStatus::done});
        f.s.put_log({f.cue, D("2026-11-02"), LogStatus::slip});
        f.s.add_session(Session{0, D("2026-11-03"), std::nullopt});
        JournalEntry e;
        e.day = D("2026-11-03");
        e.text = "a quiet day";
        entry = f.s.add_journal(e);
    });
    const auto before = f.s.dump();
    const std::string journal_uid = before.journal.at(0).uid;
    const std::string cue_uid = before.cues.at(0).uid;
    f.now += 1000;
    f.s.write([&] {
        CHECK(f.s.remove_logs(f.cue, D("2026-11-02"), std::nullopt) == 2);
        CHECK(f.s.remove_session(D("2026-11-03")));
        CHECK(f.s.remove_journal(entry));
    });
    const auto after = f.s.dump();
    std::vector<std::string> uids;
    for (const auto& r : after.removals) {
        uids.push_back(r.uid);
        CHECK(r.hlc == f.s.last_clock());
    }
    std::vector<std::string> expected{sync::log_uid(cue_uid, D("2026-11-02"), LogStatus::done),
                                      sync::log_uid(cue_uid, D("2026-11-02"), LogStatus::slip),
                                      sync::session_uid(D("2026-11-03")), journal_uid};
    std::sort(expected.begin(), expected.end());
    CHECK(uids == expected);
}

TEST_CASE("store v5: pausing, resuming and editing stamp the cue and its pauses") {
    Fixture f;
    const std::string made = f.s.dump().cues.at(0).hlc;
    f.now += 1000;
    f.s.write([&] { f.s.pause_cue(f.cue, D("2026-11-05")); });
    auto c = f.s.dump().cues.at(0);
    CHECK(c.hlc > made);
    REQUIRE(c.pauses.size() == 1);
    CHECK(c.pauses[0].hlc == c.hlc);
    // A pause resumed the day it began covered nothing: gone, and a tombstone says so.
    f.now += 1000;
    f.s.write([&] { f.s.resume_cue(f.cue, D("2026-11-05")); });
    const auto d = f.s.dump();
    CHECK(d.cues.at(0).pauses.empty());
    REQUIRE(d.removals.size() == 1);
    CHECK(d.removals[0].uid == sync::pause_uid(d.cues[0].uid, D("2026-11-05")));
}

TEST_CASE("store v5: a v4 store gains uids for every record when it is upgraded") {
    const auto dir = fs::temp_directory_path() / fmt::format("kint-v5-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string db = (dir / "kint.db").string();
    {
        auto old = store::Store::open_at_version(db, 4);
        old.write([&] {
            const Id i = old.add_intention("Steady", std::nullopt, std::nullopt, D("2026-11-01"));
            store::NewCue c{i,
                            CueKind::after,
                            "coffee",
                            std::nullopt,
                            Schedule::daily(),
                            D("2026-11-01"),
                            "breathe"};
            const Id cue = old.add_cue(c);
            old.put_log({cue, D("2026-11-02"), LogStatus::done});
            JournalEntry e;
            e.day = D("2026-11-02");
            e.text = "hello";
            old.add_journal(e);
        });
        const auto d = old.dump(); // an older schema reads without uids
        CHECK(d.intentions.at(0).uid.empty());
        CHECK(old.last_clock().empty());
    }
    auto s = store::Store::open(db);
    s.write([&] { s.put_rating({D("2026-11-02"), RatingKind::mood, 5}); });
    CHECK(s.user_version() == store::schema_version);
    CHECK(fs::exists(db + ".bak-v4"));
    const auto d = s.dump();
    CHECK(sync::valid_random_uid(d.intentions.at(0).uid));
    CHECK(sync::valid_random_uid(d.cues.at(0).uid));
    CHECK(sync::valid_random_uid(d.cues.at(0).steps.at(0).uid));
    CHECK(sync::valid_random_uid(d.journal.at(0).uid));
    CHECK(d.logs.at(0).hlc.empty()); // written before clocks: sorts first
    CHECK(hlc::parse(d.ratings.at(0).hlc));
    fs::remove_all(dir);
}

TEST_CASE("store v5: replace_all keeps ids, uids and clocks exactly") {
    Fixture f;
    f.s.write([&] {
        f.s.put_log({f.cue, D("2026-11-02"), LogStatus::done, "easy"});
        f.s.put_rating({D("2026-11-02"), RatingKind::energy, 4});
        f.s.add_session(Session{0, D("2026-11-01"), "first"});
    });
    auto d = f.s.dump();
    d.logs.at(0).hlc = ""; // even an empty clock stays empty
    auto other = store::Store::open_memory();
    other.write([&] { other.replace_all(d); });
    const auto back = other.dump();
    CHECK(text(back) == text(d));
    CHECK(back.cues.at(0).uid == d.cues.at(0).uid);
    CHECK(back.cues.at(0).steps.at(0).uid == d.cues.at(0).steps.at(0).uid);
    CHECK(back.logs.at(0).hlc.empty());
    // And again over what it holds: the same.
    other.write([&] { other.replace_all(d); });
    CHECK(text(other.dump()) == text(d));
}

TEST_CASE("store v5: steps that share a cue, day and behavior keep their own uids, in order") {
    Fixture f;
    const Step again{D("2026-11-03"), "three breaths", std::nullopt, std::nullopt};
    for (int i = 0; i < 3; ++i) {
        f.now += 1000;
        f.s.write([&] {
            f.s.add_step(f.cue, again);
            f.s.add_step(f.cue, Step{D("2026-11-03"), "one breath", std::nullopt, std::nullopt});
        });
    }
    const auto d = f.s.dump();
    const auto& steps = d.cues.at(0).steps;
    REQUIRE(steps.size() == 7);
    std::vector<std::string> uids;
    for (const auto& st : steps) {
        CHECK(sync::valid_random_uid(st.uid));
        uids.push_back(st.uid);
    }
    std::ranges::sort(uids);
    CHECK(std::ranges::adjacent_find(uids) == uids.end()); // each its own
    // Each repeat carries the clock of its own write, so they come back in the order written.
    for (std::size_t i = 3; i < steps.size(); i += 2)
        CHECK(steps[i].hlc > steps[i - 2].hlc);
    // And a store that takes them back keeps each one's uid in its place.
    auto other = store::Store::open_memory();
    other.write([&] { other.replace_all(d); });
    const auto back = other.dump().cues.at(0).steps;
    REQUIRE(back.size() == steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        CHECK(back[i].uid == steps[i].uid);
        CHECK(back[i].hlc == steps[i].hlc);
    }
}

TEST_CASE("store v5: a dump without clocks keeps the uids a match goes by, and no clock else") {
    Fixture f;
    f.s.write([&] {
        f.s.put_log({f.cue, D("2026-11-02"), LogStatus::done, std::nullopt});
        f.s.put_rating({D("2026-11-02"), RatingKind::mood, 6});
        f.s.add_session(Session{0, D("2026-11-01"), "first"});
    });
    const auto all = f.s.dump();
    const auto bare = f.s.dump({.clocks = false});
    CHECK(bare.intentions.at(0).uid == all.intentions.at(0).uid);
    CHECK(bare.cues.at(0).uid == all.cues.at(0).uid);
    CHECK(bare.cues.at(0).steps.at(0).uid.empty());
    CHECK(bare.cues.at(0).steps.at(0).hlc.empty());
    CHECK(bare.logs.at(0).hlc.empty());
    CHECK(bare.ratings.at(0).hlc.empty());
    CHECK(bare.sessions.at(0).hlc.empty());
    CHECK(!all.logs.at(0).hlc.empty());
    // The values themselves are the same.
    CHECK(bare.logs.size() == all.logs.size());
    CHECK(bare.cues.at(0).steps.at(0).behavior == all.cues.at(0).steps.at(0).behavior);
}

TEST_CASE(
    "store v5: a step's place among its repeats is counted by its own cue, day and behavior") {
    // A malformed day holding a '|' (no kint writes one; its reader skips the row) must not share
    // a count with a real step whose behavior holds one: the real step keeps its own uid.
    const auto dir = fs::temp_directory_path() / fmt::format("kint-steps-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string db = (dir / "kint.db").string();
    Id cue = 0;
    {
        auto s = store::Store::open(db);
        s.write([&] {
            const Id i = s.add_intention("Steady", std::nullopt, std::nullopt, D("2026-11-01"));
            cue = s.add_cue({i, CueKind::after, "coffee", std::nullopt, Schedule::daily(),
                             D("2026-11-01"), "three breaths"});
        });
    }
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        SQLite::Statement add(raw, "INSERT INTO step (cue_id, day, behavior, uid, hlc) "
                                   "VALUES (?, ?, ?, ?, '')");
        for (const auto& [day, behavior, uid] :
             {std::tuple("2026-11-03|a", "b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
              std::tuple("2026-11-03", "a|b", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")}) {
            add.bind(1, cue);
            add.bind(2, day);
            add.bind(3, behavior);
            add.bind(4, uid);
            add.exec();
            add.reset();
        }
    }
    {
        auto s = store::Store::open(db);
        const auto d = s.dump();
        const auto& steps = d.cues.at(0).steps;
        const auto real = std::ranges::find(steps, std::string("a|b"), &Step::behavior);
        REQUIRE(real != steps.end());
        CHECK(real->uid == "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    }
    fs::remove_all(dir);
}
