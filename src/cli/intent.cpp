// kint intent: directions, in positive words; one active intention is the focus.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/intent.hpp"
#include "kint/core/error.hpp"
#include "kint/render/intent.hpp"
#include "present.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

void add_intent(CLI::App& app, Commands& commands) {
    auto* intent =
        app.add_subcommand("intent", "Intentions: the direction you choose (alone: list them)");
    auto all = std::make_shared<bool>(false);
    intent->add_flag("--all", *all, "Include archived intentions");
    commands.reads(intent, [all](Runtime& rt) { present(rt, app::intent_list(rt.store(), *all)); });

    auto* list = intent->add_subcommand("list", "List active intentions (--all: archived too)");
    auto list_all = std::make_shared<bool>(false);
    list->add_flag("--all", *list_all, "Include archived intentions");
    commands.reads(list, [list_all, all](Runtime& rt) {
        present(rt, app::intent_list(rt.store(), *list_all || *all));
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
        app::IntentAddRequest request{{}, add_opts->group, add_opts->from};
        if (add_opts->from && !add_opts->words.empty())
            throw UsageError("give either the intention's text or --from ID, not both");
        if (!add_opts->from && add_opts->words.empty())
            throw UsageError("what is the intention? e.g. kint intent add \"I am open to learning "
                             "new ways to cope\", or --from anxiety.5");
        if (!add_opts->from) request.text = checked_text("intention", join_words(add_opts->words));
        present(rt, app::intent_add(rt.store(), cfg, rt.today(), request));
    });

    auto cat = std::make_shared<app::CatalogueRequest>();
    auto* catalogue = intent->add_subcommand("catalogue", "Browse suggested intentions");
    catalogue->alias("catalog");
    catalogue->add_option("words", cat->words, "Search words (case-insensitive, across groups)");
    catalogue->add_option("--group", cat->group, "Open one group by key");
    catalogue->add_flag("--expand", cat->expand, "Open every group");
    commands.reads(catalogue,
                   [cat](Runtime& rt) { present(rt, app::intent_catalogue(rt.config(), *cat)); });

    auto id_opt = [](CLI::App* cmd, Id& id) {
        cmd->add_option("id", id, "Intention id")->required()->check(id_check());
    };

    auto show_id = std::make_shared<Id>(0);
    auto* show = intent->add_subcommand("show", "Show an intention and its cues");
    id_opt(show, *show_id);
    commands.reads(show, [show_id](Runtime& rt) {
        present(rt, app::intent_show(rt.store(), rt.config(), rt.today(), *show_id));
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
        present(rt, app::intent_edit(rt.store(), edit_opts->id, text));
    });

    auto focus_id = std::make_shared<Id>(0);
    auto* focus = intent->add_subcommand("focus", "Make an intention the focus");
    id_opt(focus, *focus_id);
    commands.changes(focus, [focus_id](Runtime& rt) {
        rt.config(); // a config error is reported before any write
        present(rt, app::intent_focus(rt.store(), *focus_id));
    });

    auto archive_id = std::make_shared<Id>(0);
    auto* archive = intent->add_subcommand("archive", "Archive an intention (kept in history)");
    id_opt(archive, *archive_id);
    commands.changes(archive, [archive_id](Runtime& rt) {
        rt.config(); // a config error is reported before any write
        present(rt, app::intent_archive(rt.store(), rt.today(), *archive_id));
    });
}

} // namespace kint::cli
