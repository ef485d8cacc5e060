// kint today and kint prompts: the daily view, and the day's prompts (the same all day, rotating
// from day to day, chosen by the phase).
#include "harness.hpp"
#include "jsonlite.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <sys/stat.h>
#include <thread>

using namespace kint::e2e;
using jsonlite::parse;

namespace {

const std::string safety_message = "For unusual agitation or several days of low mood or thoughts "
                                   "of harming self or others contact your clinic or seek urgent "
                                   "care.";

std::vector<std::string> cue_ids(const jsonlite::Value& cues) {
    std::vector<std::string> out;
    for (const auto& c : cues.items)
        out.push_back(std::to_string(c["id"].integer()));
    return out;
}

// Every prompt id of the default config, read from examples/config.toml itself.
std::vector<std::string> configured_prompt_ids() {
    const auto path = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
                      "examples" / "config.toml";
    const auto text = read_file(path.string());
    REQUIRE(text);
    std::vector<std::string> ids;
    for (auto at = text->find("[[prompt]]\nid = \""); at != std::string::npos;
         at = text->find("[[prompt]]\nid = \"", at + 1)) {
        const auto from = at + std::string_view("[[prompt]]\nid = \"").size();
        ids.push_back(text->substr(from, text->find('"', from) - from));
    }
    return ids;
}

// The ids of the default config's prompts marked gentle.
std::set<std::string> gentle_prompt_ids() {
    const auto path = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
                      "examples" / "config.toml";
    const auto text = read_file(path.string());
    REQUIRE(text);
    const std::string head = "[[prompt]]\nid = \"";
    std::set<std::string> ids;
    for (auto at = text->find(head); at != std::string::npos; at = text->find(head, at + 1)) {
        const auto from = at + head.size();
        const auto block = text->substr(from, text->find("\n[", from) - from);
        if (contains(block, "\ngentle = true"))
            ids.insert(text->substr(from, text->find('"', from) - from));
    }
    return ids;
}

// Runs SQL on the store with the sqlite3 shell (for plans `cue add` cannot give yet).
void sql(const Sandbox& s, const std::string& statement) {
    const auto file = s.path("edit.sql");
    write_file(file, statement);
    REQUIRE(std::system(fmt::format("sqlite3 '{}' < '{}'", s.db(), file).c_str()) == 0);
}

} // namespace

TEST_CASE("today: kint alone is kint today, global options and all") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle with myself"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe", "--at", "08:00"});
    CHECK(s.ok({}).out == s.ok({"today"}).out);
    CHECK(s.ok({"--json"}).out == s.ok({"today", "--json"}).out);
    CHECK(s.ok({"--today", "2026-11-19"}).out == s.ok({"--today", "2026-11-19", "today"}).out);
    const auto bad = s.run({"--color", "sometimes"});
    CHECK(bad.code == 2);
    CHECK(is_error_line(bad.err));
}

TEST_CASE("today: --json has the contract's keys") {
    Sandbox s;
    auto empty = parse(s.ok({"today", "--json"}).out);
    for (const char* key : {"day", "focus", "cues", "mood", "energy", "phase", "prompts", "safety"})
        CHECK_MESSAGE(empty.has(key), key);
    CHECK(empty["day"].str() == "2026-11-20");
    CHECK(empty["focus"].is_null());
    CHECK(empty["cues"].size() == 0);
    CHECK(empty["mood"].is_null());
    CHECK(empty["energy"].is_null());
    CHECK(empty["phase"].is_null());
    CHECK_FALSE(empty["safety"]["triggered"].boolean());
    CHECK(empty["safety"]["message"].str().starts_with(safety_message));

    s.ok({"intent", "add", "I am open to learning new ways to cope"});
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence", "--at",
          "08:00"});
    s.ok({"cue", "add", "--if", "I feel anger rising", "--do", "three slow breaths"});
    s.ok({"log", "1"});
    s.ok({"log", "2", "--slip", "--note", "rushed"});
    s.ok({"rate", "6", "--energy", "4"});
    auto j = parse(s.ok({"today", "--json"}).out);
    CHECK(j["focus"]["text"].str() == "I am open to learning new ways to cope");
    CHECK(j["focus"]["focus"].boolean());
    REQUIRE(j["cues"].size() == 2);
    CHECK(j["cues"][0]["id"].integer() == 1);
    CHECK(j["cues"][0]["done"].boolean());
    CHECK(j["cues"][0]["status"].str() == "done");
    CHECK(j["cues"][0]["behavior"].str() == "write one sentence");
    CHECK(j["cues"][0]["at"].str() == "08:00");
    CHECK_FALSE(j["cues"][1]["done"].boolean());
    CHECK(j["cues"][1]["status"].str() == "slip");
    CHECK(j["mood"].integer() == 6);
    CHECK(j["energy"].integer() == 4);
    REQUIRE(j["prompts"].size() == 1);
    CHECK_FALSE(j["prompts"][0]["id"].str().empty());
    CHECK_FALSE(j["prompts"][0]["text"].str().empty());

    // A cue not logged yet is pending, not done.
    s.ok({"log", "1", "--undo"});
    j = parse(s.ok({"today", "--json"}).out);
    CHECK_FALSE(j["cues"][0]["done"].boolean());
    CHECK(j["cues"][0]["status"].str() == "pending");
}

