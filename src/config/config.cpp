#include "kint/config/config.hpp"

#include "kint/core/error.hpp"
#include "kint/core/file.hpp"
#include "kint/core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
#include <set>
#include <toml++/toml.h>

namespace kint::config {

namespace {

std::string where(const toml::node& node, std::string_view fallback) {
    const auto& src = node.source();
    if (src.path && src.begin.line > 0)
        return fmt::format("{}:{}:{}", *src.path, src.begin.line, src.begin.column);
    return std::string(fallback);
}

[[noreturn]] void bad(const toml::node& node, std::string_view key, std::string_view expected) {
    throw ConfigError(fmt::format("{}: '{}' should be {}; fix the file or remove the key to use "
                                  "the default",
                                  where(node, "default config"), key, expected));
}

// Every key kint reads, by table: a key outside these is a typo ("[safty]") that would otherwise
// be ignored without a word. The embedded default is held to the same list (a unit test).
struct Known {
    std::string_view table;
    bool list; // [[table]]: an array of tables
    std::vector<std::string> keys;
};
const std::vector<Known>& known_keys() {
    static const std::vector<Known> known = {
        {"day", false, {"starts_at", "week_starts"}},
        {"safety",
         false,
         {"low_mood_max", "low_mood_days", "low_mood_window", "message", "contact"}},
        {"hook",
         false,
         {"mood_reminder_after", "show_cues", "show_mood_reminder", "show_focus", "show_due",
          "due_max_chars", "safety_sign", "check_in_sign"}},
        {"remind", false, {"command"}},
        {"guidance",
         false,
         {"second_cue", "shrink", "keep", "expand", "comeback", "slip", "no_session"}},
        {"starter", false, {"title", "steps", "core_practices"}},
        {"timeline", true, {"key", "name", "purpose", "from", "to", "guidance", "safety"}},
        {"habit_phase", true, {"key", "name", "guidance", "from_week", "to_week"}},
        {"prompt", true, {"id", "text", "group", "phases", "gentle"}},
        {"catalogue", true, {"key", "name", "note", "condition", "items"}},
        {"practice", true, {"key", "name", "minutes", "max_minutes", "steps", "pace"}},
    };
    return known;
}

[[noreturn]] void unknown(const toml::key& key, std::string_view path,
                          const std::vector<std::string>& names) {
    const auto& src = key.source();
    const std::string at =
        src.path && src.begin.line > 0
            ? fmt::format("{}:{}:{}", *src.path, src.begin.line, src.begin.column)
            : std::string("default config");
    const auto near = text::closest(key.str(), names);
    throw ConfigError(fmt::format("{}: kint has no setting '{}'{}; fix the name or remove it", at,
                                  path, near ? fmt::format(" (did you mean '{}'?)", *near) : ""));
}

void check_keys(const toml::table& root) {
    std::vector<std::string> tables;
    for (const auto& k : known_keys())
        tables.emplace_back(k.table);
    for (auto&& entry : root) {
        // Named, not bound: clang 14 does not let a lambda capture a structured binding.
        const toml::key& key = entry.first;
        const toml::node& value = entry.second;
        const auto it = std::find_if(known_keys().begin(), known_keys().end(),
                                     [&](const Known& k) { return k.table == key.str(); });
        if (it == known_keys().end()) unknown(key, key.str(), tables);
        auto check_table = [&](const toml::table& t, const std::string& path) {
            for (auto&& [sub, ignored] : t)
                if (std::find(it->keys.begin(), it->keys.end(), sub.str()) == it->keys.end())
                    unknown(sub, fmt::format("{}.{}", path, sub.str()), it->keys);
        };
        if (!it->list) {
            const auto* t = value.as_table();
            if (!t) bad(value, key.str(), fmt::format("a table ([{}])", key.str()));
            check_table(*t, std::string(key.str()));
        }
        // A list of the wrong shape is left to each_table, which names what it should be.
        if (const auto* arr = value.as_array(); arr && it->list) {
            std::size_t i = 0;
            for (const auto& item : *arr) {
                if (const auto* t = item.as_table())
                    check_table(*t, fmt::format("{}[{}]", key.str(), i));
                ++i;
            }
        }
    }
}

// Recursively lays `over` onto `base`: tables merge, everything else replaces. Nodes are moved,
// not copied, because a copied toml++ node loses its source position (needed for error messages).
void merge(toml::table& base, toml::table& over) {
    for (auto&& [key, value] : over) {
        if (auto* sub = value.as_table()) {
            if (auto* existing = base.get_as<toml::table>(key.str())) {
                merge(*existing, *sub);
                continue;
            }
        }
        base.insert_or_assign(key, std::move(value));
    }
}

struct Reader {
    const toml::table& root;

