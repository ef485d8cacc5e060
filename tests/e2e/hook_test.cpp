// kint hook prompt and its cache beside the store (<store>.segment): the cache answers while the
// store's files are exactly as they were when it was filled, and never once they have changed.
#include "harness.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

using namespace kint::e2e;

namespace {

const Env evening{{"KINT_NOW", "20:00"}};

std::string prompt(const Sandbox& s) {
    return s.ok({"hook", "prompt"}, evening).out;
}

// The prompt as the store alone says it: without the cache (which the prompt never writes back).
std::string prompt_from_store(const Sandbox& s) {
    std::filesystem::remove(s.db() + ".segment");
    return prompt(s);
}

// Runs SQL on the store with the sqlite3 shell (for plans `cue add` cannot give yet).
void sql(const Sandbox& s, const std::string& statement) {
    const auto file = s.path("edit.sql");
    write_file(file, statement);
    REQUIRE(std::system(fmt::format("sqlite3 '{}' < '{}'", s.db(), file).c_str()) == 0);
}

} // namespace

TEST_CASE("hook: the segment cache gives what the store gives, in every state") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    s.ok({"cue", "add", "--if", "anger rises", "--do", "breathe out"});
    const std::vector<std::vector<std::string>> steps = {
        {"today"},
        {"log", "1"},
        {"rate", "4"},
        {"log", "1", "--undo"},
        {"log", "1", "--skip"},
        {"cue", "pause", "1"},
        {"cue", "resume", "1"},
        {"rate", "5", "--day", "-1"},
    };
    int said = 0;
    for (const auto& step : steps) {
        CAPTURE(step.front());
        s.ok(step);
        REQUIRE(mode_of(s.db() + ".segment") == 0600);
        const auto cached = prompt(s);
        CHECK(cached == prompt_from_store(s));
        said += cached.empty() ? 0 : 1;
    }
    CHECK(said >= 6); // (paused, with the mood rated, there is nothing to say)
    // Another day than the one the cache was filled on: the same answer too.
    s.ok({"log", "1"});
    for (const char* day : {"2026-11-21", "2026-11-25", "2026-11-19"}) {
        CAPTURE(day);
        s.ok({"today"}); // refills the cache
        const Env other{{"KINT_NOW", "20:00"}, {"KINT_TODAY", day}};
        const auto cached = s.ok({"hook", "prompt"}, other).out;
        std::filesystem::remove(s.db() + ".segment");
        CHECK(cached == s.ok({"hook", "prompt"}, other).out);
    }
}

TEST_CASE("hook: the cache is read while the store is unchanged, never after a change") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    CHECK(prompt(s) == "kint 0/1 · mood?\n");

    // A cache saying today is rated, under the store's current stamp: the prompt believes it, so
    // it reads the cache and not the store.
    const auto path = s.db() + ".segment";
    auto text = read_file(path);
    REQUIRE(text);
    const auto end = text->find("\nend\n");
    REQUIRE(end != std::string::npos);
    text->replace(end, 5, "\nmood 2026-11-20 6\nend\n");
    write_file(path, *text);
    CHECK(prompt(s) == "kint 0/1\n");

    // Any write through kint refills it.
    s.ok({"log", "1"});
    CHECK(prompt(s) == "kint 1/1 ✓ · mood?\n");

    // A write by another program (here the sqlite3 shell) changes the store's files: the stale
    // cache is passed over and the store itself answers.
    REQUIRE(std::system(fmt::format("sqlite3 '{}' \"INSERT INTO rating (day, kind, value) VALUES "
                                    "('2026-11-20', 'mood', 6)\"",
                                    s.db())
                            .c_str()) == 0);
    CHECK(prompt(s) == "kint 1/1 ✓\n");

    // A cache cut short or from another store is never used.
    s.ok({"today"});
    write_file(path, read_file(path)->substr(0, 40));
    CHECK(prompt(s) == "kint 1/1 ✓\n");
}

TEST_CASE("hook: the mood reminder shows from its time until the kint day ends") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    const auto at = [&](const char* now) {
        return s.ok({"hook", "prompt"}, {{"KINT_NOW", now}}).out;
    };
    CHECK(at("17:59") == "kint 0/1\n");
    CHECK(at("18:00") == "kint 0/1 · mood?\n");
    CHECK(at("23:59") == "kint 0/1 · mood?\n");
    // Past midnight the day being rated is still the one before (day.starts_at = 04:00).
    CHECK(at("00:30") == "kint 0/1 · mood?\n");
    CHECK(at("03:59") == "kint 0/1 · mood?\n");
    CHECK(at("04:00") == "kint 0/1\n");
    s.ok({"rate", "6"});
    CHECK(at("00:30") == "kint 0/1\n");
}

