// Every class of bad input: the exact exit code, one "kint: " line on stderr, and no change at all.
#include "harness.hpp"
#include "jsonlite.hpp"

using namespace kint::e2e;

namespace {

struct Row {
    std::string name;
    std::vector<std::string> args;
    int code;
    Env env = {};
};

// intention 1 (focus), cue 1 placed 2026-11-10, a log entry, ratings, a journal entry, a session.
void seed(Sandbox& s) {
    s.ok({"intent", "add", "Be gentle with myself"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe", "--at", "08:00"},
         {{"KINT_TODAY", "2026-11-10"}});
    s.ok({"log", "1", "--day", "-1", "--note", "easy"});
    s.ok({"rate", "6", "--energy", "5"});
    s.ok({"journal", "add", "A calm morning", "--tag", "win"});
    s.ok({"session", "add", "2026-11-01"});
}

const std::vector<Row>& rows() {
    static const std::vector<Row> table = {
        // Ratings out of range or not whole numbers.
        {"rating 11", {"rate", "11"}, 2},
        {"rating -1", {"rate", "-1"}, 2},
        {"rating abc", {"rate", "abc"}, 2},
        {"rating 7.5", {"rate", "7.5"}, 2},
        {"rating empty", {"rate", ""}, 2},
        {"energy 11", {"rate", "5", "--energy", "11"}, 2},
        {"energy only, -3", {"rate", "--energy", "-3"}, 2},
        {"rating kind", {"rate", "5", "--kind", "sleep"}, 2},
        {"rating 11 with --json", {"--json", "rate", "11"}, 2},
        // Days that do not exist, are not days, or have not happened.
        {"log 2026-02-30", {"log", "1", "--day", "2026-02-30"}, 2},
        {"rate 2026-02-30", {"rate", "5", "--day", "2026-02-30"}, 2},
        {"rate 2025-02-29", {"rate", "5", "--day", "2025-02-29"}, 2},
        {"log tomorrow", {"log", "1", "--day", "tomorrow"}, 2},
        {"rate tomorrow", {"rate", "5", "--day", "tomorrow"}, 2},
        {"log future day", {"log", "1", "--day", "2026-11-21"}, 2},
        {"rate future day", {"rate", "5", "--day", "2026-11-21"}, 2},
        {"journal future day", {"journal", "add", "x", "--day", "2027-01-01"}, 2},
        {"log 2026-11-20x", {"log", "1", "--day", "2026-11-20x"}, 2},
        {"log list bad since", {"log", "list", "--since", "last week"}, 2},
        {"rate list swapped range", {"rate", "list", "--since", "-1", "--until", "-3"}, 2},
        {"session 2026-13-01", {"session", "add", "2026-13-01"}, 2},
        // Unknown ids.
        {"intent show 99", {"intent", "show", "99"}, 1},
        {"intent edit 99", {"intent", "edit", "99", "new words"}, 1},
        {"intent focus 99", {"intent", "focus", "99"}, 1},
        {"intent archive 99", {"intent", "archive", "99"}, 1},
        {"cue add --intent 99", {"cue", "add", "--intent", "99", "--after", "x", "--do", "y"}, 1},
        {"cue show 99", {"cue", "show", "99"}, 1},
        {"cue step 99", {"cue", "step", "99", "smaller"}, 1},
        {"cue pause 99", {"cue", "pause", "99"}, 1},
        {"cue resume 99", {"cue", "resume", "99"}, 1},
        {"cue archive 99", {"cue", "archive", "99"}, 1},
        {"log 99", {"log", "99"}, 1},
        {"log 99 --json", {"log", "99", "--json"}, 1},
        {"log list --cue 99", {"log", "list", "--cue", "99"}, 1},
        {"log --undo with nothing logged", {"log", "1", "--undo", "--day", "-5"}, 1},
        {"intent show 0", {"intent", "show", "0"}, 2},
        {"intent show abc", {"intent", "show", "abc"}, 2},
        {"log abc", {"log", "abc"}, 2},
        // Ids of the config's catalogue and prompts are ids like any other: no such id is exit 1.
        {"catalogue id", {"intent", "add", "--from", "anxiety.16"}, 1},
        {"catalogue group", {"intent", "catalogue", "--group", "calm"}, 1},
        {"prompt id", {"journal", "add", "x", "--prompt", "quick.99"}, 1},
        // Empty or unusable text.
        {"intent add empty", {"intent", "add", ""}, 2},
        {"intent add blank", {"intent", "add", "  \t "}, 2},
        {"intent add nothing", {"intent", "add"}, 2},
        {"intent edit empty", {"intent", "edit", "1", " "}, 2},
        {"cue --do empty", {"cue", "add", "--after", "coffee", "--do", ""}, 2},
        {"cue --do blank", {"cue", "add", "--after", "coffee", "--do", "   "}, 2},
        {"cue --after empty", {"cue", "add", "--after", "", "--do", "breathe"}, 2},
        {"journal add empty", {"journal", "add", ""}, 2},
        {"journal add blank lines", {"journal", "add", " \n\n "}, 2},
        {"control character", {"intent", "add", "bell\x07here"}, 2},
        {"invalid UTF-8", {"intent", "add", "caf\xc3"}, 2},
        {"intention too long", {"intent", "add", std::string(1001, 'a')}, 2},
        {"bad tag", {"journal", "add", "x", "--tag", "not a tag"}, 2},
        {"journal of 100 KB", {"journal", "add", std::string(100 * 1024, 'a')}, 2},
        {"log note of 100 KB", {"log", "1", "--note", std::string(100 * 1024, 'n')}, 2},
        {"rating note of 100 KB", {"rate", "5", "--note", std::string(100 * 1024, 'n')}, 2},
        {"behavior of 2 KB", {"cue", "add", "--after", "x", "--do", std::string(2048, 'b')}, 2},
        {"journal invalid UTF-8", {"journal", "add", "\xff\xfe"}, 2},
        {"note invalid UTF-8", {"log", "1", "--note", "caf\xc3"}, 2},
        {"overlong UTF-8", {"journal", "add", "\xc0\xaf"}, 2},
        {"UTF-8 surrogate", {"intent", "add", "\xed\xa0\x80"}, 2},
        {"terminal escape sequence", {"journal", "add", "\x1b[2J clear"}, 2},
        {"escape in a behavior", {"cue", "add", "--after", "x", "--do", "\x1b]0;title\x07"}, 2},
        {"carriage return in a note", {"rate", "5", "--note", "over\rwrite"}, 2},
        // Clock times and schedules.
        {"--at 25:00", {"cue", "add", "--after", "x", "--do", "y", "--at", "25:00"}, 2},
        {"--at 7pm", {"cue", "add", "--after", "x", "--do", "y", "--at", "7pm"}, 2},
        {"--at 12:60", {"cue", "add", "--after", "x", "--do", "y", "--at", "12:60"}, 2},
        {"--at 7:5", {"cue", "add", "--after", "x", "--do", "y", "--at", "7:5"}, 2},
        {"--time 24:00", {"cue", "add", "--time", "24:00", "--do", "y"}, 2},
        {"--days funday", {"cue", "add", "--after", "x", "--do", "y", "--days", "funday"}, 2},
        {"--days mon,funday",
         {"cue", "add", "--after", "x", "--do", "y", "--days", "mon,funday"},
         2},
        {"--days empty", {"cue", "add", "--after", "x", "--do", "y", "--days", ""}, 2},
        {"--days trailing comma", {"cue", "add", "--after", "x", "--do", "y", "--days", "mon,"}, 2},
        // Unknown commands, subcommands, flags and flag values.
        {"kint bogus", {"bogus"}, 2},
        {"kint cue frobnicate", {"cue", "frobnicate"}, 2},
        {"kint --frob", {"--frob"}, 2},
        {"kint intent list --frob", {"intent", "list", "--frob"}, 2},
        {"kint rate 5 --frob", {"rate", "5", "--frob"}, 2},
        {"journal without subcommand", {"journal"}, 2},
        {"--color purple", {"--color", "purple", "intent", "list"}, 2},
        {"--skip with --slip", {"log", "1", "--skip", "--slip"}, 2},
        {"--day twice", {"log", "1", "--day", "-1", "--day", "-2"}, 2},
        {"--note twice", {"rate", "5", "--note", "a", "--note", "b"}, 2},
        {"--db twice", {"--db", "a.db", "--db", "b.db", "rate", "5"}, 2},
        {"--json with --format csv", {"export", "--json", "--format", "csv"}, 2},
        // A current day that is not a date.
        {"KINT_TODAY=2026-13-01 rate", {"rate", "5"}, 2, {{"KINT_TODAY", "2026-13-01"}}},
        {"KINT_TODAY=2026-13-01 log", {"log", "1"}, 2, {{"KINT_TODAY", "2026-13-01"}}},
        {"KINT_TODAY=2026-13-01 intent add",
         {"intent", "add", "x"},
         2,
         {{"KINT_TODAY", "2026-13-01"}}},
        {"KINT_TODAY=yesterday", {"rate", "5"}, 2, {{"KINT_TODAY", "yesterday"}}},
        {"--today 2026-02-30", {"--today", "2026-02-30", "rate", "5"}, 2},
    };
    return table;
}

} // namespace

TEST_CASE("errors: every bad input exits with its code, one stderr line, and no change") {
    Sandbox s;
    seed(s);
    auto before = s.snapshot();
    REQUIRE(contains(before.listings, "A calm morning"));
    for (const auto& row : rows()) {
        CAPTURE(row.name);
        const auto r = s.run(row.args, row.env);
        INFO("stdout: " << r.out);
        INFO("stderr: " << r.err);
        CHECK(r.code == row.code);
        CHECK(is_error_line(r.err));
        CHECK(r.out.empty());
        const auto after = s.snapshot();
        CHECK(after == before);
        before = after;
    }
}

// Bad input that does not fit on a command line: files, stdin and a disk that is full. `@in` in
// the arguments is a file holding `content`; with `stdin` it is kint's standard input instead.
struct FileRow {
    std::string name;
    std::vector<std::string> args;
    std::string content;
    int code;
    std::string message; // a part of the one-line message
    bool stdin = false;
    int file_limit_kb = 0; // ulimit -f for the run: writes past it fail like a full disk
};

const std::vector<FileRow>& file_rows() {
    const std::string megabyte(1 << 20, 'a');
    const std::string big_entry(60 * 1024, 'w'); // under the 64 KB limit, over a 40 KB file limit
    static const std::vector<FileRow> table = {
        {"journal of 1 MB on stdin",
         {"journal", "add", "-"},
         megabyte,
         2,
         "longer than 64 KB",
         true},
        {"NUL byte on stdin",
         {"journal", "add", "-"},
         std::string("a\0b", 3),
         2,
         "control character",
         true},
        {"invalid UTF-8 on stdin", {"journal", "add", "-"}, "caf\xc3 au lait", 2, "UTF-8", true},
        {"empty stdin", {"journal", "add", "-"}, "", 2, "empty", true},
        {"config with a NUL byte",
         {"--config", "@in", "rate", "3"},
         std::string("[safety]\nlow_mood_days = 3\0\n", 28),
         1,
         ":2:"},
        {"config with invalid UTF-8",
         {"--config", "@in", "rate", "3"},
         "[starter]\ntitle = \"caf\xc3\"\n",
         1,
         "utf-8"},
        {"config of 1 MB of noise",
         {"--config", "@in", "rate", "3"},
         std::string(1 << 20, '\xfe'),
         1,
         ":1:1"},
        {"config shaped like SQL",
         {"--config", "@in", "rate", "3"},
         "'); DROP TABLE rating; --\n",
         1,
         ":1:"},
        {"a text file as the store", {"--db", "@in", "rate", "3"}, "hello", 1, "not a kint store"},
        {"1 MB of noise as the store",
         {"--db", "@in", "rate", "3"},
         std::string(1 << 20, '\x01'),
         1,
         "not a kint store"},
        {"full disk on open", {"rate", "3"}, "", 1, "free space", false, 1},
        {"full disk on write", {"journal", "add", big_entry}, "", 1, "free space", false, 40},
    };
    return table;
}

TEST_CASE("errors: bad files, streams and a full disk exit with their code and change nothing") {
    Sandbox s;
    seed(s);
    const auto before = s.snapshot();
    const std::string in = s.path("input");
    for (const auto& row : file_rows()) {
        CAPTURE(row.name);
        write_file(in, row.content);
        std::vector<std::string> args;
        for (const auto& a : row.args)
            args.push_back(a == "@in" ? in : a);
        s.wrapper.clear();
        if (row.stdin)
            s.wrapper = {"/bin/sh", "-c", "exec \"$@\" < \"$0\"", in};
        else if (row.file_limit_kb > 0)
            s.wrapper = {"/bin/sh", "-c", "ulimit -f \"$0\" && exec \"$@\"",
                         std::to_string(row.file_limit_kb)};
        const auto r = s.run(args);
        s.wrapper.clear();
        INFO("stderr: " << r.err);
        CHECK(r.code == row.code);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, row.message));
        CHECK(r.out.empty());
        CHECK(s.snapshot() == before);
        CHECK(read_file(in) == row.content); // a file kint refused is left as it was
    }
}