    const toml::node* node(std::string_view dotted) const { return root.at_path(dotted).node(); }

    std::string str(std::string_view path, std::string fallback = {}) const {
        const auto* n = node(path);
        if (!n) return fallback;
        if (auto v = n->value<std::string>()) return *v;
        bad(*n, path, "a string");
    }

    int integer(std::string_view path, int fallback, int lo, int hi) const {
        const auto* n = node(path);
        if (!n) return fallback;
        // value_exact: a float is not converted (toml++ casts it unchecked: 2e26 would be UB).
        auto v = n->value_exact<int64_t>();
        if (!v || *v < lo || *v > hi)
            bad(*n, path, fmt::format("a whole number from {} to {}", lo, hi));
        return static_cast<int>(*v);
    }

    bool boolean(std::string_view path, bool fallback) const {
        const auto* n = node(path);
        if (!n) return fallback;
        if (!n->is_boolean()) bad(*n, path, "true or false");
        return *n->value<bool>();
    }

    // A short sign for the shell prompt: one line of plain text (no control characters, which
    // would rewrite the prompt), at most `max_chars` characters; empty means no sign.
    std::string sign(std::string_view path, std::string fallback, std::size_t max_chars) const {
        const auto* n = node(path);
        if (!n) return fallback;
        auto v = n->value<std::string>();
        if (!v || !n->is_string() || text::has_control_characters(*v, false) ||
            utf8_chars(*v) > max_chars)
            bad(*n, path,
                fmt::format("one line of at most {} characters (\"\" for none)", max_chars));
        return *v;
    }

    static std::size_t utf8_chars(std::string_view s) {
        std::size_t n = 0;
        for (char ch : s)
            n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        return n;
    }

    Minutes clock(std::string_view path, Minutes fallback) const {
        const auto* n = node(path);
        if (!n) return fallback;
        auto v = n->value<std::string>();
        std::optional<Minutes> m = v ? parse_clock(*v) : std::nullopt;
        if (!m) bad(*n, path, "a clock time \"HH:MM\"");
        return *m;
    }
};

std::vector<std::string> strings(const toml::node* n, std::string_view path) {
    std::vector<std::string> out;
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) bad(*n, path, "a list of strings");
    for (const auto& item : *arr) {
        auto v = item.value<std::string>();
        if (!v || !item.is_string()) bad(item, path, "a list of strings");
        out.push_back(*v);
    }
    return out;
}

// Calls `fn(table, path)` for each table in the array-of-tables at `key`.
template <typename Fn>
void each_table(const toml::table& root, std::string_view key, Fn fn) {
    const auto* n = root.get(key);
    if (!n) return;
    const auto* arr = n->as_array();
    if (!arr) bad(*n, key, "a list of tables ([[" + std::string(key) + "]])");
    std::size_t i = 0;
    for (const auto& item : *arr) {
        const auto* t = item.as_table();
        const std::string path = fmt::format("{}[{}]", key, i++);
        if (!t) bad(item, path, "a table");
        fn(*t, path);
    }
}

// Refuses a second table of a list with the same id or key: a prompt id or catalogue key named
// twice would make `journal add --prompt` or `--group` ambiguous.
void once(std::set<std::string>& seen, const toml::table& t, std::string_view path,
          std::string_view key, const std::string& value) {
    if (seen.insert(value).second) return;
    throw ConfigError(fmt::format("{}: {}.{} '{}' is already used above; give each its own",
                                  where(*t.get(key), "default config"), path, key, value));
}

std::string field(const toml::table& t, std::string_view path, std::string_view key,
                  bool required = true) {
    const auto* n = t.get(key);
    if (!n) {
        if (!required) return {};
        throw ConfigError(fmt::format("{}: {} needs '{}'", where(t, "default config"), path, key));
    }
    auto v = n->value<std::string>();
    if (!v || !n->is_string()) bad(*n, fmt::format("{}.{}", path, key), "a string");
    return *v;
}

int int_field(const toml::table& t, std::string_view path, std::string_view key, int fallback) {
    const auto* n = t.get(key);
    if (!n) return fallback;
    auto v = n->value_exact<int64_t>();
    if (!v || *v < 0 || *v > 100000) bad(*n, fmt::format("{}.{}", path, key), "a whole number");
    return static_cast<int>(*v);
}

bool bool_field(const toml::table& t, std::string_view path, std::string_view key, bool fallback) {
    const auto* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_boolean()) bad(*n, fmt::format("{}.{}", path, key), "true or false");
    return *n->value<bool>();
}

