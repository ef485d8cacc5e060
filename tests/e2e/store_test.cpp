// The store file: private permissions, refusing files that are not kint stores, read-only folders.
#include "harness.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace kint::e2e;

TEST_CASE("store: folders are 0700 and files 0600 even with umask 0") {
    for (const mode_t mask : {mode_t{0}, mode_t{022}, mode_t{0277}}) {
        CAPTURE(mask);
        Sandbox s;
        const std::string db = s.path("a/b/kint.db");
        const std::string config = s.path("c/d/config.toml");
        const Env env{{"KINT_DB", db}, {"KINT_CONFIG", config}};
        auto r = s.run({"init"}, env, mask);
        INFO(r.err);
        REQUIRE(r.code == 0);
        CHECK(mode_of(s.path("a")) == 0700);
        CHECK(mode_of(s.path("a/b")) == 0700);
        CHECK(mode_of(db) == 0600);
        CHECK(mode_of(s.path("c")) == 0700);
        CHECK(mode_of(s.path("c/d")) == 0700);
        CHECK(mode_of(config) == 0600);
        // Writing later keeps the modes, and leaves no journal files with other modes.
        CHECK(s.run({"intent", "add", "Be gentle"}, env, mask).code == 0);
        CHECK(mode_of(db) == 0600);
        for (const auto& e : std::filesystem::directory_iterator(s.path("a/b")))
            CHECK_MESSAGE(mode_of(e.path().string()) == 0600, e.path().string());
    }
}

TEST_CASE("store: a command that only reads creates no store, folder or cache") {
    // A mistyped --db must not leave folders behind; a first look around writes nothing.
    Sandbox s;
    const std::string db = s.path("typo/dir/kint.db");
    const std::vector<std::vector<std::string>> reads = {
        {"today"},
        {"today", "--json"},
        {"review"},
        {"review", "--json"},
        {"intent"},
        {"intent", "list"},
        {"intent", "catalogue"},
        {"cue"},
        {"cue", "list"},
        {"log", "list"},
        {"rate", "list"},
        {"journal", "list"},
        {"session", "list"},
        {"prompts"},
        {"export"},
        {"hook", "prompt"},
        {"hook", "init", "bash"},
        {"complete", "cues"},
        {"complete", "sessions"},
    };
    for (const auto& args : reads) {
        CAPTURE(args.front());
        auto all = args;
        all.insert(all.begin(), {"--db", db});
        const auto r = s.run(all);
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK_FALSE(std::filesystem::exists(s.path("typo")));
    }
    // Its view is the empty store's.
    CHECK(contains(s.ok({"--db", db, "today"}).out, "none yet: choose one"));
    CHECK(s.ok({"--db", db, "intent", "list", "--json"}).out == "[]\n");
    // An id looked up in a store not made yet is not there (exit 1), and still nothing is made.
    const auto show = s.run({"--db", db, "cue", "show", "1"});
    CHECK(show.code == 1);
    CHECK(is_error_line(show.err));
    CHECK_FALSE(std::filesystem::exists(s.path("typo")));
    // A command that changes what is already there has nothing to change: exit 1, one line that
    // names the path, and still nothing is made.
    const std::vector<std::vector<std::string>> changes = {
        {"log", "1"},
        {"log", "1", "--undo"},
        {"cue", "add", "--after", "coffee", "--do", "breathe"},
        {"cue", "step", "1", "smaller"},
        {"cue", "pause", "1"},
        {"cue", "resume", "1"},
        {"cue", "archive", "1"},
        {"intent", "edit", "1", "new words"},
        {"intent", "focus", "1"},
        {"intent", "archive", "1"},
        {"journal", "rm", "1"},
        {"session", "rm", "2026-11-01"},
        {"practice", "reset", "--log", "1"},
    };
    for (const auto& args : changes) {
        CAPTURE(args.front() + " " + args[1]);
        auto all = args;
        all.insert(all.begin(), {"--db", db});
        const auto r = s.run(all);
        CHECK(r.code == 1);
        CHECK(r.err == fmt::format("kint: there is no kint store at {} yet, so nothing to change; "
                                   "check --db or KINT_DB, or begin with 'kint start'\n",
                                   db));
        CHECK(r.out.empty());
        CHECK_FALSE(std::filesystem::exists(s.path("typo")));
    }
    // The first write makes it, private.
    s.ok({"--db", db, "intent", "add", "Be gentle"});
    CHECK(mode_of(db) == 0600);
    CHECK(mode_of(s.path("typo/dir")) == 0700);
}