TEST_CASE("errors: text shaped like SQL, shell or format strings is kept as plain text") {
    Sandbox s;
    seed(s);
    const std::vector<std::string> texts = {
        "'); DROP TABLE journal; --",
        "Robert'); DELETE FROM log WHERE 1=1; --",
        "$(touch pwned) `touch pwned` ; touch pwned",
        "%s%n%x {} {0} {:>999999} %%",
        "<script>alert(1)</script> & \"quotes\"",
        "\\ backslash \\n not a newline",
    };
    for (const auto& t : texts) {
        CAPTURE(t);
        s.ok({"journal", "add", t});
        s.ok({"intent", "add", t});
        s.ok({"rate", "5", "--note", t});
    }
    // Every text comes back byte for byte, through kint's JSON escaping.
    auto field = [&](std::vector<std::string> args, const char* key) {
        std::vector<std::string> values;
        for (const auto& item : jsonlite::parse(s.ok(args).out).items)
            if (!item[key].is_null()) values.push_back(item[key].str());
        return values;
    };
    const auto journal = field({"--json", "journal", "list"}, "text");
    const auto intents = field({"--json", "intent", "list"}, "text");
    const auto notes = field({"--json", "rate", "list"}, "note");
    std::vector<std::string> expected_journal = {"A calm morning"};
    expected_journal.insert(expected_journal.end(), texts.begin(), texts.end());
    CHECK(journal == expected_journal);
    std::vector<std::string> expected_intents = {"Be gentle with myself"};
    expected_intents.insert(expected_intents.end(), texts.begin(), texts.end());
    CHECK(intents == expected_intents);
    CHECK(notes == std::vector<std::string>{texts.back()}); // the same day: the last note wins
    CHECK(contains(s.ok({"--json", "log", "list"}).out, "easy")); // the seeded log is untouched
    CHECK(mode_of(s.path("pwned")) == -1);
    CHECK(mode_of("pwned") == -1);
}