constexpr std::size_t max_sign_chars = 40;

// [remind] command: a program ("notify-send", or a path) or a list of it and its first arguments
// (["notify-send", "--urgency=low"]). Each word one line of text; the program not empty.
std::vector<std::string> command(const Reader& r, std::string_view path) {
    const auto* n = r.node(path);
    if (!n) return Remind{}.command;
    const std::string_view shape =
        "a program to run, as \"notify-send\" or a path, or a list of it and its first arguments "
        "such as [\"notify-send\", \"--urgency=low\"]";
    std::vector<std::string> words;
    if (const auto v = n->value<std::string>(); v && n->is_string())
        words.push_back(*v);
    else if (n->is_array())
        words = strings(n, path);
    if (words.empty() || words.front().empty()) bad(*n, path, shape);
    for (const auto& w : words)
        if (!text::valid_utf8(w) || text::has_control_characters(w, false) || w.size() > 4096)
            bad(*n, path, shape);
    return words;
}

// The window is read after the count it must hold. When it cannot, the error points at the key
// the person wrote (the window, or else the count that outgrew the default window).
int low_mood_window(const Reader& r, int low_mood_days) {
    const int window = r.integer("safety.low_mood_window", 5, 1, max_low_mood_window);
    if (window >= low_mood_days) return window;
    const auto* window_node = r.node("safety.low_mood_window");
    const auto* days_node = r.node("safety.low_mood_days");
    const bool user_window = window_node && window_node->source().path &&
                             *window_node->source().path != "default config";
    if (!user_window && days_node)
        throw ConfigError(fmt::format(
            "{}: 'safety.low_mood_days' is {}, more days than safety.low_mood_window ({}) holds; "
            "set low_mood_window to at least {} (at most {}) or lower low_mood_days",
            where(*days_node, "default config"), low_mood_days, window, low_mood_days,
            max_low_mood_window));
    bad(*window_node, "safety.low_mood_window",
        fmt::format("a whole number from {} (safety.low_mood_days) to {}", low_mood_days,
                    max_low_mood_window));
}

// [[practice]] pace = [{ breath = "in", seconds = 4 }, ...]: the phases of one breath.
std::vector<BreathPhase> pace(const toml::node* n, const std::string& path) {
    std::vector<BreathPhase> out;
    if (!n) return out;
    const auto* arr = n->as_array();
    const std::string_view shape =
        "a list of phases such as [{ breath = \"in\", seconds = 4 }, { breath = \"out\", "
        "seconds = 4 }]";
    if (!arr) bad(*n, path, shape);
    std::size_t i = 0;
    for (const auto& item : *arr) {
        const std::string at = fmt::format("{}[{}]", path, i++);
        const auto* t = item.as_table();
        if (!t) bad(item, at, shape);
        for (auto&& [key, value] : *t)
            if (key.str() != "breath" && key.str() != "seconds")
                unknown(key, fmt::format("{}.{}", at, key.str()), {"breath", "seconds"});
        BreathPhase phase;
        phase.breath = field(*t, at, "breath");
        if (phase.breath != "in" && phase.breath != "hold" && phase.breath != "out")
            bad(*t->get("breath"), at + ".breath", "\"in\", \"hold\" or \"out\"");
        const auto* seconds = t->get("seconds");
        if (!seconds)
            throw ConfigError(
                fmt::format("{}: {} needs 'seconds'", where(item, "default config"), at));
        const auto v = seconds->value_exact<int64_t>();
        if (!v || *v < 1 || *v > 60) bad(*seconds, at + ".seconds", "a whole number from 1 to 60");
        phase.seconds = static_cast<int>(*v);
        out.push_back(std::move(phase));
    }
    return out;
}

int weekday_from(const Reader& r) {
    const auto* n = r.node("day.week_starts");
    if (!n) return 0;
    auto v = n->value<std::string>();
    if (v) {
        try {
            const Schedule s = Schedule::parse(*v);
            for (int i = 0; i < 7; ++i)
                if (s.mask() == (1U << i)) return i;
        } catch (const UsageError&) {
        }
    }
    bad(*n, "day.week_starts", "a day name such as \"monday\" or \"sunday\"");
}