TEST_CASE("today: cues by time, untimed last, paused and unscheduled cues are absent") {
    Sandbox s; // 2026-11-20 is a Friday
    s.ok({"intent", "add", "I am open to learning new ways to cope"});
    s.ok({"cue", "add", "--after", "I wake up", "--do", "drink water"}); // 1
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence", "--at",
          "09:00"});                                                                   // 2
    s.ok({"cue", "add", "--time", "07:00", "--do", "stretch once"});                   // 3
    s.ok({"cue", "add", "--place", "my desk", "--do", "one breath", "--at", "06:30"}); // 4
    s.ok({"cue", "add", "--after", "lunch", "--do", "walk outside", "--days", "mon,wed", "--at",
          "06:00"});                                                                       // 5
    s.ok({"cue", "add", "--after", "I brush my teeth", "--do", "smile", "--days", "fri"}); // 6
    s.ok({"cue", "pause", "4"});

    const auto j = parse(s.ok({"today", "--json"}).out);
    CHECK(cue_ids(j["cues"]) == std::vector<std::string>{"3", "2", "1", "6"});

    const auto text = s.ok({"today"}).out;
    const auto stretch = text.find("stretch once"), coffee = text.find("write one sentence"),
               water = text.find("drink water"), smile = text.find("smile");
    REQUIRE(stretch != std::string::npos);
    CHECK(stretch < coffee);
    CHECK(coffee < water);
    CHECK(water < smile);
    CHECK_FALSE(contains(text, "one breath"));
    CHECK_FALSE(contains(text, "walk outside"));

    // On Monday the mon,wed cue is there, first at 06:00; the Friday one is not.
    const auto monday = parse(s.ok({"today", "--json"}, {{"KINT_TODAY", "2026-11-23"}}).out);
    CHECK(cue_ids(monday["cues"]) == std::vector<std::string>{"5", "3", "2", "1"});
    // Resumed, the paused cue is back in its place.
    s.ok({"cue", "resume", "4"});
    const auto resumed = parse(s.ok({"today", "--json"}).out);
    CHECK(cue_ids(resumed["cues"]) == std::vector<std::string>{"4", "3", "2", "1", "6"});
}

TEST_CASE("today: the integration phase, day 0 with its safety list, and no session") {
    Sandbox s;
    auto none = parse(s.ok({"today", "--json"}).out);
    CHECK(none["phase"].is_null());
    CHECK_FALSE(contains(s.ok({"today"}).out, "after your session"));

    s.ok({"session", "add"});
    const auto j = parse(s.ok({"today", "--json"}).out);
    REQUIRE_FALSE(j["phase"].is_null());
    CHECK(j["phase"]["name"].str() == "First 24 hours");
    CHECK(j["phase"]["day"].integer() == 0);
    CHECK(j["phase"]["guidance"].size() >= 1);
    // Day 0 prompts come from the day-0 pool: the three notes.
    REQUIRE(j["prompts"].size() == 1);
    CHECK(j["prompts"][0]["id"].str().starts_with("notes."));

    const auto text = s.ok({"today"}).out;
    CHECK(contains(text, "First 24 hours"));
    CHECK(contains(text, "Do not drive or operate equipment"));
    CHECK(contains(text, "day 0 after your session on 2026-11-20"));

    // Three days on: days 1-3, and the day-0 safety list is gone.
    const auto later = s.ok({"today"}, {{"KINT_TODAY", "2026-11-23"}}).out;
    CHECK(contains(later, "Days 1-3"));
    CHECK_FALSE(contains(later, "Do not drive"));
    const auto later_json = parse(s.ok({"today", "--json"}, {{"KINT_TODAY", "2026-11-23"}}).out);
    CHECK(later_json["phase"]["day"].integer() == 3);
}

