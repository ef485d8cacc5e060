// kint start: the quick starter plan. On a terminal (a pseudo-terminal here) it asks step by step;
// without one it explains the plain commands and writes nothing.
#include "harness.hpp"
#include "jsonlite.hpp"
#include "pty.hpp"

#include <filesystem>

using namespace kint::e2e;
using jsonlite::parse;

namespace {

const std::vector<std::string> starter_steps = {
    "Pick one intention from your list.",
    "Choose one tiny repeatable behavior that matches it.",
    "Place one cue where you will see it.",
    "Do it daily at the same time for two weeks.",
    "Track one number each day and review weekly.",
    "Adjust step size not direction.",
};

// Waits for the next "> " prompt; fails the test (and kills kint, via ~Pty) when none comes.
std::string prompt(Pty& p, std::string_view question) {
    INFO("waiting for: ", question);
    auto seen = p.expect("> ");
    INFO("kint wrote: ", p.output());
    REQUIRE(seen.has_value());
    CHECK(contains(*seen, question));
    return *seen;
}

// The two questions of care, each skipped with Enter.
void skip_care(Pty& p) {
    prompt(p, "If days get hard, who can you contact?");
    p.send_line("");
    prompt(p, "When was your last treatment session");
    p.send_line("");
}

// Steps 1-4 of the plan: catalogue item anxiety.3, three slow breaths, after I pour my coffee, no
// time.
void answer_first_four(Pty& p) {
    prompt(p, "1. Pick one intention.");
    p.send_line("anxiety.3");
    prompt(p, "2. Choose one tiny repeatable behavior");
    p.send_line("three slow breaths");
    prompt(p, "3. Place one cue");
    p.send_line("after I pour my coffee");
    prompt(p, "4. Choose the time");
    p.send_line("");
}

// Steps 1-4 with a time of day for the cue.
void answer_first_four_with_time(Pty& p, const std::string& time) {
    prompt(p, "1. Pick one intention.");
    p.send_line("anxiety.3");
    prompt(p, "2. Choose one tiny repeatable behavior");
    p.send_line("three slow breaths");
    prompt(p, "3. Place one cue");
    p.send_line("after I pour my coffee");
    prompt(p, "4. Choose the time");
    p.send_line(time);
}

// The plan's steps, then both questions of care skipped.
void answer_the_plan(Pty& p) {
    answer_first_four(p);
    skip_care(p);
}

// The id printed after the text on the numbered line `n` of a catalogue search ("  1  text  id").
std::string id_on_line(const std::string& listing, int n) {
    const std::string marker = "  " + std::to_string(n) + "  ";
    const auto at = listing.find(marker);
    if (at == std::string::npos) return {};
    const auto end = listing.find_first_of("\r\n", at);
    const std::string line = listing.substr(at, end - at);
    return line.substr(line.find_last_of(' ') + 1);
}

} // namespace

TEST_CASE("start: without a terminal it explains the plain commands and writes nothing") {
    Sandbox s;
    const auto before = s.snapshot();
    const auto r = s.ok({"start"});
    for (const auto& step : starter_steps)
        CHECK_MESSAGE(contains(r.out, step), step);
    CHECK(contains(r.out, "kint intent catalogue"));
    CHECK(contains(r.out, "kint intent add --from"));
    CHECK(contains(r.out, "kint cue add --after"));
    CHECK(contains(r.out, "kint log 1"));
    CHECK(contains(r.out, "kint review"));
    CHECK_FALSE(contains(r.out, "> "));
    CHECK(s.snapshot() == before);
    CHECK_FALSE(read_file(s.db())); // not even an empty store

    // --json: the plan as data.
    const auto doc = jsonlite::parse(s.ok({"start", "--json"}).out);
    CHECK(doc["title"].str() == "Quick starter plan");
    REQUIRE(doc["steps"].size() == starter_steps.size());
    CHECK(doc["steps"][0].str() == starter_steps[0]);
    CHECK(s.snapshot() == before);

    // Answers on a pipe are not taken as a dialogue either.
    const auto piped = run_within(s, {"start"}, 10s, "calm\n1\nthree slow breaths\n");
    CHECK_FALSE(piped.timed_out);
    CHECK(piped.code == 0);
    CHECK(piped.out == r.out);
    CHECK(s.snapshot() == before);
    // Nor a flood of them: kint ends without reading them, the pipe closes under the writer.
    const auto flood = run_within(s, {"start"}, 10s, std::string(1 << 20, 'y'));
    CHECK_FALSE(flood.timed_out);
    CHECK(flood.code == 0);
    CHECK(flood.out == r.out);
    CHECK(s.snapshot() == before);

    // With a store in use, it is left as it was.
    s.ok({"intent", "add", "I am open to learning new ways to cope"});
    s.ok({"today"});
    const auto used = s.snapshot();
    s.ok({"start"});
    CHECK(s.snapshot() == used);
}