toml::table parse_text(std::string_view text, std::string_view name) {
    try {
        return toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        throw ConfigError(fmt::format("{}:{}:{}: {}; fix the file (nothing was changed)", name,
                                      src.begin.line, src.begin.column, e.description()));
    }
}

Config extract(const toml::table& root) {
    const Reader r{root};
    Config c;
    c.day_starts_at = r.clock("day.starts_at", 4 * 60);
    c.week_starts = weekday_from(r);
    c.safety.low_mood_max = r.integer("safety.low_mood_max", 3, 0, 10);
    c.safety.low_mood_days = r.integer("safety.low_mood_days", 3, 1, 365);
    c.safety.low_mood_window = low_mood_window(r, c.safety.low_mood_days);
    c.safety.message = r.str("safety.message");
    c.safety.contact = r.str("safety.contact");
    c.hook.mood_reminder_after = r.clock("hook.mood_reminder_after", 18 * 60);
    c.hook.show_cues = r.boolean("hook.show_cues", true);
    c.hook.show_mood_reminder = r.boolean("hook.show_mood_reminder", true);
    c.hook.show_focus = r.boolean("hook.show_focus", false);
    c.hook.show_due = r.boolean("hook.show_due", true);
    c.hook.due_max_chars =
        r.integer("hook.due_max_chars", config::Hook{}.due_max_chars, 1, config::max_due_chars);
    c.hook.safety_sign = r.sign("hook.safety_sign", config::Hook{}.safety_sign, max_sign_chars);
    c.hook.check_in_sign =
        r.sign("hook.check_in_sign", config::Hook{}.check_in_sign, max_sign_chars);
    c.remind.command = command(r, "remind.command");
    auto& g = c.guidance;
    g.second_cue = r.str("guidance.second_cue");
    g.shrink = r.str("guidance.shrink");
    g.keep = r.str("guidance.keep");
    g.expand = r.str("guidance.expand");
    g.comeback = r.str("guidance.comeback");
    g.slip = r.str("guidance.slip");
    g.no_session = r.str("guidance.no_session");
    c.starter.title = r.str("starter.title", "Quick starter plan");
    c.starter.steps = strings(r.node("starter.steps"), "starter.steps");
    c.starter.core_practices = strings(r.node("starter.core_practices"), "starter.core_practices");

    std::set<std::string> timeline_keys, habit_keys, prompt_ids, group_keys, practice_keys;
    std::shared_ptr<const std::string> timeline_source;
    each_table(root, "timeline", [&](const toml::table& t, const std::string& path) {
        TimelinePhase p;
        p.key = field(t, path, "key");
        once(timeline_keys, t, path, "key", p.key);
        timeline_source = t.source().path;
        p.name = field(t, path, "name");
        p.purpose = field(t, path, "purpose", false);
        p.from = int_field(t, path, "from", 0);
        p.to = int_field(t, path, "to", p.from);
        p.guidance = strings(t.get("guidance"), path + ".guidance");
        p.safety = strings(t.get("safety"), path + ".safety");
        c.timeline.push_back(std::move(p));
    });
    // What a prompt's phases may name: what phases::phase_tag answers.
    std::vector<std::string> phase_names(timeline_keys.begin(), timeline_keys.end());
    phase_names.push_back("preparation");
    phase_names.push_back("general");
    const auto from_default = [](const std::shared_ptr<const std::string>& source) {
        return !source || *source == "default config";
    };
    each_table(root, "habit_phase", [&](const toml::table& t, const std::string& path) {
        HabitPhase p;
        p.key = field(t, path, "key");
        once(habit_keys, t, path, "key", p.key);
        p.name = field(t, path, "name");
        p.guidance = field(t, path, "guidance", false);
        p.from_week = int_field(t, path, "from_week", 1);
        p.to_week = int_field(t, path, "to_week", 0);
        c.habit_phases.push_back(std::move(p));
    });
    each_table(root, "prompt", [&](const toml::table& t, const std::string& path) {
        Prompt p;
        p.id = field(t, path, "id");
        once(prompt_ids, t, path, "id", p.id);
        p.text = field(t, path, "text");
        p.group = field(t, path, "group", false);
        p.phases = strings(t.get("phases"), path + ".phases");
        p.gentle = bool_field(t, path, "gentle", false);
        // A phase no prompt can match is a typo ("genral"): the prompt would never be shown in
        // it. Not checked for a default prompt under a user's own timeline (that does not make
        // the default prompts wrong). `strings` above has checked each is a string.
        const auto* listed = t.get_as<toml::array>("phases");
        if (listed && (!from_default(t.source().path) || from_default(timeline_source)))
            for (const auto& node : *listed) {
                const std::string phase = *node.value<std::string>();
                if (std::find(phase_names.begin(), phase_names.end(), phase) != phase_names.end())
                    continue;
                const auto near = text::closest(phase, phase_names);
                throw ConfigError(fmt::format(
                    "{}: {}.phases holds '{}', which is no timeline phase{}; phases are the "
                    "[[timeline]] keys, preparation and general",
                    where(node, "default config"), path, phase,
                    near ? fmt::format(" (did you mean '{}'?)", *near) : ""));
            }
        c.prompts.push_back(std::move(p));
    });
    each_table(root, "catalogue", [&](const toml::table& t, const std::string& path) {
        CatalogueGroup grp;
        grp.key = field(t, path, "key");
        once(group_keys, t, path, "key", grp.key);
        grp.name = field(t, path, "name");
        grp.note = field(t, path, "note", false);
        grp.condition = bool_field(t, path, "condition", false);
        std::size_t i = 0;
        for (auto& text : strings(t.get("items"), path + ".items"))
            grp.items.push_back({fmt::format("{}.{}", grp.key, ++i), std::move(text)});
        c.catalogue.push_back(std::move(grp));
    });
    each_table(root, "practice", [&](const toml::table& t, const std::string& path) {
        Practice p;
        p.key = field(t, path, "key");
        once(practice_keys, t, path, "key", p.key);
        p.name = field(t, path, "name");
        p.minutes = int_field(t, path, "minutes", 2);
        p.max_minutes = int_field(t, path, "max_minutes", p.minutes);
        p.steps = strings(t.get("steps"), path + ".steps");
        p.pace = pace(t.get("pace"), path + ".pace");
        c.practices.push_back(std::move(p));
    });
    return c;
}

} // namespace

