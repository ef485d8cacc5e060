// --help everywhere: every command and subcommand answers with exit 0, names its options, gives
// each option and subcommand a description, and the man page (src/man/kint.1) covers them all.
#include "harness.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace kint::e2e;

namespace {

// The source tree, found from this file: tests/e2e/help_test.cpp -> the repository root.
std::filesystem::path source_root() {
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

// A file of the source tree, e.g. "src/man/kint.1".
std::string source_file(const std::string& relative) {
    const auto path = source_root() / relative;
    const auto text = read_file(path.string());
    INFO("file: ", path.string());
    REQUIRE(text.has_value());
    return *text;
}

std::string man_page() {
    return source_file("src/man/kint.1");
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::vector<std::string> words(const std::string& path) {
    std::vector<std::string> out;
    std::istringstream in(path);
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

// CLI11 lays an entry out as two spaces, the name padded to column 30, then the description;
// a longer name puts the description on the next line, at column 30.
constexpr std::size_t description_column = 30;

// The entries of one section ("Options:", "Subcommands:", ...) that have no description.
std::vector<std::string> undescribed(const std::vector<std::string>& lines,
                                     std::string_view section) {
    std::vector<std::string> missing;
    bool inside = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        if (!l.empty() && l[0] != ' ') {
            inside = l == section;
            continue;
        }
        if (!inside || l.size() < 3 || l[0] != ' ' || l[1] != ' ' || l[2] == ' ') continue;
        const bool same_line = l.size() > description_column && l[description_column - 1] == ' ' &&
                               l[description_column] != ' ';
        const bool next_line = i + 1 < lines.size() && lines[i + 1].size() > description_column &&
                               lines[i + 1].find_first_not_of(' ') == description_column;
        if (!same_line && !next_line) missing.push_back(l);
    }
    return missing;
}

// The subcommand names a help text lists ("catalogue, catalog" -> "catalogue").
std::vector<std::string> subcommands_in(const std::string& help) {
    std::vector<std::string> names;
    bool inside = false;
    for (const auto& l : lines_of(help)) {
        if (!l.empty() && l[0] != ' ') {
            inside = l == "Subcommands:";
            continue;
        }
        if (!inside || l.size() < 3 || l[2] == ' ') continue;
        std::string name = words(l).front();
        if (name.back() == ',') name.pop_back();
        names.push_back(name);
    }
    return names;
}

// Every command path kint's help reaches: "init", "intent", "intent add", ...
std::vector<std::string> all_commands(const Sandbox& s) {
    std::vector<std::string> found, todo = {""};
    while (!todo.empty()) {
        const std::string path = todo.back();
        todo.pop_back();
        auto args = words(path);
        args.push_back("--help");
        for (const auto& name : subcommands_in(s.ok(args).out)) {
            const std::string sub = path.empty() ? name : path + " " + name;
            found.push_back(sub);
            todo.push_back(sub);
        }
    }
    return found;
}

// "" (kint itself) followed by `commands`.
std::vector<std::string> with_top_level(std::vector<std::string> commands) {
    commands.insert(commands.begin(), "");
    return commands;
}

// The long and short options a help text lists, e.g. "--all", "-t".
std::vector<std::string> options_in(const std::string& help) {
    std::vector<std::string> opts;
    bool inside = false;
    for (const auto& l : lines_of(help)) {
        if (!l.empty() && l[0] != ' ') {
            inside = l == "Options:";
            continue;
        }
        if (!inside || l.size() < 3 || l[2] != '-') continue;
        // "  -t,--tag TEXT ..." -> "-t", "--tag"
        std::string names = words(l).front();
        std::istringstream in(names);
        for (std::string o; std::getline(in, o, ',');)
            opts.push_back(o);
    }
    return opts;
}

// A roff source spells "--flag" as "\-\-flag".
std::string roff(std::string_view option) {
    std::string out;
    for (char c : option) {
        if (c == '-') out += '\\';
        out += c;
    }
    return out;
}

struct Expected {
    std::string command;
    std::vector<std::string> options;
};

// SPEC §4 and the issue: each command with the options its help must show.
const std::vector<Expected> expected = {
    {"", {"--db", "--config", "--today", "--json", "--color", "--version", "--help"}},
    {"init", {"--force"}},
    {"start", {}},
    {"intent", {"--all"}},
    {"intent list", {"--all"}},
    {"intent add", {"--group", "--from"}},
    {"intent catalogue", {"--group", "--expand"}},
    {"intent show", {}},
    {"intent edit", {}},
    {"intent focus", {}},
    {"intent archive", {}},
    {"cue", {"--all"}},
    {"cue list", {"--all"}},
    {"cue add",
     {"--intent", "--after", "--if", "--place", "--time", "--do", "--at", "--days", "--per",
      "--target", "--unit", "--at-most"}},
    {"cue show", {}},
    {"cue step", {"--note", "--target", "--unit", "--at-most", "--at-least"}},
    {"cue edit", {"--trigger", "--kind", "--at", "--no-at", "--days", "--per", "--since"}},
    {"cue pause", {}},
    {"cue resume", {}},
    {"cue archive", {}},
    {"log", {"--day", "--note", "--skip", "--slip", "--undo"}},
    {"log list", {"--since", "--until", "--cue"}},
    {"rate", {"--energy", "--kind", "--day", "--note"}},
    {"rate list", {"--since", "--until", "--kind"}},
    {"journal", {}},
    {"journal add", {"-t", "--tag", "--kind", "--prompt", "--day"}},
    {"journal list", {"--since", "--until", "--tag"}},
    {"session", {}},
    {"session add", {"--note"}},
    {"session list", {}},
    {"today", {}},
    {"prompts", {"--all", "--count"}},
    {"review", {"--week", "--since", "--until", "--format", "--out"}},
    {"trail", {"--since", "--until", "--format", "--out"}},
    {"remind", {"--dry-run"}},
    {"practice", {"--log", "--minutes"}},
    {"hook", {}},
    {"hook init", {}},
    {"hook prompt", {"--shell"}},
};

} // namespace

TEST_CASE("help: every command answers --help with its usage and options") {
    Sandbox s;
    for (const auto& [command, options] : expected) {
        auto args = words(command);
        args.push_back("--help");
        const auto r = s.ok(args);
        INFO("kint ", command, " --help:\n", r.out);
        CHECK(contains(r.out, "Usage: kint" + (command.empty() ? "" : " " + command) + " "));
        for (const auto& o : options)
            CHECK_MESSAGE(contains(r.out, o), o);
    }
    // Options that exclude each other say so after their description, not in the name column
    // (where CLI11's "Excludes:" pushed the description onto a line of its own).
    const auto log = s.ok({"log", "--help"}).out;
    CHECK(contains(log,
                   "  --skip                      Excused (rest, illness): not counted against "
                   "(not with --slip, --not-this-time)\n"));
    CHECK_FALSE(contains(log, "Excludes"));
    // Each command's page names the global flags it also takes; a range reads as one.
    CHECK(contains(log, "Every command also takes --json, --today DAY, --color WHEN, --db PATH and "
                        "--config PATH.\n"));
    const auto prompts = s.ok({"prompts", "--help"}).out;
    CHECK(contains(prompts, "-n,--count INT:1-20"));
    CHECK_FALSE(contains(prompts, "INT in ["));
    CHECK(contains(s.ok({"practice", "--help"}).out, "--minutes INT:1-60"));
    CHECK(contains(s.ok({"cue", "add", "--help"}).out,
                   "  --after TEXT                Habit stacking: after I ... (not with --if, "
                   "--place, --time)\n"));
    // Asking for help creates nothing.
    CHECK_FALSE(read_file(s.db()).has_value());
    CHECK_FALSE(read_file(s.config()).has_value());
}

TEST_CASE("help: the command tree is what the issue lists, and every entry is described") {
    Sandbox s;
    const auto commands = all_commands(s);
    for (const auto& [command, options] : expected)
        if (!command.empty())
            CHECK_MESSAGE(std::find(commands.begin(), commands.end(), command) != commands.end(),
                          command);
    CHECK(commands.size() >= expected.size() - 1);

    for (const std::string& command : with_top_level(commands)) {
        auto args = words(command);
        args.push_back("--help");
        const auto r = s.ok(args);
        INFO("kint ", command, " --help:\n", r.out);
        const auto lines = lines_of(r.out);
        CHECK(lines.size() >= 3);
        CHECK_FALSE(lines.front().empty()); // the command's own description comes first
        for (const char* section : {"Options:", "Positionals:", "Subcommands:"})
            for (const auto& entry : undescribed(lines, section))
                CHECK_MESSAGE(false, "no description: ", entry);
    }
}

TEST_CASE("help: the man page names every command, subcommand and option") {
    Sandbox s;
    const std::string man = man_page();
    CHECK(man.starts_with(".\\\""));
    CHECK(contains(man, ".TH KINT 1 "));
    // The page's header names the version the binary reports ("kint 0.1.0").
    auto version = s.ok({"--version"}).out;
    while (!version.empty() && version.back() == '\n')
        version.pop_back();
    CHECK_MESSAGE(contains(man, "\"" + version + "\""), "man page .TH lacks \"", version, "\"");
    for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH FILES",
                                ".SH ENVIRONMENT", ".SH EXIT STATUS", ".SH EXAMPLES"})
        CHECK_MESSAGE(contains(man, section), section);
    for (const char* env : {"KINT_DB", "KINT_CONFIG", "KINT_TODAY", "KINT_NOW", "XDG_DATA_HOME",
                            "XDG_CONFIG_HOME", "NO_COLOR", "HOME"})
        CHECK_MESSAGE(contains(man, env), env);
    CHECK(contains(man, "makes no medical claims"));
    CHECK(contains(man, ".hook"));