TEST_CASE("start: on a terminal it walks the plan and saves intention, focus and cue") {
    Sandbox s;
    Pty p(s, {"start"}, {{"SHELL", "/bin/bash"}});
    const auto intro = prompt(p, "1. Pick one intention.");
    for (const auto& step : starter_steps)
        CHECK_MESSAGE(contains(intro, step), step);

    p.send_line("calm");
    const auto listing = prompt(p, "Which one?");
    const std::string picked = id_on_line(listing, 2);
    INFO("listing: ", listing);
    REQUIRE_FALSE(picked.empty());
    CHECK(contains(listing, "calm"));

    p.send_line("2");
    prompt(p, "2. Choose one tiny repeatable behavior");
    p.send_line("three slow breaths");
    prompt(p, "3. Place one cue");
    p.send_line("after I pour my coffee");
    prompt(p, "4. Choose the time");
    p.send_line("08:00");
    skip_care(p);
    const auto offer = prompt(p, "Show a gentle mood reminder in your bash prompt? [y/N]");
    CHECK(contains(offer, "Saved."));
    CHECK(contains(offer, s.path(".bashrc")));
    p.send_line("y");
    // The cue has a time: reminders at it are offered next (no, here: the next test says yes).
    prompt(p, "Remind you on this desktop at 08:00 when it is not logged yet? [y/N]");
    p.send_line("");
    CHECK(p.wait() == 0);
    CHECK(contains(p.output(), "Added to " + s.path(".bashrc")));
    CHECK_FALSE(read_file(s.path(".config/systemd/user/kint-remind.timer")));
    CHECK(contains(p.output(), "kint remind 2>&1 | logger -t kint-remind"));
    CHECK(contains(p.output(), "PATH=/usr/local/bin:/usr/bin:/bin"));
    CHECK(contains(p.output(), "0 8 * * mon  kint review --week last --format markdown"));
    const auto bashrc = read_file(s.path(".bashrc"));
    REQUIRE(bashrc);
    CHECK(count_of(*bashrc, "eval \"$(kint hook init bash)\"\n") == 1);
    CHECK(contains(*bashrc, "PS1='${KINT_SEGMENT:+($KINT_SEGMENT) }'"));
    // The closing steps line their commands up in one column.
    std::vector<std::size_t> columns;
    for (const char* command :
         {"kint log 1", "kint rate 0-10", "kint review\r", "kint cue step 1"}) {
        const auto at = p.output().find(command);
        REQUIRE_MESSAGE(at != std::string::npos, command);
        columns.push_back(at - (p.output().rfind('\n', at) + 1));
    }
    CHECK(columns == std::vector<std::size_t>(4, columns.front()));

    const auto intents = parse(s.ok({"intent", "list", "--json"}).out);
    REQUIRE(intents.size() == 1);
    CHECK(intents[0]["catalogue_id"].str() == picked);
    CHECK(intents[0]["group"].str() == picked.substr(0, picked.find('.')));
    CHECK(intents[0]["focus"].boolean());
    CHECK(intents[0]["created"].str() == "2026-11-20");
    const auto catalogue = parse(s.ok({"intent", "catalogue", "calm", "--json"}).out);
    bool text_matches = false;
    for (const auto& g : catalogue.items)
        for (const auto& item : g["items"].items)
            if (item["id"].str() == picked)
                text_matches = item["text"].str() == intents[0]["text"].str();
    CHECK(text_matches);

    const auto cues = parse(s.ok({"cue", "list", "--json"}).out);
    REQUIRE(cues.size() == 1);
    CHECK(cues[0]["kind"].str() == "after");
    CHECK(cues[0]["trigger"].str() == "I pour my coffee");
    CHECK(cues[0]["behavior"].str() == "three slow breaths");
    CHECK(cues[0]["at"].str() == "08:00");
    CHECK(cues[0]["days"].str() == "daily");
    CHECK(cues[0]["intention_id"].integer() == intents[0]["id"].integer());
}

