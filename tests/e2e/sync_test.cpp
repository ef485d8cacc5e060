// kint sync (SPEC §7.5, issue 18): two stores, one shared folder, the real binary.
#include "harness.hpp"

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>

using namespace kint::e2e;
namespace fs = std::filesystem;

namespace {

// The sealed files in DIR/kint-sync, every device's.
std::vector<fs::path> sealed_files(const std::string& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir + "/kint-sync"))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Two devices set up on one folder (in a's sandbox): a made the key, b joined with a copy.
struct Pair {
    Sandbox a, b;
    std::string dir;
    Pair() {
        dir = a.path("shared");
        a.env["KINT_NOW"] = "07:00"; // clocks the tests can order
        b.env["KINT_NOW"] = "07:00";
        fs::create_directories(dir);
        a.ok({"intent", "add", "Steady breath"});
        a.ok({"cue", "add", "--after", "I pour my coffee", "--do", "three breaths", "--since",
              "2026-11-01"});
        const auto init = a.ok({"sync", "init", dir}).out;
        CHECK(contains(init, "Ready: this store syncs through"));
        CHECK(contains(init, "kint sync init DIR --key FILE"));
        CHECK(mode_of(a.db() + ".sync-key") == 0600);
        const std::string copy = b.path("key-copy");
        write_file(copy, *read_file(a.db() + ".sync-key"));
        b.ok({"rate", "6"}); // b has a store of its own already
        CHECK(contains(b.ok({"sync", "init", dir, "--key", copy}).out, "Joined"));
        CHECK(mode_of(b.db() + ".sync-key") == 0600);
    }
    std::string canonical(const Sandbox& s) const { return s.ok({"export", "--canonical"}).out; }
};

} // namespace

TEST_CASE("sync: two stores converge after two rounds, and a third sends nothing") {
    Pair p;
    p.a.ok({"log", "1"});
    p.b.ok({"journal", "add", "a quiet morning"});
    const auto first = p.a.ok({"sync", p.dir}).out;
    CHECK(contains(first, "Synced: sent"));
    CHECK(contains(p.b.ok({"sync", p.dir}).out, "Synced: sent"));
    p.a.ok({"sync", p.dir});
    p.b.ok({"sync", p.dir});
    CHECK(p.canonical(p.a) == p.canonical(p.b));
    // b sees a's cue under its own number, and logs it; a hears it.
    CHECK(contains(p.b.ok({"cue", "list"}).out, "three breaths"));
    p.b.ok({"log", "1", "--day", "yesterday"});
    const auto json = p.b.ok({"sync", p.dir, "--json"}).out;
    CHECK(contains(json, kv("sent", "1"))); // the log (its cue and intention go along, uncounted)
    CHECK(contains(json, kv("received", "0")));
    CHECK(contains(p.a.ok({"sync", p.dir, "--json"}).out, kv("received", "1")));
    CHECK(contains(p.a.ok({"log", "list", "--json"}).out, "2026-11-19"));
    CHECK(p.canonical(p.a) == p.canonical(p.b));
    // Nothing new on either side: nothing written, the store's bytes untouched.
    const auto before = p.a.snapshot();
    CHECK(p.a.ok({"sync", p.dir}).out == "Synced: nothing new on either side.\n");
    CHECK(p.a.snapshot() == before);
    // The files reveal nothing of the records.
    for (const auto& f : sealed_files(p.dir)) {
        const auto bytes = *read_file(f.string());
        CHECK_FALSE(contains(bytes, "breath"));
        CHECK_FALSE(contains(bytes, "quiet"));
        CHECK_FALSE(contains(bytes, "2026-11"));
    }
}

TEST_CASE("sync: the later rating of a day wins on both devices, an undo removes everywhere") {
    Pair p;
    p.a.ok({"rate", "3"}, {{"KINT_NOW", "08:00"}});
    p.b.ok({"rate", "7"}, {{"KINT_NOW", "09:00"}});
    for (int round = 0; round < 2; ++round) {
        p.a.ok({"sync", p.dir});
        p.b.ok({"sync", p.dir});
    }
    CHECK(contains(p.a.ok({"rate", "list", "--json"}).out, kv("value", "7")));
    CHECK(p.canonical(p.a) == p.canonical(p.b));
    p.a.ok({"log", "1"});
    p.a.ok({"sync", p.dir});
    p.b.ok({"sync", p.dir});
    CHECK(contains(p.b.ok({"log", "list", "--json"}).out, "2026-11-20"));
    p.b.ok({"log", "1", "--undo"});
    p.b.ok({"sync", p.dir});
    p.a.ok({"sync", p.dir});
    CHECK(p.a.ok({"log", "list", "--json"}).out == "[]\n");
    CHECK(p.canonical(p.a) == p.canonical(p.b));
}