TEST_CASE("errors: unknown words are named in the message") {
    Sandbox s;
    CHECK(contains(s.run({"bogus"}).err, "bogus"));
    CHECK(contains(s.run({"cue", "frobnicate"}).err, "frobnicate"));
    CHECK(contains(s.run({"--frob"}).err, "--frob"));
    CHECK(contains(s.run({"--color", "purple", "intent"}).err, "purple"));
    CHECK(contains(s.run({"rate", "11"}).err, "0 to 10"));
    CHECK(contains(s.run({"rate", "5", "--day", "2026-02-30"}).err, "2026-02-30"));
    CHECK(contains(s.run({"rate", "5"}, {{"KINT_TODAY", "2026-13-01"}}).err, "2026-13-01"));
    CHECK(contains(s.run({"cue", "show", "42"}).err, "42"));
    auto zero = s.run({"intent", "show", "0"});
    CHECK(is_error_line(zero.err));
    CHECK(zero.err.size() < 200); // says what is wrong, not a range of doubles
    CHECK(contains(zero.err, "0"));
}

TEST_CASE("errors: a bad input before the store exists creates no store") {
    Sandbox s;
    for (const auto& args :
         {std::vector<std::string>{"rate", "11"},
          std::vector<std::string>{"rate", "5", "--day", "tomorrow"},
          std::vector<std::string>{"intent", "add", ""}, std::vector<std::string>{"bogus"}}) {
        CAPTURE(args[0]);
        auto r = s.run(args);
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(mode_of(s.db()) == -1);
        CHECK(mode_of(s.path("data")) == -1);
    }
}