TEST_CASE("store: an empty file given as the store is refused and left untouched") {
    // `: > kint.db` is not a kint store: kint never turns an existing file into one.
    Sandbox s;
    const std::string path = s.path("touched.db");
    write_file(path, "");
    REQUIRE(::chmod(path.c_str(), 0644) == 0);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"today"}, std::vector<std::string>{"intent", "add", "hello"},
          std::vector<std::string>{"rate", "5"}, std::vector<std::string>{"init"}}) {
        CAPTURE(args[0]);
        const auto r = s.run(args, {{"KINT_DB", path}});
        CHECK(r.code == 1);
        CHECK(r.err ==
              fmt::format("kint: {} is an empty file, not a kint store; remove it or "
                          "point --db or KINT_DB elsewhere (the file was left untouched)\n",
                          path));
        CHECK(read_file(path) == std::string());
        CHECK(mode_of(path) == 0644);
        for (const char* suffix : {"-wal", "-shm", "-journal", ".bak-v1"})
            CHECK(mode_of(path + suffix) == -1);
    }
}

TEST_CASE("store: a file that is not SQLite is refused and left untouched") {
    for (const std::string& bytes :
         {std::string("my shopping list\nmilk\n"), std::string(4096, '\x5a'),
          std::string("SQLite format 3") + std::string(200, '\0')}) {
        Sandbox s;
        const std::string path = s.path("notes.txt");
        write_file(path, bytes);
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"intent", "add", "hello"},
              std::vector<std::string>{"intent", "list"}, std::vector<std::string>{"init"}}) {
            CAPTURE(args[0]);
            auto r = s.run(args, {{"KINT_DB", path}});
            CHECK(r.code == 1);
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, path));
            CHECK(read_file(path) == bytes);
        }
        CHECK(mode_of(path + "-wal") == -1);
        CHECK(mode_of(path + "-journal") == -1);
    }
}

TEST_CASE("store: another application's SQLite database is refused and left untouched") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed, so no foreign database can be made");
        return;
    }
    struct Case {
        std::string name;
        const char* sql;
    };
    const Case cases[] = {
        {"tables", "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT);"
                   "INSERT INTO recipes (name) VALUES ('soup');"},
        {"application_id", "PRAGMA application_id = 1234;"},
        {"kint name clash", "CREATE TABLE intention (id INTEGER PRIMARY KEY, text TEXT);"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        Sandbox s;
        const std::string path = s.path("other.db");
        REQUIRE(sqlite3(s, path, c.sql) == 0);
        const auto bytes = read_file(path);
        REQUIRE(bytes);
        REQUIRE_FALSE(bytes->empty());
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"intent", "add", "hello"},
              std::vector<std::string>{"rate", "5"}, std::vector<std::string>{"log", "list"}}) {
            CAPTURE(args[0]);
            auto r = s.run(args, {{"KINT_DB", path}});
            CHECK(r.code == 1);
            CHECK(is_error_line(r.err));
            CHECK(contains(r.err, path));
            CHECK(contains(r.err, "not a kint store"));
            CHECK(read_file(path) == bytes);
        }
    }
}

TEST_CASE("store: a store from a newer kint is refused") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed");
        return;
    }
    Sandbox s;
    s.ok({"intent", "add", "hello"});
    REQUIRE(sqlite3(s, s.db(), "PRAGMA user_version = 99;") == 0);
    const auto bytes = read_file(s.db());
    auto r = s.run({"intent", "add", "again"});
    CHECK(r.code == 1);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, "newer kint"));
    CHECK(read_file(s.db()) == bytes);
}

TEST_CASE("store: a folder given as the store is refused") {
    Sandbox s;
    // A folder inside the sandbox, so nothing kint might write beside it escapes the sandbox.
    const std::string folder = s.path("folder");
    REQUIRE(std::filesystem::create_directory(folder));
    auto r = s.run({"rate", "5"}, {{"KINT_DB", folder}});
    CHECK(r.code == 1);
    CHECK(is_error_line(r.err));
    CHECK(contains(r.err, folder));
    CHECK(std::filesystem::is_empty(folder));
}

