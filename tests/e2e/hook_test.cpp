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

TEST_CASE("hook: a --per cue counts while its target is open; an if-then cue never") {
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
    REQUIRE(text->starts_with("kint-segment-3\n"));
    // The old format under the current stamp, saying today is rated: not believed.
    text->replace(0, 14, "kint-segment-2");
    const auto cue = text->find(" - -\n");
    REQUIRE(cue != std::string::npos);
    text->replace(cue, 5, " -\nmood 2026-11-20 6\n");
    write_file(path, *text);
    CHECK(prompt(s) == "kint 0/1 · mood?\n");
}
