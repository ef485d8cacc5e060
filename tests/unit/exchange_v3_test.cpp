// Export version 3 (issue 18, SPEC §7.5) as pure conversions: uids, clocks and removals out to JSON
// and back, the checks import keeps on them, `export --canonical` (byte-identical for two stores
// that hold the same records), and import's merge that knows a record by its uid.
#include "exchange_text.hpp"
#include "kint/domain/merge.hpp"
#include "kint/domain/sync.hpp"
#include "kint/render/exchange.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>

using namespace kint;
using kint::test::D;

namespace {

const Day today = test::exchange_today;

std::string uid(int n) {
    return fmt::format("{:032x}", 0xa000 + n);
}
std::string clock(int n) {
    return fmt::format("{:012x}{:04x}{}", 1'790'000'000'000 + n, 0, "00112233aabbccdd");
}

// Two intentions (the second focused), two cues (one with two steps, a pause and a plan), logs of
// both, a rating, a journal entry, a session and two removals; every record stamped.
exchange::Snapshot sample() {
    exchange::Snapshot s;
    Intention read;
    read.id = 1;
    read.text = "Read more";
    read.created = D("2026-11-01");
    read.uid = uid(1);
    read.hlc = clock(1);
    Intention calm = read;
    calm.id = 2;
    calm.text = "Stay calm";
    calm.uid = uid(2);
    calm.hlc = clock(2);
    calm.focus = true;
    s.intentions = {read, calm};
    s.focus = 2;
    Cue c;
    c.id = 1;
    c.intention_id = 1;
    c.trigger = "dinner";
    c.days = Schedule::daily();
    c.created = D("2026-11-02");
    c.steps = {Step{D("2026-11-02"), "read a page", std::nullopt, std::nullopt, uid(11), clock(11)},
               Step{D("2026-11-10"), "read", std::nullopt, std::nullopt, uid(12), clock(12)}};
    c.pauses = {Pause{D("2026-11-12"), D("2026-11-14"), clock(13)}};
    c.plans = {Plan{D("2026-11-05"), CueKind::after, "lunch", std::nullopt, Schedule::daily(),
                    std::nullopt, clock(14)}};
    c.uid = uid(10);
    c.hlc = clock(10);
    Cue breathe;
    breathe.id = 2;
    breathe.intention_id = 2;
    breathe.kind = CueKind::if_;
    breathe.trigger = "anger rises";
    breathe.days = Schedule::daily();
    breathe.created = D("2026-11-03");
    breathe.steps = {
        Step{D("2026-11-03"), "five breaths", std::nullopt, std::nullopt, uid(21), clock(21)}};
    breathe.uid = uid(20);
    breathe.hlc = clock(20);
    s.cues = {c, breathe};
    s.logs = {LogEntry{1, D("2026-11-04"), LogStatus::done, std::nullopt, std::nullopt, clock(30)},
              LogEntry{2, D("2026-11-04"), LogStatus::slip, std::string("snapped"), std::nullopt,
                       clock(31)},
              LogEntry{1, D("2026-11-03"), LogStatus::skip, std::nullopt, std::nullopt, clock(32)}};
    s.ratings = {Rating{D("2026-11-05"), RatingKind::mood, 7, std::nullopt, clock(40)}};
    JournalEntry j;
    j.id = 1;
    j.day = D("2026-11-06");
    j.text = "Came back to it";
    j.tags = {"win"};
    j.uid = uid(50);
    j.hlc = clock(50);
    s.journal = {j};
    s.sessions = {Session{1, D("2026-11-01"), std::nullopt, clock(60)}};
    s.removals = {{sync::log_uid(uid(10), D("2026-11-07"), LogStatus::done), clock(70)},
                  {uid(99), clock(71)}};
    return s;
}

using test::exported;
using test::imported;
using test::refusal;

// The export of sample() with `from` (first occurrence) replaced by `to`.
std::string sample_with(std::string_view from, std::string_view to) {
    return test::exported_with(sample(), from, to);
}

std::string quoted(const std::string& s) {
    return "\"" + s + "\"";
}

} // namespace

