// The config: the embedded default, and a user file layered over it key by key.
#include "kint/config/config.hpp"
#include "kint/core/error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kint;

namespace {
// The ConfigError message parse() throws for `text` named `name`, or "" when it parses.
std::string error_of(std::string_view text, std::string_view name = "user.toml") {
    try {
        config::parse(text, name);
    } catch (const ConfigError& e) {
        CHECK(e.exit_code() == 1);
        return e.what();
    }
    return {};
}
bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("config::parse: the embedded default") {
    const auto c = config::parse();
    CHECK(c.source.empty());
    REQUIRE(c.catalogue.size() == 10);
    for (const auto& g : c.catalogue) {
        CAPTURE(g.key);
        CHECK(g.items.size() == 15);
        CHECK_FALSE(g.name.empty());
        for (std::size_t i = 0; i < g.items.size(); ++i)
            CHECK(g.items[i].id == g.key + "." + std::to_string(i + 1));
    }
    CHECK(c.catalogue.front().key == "healing");
    const auto* item = c.find_item("anxiety.5");
    REQUIRE(item);
    CHECK(item->text == "Practice relaxing with breathing or meditation.");
    CHECK_FALSE(c.find_item("anxiety.16"));
    CHECK_FALSE(c.find_item("anxiety"));
    REQUIRE(c.find_group("ptsd"));
    CHECK(c.find_group("ptsd")->condition);
    CHECK_FALSE(c.find_group("healing")->condition);

    REQUIRE(c.timeline.size() == 3);
    CHECK(c.timeline[0].key == "day0");
    CHECK(c.timeline[0].from == 0);
    CHECK(c.timeline[0].to == 0);
    CHECK_FALSE(c.timeline[0].safety.empty());
    CHECK(c.timeline[1].from == 1);
    CHECK(c.timeline[1].to == 3);
    CHECK(c.timeline[2].from == 4);
    CHECK(c.timeline[2].to == 14);

    REQUIRE(c.habit_phases.size() == 5);
    CHECK(c.habit_phases[0].key == "establishment");
    CHECK(c.habit_phases[0].from_week == 1);
    CHECK(c.habit_phases[0].to_week == 2);
    CHECK(c.habit_phases[4].from_week == 9);
    CHECK(c.habit_phases[4].to_week == 0);

    CHECK(c.day_starts_at == 4 * 60);
    CHECK(c.week_starts == 0);
    CHECK(c.safety.low_mood_max == 3);
    CHECK(c.safety.low_mood_days == 3);
    CHECK(has(c.safety.message, "contact your clinic"));
    CHECK(c.safety.contact.empty());
    CHECK(c.hook.mood_reminder_after == 18 * 60);
    REQUIRE(c.find_prompt("quick.1"));
    CHECK(c.find_prompt("quick.1")->text == "What wants more of my time this week?");
    CHECK_FALSE(c.starter.steps.empty());
    CHECK_FALSE(c.practices.empty());
    CHECK_FALSE(c.guidance.second_cue.empty());
}

TEST_CASE("config::parse: a user table overrides only its keys") {
    const auto d = config::parse();
    const auto c = config::parse("[safety]\nlow_mood_days = 2\n", "mine.toml");
    CHECK(c.source == "mine.toml");
    CHECK(c.safety.low_mood_days == 2);
    CHECK(c.safety.low_mood_max == 3);
    CHECK(c.safety.message == d.safety.message);
    CHECK(c.catalogue.size() == 10);
    REQUIRE(c.find_item("anxiety.5"));
    CHECK(c.timeline.size() == 3);
    CHECK(c.prompts.size() == d.prompts.size());

    const auto day = config::parse("[day]\nstarts_at = \"05:30\"\n");
    CHECK(day.day_starts_at == 5 * 60 + 30);
    CHECK(day.week_starts == 0);
    CHECK(config::parse("[day]\nweek_starts = \"sunday\"\n").week_starts == 6);
    CHECK(config::parse("[safety]\ncontact = \"Clinic\"\n").safety.contact == "Clinic");
    const auto hook = config::parse("[hook]\nshow_cues = false\n");
    CHECK_FALSE(hook.hook.show_cues);
    CHECK(hook.hook.show_mood_reminder);
}

TEST_CASE("config::parse: a user array replaces the default array") {
    const auto c = config::parse("[[habit_phase]]\nkey = \"only\"\nname = \"Only\"\n");
    REQUIRE(c.habit_phases.size() == 1);
    CHECK(c.habit_phases[0].key == "only");
    CHECK(c.habit_phases[0].from_week == 1);
    CHECK(c.catalogue.size() == 10); // other arrays keep the default
}

TEST_CASE("config::parse: a wrong type names file:line:col") {
    auto e = error_of("[safety]\nlow_mood_days = \"two\"\n", "mine.toml");
    CHECK(has(e, "mine.toml:2:17"));
    CHECK(has(e, "safety.low_mood_days"));

    CHECK(has(error_of("\n\n[day]\nstarts_at = 4\n"), "user.toml:4:13"));
    CHECK(has(error_of("[day]\nweek_starts = \"someday\"\n"), "user.toml:2:15"));
    CHECK(has(error_of("[safety]\nlow_mood_max = 11\n"), "user.toml:2:16"));
    CHECK(has(error_of("[hook]\nshow_cues = \"yes\"\n"), "user.toml:2:13"));
    CHECK(has(error_of("[[prompt]]\nid = 5\ntext = \"x\"\n"), "user.toml:2:6"));
    CHECK(has(error_of("[[catalogue]]\nkey = \"k\"\nname = \"K\"\nitems = [\"a\", 2]\n"),
              "user.toml:4:15"));
    CHECK(has(error_of("[[catalogue]]\nname = \"No key\"\n"), "user.toml:1:"));
    CHECK(has(error_of("catalogue = \"flat\"\n"), "user.toml:1:13"));
}

TEST_CASE("config::parse: an id or key used twice in a list is refused where it repeats") {
    const auto two_prompts = "[[prompt]]\nid = \"mine.1\"\ntext = \"a\"\n"
                             "[[prompt]]\nid = \"mine.1\"\ntext = \"b\"\n";
    const auto e = error_of(two_prompts);
    CHECK(has(e, "user.toml:5:6"));
    CHECK(has(e, "prompt[1].id 'mine.1' is already used above"));
    CHECK(has(error_of("[[catalogue]]\nkey = \"k\"\nname = \"K\"\n[[catalogue]]\nkey = \"k\"\n"
                       "name = \"L\"\n"),
              "user.toml:5:7: catalogue[1].key 'k' is already used above"));
    CHECK(has(error_of("[[practice]]\nkey = \"p\"\nname = \"P\"\n[[practice]]\nkey = \"p\"\n"
                       "name = \"Q\"\n"),
              "practice[1].key 'p'"));
}

TEST_CASE("config::parse: a prompt's phase must be one prompts can be chosen by") {
    const auto e = error_of("[[prompt]]\nid = \"mine.1\"\ntext = \"a\"\nphases = [\"general\", "
                            "\"genral\"]\n");
    CHECK(has(e, "user.toml:4:22"));
    CHECK(has(e, "prompt[0].phases holds 'genral', which is no timeline phase (did you mean "
                 "'general'?)"));
    // The timeline's keys, preparation and general are all fine.
    const auto ok = config::parse("[[prompt]]\nid = \"mine.1\"\ntext = \"a\"\nphases = [\"day0\", "
                                  "\"days4-14\", \"preparation\", \"general\"]\n");
    CHECK(ok.prompts.size() == 1);
    // A user's own timeline does not make the default prompts wrong.
    const auto own =
        config::parse("[[timeline]]\nkey = \"week1\"\nname = \"First week\"\nfrom = 0\n"
                      "to = 6\n");
    CHECK(own.timeline.size() == 1);
    CHECK(own.prompts.size() > 20);
}

TEST_CASE("config::parse: a float where a whole number goes is refused, however large") {
    // Found by fuzz_config: toml++ casts a float to an integer unchecked, so 2.3e26 was UB.
    auto e = error_of("[safety]\nlow_mood_max = 2.33333e+26\n");
    CHECK(has(e, "user.toml:2:16"));
    CHECK(has(e, "a whole number from 0 to 10"));
    CHECK(has(error_of("[safety]\nlow_mood_days = 3.0\n"), "user.toml:2:17"));
    CHECK(has(error_of("[safety]\nlow_mood_days = nan\n"), "safety.low_mood_days"));
    CHECK(has(error_of("[[habit_phase]]\nkey = \"x\"\nname = \"x\"\nfrom_week = -9.5e30\n"),
              "user.toml:4:13"));
    CHECK(has(error_of("[[practice]]\nkey = \"p\"\nname = \"p\"\nminutes = inf\n"),
              "user.toml:4:11"));
}

TEST_CASE("config::parse: a setting kint does not have is named, with the nearest one") {
    // A typo would otherwise be ignored without a word, and the default used instead.
    CHECK(error_of("[safty]\nlow_mood_max = 2\n", "mine.toml") ==
          "mine.toml:1:2: kint has no setting 'safty' (did you mean 'safety'?); fix the name or "
          "remove it");
    CHECK(error_of("[safety]\nlow_mod_max = 2\n") ==
          "user.toml:2:1: kint has no setting 'safety.low_mod_max' (did you mean "
          "'low_mood_max'?); fix the name or remove it");
    CHECK(has(error_of("colour = \"never\"\n"), "user.toml:1:1: kint has no setting 'colour'; "));
    CHECK(has(error_of("[hook]\nshow_cues = true\n[hook.extra]\nx = 1\n"), "'hook.extra'"));
    CHECK(has(error_of("[[prompt]]\nid = \"a\"\ntext = \"b\"\nphase = [\"x\"]\n"),
              "user.toml:4:1: kint has no setting 'prompt[0].phase' (did you mean 'phases'?)"));
    CHECK(has(error_of("[[practice]]\nkey = \"p\"\nname = \"P\"\n[[practice]]\nkey = \"q\"\n"
                       "name = \"Q\"\nminute = 3\n"),
              "'practice[1].minute' (did you mean 'minutes'?)"));
    // Every setting of the default file is known (parse checks the default too), and a user file
    // may set any of them.
    CHECK(error_of("[day]\nstarts_at = \"05:00\"\nweek_starts = \"sunday\"\n[guidance]\nslip = "
                   "\"Rain passes.\"\n[starter]\ntitle = \"Mine\"\n")
              .empty());
    // A table given as a plain value would hide every setting in it.
    CHECK(error_of("safety = 3\n") == "user.toml:1:10: 'safety' should be a table ([safety]); fix "
                                      "the file or remove the key to use the default");
}

TEST_CASE("config::parse: a TOML syntax error reports its line and column") {
    auto e = error_of("[safety]\nlow_mood_days = 2\n[hook\n", "broken.toml");
    CHECK(has(e, "broken.toml:3:"));
    CHECK(has(error_of("[safety\n"), "user.toml:1:8"));
    CHECK(has(error_of("a = 1\na = 2\n"), "user.toml:2:"));
    CHECK(has(error_of("x = \"unterminated\n"), "user.toml:1:"));
    CHECK(error_of("# just a comment\n").empty());
    CHECK(error_of("").empty());
}

TEST_CASE("config::parse: the safety window, defaults and bounds") {
    const auto d = config::parse();
    CHECK(d.safety.low_mood_window == 5);
    CHECK(config::Safety{}.low_mood_window == d.safety.low_mood_window);
    CHECK(config::parse("[safety]\nlow_mood_window = 3\n").safety.low_mood_window == 3);
    CHECK(config::parse("[safety]\nlow_mood_window = 31\n").safety.low_mood_window == 31);
    const auto many = config::parse("[safety]\nlow_mood_days = 7\nlow_mood_window = 10\n");
    CHECK(many.safety.low_mood_days == 7);
    CHECK(many.safety.low_mood_window == 10);

    // Shorter than the count, or longer than 31 days: where the window is written.
    auto e = error_of("[safety]\nlow_mood_window = 2\n", "mine.toml");
    CHECK(has(e, "mine.toml:2:19"));
    CHECK(has(e, "'safety.low_mood_window' should be a whole number from 3"));
    e = error_of("[safety]\nlow_mood_window = 32\n", "mine.toml");
    CHECK(has(e, "mine.toml:2:19"));
    CHECK(has(e, "to 31"));
    CHECK(has(error_of("[safety]\nlow_mood_window = 0\n"), "user.toml:2:19"));
    CHECK(has(error_of("[safety]\nlow_mood_window = 5.0\n"), "user.toml:2:19"));
    CHECK(has(error_of("[safety]\nlow_mood_days = 4\nlow_mood_window = 3\n"), "user.toml:3:19"));
    // A count that outgrew the default window: where the count is written, with the fix.
    e = error_of("[safety]\nlow_mood_days = 6\n", "mine.toml");
    CHECK(has(e, "mine.toml:2:17"));
    CHECK(has(e, "set low_mood_window to at least 6"));
}

TEST_CASE("config::parse: the hook's signs") {
    const auto d = config::parse();
    // The struct's defaults (what the prompt shows without a hook cache) are the file's.
    CHECK(d.hook.safety_sign == config::Hook{}.safety_sign);
    CHECK(d.hook.check_in_sign == config::Hook{}.check_in_sign);
    CHECK_FALSE(d.hook.safety_sign.empty());
    CHECK_FALSE(d.hook.check_in_sign.empty());
    const auto mine = config::parse("[hook]\nsafety_sign = \"gentle day\"\ncheck_in_sign = \"\"\n");
    CHECK(mine.hook.safety_sign == "gentle day");
    CHECK(mine.hook.check_in_sign.empty());
    // Forty characters, more bytes: counted as characters.
    const std::string forty = "ça va · 40 characters of ünïcödé here...";
    CHECK(config::parse("[hook]\nsafety_sign = \"" + forty + "\"\n").hook.safety_sign == forty);
    CHECK(has(error_of("[hook]\nsafety_sign = \"" + forty + ".\"\n"), "at most 40"));
    CHECK(has(error_of("[hook]\nsafety_sign = 1\n"), "user.toml:2:15"));
    CHECK(has(error_of("[hook]\nsafety_sign = \"two\\nlines\"\n"), "user.toml:2:15"));
    CHECK(has(error_of("[hook]\ncheck_in_sign = \"\\u001b[31m\"\n"), "user.toml:2:17"));
    const auto e = error_of("[hook]\ncheck_in_sign = \"" + std::string(41, 'x') + "\"\n");
    CHECK(has(e, "user.toml:2:17"));
    CHECK(has(e, "at most 40 characters"));
}

TEST_CASE("config::parse: [remind] command, a program or a list of it and its arguments") {
    const auto d = config::parse();
    // The file's default is the struct's: notify-send, the freedesktop notification client.
    CHECK(d.remind.command == std::vector<std::string>{"notify-send"});
    CHECK(d.remind == config::Remind{});
    CHECK(config::parse("[remind]\ncommand = \"/home/me/bin/my notifier\"\n").remind.command ==
          std::vector<std::string>{"/home/me/bin/my notifier"}); // one word: never split
    CHECK(config::parse("[remind]\ncommand = [\"notify-send\", \"--urgency=low\"]\n")
              .remind.command == std::vector<std::string>{"notify-send", "--urgency=low"});
    // Anything else is refused where it stands, saying what it should be.
    for (const char* bad :
         {"command = \"\"", "command = []", "command = [\"\", \"-u\"]", "command = 5",
          "command = true", "command = { program = \"x\" }", "command = \"notify\\nsend\"",
          "command = [\"notify-send\", \"\\u001b[2J\"]"}) {
        CAPTURE(std::string(bad));
        const auto e = error_of(std::string("[remind]\n") + bad + "\n");
        CHECK(has(e, "user.toml:2:"));
        CHECK(has(e, "remind.command"));
    }
    CHECK(has(error_of("[remind]\ncommand = 5\n"), "a program to run"));
    CHECK(has(error_of("[remind]\ncommand = [\"notify-send\", 3]\n"), "user.toml:2:"));
    CHECK(has(error_of("[remind]\ncomand = \"x\"\n"), "did you mean 'command'?"));
}

TEST_CASE("config::parse: gentle prompts and practice paces") {
    const auto d = config::parse();
    REQUIRE(d.find_prompt("notes.1"));
    CHECK(d.find_prompt("notes.1")->gentle);
    CHECK_FALSE(d.find_prompt("curiosity.2")->gentle);
    CHECK(has(error_of("[[prompt]]\nid = \"a.1\"\ntext = \"x\"\ngentle = \"yes\"\n"),
              "user.toml:4:10"));

    const config::Practice* reset = nullptr;
    for (const auto& p : d.practices)
        if (p.key == "reset") reset = &p;
    REQUIRE(reset);
    CHECK(reset->pace ==
          std::vector<config::BreathPhase>{{"in", 4}, {"hold", 4}, {"out", 4}, {"hold", 4}});
    for (const auto& p : d.practices)
        if (p.key == "grounding") CHECK(p.pace.empty());

    const auto mine = config::parse("[[practice]]\nkey = \"slow\"\nname = \"Slow\"\n"
                                    "pace = [{ breath = \"in\", seconds = 5 }, "
                                    "{ breath = \"out\", seconds = 7 }]\n");
    REQUIRE(mine.practices.size() == 1);
    CHECK(mine.practices[0].pace == std::vector<config::BreathPhase>{{"in", 5}, {"out", 7}});
    const std::string head = "[[practice]]\nkey = \"slow\"\nname = \"Slow\"\n";
    CHECK(has(error_of(head + "pace = 4\n"), "user.toml:4:8"));
    CHECK(has(error_of(head + "pace = [4]\n"), "user.toml:4:9"));
    auto e = error_of(head + "pace = [{ breath = \"sigh\", seconds = 4 }]\n");
    CHECK(has(e, "user.toml:4:20"));
    CHECK(has(e, "practice[0].pace[0].breath"));
    CHECK(has(error_of(head + "pace = [{ breath = \"in\", seconds = 0 }]\n"), "user.toml:4:36"));
    CHECK(has(error_of(head + "pace = [{ breath = \"in\", seconds = 61 }]\n"), "user.toml:4:36"));
    CHECK(has(error_of(head + "pace = [{ breath = \"in\" }]\n"), "needs 'seconds'"));
    e = error_of(head + "pace = [{ breath = \"in\", secnds = 4 }]\n");
    CHECK(has(e, "user.toml:4:26"));
    CHECK(has(e, "did you mean 'seconds'"));
}

TEST_CASE("config::parse: the prompt's due cue, on by default, cut to due_max_chars") {
    const auto d = config::parse();
    CHECK(d.hook.show_due);
    CHECK(d.hook.due_max_chars == 20);
    CHECK(d.hook == config::Hook{}); // the embedded file and the struct agree
    const auto mine = config::parse("[hook]\nshow_due = false\ndue_max_chars = 80\n");
    CHECK_FALSE(mine.hook.show_due);
    CHECK(mine.hook.due_max_chars == 80);
    CHECK(has(error_of("[hook]\ndue_max_chars = 0\n"), "user.toml:2:17"));
    CHECK(has(error_of("[hook]\ndue_max_chars = 81\n"), "a whole number from 1 to 80"));
    CHECK(has(error_of("[hook]\ndue_max_chars = 2.5\n"), "user.toml:2:17"));
    CHECK(has(error_of("[hook]\nshow_due = \"no\"\n"), "user.toml:2:12"));
    CHECK(has(error_of("[hook]\nshow_du = true\n"), "did you mean 'show_due'"));
}
