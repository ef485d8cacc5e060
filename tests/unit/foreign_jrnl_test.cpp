// jrnl's plain-text journal and its JSON export as kint journal entries: the fixtures golden on
// every record (three files of one journal give the same records), headers and title splits as
// jrnl reads them, control characters, and a table of bad files.
#include "foreign_describe.hpp"
#include "kint/core/error.hpp"
#include "kint/domain/validate.hpp"
#include "kint/foreign/jrnl.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kint;
using test::D;

namespace {
const std::string jrnl_dir = std::string(KINT_FIXTURES_DIR) + "/import/jrnl";

foreign::Source parse(std::string_view text) {
    return foreign::parse_jrnl(text, "journal.txt", D("2026-11-20"));
}
std::string texts(std::string_view text) {
    std::string out;
    for (const auto& j : parse(text).records.journal)
        out += fmt::format("{} [{}] {}\n", format_day(j.day), fmt::join(j.tags, ","),
                           test::quoted(j.text));
    return out;
}
std::string problem(std::string_view text) {
    try {
        parse(text);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(imported)";
}

const char* const golden = R"G(jrnl: 8 entries
journal 1 2026-10-01 [coffee,sleep] "Morning pages. Slept badly but the coffee helped @sleep @Coffee"
journal 2 2026-10-01 [anna,starred,work-life] "Walked by the river\nThe light on the water was 🌅 gorgeous.\nMet @Anna and we talked about #work/life balance.\n\nSecond paragraph, still the same entry."
journal 3 2026-10-03 [] "Short one!"
journal 4 2026-10-04 [] "Café notes @café\nTabs\tand emoji 🙂 survive."
journal 5 2026-10-07 [work-life-balance] "Email me at me@example.com. Not a tag. ## Heading is not a tag @Work-Life+balance"
journal 6 2026-10-08 [tired] "Long day.\nBed now. @tired"
note: 1 entry dated after today was left out; import again once the day has come
note: 1 entry with no text was left out
note: 1 tag could not become kint tags (one word of a-z, 0-9, - and _) and stay only in the text: @café
)G";
} // namespace

TEST_CASE("jrnl: the plain-text journal, golden on every record") {
    const auto source = foreign::read_jrnl(jrnl_dir + "/journal.txt", D("2026-11-20"));
    CHECK_FALSE(validate::snapshot_problem(source.records));
    CHECK(test::describe(source) == golden);
}

TEST_CASE("jrnl: jrnl's default timeformat (%F %r: seconds and AM/PM) gives the same records") {
    const auto source = foreign::read_jrnl(jrnl_dir + "/journal_ampm.txt", D("2026-11-20"));
    CHECK(test::describe(source) == golden);
}

TEST_CASE("jrnl: its --export json of the same journal gives the same records") {
    const auto source = foreign::read_jrnl(jrnl_dir + "/export.json", D("2026-11-20"));
    CHECK_FALSE(validate::snapshot_problem(source.records));
    CHECK(test::describe(source) == golden);
}

TEST_CASE("jrnl: headers as jrnl's timeformats write them") {
    CHECK(texts("[2026-10-01 9:05 pm] a\n\n[2026-10-02T09:05] b\n\n[2026-10-03] c\n\n"
                "[2026-10-04 09:05:07PM] d\n\n[2026-10-05 12:00 a.m.] e\n") ==
          "2026-10-01 [] \"a\"\n2026-10-02 [] \"b\"\n2026-10-03 [] \"c\"\n"
          "2026-10-04 [] \"d\"\n2026-10-05 [] \"e\"\n");
    // A bracket that is not a day, or a header without the space jrnl writes after it, is text.
    CHECK(texts("[2026-10-01 09:00] Title\n[link] to somewhere\n[2026-10-01 meeting] notes\n"
                "[2026-10-02 10:00]: not a header\n") ==
          "2026-10-01 [] \"Title\\n[link] to somewhere\\n[2026-10-01 meeting] notes\\n"
          "[2026-10-02 10:00]: not a header\"\n");
    // A header alone on its line (an editor trimmed its space) still begins an entry.
    CHECK(texts("[2026-10-01 09:00]\nBody only\n") == "2026-10-01 [] \"Body only\"\n");
    CHECK(texts("") == "");
    CHECK(texts("\n  \n") == "");
}