TEST_CASE("store: a read-only store (folder and files) fails cleanly and changes nothing") {
    Sandbox s;
    s.ok({"intent", "add", "hello"});
    s.ok({"rate", "5"});
    const auto before = s.snapshot();
    if (::geteuid() == 0) {
        // Root ignores permission bits, so run kint as an unprivileged user instead.
        if (::access("/usr/bin/setpriv", X_OK) != 0) {
            MESSAGE("skipped: running as root and /usr/bin/setpriv is missing, so a read-only "
                    "folder cannot stop writes");
            return;
        }
        for (const auto& e : std::filesystem::recursive_directory_iterator(s.dir()))
            REQUIRE(::chown(e.path().c_str(), 65534, 65534) == 0);
        REQUIRE(::chown(s.dir().c_str(), 65534, 65534) == 0);
        s.wrapper = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
        // The unprivileged user can still use the store while the folder is writable.
        s.ok({"rate", "6", "--day", "-1"});
    }
    const auto writable = s.snapshot();
    REQUIRE_FALSE(writable == before); // the setup really writes
    // The folder and the store's files: SQLite could otherwise go on writing into the files.
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(s.path("data")))
        files.push_back(e.path());
    for (const auto& f : files)
        REQUIRE(::chmod(f.c_str(), 0400) == 0);
    REQUIRE(::chmod(s.path("data").c_str(), 0500) == 0);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"intent", "add", "again"}, std::vector<std::string>{"rate", "7"},
          std::vector<std::string>{"session", "add"}}) {
        CAPTURE(args[0]);
        auto r = s.run(args);
        CHECK(r.code == 1);
        CHECK(is_error_line(r.err));
        CHECK(contains(r.err, s.db()));
    }
    REQUIRE(::chmod(s.path("data").c_str(), 0700) == 0);
    for (const auto& f : files)
        REQUIRE(::chmod(f.c_str(), 0600) == 0);
    CHECK(s.snapshot() == writable);
}

namespace {

// Turns the sandbox's store into a schema-1 store, as kint 1 left it.
void downgrade_to_v1(Sandbox& s) {
    REQUIRE(sqlite3(s, s.db(), schema_v1_sql) == 0);
}

// The names in the store's folder that hold `text` (whole files read).
std::vector<std::string> files_holding(const Sandbox& s, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(s.path("data")))
        if (const auto bytes = read_file(e.path().string()); bytes && contains(*bytes, text))
            out.push_back(e.path().filename().string());
    return out;
}

} // namespace

TEST_CASE("store: a failing command leaves an old store as it was, not upgraded, no backup") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed, so no old store can be made");
        return;
    }
    Sandbox s;
    s.ok({"intent", "add", "Steady"});
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath"});
    s.ok({"journal", "add", "kept words"});
    downgrade_to_v1(s);
    const auto before = s.snapshot();
    const struct {
        std::vector<std::string> args;
        std::string err;
    } cases[] = {
        {{"log", "99"}, "kint: there is no cue 99; see 'kint cue list --all'\n"},
        {{"journal", "rm", "99"}, "kint: there is no journal entry 99; see 'kint journal list'\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.args[0]);
        const auto r = s.run(c.args);
        CHECK(r.code == 1);
        CHECK(r.err == c.err);
        CHECK(s.snapshot() == before);
        CHECK(mode_of(s.db() + ".bak-v1") == -1);
    }
    // Reading never upgrades either. (Beside the store it may keep views: a cache.)
    s.ok({"today"});
    s.ok({"review"});
    s.forget_views();
    CHECK(s.snapshot() == before);
    // The first write that changes something upgrades it, after a copy.
    s.ok({"rate", "6"});
    CHECK(mode_of(s.db() + ".bak-v1") == 0600);
    CHECK_FALSE(s.snapshot() == before);
}

TEST_CASE("store: journal rm erases the text from the migration backups too") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed, so no old store can be made");
        return;
    }
    Sandbox s;
    s.ok({"journal", "add", "a private sentence"});
    s.ok({"journal", "add", "an ordinary one"});
    downgrade_to_v1(s);
    s.ok({"rate", "6"}); // upgrades, leaving kint.db.bak-v1 with both entries
    REQUIRE(mode_of(s.db() + ".bak-v1") == 0600);
    const auto holding = files_holding(s, "a private sentence");
    CHECK(std::find(holding.begin(), holding.end(), "kint.db.bak-v1") != holding.end());
    s.ok({"journal", "rm", "1"});
    CHECK(files_holding(s, "a private sentence").empty());
    // The backup keeps everything else, and is still a whole store (the sqlite3 shell fails on
    // the integer overflow unless the count is 1).
    const auto ordinary = files_holding(s, "an ordinary one");
    CHECK(std::find(ordinary.begin(), ordinary.end(), "kint.db.bak-v1") != ordinary.end());
    CHECK(sqlite3(s, s.db() + ".bak-v1",
                  "PRAGMA integrity_check; SELECT CASE WHEN (SELECT count(*) FROM journal) = 1 "
                  "THEN 0 ELSE abs(-9223372036854775807 - 1) END;") == 0);
    // An old store upgraded by `journal rm` itself keeps no copy of the entry either.
    Sandbox t;
    t.ok({"journal", "add", "gone at once"});
    t.ok({"journal", "add", "stays"});
    downgrade_to_v1(t);
    t.ok({"journal", "rm", "1"});
    REQUIRE(mode_of(t.db() + ".bak-v1") == 0600);
    CHECK(files_holding(t, "gone at once").empty());
}