const CatalogueItem* Config::find_item(std::string_view id) const {
    for (const auto& g : catalogue)
        for (const auto& item : g.items)
            if (item.id == id) return &item;
    return nullptr;
}

const CatalogueGroup* Config::find_group(std::string_view key) const {
    for (const auto& g : catalogue)
        if (g.key == key) return &g;
    return nullptr;
}

const Prompt* Config::find_prompt(std::string_view id) const {
    for (const auto& p : prompts)
        if (p.id == id) return &p;
    return nullptr;
}

Config parse(std::optional<std::string_view> user_text, std::string_view user_name) {
    toml::table root = parse_text(default_config_text, "default config");
    check_keys(root); // the default is held to the same list: it cannot drift from the reader
    if (user_text) {
        toml::table user = parse_text(*user_text, user_name);
        check_keys(user);
        merge(root, user);
    }
    Config c = extract(root);
    if (user_text) c.source = std::string(user_name);
    return c;
}

Config load(const std::optional<std::string>& path) {
    if (!path) return parse();
    // A bounded, non-blocking read: a FIFO in the config's place must not hang a command, nor
    // /dev/zero fill the memory.
    constexpr std::size_t max_bytes = 4u << 20;
    const auto file = read_regular_file(*path, max_bytes);
    const std::string_view fix = "point --config or KINT_CONFIG at a file";
    switch (file.status) {
    case FileText::Status::ok:
        return parse(file.text, *path);
    case FileText::Status::missing:
        return parse();
    case FileText::Status::loop:
        throw ConfigError(fmt::format("config {} is a symlink loop; {}", *path, fix));
    case FileText::Status::not_regular:
        throw ConfigError(
            fmt::format("config {} is {}, not a regular file; {}", *path, file.kind, fix));
    case FileText::Status::too_large:
        throw ConfigError(fmt::format("config {} is larger than {} MB; a kint config is a few KB "
                                      "of TOML, {}",
                                      *path, max_bytes >> 20, fix));
    default:
        throw ConfigError(fmt::format("cannot read config {}: {}; check its permissions", *path,
                                      std::strerror(file.error)));
    }
}

} // namespace kint::config