    for (const auto& command : with_top_level(all_commands(s))) {
        const auto w = words(command);
        if (!w.empty()) {
            // "kint intent add", or for a default subcommand "kint intent [list]".
            std::string bracketed = "kint";
            for (std::size_t i = 0; i + 1 < w.size(); ++i)
                bracketed += " " + w[i];
            bracketed += " [" + w.back() + "]";
            CHECK_MESSAGE((contains(man, "kint " + command) || contains(man, bracketed)),
                          "man page lacks 'kint ", command, "'");
        }
        auto args = w;
        args.push_back("--help");
        for (const auto& o : options_in(s.ok(args).out))
            CHECK_MESSAGE(contains(man, roff(o)), "man page lacks ", o, " of 'kint ", command, "'");
    }
}

TEST_CASE("help: the man page names every environment variable kint reads") {
    const std::string man = man_page();
    // Every read goes through Runtime::env("NAME") (or env.find("NAME") before a Runtime exists).
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_root() / "src")) {
        if (entry.path().extension() != ".cpp") continue;
        const auto text = read_file(entry.path().string()).value_or("");
        for (const std::string_view call : {"env(\"", "env.find(\""}) {
            for (auto at = text.find(call); at != std::string::npos; at = text.find(call, at + 1)) {
                const auto start = at + call.size();
                const auto end = text.find('"', start);
                if (end != std::string::npos) names.push_back(text.substr(start, end - start));
            }
        }
    }
    CHECK(std::find(names.begin(), names.end(), "KINT_DB") != names.end()); // the scan works
    for (const auto& name : names)
        CHECK_MESSAGE(contains(man, ".B " + name + "\n"), name);
}

TEST_CASE("help: the completion scripts offer every long option of every command") {
    Sandbox s;
    const std::string bash = source_file("completions/kint.bash");
    const std::string zsh = source_file("completions/_kint");
    const std::string fish = source_file("completions/kint.fish");
    for (const auto& command : with_top_level(all_commands(s))) {
        auto args = words(command);
        args.push_back("--help");
        for (const auto& o : options_in(s.ok(args).out)) {
            if (!o.starts_with("--")) continue;
            INFO("kint ", command, " ", o);
            // bash lists flags as words, zsh as _arguments specs, fish as `-l NAME`.
            CHECK((contains(bash, " " + o + " ") || contains(bash, " " + o + "\n") ||
                   contains(bash, " " + o + ")")));
            CHECK((contains(zsh, o + "=[") || contains(zsh, o + "[") || contains(zsh, o + "=}") ||
                   contains(zsh, o + "}'[")));
            CHECK(contains(fish, "-l " + o.substr(2) + " "));
        }
    }
}