namespace {} // namespace

TEST_CASE(
    "store: a schema-2 store is read as it is, and upgraded to the newest with a backup by log") {
    if (!have_sqlite3()) {
        MESSAGE("skipped: /usr/bin/sqlite3 is not installed, so no old store can be made");
        return;
    }
    Sandbox s;
    const Env early{{"KINT_TODAY", "2026-11-02"}};
    s.ok({"intent", "add", "Steady"}, early);
    s.ok({"cue", "add", "--after", "coffee", "--do", "one breath", "--days", "mon,wed,fri"}, early);
    s.ok({"cue", "add", "--if", "I feel anger rising", "--do", "five breaths"}, early);
    s.ok({"log", "1", "--day", "2026-11-18", "--note", "easy"});
    s.ok({"log", "2", "--slip", "--day", "2026-11-19"});
    s.ok({"rate", "6", "--day", "2026-11-19"});
    const auto export_before = s.ok({"export"}).out;
    REQUIRE(sqlite3(s, s.db(), schema_v2_sql) == 0);
    REQUIRE(sqlite3(s, s.db(), sql_true("(SELECT user_version FROM pragma_user_version) = 2")) ==
            0);
    const auto before = s.snapshot();
    // Reading commands see the same data and change nothing: no upgrade, no backup.
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"today"}, std::vector<std::string>{"--json", "today"},
          std::vector<std::string>{"review"}, std::vector<std::string>{"review", "--json"},
          std::vector<std::string>{"review", "--week", "this", "--format", "markdown"},
          std::vector<std::string>{"--json", "cue", "show", "1"},
          std::vector<std::string>{"log", "list"}}) {
        CAPTURE(args.back());
        s.ok(args);
        s.forget_views(); // a cache beside the store
        CHECK(s.snapshot() == before);
    }
    // The same records (a schema before v5 has no uids or clocks to show).
    const auto without_identity = [](const std::string& text) {
        std::string out, line;
        std::istringstream in(text);
        while (std::getline(in, line))
            if (!contains(line, "\"uid\": ") && !contains(line, "\"hlc\": ")) out += line + "\n";
        return out;
    };
    CHECK(without_identity(s.ok({"export"}).out) == without_identity(export_before));
    CHECK(mode_of(s.db() + ".bak-v2") == -1);
    // The first write that changes something upgrades it, after a private copy of the old one.
    s.ok({"log", "1"});
    CHECK(mode_of(s.db() + ".bak-v2") == 0600);
    CHECK(sqlite3(s, s.db(),
                  sql_true("(SELECT user_version FROM pragma_user_version) = 8 AND (SELECT "
                           "count(*) FROM pragma_table_info('strength_checkpoint') WHERE name = "
                           "'marks') = 1 AND (SELECT name FROM "
                           "pragma_index_xinfo('sqlite_autoindex_rating_1') WHERE seqno = 0) = "
                           "'kind'")) == 0);
    CHECK(sqlite3(s, s.db(),
                  sql_true("(SELECT count(*) FROM pragma_table_info('log') WHERE name = "
                           "'amount') = 1 AND (SELECT count(*) FROM cue_plan) = 0")) == 0);
    CHECK(sqlite3(s, s.db() + ".bak-v2",
                  sql_true("(SELECT user_version FROM pragma_user_version) = 2 AND (SELECT "
                           "count(*) FROM log) = 2 AND (SELECT count(*) FROM "
                           "pragma_table_info('log') WHERE name = 'amount') = 0")) == 0);
    // Everything it held is still there, now with the new keys empty.
    const auto after = s.ok({"export"}).out;
    CHECK(count_of(after, "\"amount\": null") == 3);
    CHECK(count_of(after, "\"per\": null") == 2);
    CHECK(count_of(after, "\"plans\": []") == 2);
    CHECK(contains(after, "\"note\": \"easy\""));
    CHECK(contains(after, "\"day\": \"2026-11-20\""));
    // A second write needs no second upgrade or backup.
    const auto backup = read_file(s.db() + ".bak-v2");
    s.ok({"rate", "7"});
    CHECK(read_file(s.db() + ".bak-v2") == backup);
}