TEST_CASE("start: a wrong answer is asked again, not fatal") {
    Sandbox s;
    Pty p(s, {"start"});
    prompt(p, "1. Pick one intention.");
    p.send_line(""); // nothing yet
    prompt(p, "1. Pick one intention.");
    // Words that match no catalogue item become the person's own intention, once confirmed.
    p.send_line("I meet each morning with patience");
    prompt(p, "as your own intention?");
    p.send_line("y");
    prompt(p, "2. Choose one tiny repeatable behavior");
    p.send_line("drink a glass of water");
    prompt(p, "3. Place one cue");
    p.send_line("if I feel anger rising");
    prompt(p, "4. Choose the time");
    p.send_line("25:00");
    const auto again = prompt(p, "4. Choose the time");
    CHECK(contains(again, "not a clock time"));
    p.send_line("7:30");
    skip_care(p);
    CHECK(p.wait() == 0);
    CHECK(contains(p.output(), "Saved."));
    // No $SHELL to go by: nothing is asked, the lines for each shell are shown instead.
    CHECK_FALSE(contains(p.output(), "[y/N]"));
    CHECK(contains(p.output(), "eval \"$(kint hook init zsh)\""));
    CHECK(contains(p.output(), "kint hook init fish | source"));
    CHECK(contains(p.output(), "kint review --week last --format markdown"));

    const auto intents = parse(s.ok({"intent", "list", "--json"}).out);
    REQUIRE(intents.size() == 1);
    CHECK(intents[0]["text"].str() == "I meet each morning with patience");
    CHECK(intents[0]["catalogue_id"].is_null());
    CHECK(intents[0]["focus"].boolean());
    const auto cues = parse(s.ok({"cue", "list", "--json"}).out);
    REQUIRE(cues.size() == 1);
    CHECK(cues[0]["kind"].str() == "if");
    CHECK(cues[0]["trigger"].str() == "I feel anger rising");
    CHECK(cues[0]["at"].str() == "07:30");
}

TEST_CASE("start: Ctrl-D part way saves nothing") {
    Sandbox s;
    s.ok({"intent", "add", "An intention from before"});
    s.ok({"today"});
    const auto before = s.snapshot();

    SUBCASE("at the cue") {
        Pty p(s, {"start"});
        prompt(p, "1. Pick one intention.");
        p.send_line("calm");
        prompt(p, "Which one?");
        p.send_line("1");
        prompt(p, "2. Choose one tiny repeatable behavior");
        p.send_line("three slow breaths");
        prompt(p, "3. Place one cue");
        p.send_eof();
        CHECK(p.wait() == 0);
        CHECK(contains(p.output(), "Nothing was saved"));
    }
    SUBCASE("at the session day, the last question, with a contact given") {
        Pty p(s, {"start"});
        prompt(p, "1. Pick one intention.");
        p.send_line("anxiety.3");
        prompt(p, "2. Choose one tiny repeatable behavior");
        p.send_line("three slow breaths");
        prompt(p, "3. Place one cue");
        p.send_line("after I pour my coffee");
        prompt(p, "4. Choose the time");
        p.send_line("");
        prompt(p, "If days get hard, who can you contact?");
        p.send_line("Clinic line 555-0100");
        prompt(p, "When was your last treatment session");
        p.send_eof();
        CHECK(p.wait() == 0);
        CHECK(contains(p.output(), "Nothing was saved"));
        CHECK_FALSE(read_file(s.config()));
    }
    SUBCASE("at the time") {
        Pty p(s, {"start"});
        prompt(p, "1. Pick one intention.");
        p.send_line("anxiety.3"); // an id picks the item directly
        prompt(p, "2. Choose one tiny repeatable behavior");
        p.send_line("three slow breaths");
        prompt(p, "3. Place one cue");
        p.send_line("after I pour my coffee");
        prompt(p, "4. Choose the time");
        p.send_eof();
        CHECK(p.wait() == 0);
        CHECK(contains(p.output(), "Nothing was saved"));
    }
    SUBCASE("at the first question") {
        Pty p(s, {"start"});
        prompt(p, "1. Pick one intention.");
        p.send_eof();
        CHECK(p.wait() == 0);
        CHECK(contains(p.output(), "Nothing was saved"));
    }
    CHECK(s.snapshot() == before);
}