TEST_CASE("today: the safety note comes first when the low run ends yesterday") {
    Sandbox s;
    s.ok({"intent", "add", "I am open to learning new ways to cope"});
    s.ok({"rate", "2", "--day", "2026-11-17"});
    s.ok({"rate", "3", "--day", "2026-11-18"});
    s.ok({"rate", "1", "--day", "2026-11-19"});

    const auto text = s.ok({"today"}).out;
    CHECK(text.starts_with("Your mood has been 3 or lower for 3 days in a row (2026-11-17 to "
                           "2026-11-19)."));
    CHECK(text.find(safety_message) < text.find("Friday 20 November 2026"));

    const auto j = parse(s.ok({"today", "--json"}).out);
    CHECK(j.keys().front() == "safety");
    CHECK(j["safety"]["triggered"].boolean());
    REQUIRE(j["safety"]["days"].size() == 3);
    CHECK(j["safety"]["days"][0].str() == "2026-11-17");
    CHECK(j["safety"]["days"][2].str() == "2026-11-19");

    // A good day today does not hide it: the low days were yesterday.
    s.ok({"rate", "7"});
    CHECK(contains(s.ok({"today"}).out, safety_message));

    // The better day has ended it: two days after the stretch it is no longer shown.
    const auto after = s.ok({"today"}, {{"KINT_TODAY", "2026-11-21"}}).out;
    CHECK_FALSE(contains(after, safety_message));
    CHECK_FALSE(contains(after, "in a row"));
    const auto after_json = parse(s.ok({"today", "--json"}, {{"KINT_TODAY", "2026-11-21"}}).out);
    CHECK_FALSE(after_json["safety"]["triggered"].boolean());

    // The person's own contact is shown with the note.
    write_file(s.config(), "[safety]\ncontact = \"Clinic line 555-0100\"\n");
    const auto with_contact = s.ok({"today"}).out;
    CHECK(contains(with_contact, "Clinic line 555-0100"));
    CHECK(with_contact.find("Clinic line 555-0100") < with_contact.find("Friday 20 November"));
}

TEST_CASE("today: an unrated day does not hide low days, days too far apart are no stretch") {
    // Under the old rule (days in a row) the gap on the 17th hid these three low days.
    Sandbox s;
    s.ok({"rate", "2", "--day", "2026-11-16"});
    s.ok({"rate", "2", "--day", "2026-11-18"});
    s.ok({"rate", "2", "--day", "2026-11-19"});
    const auto gap = s.ok({"today"}).out;
    CHECK(gap.starts_with(
        "Your mood has been 3 or lower on 3 days between 2026-11-16 and 2026-11-19."));
    CHECK(contains(gap, safety_message));
    s.ok({"rate", "3", "--day", "2026-11-17"});
    CHECK(contains(s.ok({"today"}).out, "for 4 days in a row (2026-11-16 to 2026-11-19)"));

    Sandbox apart; // 2, 2, then five days on: no five days hold three of them
    apart.ok({"rate", "2", "--day", "2026-11-14"});
    apart.ok({"rate", "2", "--day", "2026-11-15"});
    apart.ok({"rate", "2"});
    CHECK_FALSE(contains(apart.ok({"today"}).out, safety_message));
}

