// kint journal: free text for a day, optionally answering a prompt, with tags and an insight kind.
#include "kint/app/journal.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "kint/render/journal.hpp"
#include "present.hpp" // after the renderers it calls

#include "kint/core/error.hpp"
#include "kint/core/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace kint::cli {

namespace {
std::string checked_tag(const std::string& raw) {
    std::string tag;
    for (char c : raw)
        tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!text::is_tag(tag))
        throw UsageError(fmt::format("'{}' is not a tag; use one word of letters, digits, - or _ "
                                     "(e.g. win, obstacle, insight)",
                                     raw));
    return tag;
}
} // namespace

void add_journal(CLI::App& app, Commands& commands) {
    auto* journal = app.add_subcommand("journal", "Journal entries: a few sentences a day");
    journal->require_subcommand(1);

    struct AddOpts {
        std::vector<std::string> words, tags;
        std::optional<std::string> kind, prompt, day;
    };
    auto o = std::make_shared<AddOpts>();
    auto* add = journal->add_subcommand("add", "Write an entry");
    add->add_option("text", o->words, "What you want to keep; - reads it from stdin")->required();
    // One word per --tag (repeat it for more), so the entry text may follow it.
    add->add_option("--tag,-t", o->tags,
                    "A tag: win, obstacle, insight, felt, mattered, remember, ... (repeatable)")
        ->allow_extra_args(false);
    add->add_option("--kind", o->kind,
                    "For insights: actionable, understanding or acceptance (adds the tag insight)")
        ->check(CLI::IsMember(std::vector<std::string>(validate::journal_kinds.begin(),
                                                       validate::journal_kinds.end())));
    add->add_option("--prompt", o->prompt, "The prompt id it answers (see 'kint prompts --all')");
    add->add_option("--day", o->day, "Day: YYYY-MM-DD, today, yesterday or -N (default today)");
    commands.on(add, [o](Runtime& rt) {
        const auto& cfg = rt.config(); // a config error is reported before any write
        app::JournalAddRequest request;
        std::string text = join_words(o->words);
        if (text == "-")
            text = read_stdin(rt, long_text_max,
                              fmt::format("the journal entry on stdin is longer than {} KB; keep "
                                          "it shorter or split it into several entries",
                                          long_text_max >> 10));
        request.text = checked_text("journal entry", text, long_text_max, true);
        for (const auto& t : o->tags)
            request.tags.push_back(checked_tag(t));
        request.kind = o->kind;
        request.prompt = o->prompt;
        request.day = past_day_arg(rt, o->day, "the journal holds");
        present(rt, app::journal_add(rt.store(), cfg, request));
    });

    auto rm_id = std::make_shared<Id>(0);
    auto* rm = journal->add_subcommand("rm", "Remove an entry (its text is erased from the store)");
    rm->add_option("id", *rm_id, "The entry's id (see 'kint journal list')")
        ->required()
        ->check(id_check());
    commands.changes(rm,
                     [rm_id](Runtime& rt) { present(rt, app::journal_rm(rt.store(), *rm_id)); });

    struct ListOpts {
        std::optional<std::string> since, until, tag;
    };
    auto lo = std::make_shared<ListOpts>();
    auto* list = journal->add_subcommand("list", "List entries");
    list->add_option("--since", lo->since,
                     "From this day (inclusive): YYYY-MM-DD, today, yesterday or -N");
    list->add_option("--until", lo->until, "Up to this day (inclusive)");
    list->add_option("--tag,-t", lo->tag, "Only entries with this tag");
    commands.reads(list, [lo](Runtime& rt) {
        const DayRange range = range_args(rt, lo->since, lo->until);
        std::optional<std::string> tag;
        if (lo->tag) tag = checked_tag(*lo->tag);
        const auto* cfg = rt.json() ? nullptr : &rt.config(); // the prompts' text, for text only
        present(rt, app::journal_list(rt.store(), {range, tag}, cfg));
    });
}

} // namespace kint::cli
