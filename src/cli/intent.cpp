// kint intent: directions, in positive words; one active intention is the focus.
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/phases.hpp"
#include "kint/render/render.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

namespace kint::cli {

namespace {

// Lowercase words: ASCII punctuation and spaces split them ("self-kindness," is "self" and
// "kindness"); bytes of other scripts stay inside words.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out(1);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) {
            out.back() += static_cast<char>(std::tolower(c));
        } else if (!out.back().empty()) {
            out.emplace_back();
        }
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// Groups filtered to the items whose text (or group name) holds every search word, as the start
// of one of its words ("kind" finds "kindness"; punctuation on either side does not matter).
std::vector<config::CatalogueGroup> search(const std::vector<config::CatalogueGroup>& groups,
                                           const std::vector<std::string>& args) {
    std::vector<std::string> wanted;
    for (const auto& a : args)
        for (auto& w : words_of(a))
            wanted.push_back(std::move(w));
    std::vector<config::CatalogueGroup> out;
    for (const auto& g : groups) {
        config::CatalogueGroup hit = g;
        hit.items.clear();
        for (const auto& item : g.items) {
            const auto hay = words_of(item.text + " " + g.name + " " + g.key);
            if (std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
                    return std::any_of(hay.begin(), hay.end(),
                                       [&](const std::string& h) { return h.starts_with(w); });
                }))
                hit.items.push_back(item);
        }
        if (!hit.items.empty()) out.push_back(std::move(hit));
    }
    return out;
}

void print_intentions(Runtime& rt, const std::vector<Intention>& list, bool all) {
    if (rt.json()) {
        auto arr = json::array();
        for (const auto& i : list)
            arr.push(render::to_json(i));
        rt.print(arr);
        return;
    }
    const render::Paint paint(rt.color());
    if (list.empty()) {
        fmt::print(rt.out,
                   "No {}intentions yet. Choose a direction:\n"
                   "  kint intent catalogue              browse suggestions\n"
                   "  kint intent add \"I am open to ...\"  write your own\n",
                   all ? "" : "active ");
        return;
    }
    for (const auto& i : list)
        fmt::print(rt.out, "{}\n", render::intention_line(i, paint));
}

Id add_and_focus(Runtime& rt, const std::string& text, const std::optional<std::string>& group,
                 const std::optional<std::string>& catalogue_id) {
    Id id = 0;
    rt.store().write([&] {
        id = rt.store().add_intention(text, group, catalogue_id, rt.today());
        rt.store().set_focus(id);
    });
    return id;
}

void show_added(Runtime& rt, Id id, std::string_view verb) {
    const auto i = app::intention_or_throw(rt.store(), id);
    if (rt.json()) {
        rt.print(render::to_json(i));
        return;
    }
    const render::Paint paint(rt.color());
    fmt::print(rt.out, "{} intention #{}, now your focus:\n  {}\n", verb, id, paint.bold(i.text));
    fmt::print(
        rt.out,
        "Next: tie one tiny behavior to a cue you already pass, e.g.\n"
        "  kint cue add --after \"I pour my coffee\" --do \"write one sentence\" --at 08:00\n");
}

} // namespace