TEST_CASE("today: a gentle check-in when the last low mood was two or more days ago") {
    Sandbox s;
    s.ok({"rate", "2", "--day", "2026-11-17"});
    CHECK(
        parse(s.ok({"today", "--json"}, {{"KINT_TODAY", "2026-11-18"}}).out)["check_in"].is_null());
    const auto text = s.ok({"today"}).out;
    CHECK(text.starts_with("Your last mood rating was 2, on Tuesday 17 November 2026. When you "
                           "feel like it: kint rate 0-10.\n"));
    CHECK_FALSE(contains(text, safety_message));
    const auto j = parse(s.ok({"today", "--json"}).out);
    CHECK(j.keys().front() == "safety");
    CHECK_FALSE(j["safety"]["triggered"].boolean());
    CHECK(j["check_in"]["last_day"].str() == "2026-11-17");
    CHECK(j["check_in"]["last_value"].integer() == 2);

    // A better mood rated since: no check-in.
    s.ok({"rate", "6", "--day", "2026-11-18"});
    CHECK_FALSE(contains(s.ok({"today"}).out, "Your last mood rating"));
    CHECK(parse(s.ok({"today", "--json"}).out)["check_in"].is_null());

    // While the note stands it comes first and there is no check-in: low days gone quiet.
    Sandbox low;
    for (const char* day : {"2026-11-14", "2026-11-15", "2026-11-16"})
        low.ok({"rate", "2", "--day", day});
    const auto note = low.ok({"today"}).out;
    CHECK(contains(note, safety_message));
    CHECK_FALSE(contains(note, "Your last mood rating"));
    CHECK(parse(low.ok({"today", "--json"}).out)["check_in"].is_null());
}

TEST_CASE("today and prompts: only gentle prompts while the safety note stands") {
    Sandbox s;
    for (const char* day : {"2026-11-17", "2026-11-18", "2026-11-19"})
        s.ok({"rate", "2", "--day", day});
    const auto gentle_ids = gentle_prompt_ids();
    REQUIRE(gentle_ids.size() >= 5);
    for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24"}) {
        const auto today = parse(s.ok({"today", "--json"}, {{"KINT_TODAY", day}}).out);
        REQUIRE(today["prompts"].size() == 1);
        CHECK_MESSAGE(gentle_ids.count(today["prompts"][0]["id"].str()), day);
        const auto prompts = parse(s.ok({"prompts", "--json"}, {{"KINT_TODAY", day}}).out);
        for (const auto& p : prompts["prompts"].items)
            CHECK_MESSAGE(gentle_ids.count(p["id"].str()), p["id"].str());
    }
}

TEST_CASE("prompts: the same all day, different the next day") {
    Sandbox s;
    const auto first = s.ok({"prompts"}).out;
    CHECK(first == s.ok({"prompts"}).out);
    const auto next = s.ok({"prompts"}, {{"KINT_TODAY", "2026-11-21"}}).out;
    CHECK(first != next);

    const auto j = parse(s.ok({"prompts", "--json"}).out);
    REQUIRE(j["prompts"].size() == 3);
    std::set<std::string> ids;
    for (const auto& p : j["prompts"].items) {
        ids.insert(p["id"].str());
        CHECK(contains(first, p["id"].str()));
        CHECK(contains(first, p["text"].str()));
    }
    CHECK(ids.size() == 3);
    const auto tomorrow = parse(s.ok({"prompts", "--json"}, {{"KINT_TODAY", "2026-11-21"}}).out);
    CHECK(tomorrow["prompts"][0]["id"].str() != j["prompts"][0]["id"].str());

    // today shows the first of the day's prompts.
    const auto today = parse(s.ok({"today", "--json"}).out);
    CHECK(today["prompts"][0]["id"].str() == j["prompts"][0]["id"].str());

    const auto two = parse(s.ok({"prompts", "--count", "2", "--json"}).out);
    REQUIRE(two["prompts"].size() == 2);
    CHECK(two["prompts"][0]["id"].str() == j["prompts"][0]["id"].str());
    CHECK(two["prompts"][1]["id"].str() == j["prompts"][1]["id"].str());
    for (const char* bad : {"0", "21", "two"}) {
        const auto r = s.run({"prompts", "--count", bad});
        CAPTURE(bad);
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(r.out.empty());
    }
}

