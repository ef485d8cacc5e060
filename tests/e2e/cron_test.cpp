// What a cron job mails: `kint review --week last --format markdown` is byte-stable from run to
// run, has no colour even when asked for, and --out writes the same bytes (the systemd timer).
#include "harness.hpp"

#include "pty.hpp"
#include <filesystem>

#include <sys/stat.h>

using namespace kint::e2e;

namespace {

const std::vector<std::string> cron_review = {"review", "--week", "last", "--format", "markdown"};

// Two weeks of use: cue 1 placed on 2026-11-02; last week (2026-11-09..15, today 2026-11-20) has
// done days, a skip, a slip with a note, a win, three low moods in a row and an energy rating.
void fill(Sandbox& s) {
    const Env early{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "--from", "anxiety.5"}, early);
    s.ok({"cue", "add", "--after", "I pour my coffee", "--do", "write one sentence", "--at",
          "08:00"},
         early);
    for (const char* day : {"2026-11-03", "2026-11-05", "2026-11-09", "2026-11-10", "2026-11-13"})
        s.ok({"log", "1", "--day", day});
    s.ok({"log", "1", "--day", "2026-11-11", "--skip", "--note", "fever"});
    s.ok({"log", "1", "--day", "2026-11-12", "--slip", "--note", "early meeting"});
    const std::vector<std::pair<const char*, const char*>> moods = {
        {"2026-11-09", "6"}, {"2026-11-10", "5"}, {"2026-11-11", "3"},
        {"2026-11-12", "2"}, {"2026-11-13", "3"}, {"2026-11-15", "7"}};
    for (const auto& [day, value] : moods)
        s.run({"rate", value, "--day", day});
    s.ok({"rate", "4", "--kind", "energy", "--day", "2026-11-14"});
    s.ok({"journal", "add", "--tag", "win", "--day", "2026-11-13", "Wrote before checking email"});
}

std::vector<std::string> with(std::vector<std::string> args,
                              std::initializer_list<const char*> more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

} // namespace

TEST_CASE("cron: the markdown review is byte-stable and colour-free") {
    Sandbox s;
    fill(s);
    const auto first = s.ok(cron_review).out;
    INFO(first);
    // The week holds a low-mood run, so the safety note opens the mail, before the title.
    CHECK(first.starts_with("> **Safety note.**"));
    CHECK(contains(first, "\n# kint weekly review: 2026-11-09 to 2026-11-15"));
    CHECK(contains(first, "2026-11-09"));
    CHECK(contains(first, "2026-11-15"));
    CHECK(contains(first, "write one sentence"));
    CHECK(contains(first, "Wrote before checking email"));
    CHECK_FALSE(contains(first, "\x1b"));

    // Again: the same bytes (nothing depends on the clock, the run or the store's order).
    CHECK(s.ok(cron_review).out == first);

    // Colour asked for, on a terminal type that has it, without NO_COLOR: markdown stays plain.
    const Env colourful{{"NO_COLOR", std::nullopt}, {"TERM", "xterm-256color"}};
    const auto forced = s.ok(with(cron_review, {"--color", "always"}), colourful).out;
    CHECK_FALSE(contains(forced, "\x1b"));
    CHECK(forced == first);
    // As cron runs it: no NO_COLOR, no TERM, no terminal.
    CHECK(s.ok(cron_review, {{"NO_COLOR", std::nullopt}, {"TERM", std::nullopt}}).out == first);

    // The systemd timer's form: --out writes exactly those bytes, for the owner alone.
    const std::string out = s.path("last-review.md");
    CHECK(s.ok(with(cron_review, {"--color", "always", "--out", out.c_str()}), colourful)
              .out.empty());
    CHECK(read_file(out) == first);
    CHECK(mode_of(out) == 0600);
    s.ok(with(cron_review, {"--out", out.c_str()}));
    CHECK(read_file(out) == first);
}

