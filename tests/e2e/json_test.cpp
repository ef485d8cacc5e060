// --json: one document on stdout and nothing else; colour only when asked for.
#include "harness.hpp"

using namespace kint::e2e;

namespace {
// One pretty-printed object or array: it opens on the first byte and closes on the last line only.
bool is_one_document(const std::string& out) {
    if (out.size() < 3 || (out.front() != '{' && out.front() != '[')) return false;
    const char close = out.front() == '{' ? '}' : ']';
    if (out[out.size() - 2] != close || out.back() != '\n') return false;
    // Nested values are indented, so only the last line may start with a closer.
    std::size_t closers = 0;
    for (std::size_t pos = 0; pos < out.size(); pos = out.find('\n', pos) + 1)
        if (out[pos] == '}' || out[pos] == ']') ++closers;
    return closers == 1 && !contains(out, "\x1b");
}
} // namespace

TEST_CASE("json: every command prints exactly one document with --json") {
    Sandbox s;
    const std::vector<std::vector<std::string>> commands = {
        {"init"},
        {"intent", "add", "Be open"},
        {"intent", "add", "--from", "anxiety.5"},
        {"intent"},
        {"intent", "list", "--all"},
        {"intent", "catalogue"},
        {"intent", "catalogue", "calm"},
        {"intent", "show", "1"},
        {"intent", "edit", "1", "Be more open"},
        {"intent", "focus", "1"},
        {"cue", "add", "--after", "coffee", "--do", "breathe"},
        {"cue", "add", "--time", "07:00", "--do", "walk"}, // with the gentle note
        {"cue"},
        {"cue", "list", "--all"},
        {"cue", "show", "1"},
        {"cue", "step", "1", "three breaths"},
        {"cue", "pause", "2"},
        {"cue", "resume", "2"},
        {"log", "1"},
        {"log", "1", "--slip", "--note", "late"},
        {"log", "1", "--undo", "--slip"},
        {"log", "list"},
        {"rate", "2", "--energy", "4"},
        {"rate", "list"},
        {"journal", "add", "A calm morning", "--tag", "win"},
        {"journal", "list"},
        {"session", "add", "2026-11-01"},
        {"session", "list"},
        {"cue", "archive", "2"},
        {"intent", "archive", "2"},
        {"today"},
        {"prompts"},
        {"review"},
        {"report"},
        {"export"},
        {"start"}, // the starter plan (the guide itself asks questions)
    };
    for (auto args : commands) {
        args.push_back("--json");
        std::string cmd;
        for (const auto& a : args)
            cmd += a + " ";
        CAPTURE(cmd);
        const auto r = s.run(args);
        INFO("stdout: " << r.out);
        INFO("stderr: " << r.err);
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(is_one_document(r.out));
    }
}

TEST_CASE("json: strings are escaped") {
    Sandbox s;
    auto r = s.ok({"intent", "add", "say \"hi\" \\ back, café", "--json"}).out;
    CHECK(contains(r, kv("text", "\"say \\\"hi\\\" \\\\ back, café\"")));
    auto j = s.ok({"journal", "add", "line one\n\ttabbed", "--json"}).out;
    CHECK(contains(j, kv("text", quoted("line one\\n\\ttabbed"))));
}

TEST_CASE("json: --today wins over KINT_TODAY") {
    Sandbox s;
    CHECK(contains(s.ok({"--today", "2026-11-25", "rate", "5", "--json"}).out,
                   kv("day", quoted("2026-11-25"))));
    CHECK(contains(s.ok({"rate", "5", "--json"}, {{"KINT_TODAY", "2026-11-21"}}).out,
                   kv("day", quoted("2026-11-21"))));
}

TEST_CASE("colour: only when asked for, and never with NO_COLOR unless forced") {
    Sandbox s;
    s.ok({"intent", "add", "Be open"});
    // Not a terminal: plain, with or without NO_COLOR.
    CHECK_FALSE(contains(s.ok({"intent", "list"}).out, "\x1b["));
    CHECK_FALSE(contains(s.ok({"intent", "list"}, {{"NO_COLOR", std::nullopt}}).out, "\x1b["));
    CHECK_FALSE(contains(s.ok({"--color", "auto", "intent", "list"}).out, "\x1b["));
    CHECK_FALSE(contains(s.ok({"--color", "never", "intent", "list"}).out, "\x1b["));
    // --color always is explicit and wins.
    CHECK(contains(s.ok({"--color", "always", "intent", "list"}).out, "\x1b["));
    // JSON is never coloured.
    CHECK_FALSE(contains(s.ok({"--color", "always", "intent", "list", "--json"}).out, "\x1b["));
}
