// Schema 3 in the store (issue 13): N per period, measured steps, amounts, the plans `cue edit`
// keeps; reads on a schema-2 store; the upgrade from 2 with its backup; load() writes all of it.
#include "kint/render/exchange.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace kint;
using kint::test::D;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "kint-v3-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() { fs::remove_all(path); }
};

store::NewCue cue_on(Id intention, std::string behavior = "read") {
    store::NewCue c;
    c.intention_id = intention;
    c.kind = CueKind::after;
    c.trigger = "dinner";
    c.days = Schedule::daily();
    c.created = D("2026-11-02");
    c.behavior = std::move(behavior);
    return c;
}

const Per three_a_week{3, 7, true};
const Measure ten_minutes{10, "min", false};

} // namespace

TEST_CASE("store v3: a cue's per and measure round trip through add_cue") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("Read more", std::nullopt, std::nullopt, D("2026-11-01"));
    auto nc = cue_on(i);
    nc.per = three_a_week;
    nc.measure = ten_minutes;
    const Id c = s.add_cue(nc);
    const Id plain = s.add_cue(cue_on(i, "walk"));
    auto nine = cue_on(i, "scroll");
    nine.per = Per{2, 5, false};
    nine.measure = Measure{20.5, "", true};
    const Id limit = s.add_cue(nine);

    const auto cue = s.cue(c);
    REQUIRE(cue);
    CHECK(cue->per == three_a_week);
    REQUIRE(cue->steps.size() == 1);
    CHECK(cue->steps[0].measure == ten_minutes);
    CHECK(cue->measure() == ten_minutes);
    CHECK(cue->plans.empty());
    CHECK_FALSE(s.cue(plain)->per);
    CHECK_FALSE(s.cue(plain)->measure());
    CHECK(s.cue(limit)->per == Per{2, 5, false});
    CHECK(s.cue(limit)->measure() == Measure{20.5, "", true});
    // cues() reads the same, with all steps or only the current one.
    for (const bool current_only : {false, true}) {
        const auto all = s.cues(true, current_only);
        REQUIRE(all.size() == 3);
        CHECK(all[0].per == three_a_week);
        CHECK(all[0].measure() == ten_minutes);
        CHECK_FALSE(all[1].per);
        CHECK_FALSE(all[1].measure());
        CHECK(all[2].measure() == Measure{20.5, "", true});
    }
    // The schema keeps a target above 0 whoever writes it.
    auto zero = cue_on(i, "nothing");
    zero.measure = Measure{0, "min", false};
    CHECK_THROWS(s.write([&] { s.add_cue(zero); }));
    CHECK(s.cues(true).size() == 3);
}

TEST_CASE("store v3: add_step keeps each step's measure, and a step may drop it") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("Read more", std::nullopt, std::nullopt, D("2026-11-01"));
    auto nc = cue_on(i);
    nc.measure = ten_minutes;
    const Id c = s.add_cue(nc);
    s.add_step(c, Step{D("2026-11-10"), "read", std::string("adjust the size"),
                       Measure{15, "min", false}});
    s.add_step(c, Step{D("2026-11-15"), "read a page", std::nullopt});
    s.add_step(c, Step{D("2026-11-18"), "scroll", std::nullopt, Measure{30, "min", true}});
    const auto cue = s.cue(c);
    REQUIRE(cue->steps.size() == 4);
    CHECK(cue->steps[0].measure == ten_minutes);
    CHECK(cue->steps[1].measure == Measure{15, "min", false});
    CHECK(cue->steps[1].note == "adjust the size");
    CHECK_FALSE(cue->steps[2].measure);
    CHECK(cue->steps[3].measure == Measure{30, "min", true});
    CHECK(cue->step_on(D("2026-11-12")).measure == Measure{15, "min", false});
    CHECK(cue->measure() == Measure{30, "min", true});
    // The current step alone carries its measure too.
    const auto current = s.cues(true, true);
    REQUIRE(current.size() == 1);
    REQUIRE(current[0].steps.size() == 1);
    CHECK(current[0].measure() == Measure{30, "min", true});
}