TEST_CASE("sync: a tampered, cut or replayed file is named, not applied, the rest syncs") {
    Pair p;
    p.b.ok({"sync", p.dir}); // b's first file: its rating
    p.b.ok({"journal", "add", "second"});
    p.b.ok({"sync", p.dir}); // b's second file
    auto files = sealed_files(p.dir);
    REQUIRE(files.size() == 2);
    const std::string first = files[0].string(), second = files[1].string();
    const auto original = *read_file(first);

    // A flipped byte: exit 1 naming the file; nothing of b arrives.
    std::string flipped = original;
    flipped[flipped.size() / 2] ^= 0x01;
    write_file(first, flipped);
    const auto bad = p.a.run({"sync", p.dir});
    CHECK(bad.code == 1);
    CHECK(contains(bad.err, "kint: could not use " + first));
    CHECK(contains(bad.err, "did not pass authentication"));
    CHECK(p.a.ok({"rate", "list", "--json"}).out == "[]\n");
    CHECK(contains(bad.out, "Synced: sent")); // a's own changes still went out

    // Cut short: the same.
    write_file(first, original.substr(0, original.size() - 5));
    CHECK(p.a.run({"sync", p.dir}).code == 1);
    CHECK(p.a.ok({"rate", "list", "--json"}).out == "[]\n");

    // Replayed under another number (the second file's name): refused.
    write_file(first, original);
    const auto second_bytes = *read_file(second);
    write_file(second, original);
    const auto replay = p.a.run({"sync", p.dir});
    CHECK(replay.code == 1);
    CHECK(contains(replay.err, second));
    CHECK(contains(p.a.ok({"rate", "list", "--json"}).out, kv("value", "6"))); // the 1st applied

    // Whole again: everything arrives.
    write_file(second, second_bytes);
    p.a.ok({"sync", p.dir});
    CHECK(contains(p.a.ok({"journal", "list"}).out, "second"));

    // A file from a newer kint: a clear word.
    std::string newer = second_bytes;
    newer[8] = 9; // the format version after the magic
    const auto next = fs::path(second).parent_path() / "0000000003.kint-sync";
    write_file(next.string(), newer);
    const auto refused = p.a.run({"sync", p.dir});
    CHECK(refused.code == 1);
    CHECK(contains(refused.err, "newer than this kint reads"));
}

TEST_CASE("sync: bad set-ups are refused plainly, the store unchanged") {
    Pair p;
    Sandbox c;
    c.ok({"rate", "5"});
    const auto before = c.snapshot();
    // No key yet.
    auto r = c.run({"sync", p.dir});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "run 'kint sync init DIR' first"));
    // A folder never set up.
    const auto empty = c.path("empty");
    fs::create_directories(empty);
    r = c.run({"sync", empty});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "is not set up for kint sync"));
    // A key file that is not one.
    write_file(c.path("not-a-key"), "hello\n");
    r = c.run({"sync", "init", p.dir, "--key", c.path("not-a-key")});
    CHECK(r.code == 2);
    CHECK(c.snapshot() == before);
    // No folder given.
    r = c.run({"sync"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "give the shared folder"));
    // Another key where this store already has one.
    r = p.b.run({"sync", "init", p.dir, "--key", c.path("not-a-key")});
    CHECK(r.code == 2);
    c.ok({"sync", "init", c.path("own")});
    r = p.b.run({"sync", "init", p.dir, "--key", c.db() + ".sync-key"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "already has a different sync key"));
}

TEST_CASE("sync: a store from before sync (schema 4) is upgraded by sync init and syncs") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed, so no old store can be made");
        return;
    }
    Pair p;
    Sandbox old;
    old.env["KINT_NOW"] = "07:00";
    old.ok({"journal", "add", "written before sync existed"});
    old.ok({"rate", "4", "--day", "yesterday"});
    REQUIRE(sqlite3(old, old.db(), schema_v4_sql) == 0);
    const std::string copy = old.path("key-copy");
    write_file(copy, *read_file(p.a.db() + ".sync-key"));
    old.ok({"sync", "init", p.dir, "--key", copy});
    CHECK(mode_of(old.db() + ".bak-v4") == 0600); // backed up before the migration
    for (int round = 0; round < 2; ++round)
        for (const Sandbox* s : {&p.a, &p.b, &old})
            s->ok({"sync", p.dir});
    CHECK(p.canonical(p.a) == p.canonical(old));
    CHECK(p.canonical(p.b) == p.canonical(old));
    CHECK(contains(p.a.ok({"journal", "list"}).out, "written before sync existed"));
}

TEST_CASE("sync: a copy of a synced store's file joins as a device of its own") {
    Pair p;
    p.a.ok({"log", "1"});
    p.a.ok({"sync", p.dir});
    // The person copies a's store to a third machine instead of starting it empty.
    Sandbox c;
    c.env["KINT_NOW"] = "08:00";
    fs::create_directories(fs::path(c.db()).parent_path());
    fs::copy_file(p.a.db(), c.db());
    const std::string copy = c.path("key-copy");
    write_file(copy, *read_file(p.a.db() + ".sync-key"));
    const auto init = c.ok({"sync", "init", p.dir, "--json", "--key", copy}).out;
    const auto a_device = fs::path(sealed_files(p.dir).front()).parent_path().filename().string();
    CHECK_FALSE(contains(init, a_device)); // not a's folder
    c.ok({"journal", "add", "from the copy"});
    for (int round = 0; round < 2; ++round)
        for (const Sandbox* s : {&p.a, &p.b, &c})
            s->ok({"sync", p.dir});
    CHECK(p.canonical(p.a) == p.canonical(c));
    CHECK(p.canonical(p.b) == p.canonical(c));
    CHECK(count_of(p.a.ok({"log", "list", "--json"}).out, "\"day\"") == 1); // no double
    CHECK(contains(p.b.ok({"journal", "list"}).out, "from the copy"));
}