TEST_CASE("help: --help and --version exit 0 on stdout") {
    Sandbox s;
    auto help = s.ok({"--help"});
    for (const char* cmd : {"intent", "cue", "log", "rate", "journal", "session", "init"})
        CHECK_MESSAGE(contains(help.out, cmd), cmd);
    CHECK(contains(help.out, "--json"));
    CHECK(s.ok({"-h"}).out == help.out);

    auto version = s.ok({"--version"});
    CHECK(version.out.starts_with("kint "));
    CHECK(count_of(version.out, "\n") == 1);
}

TEST_CASE("help: kint intent --help prints the intent subcommand's help") {
    Sandbox s;
    auto r = s.ok({"intent", "--help"});
    CHECK(contains(r.out, "kint intent"));
    for (const char* sub : {"list", "add", "catalogue", "show", "edit", "focus", "archive"})
        CHECK_MESSAGE(contains(r.out, sub), sub);
    CHECK_FALSE(contains(r.out, "frobnicate"));
    // Not the top-level help: other commands are not listed as subcommands.
    CHECK_FALSE(contains(r.out, "Treatment sessions"));

    auto add = s.ok({"cue", "add", "--help"});
    CHECK(contains(add.out, "--after"));
    CHECK(contains(add.out, "--days"));
    CHECK_FALSE(contains(add.out, "Browse suggested intentions"));
    CHECK(mode_of(s.db()) == -1);
}