TEST_CASE("store v3: put_log's amount replaces the day's, and a relog without one keeps it") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("Read more", std::nullopt, std::nullopt, D("2026-11-01"));
    auto nc = cue_on(i);
    nc.measure = ten_minutes;
    const Id c = s.add_cue(nc);
    const Day d = D("2026-11-05");
    s.put_log({c, d, LogStatus::done, std::string("a chapter"), 12.5});
    auto logs = s.logs({{}, c});
    REQUIRE(logs.size() == 1);
    CHECK(logs[0].amount == 12.5);
    // Logging an amount again replaces it (one amount a day, as in Loop).
    s.put_log({c, d, LogStatus::done, std::nullopt, 20.0});
    logs = s.logs({{}, c});
    REQUIRE(logs.size() == 1);
    CHECK(logs[0].amount == 20.0);
    CHECK(logs[0].note == "a chapter");
    // Logging without an amount keeps it.
    s.put_log({c, d, LogStatus::done, std::string("later")});
    logs = s.logs({});
    REQUIRE(logs.size() == 1);
    CHECK(logs[0].amount == 20.0);
    CHECK(logs[0].note == "later");
    // 0 is an amount; a skip has none; the schema refuses a negative one.
    s.put_log({c, d + std::chrono::days{1}, LogStatus::done, std::nullopt, 0.0});
    s.put_log({c, d + std::chrono::days{2}, LogStatus::skip, std::nullopt});
    logs = s.logs({{d + std::chrono::days{1}, std::nullopt}, std::nullopt});
    REQUIRE(logs.size() == 2);
    CHECK(logs[0].amount == 0.0);
    CHECK_FALSE(logs[1].amount);
    CHECK_THROWS(s.write([&] { s.put_log({c, d, LogStatus::done, std::nullopt, -1.0}); }));
    CHECK(s.logs({{d, d}, c})[0].amount == 20.0);
}

TEST_CASE("store v3: edit_cue keeps the plan in force before the edit, once a day") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("Read more", std::nullopt, std::nullopt, D("2026-11-01"));
    auto nc = cue_on(i);
    nc.at = 20 * 60;
    const Id c = s.add_cue(nc);
    const auto original = s.cue(c)->plan();

    // An edit with no change keeps nothing.
    s.edit_cue(*s.cue(c), D("2026-11-08"));
    CHECK(s.cue(c)->plans.empty());

    // From 2026-11-10 on: three times a week, no time.
    auto edited = *s.cue(c);
    edited.per = three_a_week;
    edited.at = std::nullopt;
    s.edit_cue(edited, D("2026-11-10"));
    auto cue = s.cue(c);
    REQUIRE(cue->plans.size() == 1);
    Plan kept = original;
    kept.until = D("2026-11-10");
    CHECK(cue->plans[0] == kept);
    CHECK(cue->per == three_a_week);
    CHECK_FALSE(cue->at);
    CHECK(cue->plan_on(D("2026-11-09")).at == 20 * 60);
    CHECK_FALSE(cue->plan_on(D("2026-11-10")).at);

    // A second edit the same day: still the one plan (the first edit's plan covered no day).
    edited = *cue;
    edited.kind = CueKind::if_;
    edited.trigger = "I open the book";
    s.edit_cue(edited, D("2026-11-10"));
    cue = s.cue(c);
    REQUIRE(cue->plans.size() == 1);
    CHECK(cue->plans[0] == kept);
    CHECK(cue->kind == CueKind::if_);
    CHECK(cue->trigger == "I open the book");

    // A later edit keeps a second plan, oldest first.
    edited = *cue;
    edited.per = std::nullopt;
    edited.days = Schedule::parse("mon,wed,fri");
    s.edit_cue(edited, D("2026-11-16"));
    cue = s.cue(c);
    REQUIRE(cue->plans.size() == 2);
    CHECK(cue->plans[0] == kept);
    CHECK(cue->plans[1].until == D("2026-11-16"));
    CHECK(cue->plans[1].kind == CueKind::if_);
    CHECK(cue->plans[1].per == three_a_week);
    CHECK(cue->plans[1].days == Schedule::daily());
    CHECK(cue->days == Schedule::parse("mon,wed,fri"));
    CHECK(cue->scheduled_on(D("2026-11-14"))); // a Saturday under the daily 3/week plan
    CHECK_FALSE(cue->scheduled_on(D("2026-11-21")));

    // No change again: nothing kept. cues() loads the same plans as cue().
    s.edit_cue(*cue, D("2026-11-18"));
    const auto all = s.cues(true);
    REQUIRE(all.size() == 1);
    CHECK(all[0].plans == s.cue(c)->plans);
    CHECK(all[0].plans.size() == 2);
    CHECK(s.cues(true, true)[0].plans == all[0].plans); // the daily view needs them too

    // A cue edited on its creation day (or earlier, --since) had no old plan in force.
    const Id fresh = s.add_cue(cue_on(i, "walk"));
    auto moved = *s.cue(fresh);
    moved.days = Schedule::parse("weekends");
    s.edit_cue(moved, D("2026-11-02"));
    CHECK(s.cue(fresh)->plans.empty());
    CHECK(s.cue(fresh)->days == Schedule::parse("weekends"));
}