TEST_CASE("exchange v3: uids, clocks and removals go out and come back the same") {
    const auto text = exported(sample());
    const auto back = imported(text);
    CHECK(exported(back) == text);
    CHECK(json::parse(text).find("version")->as_int("version") == 3);
    REQUIRE(back.intentions.size() == 2);
    CHECK(back.intentions[1].uid == uid(2));
    CHECK(back.intentions[1].hlc == clock(2));
    REQUIRE(back.cues.size() == 2);
    CHECK(back.cues[0].uid == uid(10));
    CHECK(back.cues[0].hlc == clock(10));
    CHECK(back.cues[0].steps[1].uid == uid(12));
    CHECK(back.cues[0].steps[1].hlc == clock(12));
    CHECK(back.cues[0].pauses[0].hlc == clock(13));
    CHECK(back.cues[0].plans[0].hlc == clock(14));
    CHECK(back.logs[1].hlc == clock(31));
    CHECK(back.ratings[0].hlc == clock(40));
    CHECK(back.journal[0].uid == uid(50));
    CHECK(back.journal[0].hlc == clock(50));
    CHECK(back.sessions[0].hlc == clock(60));
    CHECK(back.removals == sample().removals);
    // The uid follows the id, the clock closes the record (before a cue's steps).
    CHECK(text.find(R"({"id":1,"uid":")" + uid(1) + R"(","text":"Read more")") !=
          std::string::npos);
    CHECK(text.find(R"("archived_on":null,"hlc":")" + clock(10) + R"(","steps":[{"uid":")") !=
          std::string::npos);
    CHECK(text.find(R"("removals":[{"uid":")" + uid(10) + "/log/2026-11-07/done") !=
          std::string::npos);
}

TEST_CASE("exchange v3: a store from before sync writes null uids and clocks, which read as none") {
    auto s = sample();
    for (auto& i : s.intentions)
        i.uid = i.hlc = "";
    s.cues[0].uid = s.cues[0].steps[0].hlc = s.logs[0].hlc = s.sessions[0].hlc = "";
    s.removals.clear();
    const auto text = exported(s);
    CHECK(text.find(R"({"id":1,"uid":null,"text":"Read more","group":null,"catalogue_id":null,)"
                    R"("created":"2026-11-01","archived_on":null,"hlc":null})") !=
          std::string::npos);
    CHECK(text.find(R"("removals":[])") != std::string::npos);
    const auto back = imported(text);
    CHECK(back.intentions[0].uid.empty());
    CHECK(back.cues[0].uid.empty());
    CHECK(back.cues[0].steps[0].hlc.empty());
    CHECK(back.cues[0].steps[1].hlc == clock(12));
    CHECK(exported(back) == text);
}

TEST_CASE("exchange v3: a version-2 file still reads, with no uids, clocks or removals") {
    const std::string v2 = R"({"format": "kint-export", "version": 2, "focus": 1,
      "intentions": [{"id": 1, "text": "Be gentle", "created": "2026-11-02"}],
      "cues": [{"id": 1, "intention_id": 1, "kind": "if", "trigger": "anger rises",
                "days": "daily", "per": null, "created": "2026-11-02", "status": "active",
                "steps": [{"day": "2026-11-02", "behavior": "five breaths"}], "pauses": [],
                "plans": []}],
      "logs": [{"cue_id": 1, "day": "2026-11-03", "status": "done", "amount": null}],
      "ratings": [{"day": "2026-11-03", "kind": "mood", "value": 6}],
      "journal": [{"id": 1, "day": "2026-11-03", "text": "ok", "tags": []}],
      "sessions": [{"id": 1, "day": "2026-11-03"}]})";
    const auto s = imported(v2);
    CHECK(s.intentions[0].uid.empty());
    CHECK(s.intentions[0].hlc.empty());
    CHECK(s.cues[0].uid.empty());
    CHECK(s.cues[0].steps[0].uid.empty());
    CHECK(s.logs[0].hlc.empty());
    CHECK(s.ratings[0].hlc.empty());
    CHECK(s.journal[0].uid.empty());
    CHECK(s.sessions[0].hlc.empty());
    CHECK(s.removals.empty());
    // Written again, it is version 3 with nulls.
    const auto text = exported(s);
    CHECK(text.find(R"("version":3)") != std::string::npos);
    CHECK(text.find(R"("uid":null)") != std::string::npos);
}