TEST_CASE("prompts: --all lists every prompt id, day 0 draws from the notes") {
    Sandbox s;
    const auto ids = configured_prompt_ids();
    REQUIRE(ids.size() >= 20);
    const auto text = s.ok({"prompts", "--all"}).out;
    for (const auto& id : ids)
        CHECK_MESSAGE(contains(text, id + " "), id);
    const auto j = parse(s.ok({"prompts", "--all", "--json"}).out);
    REQUIRE(j.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        CHECK(j[i]["id"].str() == ids[i]);

    s.ok({"session", "add"});
    const auto d0 = parse(s.ok({"prompts", "--json"}).out);
    CHECK(d0["phase"]["day"].integer() == 0);
    REQUIRE(d0["prompts"].size() == 3);
    for (const auto& p : d0["prompts"].items)
        CHECK(p["id"].str().starts_with("notes."));
    // Asking for more than the pool holds gives the pool once.
    CHECK(parse(s.ok({"prompts", "--json", "--count", "5"}).out)["prompts"].size() == 3);
}

TEST_CASE("journal add --prompt links the answer to its prompt") {
    Sandbox s;
    const auto added =
        parse(s.ok({"journal", "add", "I felt held", "--prompt", "quick.1", "--json"}).out);
    CHECK(added["prompt"].str() == "quick.1");
    const auto list = parse(s.ok({"journal", "list", "--json"}).out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["prompt"].str() == "quick.1");
    CHECK(list[0]["text"].str() == "I felt held");

    s.ok({"today"}); // any side files a read leaves (the hook cache) exist before the snapshot
    const auto before = s.snapshot();
    const auto bad = s.run({"journal", "add", "words", "--prompt", "quick.99"});
    CHECK(bad.code == 1);
    CHECK(is_error_line(bad.err));
    CHECK(contains(bad.err, "quick.99"));
    CHECK(s.snapshot() == before);
}

TEST_CASE("today: the heading names the calendar day in every time zone") {
    Sandbox s;
    for (const char* zone :
         {"UTC", "America/New_York", "Pacific/Pago_Pago", "Pacific/Kiritimati"}) {
        const auto out = s.ok({"today"}, {{"TZ", std::string(zone)}}).out;
        CHECK_MESSAGE(out.starts_with("Friday 20 November 2026\n"), zone);
        CHECK_MESSAGE(s.ok({"--today", "2027-01-01", "today"}, {{"TZ", std::string(zone)}})
                          .out.starts_with("Friday 01 January 2027\n"),
                      zone);
    }
}

TEST_CASE("today: a --per cue shows what is still open and is not due once its target is met") {
    Sandbox s; // 2026-11-20 is a Friday; weeks begin on Monday the 16th
    s.ok({"intent", "add", "Move more"});
    s.ok({"cue", "add", "--after", "work", "--do", "run", "--per", "3/week"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"cue", "add", "--after", "lunch", "--do", "swim", "--per", "2/7d"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"cue", "add", "--after", "coffee", "--do", "stretch"}, {{"KINT_TODAY", "2026-11-02"}});
    for (const char* day : {"2026-11-13", "2026-11-16", "2026-11-18"})
        s.ok({"log", "1", "--day", day});

    auto text = s.ok({"today"}).out;
    CHECK(contains(text, "1 more this week"));
    CHECK(contains(text, "2 more in 7 days"));
    auto j = parse(s.ok({"today", "--json"}).out);
    REQUIRE(j["cues"].size() == 3);
    CHECK(j["cues"][0]["per"].str() == "3/week");
    CHECK(j["cues"][0]["remaining"].integer() == 1);
    CHECK(j["cues"][0]["due"].boolean());
    CHECK(j["cues"][1]["per"].str() == "2/7d");
    CHECK(j["cues"][1]["remaining"].integer() == 2);
    CHECK(j["cues"][2]["per"].is_null());
    CHECK(j["cues"][2]["remaining"].is_null());
    CHECK(j["cues"][2]["due"].boolean());

    // The week's target met yesterday: shown, not due, and no hint to log it.
    s.ok({"log", "1", "--day", "2026-11-19"});
    s.ok({"log", "3"});
    text = s.ok({"today"}).out;
    CHECK(contains(text, "done for this week"));
    CHECK(contains(text, "2 more in 7 days"));
    CHECK(contains(text, "log one with: kint log 2"));
    j = parse(s.ok({"today", "--json"}).out);
    CHECK(j["cues"][0]["remaining"].integer() == 0);
    CHECK_FALSE(j["cues"][0]["due"].boolean());
    CHECK(j["cues"][0]["status"].str() == "pending");
    CHECK_FALSE(contains(text, "missed"));
    // A new week opens on Monday.
    CHECK(contains(s.ok({"today"}, {{"KINT_TODAY", "2026-11-23"}}).out, "3 more this week"));
}

TEST_CASE("today: an if-then cue is a situation, a measured cue shows its target and amount") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});
    s.ok({"cue", "add", "--if", "anger rises", "--do", "five breaths"});
    s.ok({"cue", "add", "--after", "dinner", "--do", "read", "--target", "10", "--unit", "min"});
    auto text = s.ok({"today"}).out;
    CHECK(contains(text, "if anger rises: five breaths — log when it comes up"));
    CHECK(contains(text, "10 min"));
    CHECK(contains(text, "log one with: kint log 2"));
    auto j = parse(s.ok({"today", "--json"}).out);
    CHECK_FALSE(j["cues"][0]["due"].boolean());
    CHECK(j["cues"][0]["target"].is_null());
    CHECK(j["cues"][0]["unit"].is_null());
    CHECK_FALSE(j["cues"][0]["at_most"].boolean());
    CHECK(j["cues"][1]["due"].boolean());
    CHECK(j["cues"][1]["target"].num() == 10);
    CHECK(j["cues"][1]["unit"].str() == "min");
    CHECK(j["cues"][1]["amount"].is_null());

    s.ok({"log", "2", "--amount", "12"});
    text = s.ok({"today"}).out;
    CHECK(contains(text, "12 of 10 min"));
    CHECK_FALSE(contains(text, "log one with"));
    j = parse(s.ok({"today", "--json"}).out);
    CHECK(j["cues"][1]["amount"].num() == 12);
    s.ok({"log", "1", "--not-this-time"});
    text = s.ok({"today"}).out;
    CHECK(contains(text, "if anger rises: five breaths"));
    CHECK_FALSE(contains(text, "log when it comes up"));
}