TEST_CASE("jrnl: title and body split as jrnl splits them") {
    CHECK(texts("[2026-10-01 09:00] One. Two? Three!") == "2026-10-01 [] \"One.\\nTwo? Three!\"\n");
    CHECK(texts("[2026-10-01 09:00] He said \"stop.\" Then left") ==
          "2026-10-01 [] \"He said \\\"stop.\\\"\\nThen left\"\n");
    CHECK(texts("[2026-10-01 09:00] 今日は晴れ。散歩した") ==
          "2026-10-01 [] \"今日は晴れ。\\n散歩した\"\n");
    CHECK(texts("[2026-10-01 09:00] v1.2 is out") == "2026-10-01 [] \"v1.2 is out\"\n");
    CHECK(texts("[2026-10-01 09:00] ** Starred twice **\n") ==
          "2026-10-01 [starred] \"Starred twice\"\n");
}

TEST_CASE("jrnl: tags made one kint word") {
    CHECK(texts("[2026-10-01 09:00] @A @b_c #d/e+f @G* #日本 (@not) x@y.z @@h ##\n") ==
          "2026-10-01 [a,b_c,d-e-f,g] \"@A @b_c #d/e+f @G* #日本 (@not) x@y.z @@h ##\"\n");
    const auto s = parse("[2026-10-01 09:00] #日本 @" + std::string(41, 'x') + "\n");
    CHECK(s.notes.back() == "2 tags could not become kint tags (one word of a-z, 0-9, - and _) "
                            "and stay only in the text: #日本, @" +
                                std::string(41, 'x'));
}

TEST_CASE("jrnl: control characters are left out, CRLF becomes LF, multi-line text stays") {
    const auto s = parse("[2026-10-01 09:00] Bell\x07 and ESC\x1b[31m red\r\nline two\r\n");
    REQUIRE(s.records.journal.size() == 1);
    CHECK(s.records.journal[0].text == "Bell and ESC[31m red\nline two");
    CHECK(s.notes.back() == "2 control characters (invisible characters that would rewrite a "
                            "terminal) were left out");
    CHECK_FALSE(validate::snapshot_problem(s.records));
    const auto j = parse(R"({"entries": [{"title": "a\u001bb\u0000", "body": "c\r\nd\u009b",
                          "date": "2026-10-01", "tags": ["@X"], "starred": true}]})");
    REQUIRE(j.records.journal.size() == 1);
    CHECK(j.records.journal[0].text == "ab\nc\nd");
    CHECK(j.records.journal[0].tags == std::vector<std::string>{"starred", "x"});
    CHECK_FALSE(validate::snapshot_problem(j.records));
}

