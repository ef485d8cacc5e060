// The review, the handout and the trail kept beside the store (cache::view_cache), as the day's
// view is (today_test.cpp): shown again only while nothing they were drawn from has changed, one
// per kind of command, never for --out, never past cache::view_limit.
#include "harness.hpp"
#include "jsonlite.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/stat.h>
#include <thread>
#define XXH_INLINE_ALL
#include <xxhash.h>

using namespace kint::e2e;
using kint::e2e::jsonlite::parse;

namespace {

std::string view_path(const Sandbox& s, const std::string& kind) {
    return fmt::format("{}.{}.view", s.db(), kind);
}

// The view kept, by its inode: a run that shows it leaves the file as it is; one that draws the
// view again replaces the file (a temp file renamed over it).
ino_t inode(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

// A view is kept only once the store's last change is 50 ms old (cache::view_stamp).
void settle() {
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
}

struct Viewer {
    std::string kind;
    std::vector<std::string> args;
};

const std::vector<Viewer> viewers = {
    {"review", {"review"}},
    {"review", {"review", "--json"}},
    {"review", {"review", "--week", "this", "--format", "markdown"}},
    {"review", {"review", "--month", "this"}},
    {"review", {"review", "--since", "2026-11-01", "--until", "2026-11-20", "--format", "html"}},
    {"review", {"review", "--color", "always"}},
    {"report", {"report"}},
    {"report", {"report", "--format", "json"}},
    {"report", {"report", "--since", "2026-11-10"}},
    {"trail", {"trail"}},
    {"trail", {"trail", "1", "--format", "markdown"}},
    {"trail", {"trail", "2", "--since", "2026-11-01"}},
    {"trail", {"trail", "2", "--format", "markdown", "--color", "always"}},
};

} // namespace

TEST_CASE("views: a review, a handout and a trail kept beside the store are never out of date") {
    Sandbox s; // with no config file: a view is kept only 2 seconds after a config's last change
    seed_for_views(s, {{"KINT_TODAY", "2026-11-02"}});
    for (const auto& step : writes_that_move_views()) {
        CAPTURE(fmt::format("{}", fmt::join(step, " ")));
        settle();
        for (const auto& v : viewers)
            s.ok(v.args);
        for (const char* kind : {"review", "report", "trail"})
            REQUIRE(inode(view_path(s, kind)) != 0);
        s.ok(step); // drops every view kept
        for (const char* kind : {"review", "report", "trail"})
            CHECK(inode(view_path(s, kind)) == 0);
        settle();
        for (const auto& v : viewers) {
            CAPTURE(fmt::format("{}", fmt::join(v.args, " ")));
            const auto shown = s.ok(v.args).out;
            REQUIRE(mode_of(view_path(s, v.kind)) == 0600);
            const auto kept = inode(view_path(s, v.kind));
            CHECK(s.ok(v.args).out == shown);
            CHECK(inode(view_path(s, v.kind)) == kept); // shown from the view kept
            std::filesystem::remove(view_path(s, v.kind));
            CHECK(s.ok(v.args).out == shown); // drawn from the store again
        }
    }
    // What each shows after the last step, as drawn.
    CHECK(contains(s.ok({"review"}).out, "Be patient"));
    CHECK(contains(s.ok({"report"}).out, "three breaths"));
    CHECK(parse(s.ok({"review", "--week", "this", "--json"}).out)["mood"]["days_rated"].integer() ==
          3);
}

TEST_CASE("views: each request is its own view, another day, colour or width is drawn anew") {
    Sandbox s;
    const Env start{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "Be gentle"}, start);
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, start);
    s.ok({"cue", "add", "--after", "lunch", "--do", "walk"}, start);
    s.ok({"log", "1"});
    settle();
    const auto last = s.ok({"review"}).out;
    const auto this_week = s.ok({"review", "--week", "this"}).out;
    CHECK(last != this_week);
    CHECK(s.ok({"review"}).out == last); // the view kept was this week's: drawn anew, same bytes
    CHECK(s.ok({"review", "--week", "this"}).out == this_week);
    const auto one = s.ok({"trail", "1"}).out;
    const auto two = s.ok({"trail", "2"}).out;
    CHECK(contains(one, "breathe"));
    CHECK_FALSE(contains(one, "walk"));
    CHECK(contains(two, "walk"));
    CHECK(s.ok({"trail", "1"}).out == one);
    // Another day.
    const Env later{{"KINT_TODAY", "2026-11-30"}};
    s.ok({"review"});
    const auto later_review = s.ok({"review"}, later).out;
    CHECK(later_review != last);
    CHECK(s.ok({"review"}, later).out == later_review);
    // Colour, and the width the trail is fitted to.
    const auto plain = s.ok({"trail", "1"}).out;
    const auto colour = s.ok({"trail", "1", "--color", "always"}).out;
    CHECK(contains(colour, "\x1b["));
    CHECK_FALSE(contains(plain, "\x1b["));
    CHECK(s.ok({"trail", "1"}).out == plain);
    const auto narrow = s.ok({"trail", "1"}, {{"COLUMNS", "40"}}).out;
    CHECK(s.ok({"trail", "1"}, {{"COLUMNS", "40"}}).out == narrow);
    CHECK(s.ok({"trail", "1"}).out == plain);
    // A value that reads like another option is still its own request.
    const auto odd = s.run({"review", "--week", "last since=\"2026-11-01\""});
    CHECK(odd.code == 2);
    CHECK(s.ok({"review"}).out == last);
}