TEST_CASE("exchange v3: bad uids and clocks are refused, naming the record") {
    const auto bad_uid = [](std::string_view record_uid, std::string_view with) {
        return refusal(sample_with("\"uid\":" + quoted(std::string(record_uid)),
                                   "\"uid\":" + std::string(with)));
    };
    // Not 32 lowercase hex digits: capitals, too short, too long, not hex, empty, not a string.
    CHECK(bad_uid(uid(1), quoted("0000000000000000000000000000A001")) ==
          "intentions[0].uid '0000000000000000000000000000A001' should be 32 lowercase hex "
          "digits or null");
    CHECK(bad_uid(uid(2), R"("abc")") ==
          "intentions[1].uid 'abc' should be 32 lowercase hex digits or null");
    CHECK(bad_uid(uid(10), quoted(uid(10) + "0")).starts_with("cues[0].uid '"));
    CHECK(bad_uid(uid(12), quoted("g" + uid(12).substr(1))) ==
          "cues[0].steps[1].uid 'g000000000000000000000000000a00c' should be 32 lowercase hex "
          "digits or null");
    CHECK(bad_uid(uid(50), R"("")") ==
          "journal[0].uid '' should be 32 lowercase hex digits or null");
    CHECK(bad_uid(uid(20), "7").starts_with("cues[1].uid"));
    // One uid, two records of a kind.
    CHECK(bad_uid(uid(2), quoted(uid(1))) == "intentions[1] repeats uid " + uid(1));
    CHECK(bad_uid(uid(21), quoted(uid(11))) == "cues[1].steps[0] repeats uid " + uid(11));
    CHECK(bad_uid(uid(20), quoted(uid(10))) == "cues[1] repeats uid " + uid(10));
    // A uid shared by records of different kinds is not this check's business.
    CHECK(bad_uid(uid(50), quoted(uid(1))) == "(accepted)");

    const auto bad_hlc = [](std::string_view record_hlc, std::string_view with) {
        return refusal(sample_with("\"hlc\":" + quoted(std::string(record_hlc)),
                                   "\"hlc\":" + std::string(with)));
    };
    CHECK(bad_hlc(clock(1), R"("yesterday")") ==
          "intentions[0].hlc 'yesterday' should be a clock of 32 lowercase hex digits or null");
    CHECK(bad_hlc(clock(13), quoted(clock(13).substr(1))).starts_with("cues[0].pauses[0].hlc '"));
    CHECK(bad_hlc(clock(14), R"("")").starts_with("cues[0].plans[0].hlc ''"));
    CHECK(bad_hlc(clock(31), "12").starts_with("logs[1].hlc"));
    CHECK(bad_hlc(clock(40), R"("X")").starts_with("ratings[0].hlc 'X'"));
    CHECK(bad_hlc(clock(60), R"("X")").starts_with("sessions[0].hlc 'X'"));
    CHECK(bad_hlc(clock(1), "null") == "(accepted)");
}