TEST_CASE("store v3: a schema-2 store reads with no per, measure, amount or plans") {
    TempDir tmp;
    const std::string db = (tmp.path / "kint.db").string();
    auto old = store::Store::open_at_version(db, 2);
    REQUIRE(old.user_version() == 2);
    CHECK_FALSE(old.has_schema(3));
    Id c = 0;
    old.write([&] {
        const Id i = old.add_intention("Read more", std::nullopt, std::nullopt, D("2026-11-01"));
        auto nc = cue_on(i);
        nc.per = three_a_week;    // a schema-2 store has nowhere to keep these
        nc.measure = ten_minutes; // (kint 2 never wrote them)
        c = old.add_cue(nc);
        old.add_step(c, Step{D("2026-11-10"), "read more", std::nullopt, ten_minutes});
        old.put_log({c, D("2026-11-05"), LogStatus::done, std::nullopt, 12.5});
    });
    CHECK(old.user_version() == 2);
    for (const auto& cue : {*old.cue(c), old.cues(true).front(), old.cues(true, true).front()}) {
        CHECK_FALSE(cue.per);
        CHECK_FALSE(cue.measure());
        CHECK(cue.plans.empty());
    }
    CHECK(old.cue(c)->steps.size() == 2);
    const auto logs = old.logs({});
    REQUIRE(logs.size() == 1);
    CHECK_FALSE(logs[0].amount);
    const auto dump = old.dump();
    REQUIRE(dump.cues.size() == 1);
    CHECK_FALSE(dump.cues[0].per);
    CHECK_FALSE(dump.logs[0].amount);
}