void add_intent(CLI::App& app, Commands& commands) {
    auto* intent =
        app.add_subcommand("intent", "Intentions: the direction you choose (alone: list them)");
    auto all = std::make_shared<bool>(false);
    intent->add_flag("--all", *all, "Include archived intentions");
    commands.reads(intent,
                   [all](Runtime& rt) { print_intentions(rt, rt.store().intentions(*all), *all); });

    auto* list = intent->add_subcommand("list", "List active intentions (--all: archived too)");
    auto list_all = std::make_shared<bool>(false);
    list->add_flag("--all", *list_all, "Include archived intentions");
    commands.reads(list, [list_all, all](Runtime& rt) {
        const bool a = *list_all || *all;
        print_intentions(rt, rt.store().intentions(a), a);
    });

    struct AddOpts {
        std::vector<std::string> words;
        std::optional<std::string> group, from;
    };
    auto add_opts = std::make_shared<AddOpts>();
    auto* add = intent->add_subcommand("add", "Add an intention (it becomes the focus)");
    add->add_option("text", add_opts->words, "The intention, in positive words");
    add->add_option("--group", add_opts->group, "Catalogue group key it belongs to");
    add->add_option("--from", add_opts->from, "Take the text of a catalogue item, e.g. anxiety.5");
    commands.on(add, [add_opts](Runtime& rt) {
        const auto& cfg = rt.config();
        if (add_opts->from) {
            if (!add_opts->words.empty())
                throw UsageError("give either the intention's text or --from ID, not both");
            const auto* item = cfg.find_item(*add_opts->from);
            if (!item)
                throw NotFound(fmt::format("'{}' is not in the catalogue; see 'kint intent "
                                           "catalogue' for ids like anxiety.5",
                                           *add_opts->from));
            const std::string key = item->id.substr(0, item->id.find('.'));
            if (add_opts->group && *add_opts->group != key)
                throw UsageError(fmt::format("{} belongs to group '{}', not '{}'", item->id, key,
                                             *add_opts->group));
            show_added(rt, add_and_focus(rt, item->text, key, item->id), "Added");
            return;
        }
        if (add_opts->words.empty())
            throw UsageError("what is the intention? e.g. kint intent add \"I am open to learning "
                             "new ways to cope\", or --from anxiety.5");
        const std::string text = checked_text("intention", join_words(add_opts->words));
        if (add_opts->group && !cfg.find_group(*add_opts->group))
            throw NotFound(fmt::format("there is no catalogue group '{}'; see 'kint intent "
                                       "catalogue' for the keys",
                                       *add_opts->group));
        show_added(rt, add_and_focus(rt, text, add_opts->group, std::nullopt), "Added");
    });

    struct CatOpts {
        std::vector<std::string> words;
        std::optional<std::string> group;
        bool expand = false;
    };
    auto cat = std::make_shared<CatOpts>();
    auto* catalogue = intent->add_subcommand("catalogue", "Browse suggested intentions");
    catalogue->alias("catalog");
    catalogue->add_option("words", cat->words, "Search words (case-insensitive, across groups)");
    catalogue->add_option("--group", cat->group, "Open one group by key");
    catalogue->add_flag("--expand", cat->expand, "Open every group");
    commands.reads(catalogue, [cat](Runtime& rt) {
        const auto& cfg = rt.config();
        std::vector<config::CatalogueGroup> groups = cfg.catalogue;
        if (cat->group) {
            const auto* g = cfg.find_group(*cat->group);
            if (!g) {
                std::string keys;
                for (const auto& grp : cfg.catalogue)
                    keys += (keys.empty() ? "" : ", ") + grp.key;
                throw NotFound(fmt::format("there is no catalogue group '{}'; groups are: {}",
                                           *cat->group, keys));
            }
            groups = {*g};
        }
        if (!cat->words.empty()) groups = search(groups, cat->words);
        if (rt.json()) {
            rt.print(render::catalogue_json(groups));
            return;
        }
        const render::Paint paint(rt.color());
        const bool open = cat->expand || cat->group || !cat->words.empty();
        if (groups.empty()) {
            fmt::print(rt.out,
                       "Nothing in the catalogue matches \"{}\". Try fewer or other "
                       "words, or write your own: kint intent add \"...\"\n",
                       join_words(cat->words));
            return;
        }
        if (!open) {
            std::size_t total = 0;
            for (const auto& g : groups)
                total += g.items.size();
            fmt::print(rt.out, "{} groups, {} suggested intentions. Take your time.\n\n",
                       groups.size(), total);
            for (const auto& g : groups)
                fmt::print(rt.out, "  {:<12} {:<32} {}\n", g.key, g.name,
                           paint.dim(fmt::format("{}", g.items.size())));
            fmt::print(rt.out, "\nOpen one:  kint intent catalogue --group anxiety\n"
                               "Search:    kint intent catalogue calm\n"
                               "All:       kint intent catalogue --expand\n"
                               "Choose:    kint intent add --from anxiety.5\n");
            return;
        }
        bool first = true;
        for (const auto& g : groups) {
            if (!first) fmt::print(rt.out, "\n");
            first = false;
            fmt::print(rt.out, "{} {}\n", paint.bold(g.name), paint.dim("(" + g.key + ")"));
            for (const auto& item : g.items)
                fmt::print(rt.out, "  {:<15} {}\n", paint.cyan(item.id), item.text);
            if (!g.note.empty()) fmt::print(rt.out, "  {}\n", paint.dim(g.note));
        }
        fmt::print(rt.out, "\nChoose one: kint intent add --from ID\n");
    });

    auto id_opt = [](CLI::App* cmd, Id& id) {
        cmd->add_option("id", id, "Intention id")->required()->check(id_check());
    };

    auto show_id = std::make_shared<Id>(0);
    auto* show = intent->add_subcommand("show", "Show an intention and its cues");
    id_opt(show, *show_id);
    commands.reads(show, [show_id](Runtime& rt) {
        const auto i = app::intention_or_throw(rt.store(), *show_id);
        std::vector<Cue> cues;
        for (auto& c : rt.store().cues(true))
            if (c.intention_id == i.id) cues.push_back(std::move(c));
        const Day today = rt.today();
        const auto& cfg = rt.config();
        if (rt.json()) {
            auto doc = render::to_json(i);
            auto arr = json::array();
            for (const auto& c : cues)
                arr.push(render::to_json(c, phases::habit_phase(cfg.habit_phases, c.created, today),
                                         phases::habit_week(c.created, today)));
            doc.set("cues", std::move(arr));
            rt.print(doc);
            return;
        }
        const render::Paint paint(rt.color());
        fmt::print(rt.out, "{}\n", render::intention_line(i, paint));
        fmt::print(rt.out, "      chosen {}{}\n", format_day(i.created),
                   i.catalogue_id ? " from the catalogue (" + *i.catalogue_id + ")" : "");
        if (cues.empty())
            fmt::print(rt.out,
                       "      no cues yet: kint cue add --intent {} --after \"...\" --do \"...\"\n",
                       i.id);
        for (const auto& c : cues)
            fmt::print(rt.out, "  {}\n",
                       render::cue_line(c, phases::habit_phase(cfg.habit_phases, c.created, today),
                                        phases::habit_week(c.created, today), paint));
    });

    struct EditOpts {
        Id id = 0;
        std::vector<std::string> words;
    };
    auto edit_opts = std::make_shared<EditOpts>();
    auto* edit = intent->add_subcommand("edit", "Reword an intention");
    id_opt(edit, edit_opts->id);
    edit->add_option("text", edit_opts->words, "The new wording")->required();
    commands.changes(edit, [edit_opts](Runtime& rt) {
        const std::string text = checked_text("intention", join_words(edit_opts->words));
        rt.config(); // a config error is reported before any write
        app::intention_or_throw(rt.store(), edit_opts->id);
        rt.store().write([&] { rt.store().set_intention_text(edit_opts->id, text); });
        const auto i = app::intention_or_throw(rt.store(), edit_opts->id);
        if (rt.json()) return rt.print(render::to_json(i));
        fmt::print(rt.out, "Reworded intention #{}:\n  {}\n", i.id, i.text);
    });

    auto focus_id = std::make_shared<Id>(0);
    auto* focus = intent->add_subcommand("focus", "Make an intention the focus");
    id_opt(focus, *focus_id);
    commands.changes(focus, [focus_id](Runtime& rt) {
        rt.config(); // a config error is reported before any write
        const auto before = app::intention_or_throw(rt.store(), *focus_id);
        if (before.archived)
            throw UsageError(fmt::format("intention {} is archived; add it again with 'kint intent "
                                         "add' to make it a focus",
                                         before.id));
        rt.store().write([&] { rt.store().set_focus(before.id); });
        const auto i = app::intention_or_throw(rt.store(), *focus_id);
        if (rt.json()) return rt.print(render::to_json(i));
        fmt::print(rt.out, "Focus: {}\n", i.text);
    });

    auto archive_id = std::make_shared<Id>(0);
    auto* archive = intent->add_subcommand("archive", "Archive an intention (kept in history)");
    id_opt(archive, *archive_id);
    commands.changes(archive, [archive_id](Runtime& rt) {
        rt.config(); // a config error is reported before any write
        const auto before = app::intention_or_throw(rt.store(), *archive_id);
        if (!before.archived)
            rt.store().write([&] {
                rt.store().archive_intention(before.id, rt.today());
                if (before.focus) rt.store().set_focus(std::nullopt);
            });
        const auto i = app::intention_or_throw(rt.store(), *archive_id);
        if (rt.json()) return rt.print(render::to_json(i));
        if (before.archived) {
            fmt::print(rt.out, "Intention #{} was already archived.\n", i.id);
            return;
        }
        fmt::print(rt.out, "Archived intention #{}. Its history stays.\n", i.id);
        if (before.focus)
            fmt::print(rt.out, "There is no focus now; choose one with 'kint intent focus ID'.\n");
        // Its cues are not stopped for the person: a behavior may well outlive the words.
        std::vector<std::string> running;
        for (const auto& c : rt.store().cues(false, true))
            if (c.intention_id == i.id) running.push_back(fmt::format("#{}", c.id));
        if (!running.empty())
            fmt::print(rt.out,
                       "Its cue{} {} keep{} going; 'kint cue pause ID' or 'kint cue archive ID' "
                       "when you are done with {}.\n",
                       running.size() == 1 ? "" : "s", fmt::join(running, ", "),
                       running.size() == 1 ? "s" : "", running.size() == 1 ? "it" : "them");
    });
}

} // namespace kint::cli