TEST_CASE("exchange v3: removals name a record by a uid sync makes, with a clock") {
    const auto log_removal = quoted(sync::log_uid(uid(10), D("2026-11-07"), LogStatus::done));
    const auto bad = [&](std::string_view with) {
        return refusal(sample_with("\"uid\":" + log_removal, with));
    };
    // Every kind of uid sync makes is one.
    for (const auto& ok :
         {sync::pause_uid(uid(10), D("2026-11-01")), sync::plan_uid(uid(3), D("2026-11-01")),
          sync::rating_uid(D("2026-11-01"), RatingKind::energy), sync::session_uid(D("2026-11-01")),
          uid(7)})
        CHECK(bad("\"uid\":" + quoted(ok)) == "(accepted)");
    const std::string tail = " should be a record's uid (32 lowercase hex digits, or one made from "
                             "its content, such as '<cue uid>/log/2026-11-03/done')";
    CHECK(bad(R"("uid":"session/2026-13-01")") == "removals[0].uid 'session/2026-13-01'" + tail);
    CHECK(bad(R"("uid":"rating/2026-11-01/joy")") ==
          "removals[0].uid 'rating/2026-11-01/joy'" + tail);
    CHECK(bad(quoted("uid") + ":" + quoted(uid(10) + "/log/2026-11-07/maybe"))
              .starts_with("removals[0].uid '"));
    CHECK(bad(R"("uid":"")") == "removals[0].uid ''" + tail);
    CHECK(bad(R"("uid":null)").starts_with("removals[0].uid"));
    CHECK(bad(R"("uid":")" + uid(99) + "\"") == "removals[1] repeats uid " + uid(99));
    // Its clock is required.
    CHECK(refusal(sample_with("\"hlc\":" + quoted(clock(70)), R"("hlc":null)"))
              .starts_with("removals[0].hlc"));
    CHECK(refusal(sample_with("\"hlc\":" + quoted(clock(71)), R"("hlc":"soon")")) ==
          "removals[1].hlc 'soon' should be a clock of 32 lowercase hex digits");
    CHECK(refusal(sample_with(",\"hlc\":" + quoted(clock(71)), "")) == "removals[1] has no 'hlc'");
    // Version 3 has the list.
    CHECK(refusal(sample_with(",\"removals\":[", ",\"gone\":[")) ==
          "the export has no 'removals' list");
}

TEST_CASE("exchange v3: sync::valid_uid knows the uids sync makes") {
    CHECK(sync::valid_uid(uid(1)));
    CHECK(sync::valid_uid(sync::log_uid(uid(1), D("2026-11-01"), LogStatus::slip)));
    CHECK(sync::valid_uid(sync::pause_uid(uid(1), D("2026-11-01"))));
    CHECK(sync::valid_uid(sync::plan_uid(uid(1), D("2026-11-01"))));
    CHECK(sync::valid_uid(sync::rating_uid(D("2026-11-01"), RatingKind::mood)));
    CHECK(sync::valid_uid(sync::session_uid(D("2026-11-01"))));
    CHECK_FALSE(sync::valid_uid(""));
    CHECK_FALSE(sync::valid_uid("session/2026-11-1"));
    CHECK_FALSE(sync::valid_uid("session/2026-11-01/"));
    CHECK_FALSE(sync::valid_uid("rating/2026-11-01"));
    CHECK_FALSE(sync::valid_uid("abc/log/2026-11-01/done"));
    CHECK_FALSE(sync::valid_uid(uid(1) + "/log/2026-11-01"));
    CHECK_FALSE(sync::valid_uid(uid(1) + "/pause/2026-11-01/done"));
    CHECK_FALSE(sync::valid_uid(uid(1) + "/step/2026-11-01"));
    CHECK_FALSE(sync::valid_uid(uid(1) + "/"));
}

TEST_CASE("exchange v3: a canonical export is refused by import") {
    CHECK(refusal(exchange::to_canonical_json(sample()).dump()) ==
          "it is a canonical export, for comparing stores; import reads a plain 'kint export'");
    CHECK(refusal(sample_with(R"("version":3,)", R"("version":3,"canonical":false,)")) ==
          "(accepted)");
}