TEST_CASE("start: the shell hook is offered once, and a second cue gets the gentle note") {
    Sandbox s;
    s.ok({"intent", "add", "An intention from before"});
    s.ok({"cue", "add", "--after", "lunch", "--do", "a short walk"},
         {{"KINT_TODAY", "2026-11-15"}});
    write_file(s.path(".zshrc"), "bindkey -e\neval \"$(kint hook init zsh)\"\n");
    Pty p(s, {"start"}, {{"SHELL", "/usr/bin/zsh"}});
    answer_the_plan(p);
    CHECK(p.wait() == 0);
    CHECK(contains(p.output(), "Focus on one small change at a time"));
    CHECK(contains(p.output(), "loads kint's prompt hook already"));
    CHECK_FALSE(contains(p.output(), "[y/N]"));
    CHECK(read_file(s.path(".zshrc")) == "bindkey -e\neval \"$(kint hook init zsh)\"\n");
    CHECK(parse(s.ok({"cue", "list", "--json"}).out).size() == 2);
}

TEST_CASE("start: a ZDOTDIR that is not there yet is made private, with a private .zshrc") {
    Sandbox s;
    const auto zdotdir = s.path("config/zsh");
    Pty p(s, {"start"}, {{"SHELL", "/usr/bin/zsh"}, {"ZDOTDIR", zdotdir}});
    answer_the_plan(p);
    prompt(p, "[y/N]");
    p.send_line("lie down"); // neither yes nor no: asked again, not taken as no
    CHECK(contains(prompt(p, "[y/N]"), "Please answer y or n."));
    p.send_line("Yes");
    CHECK(p.wait() == 0);
    CHECK(contains(p.output(), "Added to " + zdotdir + "/.zshrc"));
    CHECK(mode_of(s.path("config")) == 0700);
    CHECK(mode_of(zdotdir) == 0700);
    CHECK(mode_of(zdotdir + "/.zshrc") == 0600);
    CHECK(contains(*read_file(zdotdir + "/.zshrc"), "kint hook init zsh"));
}

TEST_CASE("start: without a terminal the hook lines are for the person's shell") {
    Sandbox s;
    const auto r = s.ok({"start"}, {{"SHELL", "/usr/bin/fish"}});
    CHECK(contains(r.out, s.path(".config/fish/config.fish")));
    CHECK(contains(r.out, "  kint hook init fish | source\n"));
    CHECK_FALSE(contains(r.out, "kint hook init bash"));
    CHECK(contains(r.out, "  PATH=/usr/local/bin:/usr/bin:/bin\n  0 8 * * mon  kint review --week "
                          "last --format markdown\n"));
    CHECK_FALSE(read_file(s.path(".config/fish/config.fish")));
}