TEST_CASE("store v3: a schema-2 store is upgraded by its first write, after a .bak-v2 copy") {
    TempDir tmp;
    const std::string db = (tmp.path / "kint.db").string();
    Id c = 0;
    {
        auto old = store::Store::open_at_version(db, 2);
        old.write([&] {
            const Id i =
                old.add_intention("Read more", std::nullopt, std::nullopt, D("2026-11-01"));
            c = old.add_cue(cue_on(i));
            old.put_log({c, D("2026-11-05"), LogStatus::done, std::string("easy")});
        });
    }
    auto s = store::Store::open(db);
    // Reading, and a write that changes nothing, leave it at schema 2 with no copy.
    CHECK(s.user_version() == 2);
    CHECK(s.cue(c)->plans.empty());
    bool removed = true;
    s.write([&] { removed = s.remove_journal(99); });
    CHECK_FALSE(removed);
    CHECK(s.user_version() == 2);
    CHECK_FALSE(fs::exists(db + ".bak-v2"));

    // The first write that changes something: an amount, which needs schema 3.
    s.write([&] { s.put_log({c, D("2026-11-06"), LogStatus::done, std::nullopt, 25.0}); });
    CHECK(s.user_version() == store::schema_version);
    CHECK(s.has_schema(3));
    const auto logs = s.logs({});
    REQUIRE(logs.size() == 2);
    CHECK(logs[0].note == "easy");
    CHECK_FALSE(logs[0].amount);
    CHECK(logs[1].amount == 25.0);
    // Now plans and measures are kept.
    s.write([&] {
        auto edited = *s.cue(c);
        edited.per = three_a_week;
        s.edit_cue(edited, D("2026-11-10"));
        s.add_step(c, Step{D("2026-11-10"), "read", std::nullopt, ten_minutes});
    });
    const auto cue = s.cue(c);
    CHECK(cue->per == three_a_week);
    REQUIRE(cue->plans.size() == 1);
    CHECK(cue->plans[0].until == D("2026-11-10"));
    CHECK_FALSE(cue->plans[0].per);
    CHECK(cue->measure() == ten_minutes);

    const std::string backup = db + ".bak-v2";
    REQUIRE(fs::exists(backup));
    struct stat st {};
    REQUIRE(::stat(backup.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    SQLite::Database copy(backup, SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA user_version").getInt() == 2);
    CHECK(copy.execAndGet("SELECT count(*) FROM log").getInt() == 1);
    CHECK(copy.execAndGet("SELECT count(*) FROM pragma_table_info('log') WHERE name = 'amount'")
              .getInt() == 0);
    CHECK(copy.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'cue_plan'").getInt() ==
          0);
    SQLite::Database now(db, SQLite::OPEN_READONLY);
    CHECK(now.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("store v3: the upgrade drops a lead-in word a trigger repeated (at at the front door)") {
    TempDir tmp;
    const std::string db = (tmp.path / "kint.db").string();
    std::vector<Id> ids;
    {
        auto old = store::Store::open_at_version(db, 2);
        old.write([&] {
            const Id i = old.add_intention("Calm", std::nullopt, std::nullopt, D("2026-11-01"));
            auto add = [&](CueKind kind, const char* trigger) {
                auto c = cue_on(i);
                c.kind = kind;
                c.trigger = trigger;
                ids.push_back(old.add_cue(c));
            };
            add(CueKind::place, "at the front door");
            add(CueKind::after, "After  coffee");
            add(CueKind::if_, "if my jaw clenches");
            add(CueKind::after, "at noon"); // another kind's word: kept
            add(CueKind::place, "at ");     // the word alone: kept
            add(CueKind::if_, "iffy weather");
        });
    }
    auto s = store::Store::open(db);
    s.write([&] { s.put_log({ids[0], D("2026-11-05"), LogStatus::done, std::nullopt}); });
    const std::vector<std::string> want = {"the front door", "coffee", "my jaw clenches",
                                           "at noon",        "at ",    "iffy weather"};
    for (std::size_t k = 0; k < ids.size(); ++k)
        CHECK(s.cue(ids[k])->trigger == want[k]);
}

TEST_CASE("store v3: load() writes per, measures, plans and amounts back as dump() gave them") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("Read more", std::nullopt, std::nullopt, D("2026-11-01"));
    auto nc = cue_on(i);
    nc.per = three_a_week;
    nc.measure = ten_minutes;
    const Id c = s.add_cue(nc);
    s.add_step(c, Step{D("2026-11-10"), "read", std::string("bigger"), Measure{15, "min", false}});
    auto edited = *s.cue(c);
    edited.per = std::nullopt;
    edited.kind = CueKind::if_;
    s.edit_cue(edited, D("2026-11-12"));
    auto limit = cue_on(i, "scroll");
    limit.measure = Measure{20, "min", true};
    const Id l = s.add_cue(limit);
    s.put_log({c, D("2026-11-05"), LogStatus::done, std::nullopt, 12.5});
    s.put_log({c, D("2026-11-06"), LogStatus::slip, std::string("tired")});
    s.put_log({l, D("2026-11-06"), LogStatus::done, std::nullopt, 0.0});

    const auto before = s.dump();
    auto t = store::Store::open_memory();
    t.write([&] { t.load(before); });
    const auto after = t.dump();
    CHECK(exchange::to_json(after).dump() == exchange::to_json(before).dump());
    REQUIRE(after.cues.size() == 2);
    CHECK(after.cues[0].plans.size() == 1);
    CHECK(after.cues[0].plans[0].per == three_a_week);
    CHECK(after.cues[0].steps[0].measure == ten_minutes);
    CHECK(after.cues[0].measure() == Measure{15, "min", false});
    CHECK(after.cues[1].measure() == Measure{20, "min", true});
    REQUIRE(after.logs.size() == 3);
    CHECK(after.logs[0].amount == 12.5);
    CHECK_FALSE(after.logs[1].amount);
    CHECK(after.logs[2].amount == 0.0);
}