TEST_CASE("exchange v3: the canonical export drops the store's ids and orders by uid") {
    const auto doc = exchange::to_canonical_json(sample());
    const auto text = doc.dump(0);
    // No focus: it is each device's own, and sync leaves it.
    CHECK(
        text.starts_with(R"({"format":"kint-export","version":3,"canonical":true,"intentions":)"));
    CHECK(text.find("\"id\"") == std::string::npos);
    CHECK(text.find("\"cue_id\"") == std::string::npos);
    CHECK(text.find("\"intention_id\"") == std::string::npos);
    const auto& cues = doc.find("cues")->as_array("cues");
    REQUIRE(cues.size() == 2);
    CHECK(cues[0].find("uid")->as_string("") == uid(10));
    CHECK(cues[0].find("intention")->as_string("") == uid(1));
    CHECK(cues[1].find("intention")->as_string("") == uid(2));
    const auto& logs = doc.find("logs")->as_array("logs");
    REQUIRE(logs.size() == 3);
    // By log uid: cue 10's 2026-11-03 skip, its 2026-11-04 done, then cue 20's slip.
    CHECK(logs[0].find("cue")->as_string("") == uid(10));
    CHECK(logs[0].find("status")->as_string("") == "skip");
    CHECK(logs[1].find("status")->as_string("") == "done");
    CHECK(logs[2].find("cue")->as_string("") == uid(20));
    const auto& removals = doc.find("removals")->as_array("removals");
    REQUIRE(removals.size() == 2);
    CHECK(removals[0].find("uid")->as_string("") ==
          sync::log_uid(uid(10), D("2026-11-07"), LogStatus::done));
    CHECK(removals[1].find("uid")->as_string("") == uid(99));
}

TEST_CASE("exchange v3: two stores with the same records export the same canonical bytes") {
    const auto a = sample();
    // The same records in another store: other ids, other orders everywhere.
    auto b = a;
    const auto renumber = [](Id id) { return id + 40; };
    for (auto& i : b.intentions)
        i.id = renumber(i.id);
    b.focus = renumber(*b.focus);
    for (auto& c : b.cues) {
        c.id = renumber(c.id + 10);
        c.intention_id = renumber(c.intention_id);
        std::ranges::reverse(c.steps);
    }
    for (auto& e : b.logs)
        e.cue_id = renumber(e.cue_id + 10);
    for (auto& j : b.journal)
        j.id = 7;
    for (auto& x : b.sessions)
        x.id = 9;
    std::ranges::reverse(b.intentions);
    std::ranges::reverse(b.cues);
    std::ranges::reverse(b.logs);
    std::ranges::reverse(b.removals);
    CHECK(exported(a) != exported(b));
    const auto canonical = exchange::to_canonical_json(a).dump();
    CHECK(exchange::to_canonical_json(b).dump() == canonical);

    // Several records of a list, pauses, plans, ratings, journal entries and sessions too.
    auto more = [](exchange::Snapshot s, bool reversed) {
        auto& c = *std::ranges::find(s.cues, uid(10), &Cue::uid);
        c.pauses.push_back(Pause{D("2026-11-08"), D("2026-11-09"), clock(80)});
        c.plans.push_back(Plan{D("2026-11-03"), CueKind::place, "the desk", std::nullopt,
                               Schedule::daily(), std::nullopt, clock(81)});
        s.ratings.push_back(
            Rating{D("2026-11-05"), RatingKind::energy, 4, std::nullopt, clock(82)});
        s.ratings.push_back(Rating{D("2026-11-02"), RatingKind::mood, 5, std::nullopt, clock(83)});
        auto j = s.journal[0];
        j.id = 12;
        j.uid = uid(49);
        s.journal.push_back(j);
        s.sessions.push_back(Session{2, D("2026-10-30"), std::string("first"), clock(84)});
        if (reversed) {
            for (auto& c : s.cues) {
                std::ranges::reverse(c.pauses);
                std::ranges::reverse(c.plans);
            }
            std::ranges::reverse(s.ratings);
            std::ranges::reverse(s.journal);
            std::ranges::reverse(s.sessions);
        }
        return exchange::to_canonical_json(s);
    };
    const auto doc = more(a, false);
    CHECK(more(b, true).dump() == doc.dump());
    CHECK(more(a, true).dump() == doc.dump());
    CHECK(more(b, false).dump() == doc.dump());
    const auto& cue = doc.find("cues")->as_array("cues")[0];
    CHECK(cue.find("pauses")->as_array("")[0].find("from")->as_string("") == "2026-11-08");
    CHECK(cue.find("plans")->as_array("")[0].find("until")->as_string("") == "2026-11-03");
    CHECK(cue.find("steps")->as_array("")[0].find("uid")->as_string("") == uid(11));
    const auto& ratings = doc.find("ratings")->as_array("ratings");
    CHECK(ratings[0].find("day")->as_string("") == "2026-11-02");
    CHECK(ratings[1].find("kind")->as_string("") == "energy");
    CHECK(doc.find("journal")->as_array("")[0].find("uid")->as_string("") == uid(49));
    CHECK(doc.find("sessions")->as_array("")[0].find("day")->as_string("") == "2026-10-30");
}