TEST_CASE("start: asks for a contact and a session day, the config is made, or kept as written") {
    SUBCASE("no config yet: made from the default, with the contact; the session recorded") {
        Sandbox s;
        Pty p(s, {"start"});
        answer_first_four(p);
        prompt(p, "If days get hard, who can you contact?");
        p.send_line("Clinic line 555-0100");
        prompt(p, "When was your last treatment session");
        p.send_line("someday");
        prompt(p, "When was your last treatment session");
        p.send_line("2026-11-18");
        CHECK(p.wait() == 0);
        CHECK(contains(p.output(), "Recorded a session on 2026-11-18."));
        CHECK(contains(p.output(), "Your contact is kept in " + s.config()));
        const auto config = read_file(s.config());
        REQUIRE(config);
        CHECK(contains(*config, "[safety]\n"));
        CHECK(count_of(*config, "contact = ") == 1);
        CHECK(contains(*config, "contact = \"Clinic line 555-0100\"\n"));
        CHECK(contains(*config, "# Your clinic or crisis line"));
        const auto sessions = parse(s.ok({"session", "list", "--json"}).out);
        REQUIRE(sessions.size() == 1);
        CHECK(sessions[0]["day"].str() == "2026-11-18");
        // The note shows the contact now.
        for (const char* day : {"2026-11-17", "2026-11-18", "2026-11-19"})
            s.ok({"rate", "2", "--day", day});
        CHECK(contains(s.ok({"today"}).out, "Clinic line 555-0100"));
    }
    SUBCASE("a config of the person's own: the contact added in [safety], every line kept") {
        Sandbox s;
        const std::string own = "# my notes\n[day]\nstarts_at = \"05:00\"\n\n[safety]\n"
                                "# low days\nlow_mood_max = 2\n\n# next: the hook\n[hook]\n"
                                "show_focus = true\n";
        write_file(s.config(), own);
        Pty p(s, {"start"});
        answer_first_four(p);
        prompt(p, "If days get hard, who can you contact?");
        p.send_line("Dr \"K\" 555-0199");
        prompt(p, "When was your last treatment session");
        p.send_line("");
        CHECK(p.wait() == 0);
        CHECK_FALSE(contains(p.output(), "Recorded a session"));
        CHECK(read_file(s.config()) ==
              "# my notes\n[day]\nstarts_at = \"05:00\"\n\n[safety]\n# low days\n"
              "low_mood_max = 2\ncontact = \"Dr \\\"K\\\" 555-0199\"\n\n# next: the hook\n"
              "[hook]\nshow_focus = true\n");
        CHECK(parse(s.ok({"session", "list", "--json"}).out).size() == 0);
    }
    SUBCASE("both skipped: no config is written") {
        Sandbox s;
        Pty p(s, {"start"});
        answer_the_plan(p);
        CHECK(p.wait() == 0);
        CHECK_FALSE(read_file(s.config()));
        CHECK_FALSE(contains(p.output(), "Your contact is kept"));
    }
}

namespace {

// The files a systemd user manager reads, as `kint start` wrote them.
std::string unit_folder(const Sandbox& s) {
    return s.path(".config/systemd/user");
}

} // namespace