TEST_CASE("today: a cue resumed today is shown, counted only once it is done") {
    Sandbox s;
    s.ok({"intent", "add", "Be calmer"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"cue", "pause", "1"}, {{"KINT_TODAY", "2026-11-10"}});
    CHECK(contains(s.ok({"cue", "resume", "1"}).out,
                   "Resumed cue #1: breathe. Today counts once you log it; scheduled again from "
                   "tomorrow."));
    auto text = s.ok({"today"}).out;
    CHECK(contains(text, "resumed today"));
    auto j = parse(s.ok({"today", "--json"}).out);
    REQUIRE(j["cues"].size() == 1);
    CHECK_FALSE(j["cues"][0]["due"].boolean());
    CHECK(j["cues"][0]["resumed"].boolean());
    CHECK(contains(s.ok({"cue", "show", "1", "--json"}).out, kv("until", quoted("2026-11-21"))));
    // Left unlogged, the resume day is no missed day in the review.
    const auto review =
        parse(s.ok({"review", "--since", "2026-11-20", "--until", "2026-11-20", "--json"},
                   {{"KINT_TODAY", "2026-11-21"}})
                  .out);
    CHECK(review["cues"][0]["missed_days"].integer() == 0);

    // Done that evening: the day counts.
    s.ok({"log", "1"});
    CHECK(contains(s.ok({"cue", "show", "1", "--json"}).out, kv("until", quoted("2026-11-20"))));
    j = parse(s.ok({"today", "--json"}).out);
    CHECK(j["cues"][0]["due"].boolean());
    CHECK(j["cues"][0]["done"].boolean());
    CHECK_FALSE(contains(s.ok({"log", "1", "--day", "2026-11-20"}).out, "extra day"));
}

namespace {

// Today's view as the store alone says it: with no view kept beside it (which this run then keeps).
std::string today_from_store(const Sandbox& s, const std::vector<std::string>& args,
                             const Env& env = {}) {
    std::filesystem::remove(s.db() + ".view");
    return s.ok(args, env).out;
}

// The view kept, by its inode: a run that shows it leaves the file as it is; one that draws the
// view again replaces the file (a temp file renamed over it).
ino_t view_inode(const Sandbox& s) {
    struct stat st {};
    return ::stat((s.db() + ".view").c_str(), &st) == 0 ? st.st_ino : 0;
}

// A view is kept only once the store's last change is 50 ms old (cache::view_stamp).
void settle() {
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
}

} // namespace