TEST_CASE("views: --out keeps no view, JSON, HTML and long trails are kept as printed") {
    Sandbox s;
    const Env start{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "Be gentle"}, start);
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, start);
    s.ok({"log", "1"});
    settle();
    for (const char* kind : {"review", "report", "trail"}) {
        CAPTURE(kind);
        const auto file = s.path(std::string(kind) + ".md");
        s.ok({kind, "--format", "markdown", "--out", file});
        CHECK(read_file(file).has_value());
        CHECK(inode(view_path(s, kind)) == 0);
    }
    // Decades of days: a trail of megabytes in JSON and HTML, kept as it is printed (piece by
    // piece, never held whole) and shown again byte for byte from the view.
    for (const char* after : {"tea", "lunch", "dinner", "dusk"})
        s.ok({"cue", "add", "--after", after, "--do", "sit"}, {{"KINT_TODAY", "1970-01-01"}});
    settle();
    for (const char* format : {"markdown", "json", "html"}) {
        CAPTURE(format);
        const auto drawn = s.ok({"trail", "--format", format}).out;
        REQUIRE(drawn.size() > 256u * 1024); // more than one read of the view
        const auto kept = inode(view_path(s, "trail"));
        CHECK(kept != 0);
        CHECK(mode_of(view_path(s, "trail")) == 0600);
        CHECK(s.ok({"trail", "--format", format}).out == drawn);
        CHECK(inode(view_path(s, "trail")) == kept); // shown from the view
        std::filesystem::remove(view_path(s, "trail"));
        CHECK(s.ok({"trail", "--format", format}).out == drawn); // drawn again: the same bytes
    }
    // One byte of the kept view changed: never shown, drawn anew.
    const auto drawn = s.ok({"trail", "--format", "json"}).out;
    auto bytes = read_file(view_path(s, "trail")).value_or("");
    REQUIRE(bytes.size() > drawn.size());
    bytes[bytes.size() - drawn.size() / 2] ^= 1;
    write_file(view_path(s, "trail"), bytes);
    CHECK(s.ok({"trail", "--format", "json"}).out == drawn);
    // A view another program wrote in its place, whole and with a checksum that holds, holding
    // a terminal's control sequences: shown, but never raw (a kept view passes the terminal
    // filter again, as it did when it was drawn).
    s.ok({"trail", "--format", "json"});
    const auto head_end = read_file(view_path(s, "trail")).value_or("").find("\nsum ");
    REQUIRE(head_end != std::string::npos);
    const std::string forged_body = "\x1b]0;owned\x07\x1b[31mRED\xc2\x9b\n";
    write_file(
        view_path(s, "trail"),
        read_file(view_path(s, "trail")).value_or("").substr(0, head_end) +
            fmt::format("\nsum {:016x}\n", XXH3_64bits(forged_body.data(), forged_body.size())) +
            forged_body);
    const auto forged = s.ok({"trail", "--format", "json"}).out;
    CHECK(contains(forged, "RED")); // the view was shown (its checksum holds)
    CHECK(forged.find('\x1b') == std::string::npos);
    CHECK(forged.find('\x07') == std::string::npos);
    CHECK(forged.find("\xc2\x9b") == std::string::npos);
}

TEST_CASE("views: text a command removed survives in no view kept") {
    Sandbox s;
    const Env start{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "a private plan"}, start);
    s.ok({"cue", "add", "--after", "coffee", "--do", "breathe"}, start);
    s.ok({"journal", "add", "a private line", "--day", "2026-11-12"});
    settle();
    for (const char* kind : {"review", "report", "trail"})
        s.ok({kind});
    REQUIRE(contains(read_file(view_path(s, "review")).value_or(""), "a private plan"));
    REQUIRE(contains(read_file(view_path(s, "report")).value_or(""), "a private line"));
    REQUIRE(inode(view_path(s, "trail")) != 0);
    s.ok({"intent", "edit", "1", "Be gentle"});
    s.ok({"journal", "rm", "1"});
    for (const char* kind : {"review", "report", "trail"}) {
        CAPTURE(kind);
        const auto kept = read_file(view_path(s, kind)).value_or("");
        CHECK_FALSE(contains(kept, "a private plan"));
        CHECK_FALSE(contains(kept, "a private line"));
    }
    CHECK(contains(s.ok({"review"}).out, "Be gentle"));
}