TEST_CASE("exchange v3: a canonical export of a store without uids does not fail") {
    auto s = sample();
    for (auto& i : s.intentions)
        i.uid = "";
    for (auto& c : s.cues) {
        c.uid = "";
        for (auto& st : c.steps)
            st.uid = "";
    }
    s.journal[0].uid = "";
    auto shuffled = s;
    std::ranges::reverse(shuffled.intentions);
    std::ranges::reverse(shuffled.cues);
    const auto text = exchange::to_canonical_json(s).dump(0);
    CHECK(text.find("\"focus\"") == std::string::npos); // each device's own: not compared
    CHECK(text.find(R"("intention":null)") != std::string::npos);
    CHECK(exchange::to_canonical_json(shuffled).dump(0) == text);
}

TEST_CASE("exchange v3: import's merge knows a record by its uid and keeps the file's uids") {
    const auto have = sample();
    auto incoming = sample();
    // Edited since on the other device: the same records by uid, whatever their content says.
    incoming.intentions[0].text = "Read more books";
    incoming.intentions[0].id = 5;
    incoming.cues[0].intention_id = 5;
    incoming.cues[0].steps[0].behavior = "read two pages";
    incoming.cues[0].trigger = "breakfast";
    incoming.cues[0].plans.clear();
    incoming.journal[0].text = "Came back to it, gently";
    auto p = merge::plan(have, incoming);
    CHECK(p.added == merge::Counts{});
    CHECK(p.skipped.intentions == 2);
    CHECK(p.skipped.cues == 2);
    CHECK(p.skipped.journal == 1);

    // New records (new uids) are added with their uids and clocks; one with the text of a store
    // record but another uid is still that record (matched by content, as before sync).
    incoming = sample();
    incoming.intentions[0].uid = uid(101);
    incoming.intentions[0].text = "Write letters";
    incoming.cues[0].uid = uid(110);
    incoming.cues[0].steps[0].behavior = "write a line";
    incoming.cues[0].steps[1].behavior = "write";
    incoming.journal[0].uid = uid(150);
    incoming.journal[0].text = "Another day";
    incoming.intentions[1].uid = uid(102); // "Stay calm" again: matched by its text
    p = merge::plan(have, incoming);
    CHECK(p.added.intentions == 1);
    CHECK(p.added.cues == 1);
    CHECK(p.added.journal == 1);
    CHECK(p.skipped.intentions == 1);
    CHECK(p.skipped.cues == 1);
    REQUIRE(p.add.intentions.size() == 1);
    CHECK(p.add.intentions[0].uid == uid(101));
    CHECK(p.add.intentions[0].hlc == clock(1));
    REQUIRE(p.add.cues.size() == 1);
    CHECK(p.add.cues[0].uid == uid(110));
    CHECK(p.add.cues[0].hlc == clock(10));
    CHECK(p.add.cues[0].intention_id == p.add.intentions[0].id);
    CHECK(p.add.cues[0].steps[1].uid == uid(12));
    CHECK(p.add.cues[0].steps[1].hlc == clock(12));
    CHECK(p.add.cues[0].pauses[0].hlc == clock(13));
    CHECK(p.add.cues[0].plans[0].hlc == clock(14));
    REQUIRE(p.add.journal.size() == 1);
    CHECK(p.add.journal[0].uid == uid(150));
    CHECK(p.add.journal[0].hlc == clock(50));
    // The new cue's logs come with their clocks.
    REQUIRE(p.add.logs.size() == 2);
    CHECK(p.add.logs[0].hlc == clock(30));

    // A store record matched by uid is not matched again by content: a second file intention with
    // the store's text is new.
    incoming = sample();
    auto twin = incoming.intentions[0];
    twin.id = 3;
    twin.uid = uid(103);
    incoming.intentions.push_back(twin);
    p = merge::plan(have, incoming);
    CHECK(p.added.intentions == 1);
    CHECK(p.skipped.intentions == 2);
}

