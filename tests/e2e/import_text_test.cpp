// kint import --from harsh DIR and --from jrnl FILE: the real binary reads the fixtures, a second
// import adds nothing, and a bad file is exit 2 with one line naming it and the line, the store
// unchanged.
#include "harness.hpp"
#include "jsonlite.hpp"

#include <fmt/format.h>

using namespace kint::e2e;

namespace {

const std::string fixtures = std::string(KINT_FIXTURES_DIR) + "/import";

std::size_t records(const Sandbox& s, std::string_view kind) {
    return jsonlite::parse(s.ok({"export"}).out)[kind].size();
}

} // namespace

TEST_CASE("import --from harsh: the fixture, then again adds nothing") {
    Sandbox s;
    s.ok({"import", "--from", "harsh", fixtures + "/harsh"});
    CHECK(records(s, "intentions") == 3);
    CHECK(records(s, "cues") == 10);
    CHECK(records(s, "logs") == 15);
    const auto before = s.snapshot();
    s.ok({"import", "--from", "harsh", fixtures + "/harsh"});
    CHECK(s.snapshot().listings == before.listings);
}

TEST_CASE(
    "import --from harsh --dry-run: with no store yet, says what it would add and makes none") {
    Sandbox s;
    const auto r = s.ok(import_from("harsh", fixtures + "/harsh", {"--dry-run"}));
    CHECK(r.out.starts_with("From harsh: "));
    CHECK(contains(r.out, " → would add 3 intentions, 10 cues, "));
    CHECK(r.out.ends_with("Nothing was written (--dry-run).\n"));
    CHECK_FALSE(s.snapshot().store);
}

TEST_CASE("import --from jrnl: the file and its JSON export are the same records") {
    Sandbox s;
    s.ok({"import", "--from", "jrnl", fixtures + "/jrnl/journal.txt"});
    CHECK(records(s, "journal") == 6);
    const auto before = s.snapshot();
    s.ok({"import", "--from", "jrnl", fixtures + "/jrnl/export.json"});
    s.ok({"import", "--from", "jrnl", fixtures + "/jrnl/journal_ampm.txt"});
    CHECK(s.snapshot().listings == before.listings);
}

TEST_CASE("import --from harsh|jrnl: bad files change nothing") {
    Sandbox s;
    s.ok({"journal", "add", "already here"});
    write_file(s.path("journal.txt"), "[2026-10-01 09:00] fine\n[2026-02-30 09:00] not a day\n");
    write_file(s.path("latin1.txt"), "[2026-10-01 09:00] caf\xe9\n");
    write_file(s.path("other.json"), "{\"habits\": []}");
    const auto before = s.snapshot();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases{
        {{"--from", "jrnl", s.path("journal.txt")},
         s.path("journal.txt") + ": line 2: [2026-02-30 09:00] is not a day and time"},
        {{"--from", "jrnl", s.path("latin1.txt")}, s.path("latin1.txt") + ": it is not UTF-8"},
        {{"--from", "jrnl", s.path("other.json")},
         s.path("other.json") + ": it is JSON but not jrnl's export"},
        {{"--from", "harsh", s.path("nowhere")},
         s.path("nowhere") + ": it holds no harsh 'habits' file"},
    };
    for (const auto& c : cases) {
        auto args = c.args;
        args.insert(args.begin(), "import");
        const auto r = s.run(args);
        CAPTURE(r.err);
        CHECK(r.code == 2);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, c.message));
        CHECK(contains(r.err, "nothing was imported"));
        CHECK(s.snapshot() == before);
    }
}