TEST_CASE("today: the view kept beside the store is never out of date") {
    Sandbox s; // with no config file: a view is kept only 2 seconds after a config's last change
    seed_for_views(s, {{"KINT_TODAY", "2026-11-02"}});
    const std::vector<std::vector<std::string>> views = {
        {"today"}, {"today", "--json"}, {"today", "--color", "always"}};
    for (const auto& step : writes_that_move_views()) {
        CAPTURE(fmt::format("{}", fmt::join(step, " ")));
        // One view is kept (the latest asked for): the step's own run drops it.
        settle();
        s.ok({"today"});
        REQUIRE(view_inode(s) != 0);
        s.ok(step);
        CHECK(view_inode(s) == 0);
        settle();
        for (const auto& view : views) {
            CAPTURE(view.back());
            const auto shown = s.ok(view).out;
            REQUIRE(mode_of(s.db() + ".view") == 0600);
            const auto kept = view_inode(s);
            CHECK(s.ok(view).out == shown);
            CHECK(view_inode(s) == kept); // shown from the view kept
            CHECK(shown == today_from_store(s, view));
        }
    }
    // Another day is another view.
    for (const char* day : {"2026-11-21", "2026-11-19"}) {
        CAPTURE(day);
        const Env other{{"KINT_TODAY", day}};
        const auto shown = s.ok({"today"}, other).out;
        CHECK(contains(shown, day == std::string("2026-11-21") ? "21 November" : "19 November"));
        CHECK(shown == today_from_store(s, {"today"}, other));
    }
}

TEST_CASE("today: a config edit and another program's write show at once") {
    Sandbox s;
    write_file(s.config(),
               "[guidance]\nno_session = \"Note your session with kint session add.\"\n");
    s.ok({"intent", "add", "Be gentle"});
    // A view is kept only 2 seconds after the config last changed (its ctime cannot be set back).
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    s.ok({"today"});
    REQUIRE(view_inode(s) != 0);
    const auto kept = view_inode(s);
    CHECK(contains(s.ok({"today"}).out, "Note your session"));
    CHECK(view_inode(s) == kept);
    // A view shown still keeps the config it parsed beside the store (or each would parse it):
    // by the clock, the day needs the config's day.starts_at.
    const Env clock{{"KINT_TODAY", std::nullopt}};
    const auto by_clock = s.ok({"today"}, clock).out;
    const auto kept_by_clock = view_inode(s);
    std::filesystem::remove(s.db() + ".config-cache");
    CHECK(s.ok({"today"}, clock).out == by_clock);
    CHECK(view_inode(s) == kept_by_clock);
    CHECK(mode_of(s.db() + ".config-cache") == 0600);
    // The config edited this instant: its new stat no longer matches the view kept.
    write_file(s.config(), "[guidance]\nno_session = \"Add your session day when you know it.\"\n");
    const auto edited = s.ok({"today"}).out;
    CHECK(contains(edited, "Add your session day when you know it."));
    CHECK(edited == today_from_store(s, {"today"}));
    if (have_sqlite3()) {
        std::filesystem::remove(s.config());
        s.ok({"today"});
        settle();
        s.ok({"today"});
        const auto before = view_inode(s);
        CHECK(contains(s.ok({"today"}).out, "Be gentle"));
        REQUIRE(view_inode(s) == before); // shown from the view kept
        // Another program's write: nothing drops the view, its stamp no longer matches.
        REQUIRE(sqlite3(s, s.db(), "UPDATE intention SET text = 'Be patient';") == 0);
        const auto after = s.ok({"today"}).out;
        CHECK(contains(after, "Be patient"));
        CHECK_FALSE(contains(after, "Be gentle"));
    }
}

TEST_CASE("today: a FIFO in the WAL's place is refused even with a view kept") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    settle();
    s.ok({"today"});
    REQUIRE(view_inode(s) != 0);
    std::filesystem::remove(s.db() + "-wal");
    REQUIRE(::mkfifo((s.db() + "-wal").c_str(), 0600) == 0);
    const auto r = s.run({"today"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "is a FIFO"));
    std::filesystem::remove(s.db() + "-wal");
}

TEST_CASE("today: text a command removed survives in no view kept") {
    Sandbox s;
    s.ok({"intent", "add", "a private plan"});
    settle();
    s.ok({"today"});
    s.ok({"today"});
    REQUIRE(contains(read_file(s.db() + ".view").value_or(""), "a private plan"));
    s.ok({"intent", "edit", "1", "Be gentle"});
    CHECK_FALSE(contains(read_file(s.db() + ".view").value_or(""), "a private plan"));
    CHECK(contains(s.ok({"today"}).out, "Be gentle"));
}