TEST_CASE("hook: a short sign while the safety note stands, another for a check-in") {
    Sandbox s;
    for (const char* day : {"2026-11-17", "2026-11-18", "2026-11-19"})
        s.ok({"rate", "2", "--day", day});
    CHECK(prompt(s) == "kint take care today · mood?\n");
    CHECK(prompt_from_store(s) == "kint take care today · mood?\n");
    // Going quiet does not end it; a better mood rated since does, once the stretch is two days
    // behind.
    s.ok({"today"});
    CHECK(s.ok({"hook", "prompt"}, {{"KINT_NOW", "20:00"}, {"KINT_TODAY", "2026-11-24"}}).out ==
          "kint take care today · mood?\n");
    s.ok({"rate", "7"});
    CHECK(prompt(s) == "kint take care today\n");
    s.ok({"today"});
    CHECK(s.ok({"hook", "prompt"}, {{"KINT_NOW", "20:00"}, {"KINT_TODAY", "2026-11-22"}}).out ==
          "kint mood?\n");

    Sandbox quiet; // one low rating, then two days of nothing: a check-in
    quiet.ok({"rate", "2", "--day", "2026-11-18"});
    CHECK(prompt(quiet) == "kint how are you? · mood?\n");
    CHECK(prompt_from_store(quiet) == "kint how are you? · mood?\n");

    // The config's words, made safe for the prompt; an empty sign shows nothing.
    write_file(quiet.config(), "[hook]\ncheck_in_sign = \"100% here\"\n");
    quiet.ok({"today"});
    CHECK(quiet.ok({"hook", "prompt", "--shell", "zsh"}, evening).out ==
          "kint 100%% here · mood?\n");
    write_file(quiet.config(), "[hook]\ncheck_in_sign = \"\"\n");
    quiet.ok({"today"});
    CHECK(prompt(quiet) == "kint mood?\n");
}

TEST_CASE("hook: a --per cue counts while its target is open, an if-then cue never") {
    Sandbox s; // 2026-11-20 is a Friday
    s.ok({"intent", "add", "Move more"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"cue", "add", "--after", "work", "--do", "run", "--per", "2/week"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"cue", "add", "--if", "anger rises", "--do", "five breaths"},
         {{"KINT_TODAY", "2026-11-02"}});
    s.ok({"rate", "6"});
    s.ok({"log", "2", "--day", "2026-11-16"});
    CHECK(prompt(s) == "kint 0/2\n");
    CHECK(prompt_from_store(s) == "kint 0/2\n");
    s.ok({"log", "3"}); // a situation logged is still no due cue
    CHECK(prompt(s) == "kint 0/2\n");
    // Done today: the target is met and the cue counts as done today.
    s.ok({"log", "2"});
    CHECK(prompt(s) == "kint 1/2\n");
    CHECK(prompt_from_store(s) == "kint 1/2\n");
    // Saturday: met, nothing to do for it.
    const Env saturday{{"KINT_NOW", "09:00"}, {"KINT_TODAY", "2026-11-21"}};
    s.ok({"today"}, saturday);
    CHECK(s.ok({"hook", "prompt"}, saturday).out == "kint 0/1\n");
    std::filesystem::remove(s.db() + ".segment");
    CHECK(s.ok({"hook", "prompt"}, saturday).out == "kint 0/1\n");
    // With Sunday weeks, Sunday the 22nd opens a new week.
    write_file(s.config(), "[day]\nweek_starts = \"sunday\"\n");
    const Env sunday{{"KINT_NOW", "09:00"}, {"KINT_TODAY", "2026-11-22"}};
    s.ok({"today"}, sunday);
    CHECK(s.ok({"hook", "prompt"}, sunday).out == "kint 0/2\n");
    write_file(s.config(), "[day]\nweek_starts = \"monday\"\n");
    s.ok({"today"}, sunday);
    CHECK(s.ok({"hook", "prompt"}, sunday).out == "kint 0/1\n");
}

TEST_CASE("hook: a cache an older kint wrote is passed over") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"});
    CHECK(prompt(s) == "kint 0/1 · mood?\n");
    const auto path = s.db() + ".segment";
    auto text = read_file(path);
    REQUIRE(text);
    REQUIRE(text->starts_with("kint-segment-4\n"));
    // The old format under the current stamp, saying today is rated: not believed.
    text->replace(0, 14, "kint-segment-3");
    const auto cue = text->find(" - -\n");
    REQUIRE(cue != std::string::npos);
    text->replace(cue, 5, " -\nmood 2026-11-20 6\n");
    write_file(path, *text);
    CHECK(prompt(s) == "kint 0/1 · mood?\n");
}