TEST_CASE("errors: CLI11's usage errors are said in kint's words and point at the right help") {
    Sandbox s;
    seed(s);
    const auto before = s.snapshot();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"bogus"}, "kint: 'bogus' is not a kint command; see 'kint --help'\n"},
        {{"--bogus"}, "kint: '--bogus' is not an option of kint; see 'kint --help'\n"},
        {{"intent", "show"}, "kint: id is required; see 'kint intent show --help'\n"},
        // The behavior may be left out for a new --target, but one of them is needed.
        {{"cue", "step", "1"},
         "kint: nothing to change; give the new behavior or a new --target, e.g. kint cue step ID "
         "\"write two sentences\" or kint cue step ID --target 15\n"},
        {{"log", "1", "2"}, "kint: '2' was not expected after 'kint log'; see 'kint log --help'\n"},
        {{"log", "1", "--bogus"},
         "kint: '--bogus' is not an option of 'kint log'; see 'kint log --help'\n"},
        {{"log", "1", "--day"}, "kint: --day needs a value; see 'kint log --help'\n"},
        {{"log", "1", "--skip", "--slip"},
         "kint: --skip and --slip do not go together; give one of them; see 'kint log --help'\n"},
        {{"prompts", "--all", "-n", "2"},
         "kint: --all and --count do not go together; give one of them; see 'kint prompts "
         "--help'\n"},
        {{"review", "--week", "this", "--week", "last"},
         "kint: --week was given more than once; give it once; see 'kint review --help'\n"},
        {{"prompts", "--count", "99"},
         "kint: --count: '99' is not a whole number from 1 to 20; see 'kint prompts --help'\n"},
        {{"review", "--format", "pdf"},
         "kint: --format: 'pdf' is not one of text, markdown, json, html; see 'kint review "
         "--help'\n"},
        // A near miss gets a suggestion; an unknown option is named, not the value after it.
        {{"tody"},
         "kint: 'tody' is not a kint command (did you mean 'today'?); see 'kint --help'\n"},
        {{"log", "1", "--dya", "2026-11-19"},
         "kint: '--dya' is not an option of 'kint log' (did you mean '--day'?); see 'kint log "
         "--help'\n"},
        {{"log", "1", "--nite", "x"},
         "kint: '--nite' is not an option of 'kint log' (did you mean '--note'?); see 'kint log "
         "--help'\n"},
        {{"log", "1", "--skp=yes"},
         "kint: '--skp' is not an option of 'kint log' (did you mean '--skip'?); see 'kint log "
         "--help'\n"},
        {{"log", "1", "-1"},
         "kint: '-1' was not expected after 'kint log'; see 'kint log --help'\n"},
        // A global option's value is explained by kint's help, whichever command follows.
        {{"today", "--color", "purple"},
         "kint: --color: 'purple' is not one of auto, always, never; see 'kint --help'\n"},
        // A positional's name is not repeated before kint's own message; an option's is kept.
        {{"rate", "11"},
         "kint: '11' is not a rating: give a whole number from 0 to 10; see 'kint rate --help'\n"},
        {{"intent", "show", "abc"},
         "kint: 'abc' is not an id: give the number shown in the list, e.g. 1; see 'kint intent "
         "show --help'\n"},
        {{"cue", "add", "--intent", "abc", "--after", "x", "--do", "y"},
         "kint: --intent: 'abc' is not an id: give the number shown in the list, e.g. 1; see "
         "'kint cue add --help'\n"},
    };
    for (const auto& [args, message] : cases) {
        CAPTURE(args.front());
        const auto r = s.run(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == message);
    }
    CHECK(s.snapshot() == before);
}