TEST_CASE("start: a timed cue is offered the reminder timer, yes writes its two private files") {
    Sandbox s;
    Pty p(s, {"start"});
    answer_first_four_with_time(p, "07:45");
    skip_care(p);
    const auto offer = prompt(p, "Remind you on this desktop at 07:45 when it is not logged yet? "
                                 "[y/N]");
    CHECK(contains(offer, "kint-remind.service and kint-remind.timer to " + unit_folder(s)));
    p.send_line("y");
    CHECK(p.wait() == 0);
    const std::string out = p.output();
    INFO(out);
    CHECK(contains(out, "Wrote " + unit_folder(s) + "/kint-remind.service and kint-remind.timer"));
    // kint never runs systemctl: it shows the lines that start the timer.
    CHECK(contains(out, "  systemctl --user daemon-reload && systemctl --user enable --now "
                        "kint-remind.timer"));
    // The crontab line is the other way; not shown once the timer is there.
    CHECK_FALSE(contains(out, "kint remind 2>&1"));
    CHECK(contains(out, "0 8 * * mon  kint review --week last --format markdown"));

    const auto service = read_file(unit_folder(s) + "/kint-remind.service");
    const auto timer = read_file(unit_folder(s) + "/kint-remind.timer");
    REQUIRE(service);
    REQUIRE(timer);
    // This kint, on this store and config, whatever the timer's environment.
    CHECK(contains(*service, "\nExecStart=" KINT_BINARY " --db " + s.db() + " --config " +
                                 s.config() + " remind\n"));
    CHECK(contains(*service, "\nType=oneshot\n"));
    // The timer is the example's, byte for byte.
    const auto example =
        read_file((std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
                   "examples/systemd/kint-remind.timer")
                      .string());
    CHECK(timer == example);
    CHECK(contains(*timer, "OnCalendar=*:0/5\n"));
    CHECK(contains(*timer, "Persistent=true\n"));
    CHECK(mode_of(unit_folder(s) + "/kint-remind.service") == 0600);
    CHECK(mode_of(unit_folder(s) + "/kint-remind.timer") == 0600);
    CHECK(mode_of(s.path(".config/systemd")) == 0700);
    CHECK(mode_of(unit_folder(s)) == 0700);

    // A second run finds the timer there and does not ask again.
    Pty again(s, {"start"});
    answer_first_four_with_time(again, "21:00");
    skip_care(again);
    CHECK(again.wait() == 0);
    CHECK(contains(again.output(), unit_folder(s) + "/kint-remind.timer is there already"));
    CHECK_FALSE(contains(again.output(), "Remind you on this desktop"));
    CHECK(read_file(unit_folder(s) + "/kint-remind.service") == service);
}

TEST_CASE("start: the timer goes under XDG_CONFIG_HOME, quoted for systemd, Ctrl-D skips it") {
    Sandbox s;
    const std::string xdg = s.path("my conf");
    const std::string db = s.path("data 100%/$kint.db");
    SUBCASE("yes") {
        Pty p(s, {"start"}, {{"XDG_CONFIG_HOME", xdg}, {"KINT_DB", db}});
        answer_first_four_with_time(p, "08:00");
        skip_care(p);
        prompt(p, "Remind you on this desktop at 08:00");
        p.send_line("yes");
        CHECK(p.wait() == 0);
        const auto service = read_file(xdg + "/systemd/user/kint-remind.service");
        REQUIRE(service);
        // In quotes for its space; % and $ doubled, as systemd reads them.
        CHECK(contains(*service, " --db \"" + s.path("data 100%%/$$kint.db") + "\" "));
        CHECK_FALSE(read_file(s.path(".config/systemd/user/kint-remind.timer")));
    }
    SUBCASE("Ctrl-D at the question: saved already, the timer skipped") {
        Pty p(s, {"start"}, {{"XDG_CONFIG_HOME", xdg}});
        answer_first_four_with_time(p, "08:00");
        skip_care(p);
        prompt(p, "Remind you on this desktop at 08:00");
        p.send_eof();
        CHECK(p.wait() == 0);
        CHECK_FALSE(read_file(xdg + "/systemd/user/kint-remind.timer"));
        CHECK(parse(s.ok({"cue", "list", "--json"}).out).size() == 1);
    }
}

TEST_CASE("start: without a terminal the reminder's crontab line is shown, nothing is written") {
    Sandbox s;
    const auto r = s.ok({"start"});
    CHECK(contains(r.out,
                   "  */5 * * * *  DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "
                   "kint remind 2>&1 | logger -t kint-remind\n"));
    CHECK(contains(r.out, "kint-remind.service and kint-remind.timer"));
    CHECK_FALSE(read_file(unit_folder(s) + "/kint-remind.timer"));
    // examples/crontab holds the same line.
    const auto crontab =
        read_file((std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
                   "examples/crontab")
                      .string());
    REQUIRE(crontab);
    CHECK(contains(*crontab,
                   "# */5 * * * *  DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "
                   "kint remind 2>&1 | logger -t kint-remind\n"));
}