TEST_CASE("hook: a timed cue is named from its time until it is logged") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "stretch", "--at", "07:30"});
    s.ok({"cue", "add", "--after", "dinner", "--do", "write one sentence", "--at", "18:00"});
    s.ok({"cue", "add", "--after", "lunch", "--do", "breathe"}); // no time: counted, never named
    const auto at = [&](const char* now, Env extra = {}) {
        extra["KINT_NOW"] = now;
        const auto cached = s.ok({"hook", "prompt"}, extra).out;
        std::filesystem::remove(s.db() + ".segment");
        CHECK(s.ok({"hook", "prompt"}, extra).out == cached); // the store says the same
        s.ok({"today"}, extra);                               // and the cache is back
        return cached;
    };
    CHECK(at("07:29") == "kint 0/3\n");
    CHECK(at("07:30") == "kint 0/3 · stretch\n");
    CHECK(at("18:30") == "kint 0/3 · stretch +1 · mood?\n");
    // Past midnight the kint day goes on until day.starts_at.
    CHECK(at("01:00") == "kint 0/3 · stretch +1 · mood?\n");
    s.ok({"log", "1"});
    CHECK(at("18:30") == "kint 1/3 · write one sentence · mood?\n");
    // A slip logged is an answer too: no longer named (and not counted done).
    s.ok({"log", "2", "--slip", "--note", "late meeting"});
    CHECK(at("18:30") == "kint 1/3 · mood?\n");
    // The next day both are due again from their times.
    const Env saturday{{"KINT_TODAY", "2026-11-21"}};
    CHECK(at("09:00", saturday) == "kint 0/3 · stretch\n");
    // Logged before its time: never named that day.
    s.ok({"log", "1"}, saturday);
    CHECK(at("09:00", saturday) == "kint 1/3\n");
    // Paused: neither counted nor named.
    s.ok({"cue", "pause", "2"}, saturday);
    CHECK(at("19:00", saturday) == "kint 1/2 · mood?\n");
}

TEST_CASE("hook: --per cues are named while their target is open, if-then cues never") {
    Sandbox s; // 2026-11-20 is a Friday
    const Env monday{{"KINT_TODAY", "2026-11-16"}};
    s.ok({"intent", "add", "Move more"}, monday);
    s.ok({"cue", "add", "--after", "work", "--do", "run", "--per", "2/week", "--at", "17:00"},
         monday);
    s.ok({"cue", "add", "--if", "anger rises", "--do", "five breaths", "--at", "12:00"}, monday);
    s.ok({"rate", "6"});
    const Env evening_now{{"KINT_NOW", "17:30"}};
    CHECK(s.ok({"hook", "prompt"}, evening_now).out == "kint 0/1 · run\n");
    s.ok({"log", "1", "--day", "2026-11-16"});
    s.ok({"log", "1", "--day", "2026-11-18"});
    // Met for the week: nothing to do, nothing named.
    CHECK(s.ok({"hook", "prompt"}, evening_now).out.empty());
    std::filesystem::remove(s.db() + ".segment");
    CHECK(s.ok({"hook", "prompt"}, evening_now).out.empty());
}

TEST_CASE("hook: [hook] show_due and due_max_chars, the name made safe for the prompt") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "write one sentence, then 100% rest", "--at",
          "07:30"});
    s.ok({"rate", "6"});
    const Env morning{{"KINT_NOW", "08:00"}};
    // 20 characters by default, without the space the cut would leave.
    CHECK(s.ok({"hook", "prompt"}, morning).out == "kint 0/1 · write one sentence,…\n");
    write_file(s.config(), "[hook]\ndue_max_chars = 40\n");
    s.ok({"today"});
    CHECK(s.ok({"hook", "prompt", "--shell", "zsh"}, morning).out ==
          "kint 0/1 · write one sentence, then 100%% rest\n");
    write_file(s.config(), "[hook]\ndue_max_chars = 5\n");
    s.ok({"today"});
    CHECK(s.ok({"hook", "prompt"}, morning).out == "kint 0/1 · write…\n");
    write_file(s.config(), "[hook]\nshow_due = false\n");
    s.ok({"today"});
    CHECK(s.ok({"hook", "prompt"}, morning).out == "kint 0/1\n");
    // Out of range: the config is refused where it is wrong, as any other setting.
    write_file(s.config(), "[hook]\ndue_max_chars = 0\n");
    const auto bad = s.run({"today"});
    CHECK(bad.code == 1);
    CHECK(contains(bad.err, "config.toml:2:17"));
    CHECK(contains(bad.err, "1 to 80"));
    write_file(s.config(), "");

    // A behavior another program wrote with control characters: none reaches the prompt, from
    // the cache or from the store.
    sql(s, "UPDATE step SET behavior = 'st' || char(27) || '[2Jretch' || char(10) || 'now';");
    s.ok({"today"});
    CHECK(s.ok({"hook", "prompt"}, morning).out == "kint 0/1 · st[2Jretch now\n");
    std::filesystem::remove(s.db() + ".segment");
    CHECK(s.ok({"hook", "prompt"}, morning).out == "kint 0/1 · st[2Jretch now\n");
}

TEST_CASE("hook: the due cue's name comes from the cache while the store is unchanged") {
    Sandbox s;
    s.ok({"intent", "add", "Be gentle"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "stretch", "--at", "07:30"});
    s.ok({"rate", "6"});
    const Env morning{{"KINT_NOW", "08:00"}};
    CHECK(s.ok({"hook", "prompt"}, morning).out == "kint 0/1 · stretch\n");
    const auto path = s.db() + ".segment";
    auto text = read_file(path);
    REQUIRE(text);
    const auto does = text->find("\ndoes stretch\n");
    REQUIRE(does != std::string::npos);
    text->replace(does, 14, "\ndoes from the cache\n");
    write_file(path, *text);
    CHECK(s.ok({"hook", "prompt"}, morning).out == "kint 0/1 · from the cache\n");
}