TEST_CASE("cron: the safety note is in the mailed review, first and plain") {
    Sandbox s;
    fill(s);
    const auto md = s.ok(cron_review, {{"NO_COLOR", std::nullopt}}).out;
    INFO(md);
    const auto note = md.find("contact your clinic or seek urgent care");
    REQUIRE(note != std::string::npos);
    // Before any per-cue or mood section.
    CHECK(note < md.find("write one sentence"));
    CHECK(note < md.find("## "));
}

TEST_CASE("cron: no colour on a terminal either, whatever the environment asks") {
    Sandbox s;
    fill(s);
    const auto first = s.ok(cron_review).out;
    // The colour switches other tools honour; kint's markdown ignores them all.
    const Env loud{{"NO_COLOR", std::nullopt}, {"TERM", "xterm-256color"},
                   {"FORCE_COLOR", "3"},       {"CLICOLOR_FORCE", "1"},
                   {"CLICOLOR", "1"},          {"COLORTERM", "truecolor"}};
    const auto piped = s.ok(with(cron_review, {"--color", "always"}), loud).out;
    CHECK_FALSE(contains(piped, "\x1b"));
    CHECK(piped == first);
    for (const char* color : {"auto", "always"}) {
        CAPTURE(color);
        Pty t(s, with(cron_review, {"--color", color}), loud);
        REQUIRE(t.wait() == 0);
        std::string out = t.output();
        CHECK_FALSE(contains(out, "\x1b"));
        for (std::size_t at; (at = out.find("\r\n")) != std::string::npos;)
            out.replace(at, 2, "\n");
        CHECK(out == first);
    }
    // The text view on that terminal does colour: the switch above is not simply dead.
    Pty text(s, {"review", "--week", "last"}, loud);
    REQUIRE(text.wait() == 0);
    CHECK(contains(text.output(), "\x1b["));
}

TEST_CASE("cron: --out replaces the file in one step, for the owner alone") {
    Sandbox s;
    fill(s);
    const auto first = s.ok(cron_review).out;
    std::filesystem::create_directories(s.path("reviews"));
    const std::string out = s.path("reviews/last.md");
    auto inode = [](const std::string& path) {
        struct stat st {};
        return ::stat(path.c_str(), &st) == 0 ? st.st_ino : ino_t{0};
    };

    // An older review, world-readable: replaced by a new file (new inode), mode 0600 even with a
    // permissive umask, and no temp file left beside it.
    REQUIRE(s.run({"review", "--week", "2026-W44", "--format", "markdown", "--out", out}).code ==
            0);
    ::chmod(out.c_str(), 0644);
    const auto before = inode(out);
    REQUIRE(before != 0);
    const auto r = s.run(with(cron_review, {"--out", out.c_str()}), {}, mode_t{0});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(read_file(out) == first);
    CHECK(mode_of(out) == 0600);
    CHECK(inode(out) != before);
    for (const auto& entry : std::filesystem::directory_iterator(s.path("reviews")))
        CHECK(entry.path().filename() == "last.md"); // no temp file left beside it

    // When the write cannot happen, the last good review stays whole and the error is one line.
    // (The writer's temp file sits beside the target with a longer name: a name near the 255-byte
    // limit leaves it no room, even for root.)
    std::string name;
    while (name.size() < 235)
        name += "review ";
    const std::string kept = s.path("reviews/" + name);
    write_file(kept, first);
    const auto failed =
        s.run(with(cron_review, {"--out", kept.c_str()}), {{"KINT_TODAY", "2026-11-27"}});
    CHECK(failed.code == 1);
    CHECK(is_error_line(failed.err));
    CHECK(contains(failed.err, kept));
    CHECK(read_file(kept) == first);

    // The HTML page takes the same path: the bytes of stdout, mode 0600, no colour.
    const std::string page = s.path("reviews/last.html");
    const auto html = s.ok({"review", "--week", "last", "--format", "html"}).out;
    CHECK(s.ok({"review", "--week", "last", "--format", "html", "--color", "always", "--out", page},
               {{"NO_COLOR", std::nullopt}, {"TERM", "xterm-256color"}})
              .out.empty());
    CHECK(read_file(page) == html);
    CHECK(mode_of(page) == 0600);
    CHECK_FALSE(contains(html, "\x1b"));
}