TEST_CASE("jrnl: bad files name the file and the line or entry") {
    const auto tail = "; nothing was imported";
    const std::vector<std::pair<std::string, std::string>> cases{
        {"hello\n[2026-10-01 09:00] x\n",
         "journal.txt: line 1: this is not inside a jrnl entry (an entry begins with a line like "
         "[2024-01-05 09:30] Title); with another timeformat, export it with jrnl --export json > "
         "FILE and import that"},
        {"\n\nnot a journal\n",
         "journal.txt: line 3: this is not inside a jrnl entry (an entry begins with a line like "
         "[2024-01-05 09:30] Title); with another timeformat, export it with jrnl --export json > "
         "FILE and import that"},
        {"[2026-10-01 09:00] a\n[2026-02-30 09:00] b\n",
         "journal.txt: line 2: [2026-02-30 09:00] is not a day and time as jrnl writes them (e.g. "
         "[2024-01-05 09:30] or [2024-01-05 09:30:00 PM])"},
        {"[2026-10-01 25:00] a\n",
         "journal.txt: line 1: [2026-10-01 25:00] is not a day and time as jrnl writes them (e.g. "
         "[2024-01-05 09:30] or [2024-01-05 09:30:00 PM])"},
        {"[2026-10-01 13:00 PM] a\n",
         "journal.txt: line 1: [2026-10-01 13:00 PM] is not a day and time as jrnl writes them "
         "(e.g. [2024-01-05 09:30] or [2024-01-05 09:30:00 PM])"},
        {"[1899-10-01 09:00] a\n",
         "journal.txt: line 1: [1899-10-01 09:00] is not a day and time as jrnl writes them (e.g. "
         "[2024-01-05 09:30] or [2024-01-05 09:30:00 PM])"},
        {"gAAAAABlZ2V0X3Jlc3Q=\n",
         "journal.txt: it looks like an encrypted jrnl journal; export it first with jrnl "
         "--export json > FILE and import that"},
        {"[2026-10-01 09:00] " + std::string(70000, 'a') + "\n",
         "journal.txt: line 1: the entry is 70000 bytes long; kint keeps entries of up to 65536 "
         "bytes"},
        {"[2026-10-01 09:00] caf\xe9\n", "journal.txt: it is not UTF-8 text"},
        {"{", "journal.txt: line 1: it begins like JSON but is not valid JSON"},
        {"{\n  \"entries\": [],\n  ]\n}", "journal.txt: line 3: it begins like JSON but is not "
                                          "valid JSON"},
        {"{\"entries\": [], \"n\": 1e999}",
         "journal.txt: it begins like JSON but is not JSON kint can read (a number out of "
         "range)"},
        {"{\"format\": \"kint-export\", \"version\": 2}",
         "journal.txt: it is kint's own export; import it with kint import FILE (without --from)"},
        {"{\"entries\": 3}",
         "journal.txt: it is JSON but not jrnl's export: jrnl --export json writes {\"tags\": "
         "{...}, \"entries\": [...]}"},
        {"{\"habits\": []}",
         "journal.txt: it is JSON but not jrnl's export: jrnl --export json writes {\"tags\": "
         "{...}, \"entries\": [...]}"},
        {"{\"entries\": [{\"title\": \"x\"}]}",
         "journal.txt: entry 1 has no \"date\"; is this jrnl's export?"},
        {"{\"entries\": [{\"date\": \"2026-10-01\", \"title\": \"a\"}, 7]}",
         "journal.txt: entry 2 is not an entry {\"title\", \"body\", \"date\", ...}"},
        {"{\"entries\": [{\"date\": \"2026-10-01\", \"title\": 3}]}",
         "journal.txt: entry 1: \"title\" is not text; is this jrnl's export?"},
        {"{\"entries\": [{\"date\": \"01/10/2026\", \"title\": \"a\"}]}",
         "journal.txt: entry 1: the date '01/10/2026' is not a day kint keeps (YYYY-MM-DD)"},
        {"{\"entries\": [{\"date\": \"2026-10-01\"}]}",
         "journal.txt: entry 1 has neither \"title\" nor \"body\"; is this jrnl's export?"},
        {"{\"entries\": [{\"date\": \"2026-10-01\", \"title\": \"a\", \"tags\": \"@x\"}]}",
         "journal.txt: entry 1: \"tags\" is not a list"},
        {"{\"entries\": [{\"date\": \"2026-10-01\", \"title\": \"a\", \"tags\": [1]}]}",
         "journal.txt: entry 1: a tag is not text"},
        {"{\"entries\": [{\"date\": \"2026-10-01\", \"title\": \"a\", \"starred\": \"yes\"}]}",
         "journal.txt: entry 1: \"starred\" is not true or false"},
    };
    for (const auto& [text, message] : cases) {
        CAPTURE(text.substr(0, 60));
        CHECK(problem(text) == message + tail);
    }
}

TEST_CASE("jrnl: a folder journal is refused with the way to export it") {
    CHECK_THROWS_WITH_AS(foreign::read_jrnl(jrnl_dir, D("2026-11-20")),
                         (jrnl_dir + ": it is a folder; kint reads a jrnl journal file, or for a "
                                     "folder journal its export: jrnl --export json > FILE; "
                                     "nothing was imported")
                             .c_str(),
                         UsageError);
}