TEST_CASE("exchange v3: an import reads only what the file's records can match (merge::needs)") {
    const auto have = sample();
    // A file with one cue of the same first behavior, and one the store has by uid only.
    exchange::Snapshot file;
    file.intentions = have.intentions;
    Cue same = have.cues[0];
    same.id = 7;
    same.uid.clear();
    Cue by_uid = have.cues[1];
    by_uid.id = 8;
    by_uid.steps.front().behavior = "another behavior";
    file.cues = {same, by_uid};
    auto n = merge::needs(have.cues, file);
    CHECK(n.log_cues == std::vector<Id>{1, 2});
    CHECK_FALSE(n.ratings);
    CHECK_FALSE(n.journal);
    CHECK_FALSE(n.sessions);
    // A cue with neither: no log entry of the store can be its.
    Cue other = have.cues[1];
    other.uid = uid(77);
    other.steps.front().behavior = "walk";
    file.cues = {other};
    file.ratings = have.ratings;
    file.journal = have.journal;
    file.sessions = have.sessions;
    n = merge::needs(have.cues, file);
    CHECK(n.log_cues.empty());
    CHECK(n.ratings);
    CHECK(n.journal);
    CHECK(n.sessions);
    // A file whose one cue is the store's first: its entries on the store's days are there.
    exchange::Snapshot one;
    one.intentions = have.intentions;
    one.cues = {same};
    one.logs = {LogEntry{7, D("2026-11-04"), LogStatus::done, std::nullopt, std::nullopt, {}},
                LogEntry{7, D("2026-11-03"), LogStatus::skip, std::nullopt, std::nullopt, {}},
                LogEntry{7, D("2026-11-05"), LogStatus::done, std::nullopt, std::nullopt, {}}};
    CHECK(merge::needs(have.cues, one).log_cues == std::vector<Id>{1});
    // What plan() makes of the store read so is what it makes of the whole store.
    for (const auto& incoming : {sample(), file, one}) {
        const auto want = merge::needs(have.cues, incoming);
        exchange::Snapshot scoped = have;
        std::erase_if(scoped.logs, [&](const LogEntry& e) {
            return std::ranges::find(want.log_cues, e.cue_id) == want.log_cues.end();
        });
        if (!want.ratings) scoped.ratings.clear();
        if (!want.journal) scoped.journal.clear();
        if (!want.sessions) scoped.sessions.clear();
        const auto whole = merge::plan(have, incoming);
        const auto part = merge::plan(scoped, incoming);
        CHECK(part.added == whole.added);
        CHECK(part.skipped == whole.skipped);
        CHECK(exported(part.add) == exported(whole.add));
        // Nor does any clock of the store's records change it (the import reads none:
        // DumpScope::clocks), nor its tombstones.
        for (auto& c : scoped.cues) {
            for (auto& st : c.steps)
                st.uid.clear(), st.hlc.clear();
            for (auto& pl : c.plans)
                pl.hlc.clear();
            for (auto& pa : c.pauses)
                pa.hlc.clear();
        }
        for (auto& e : scoped.logs)
            e.hlc.clear();
        for (auto& r : scoped.ratings)
            r.hlc.clear();
        for (auto& x : scoped.sessions)
            x.hlc.clear();
        scoped.removals.clear();
        const auto bare = merge::plan(scoped, incoming);
        CHECK(bare.added == whole.added);
        CHECK(bare.skipped == whole.skipped);
        CHECK(exported(bare.add) == exported(whole.add));
    }
    const auto p = merge::plan(have, one);
    CHECK(p.added.logs == 1);
    CHECK(p.skipped.logs == 2);
}
