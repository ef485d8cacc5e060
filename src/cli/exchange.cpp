// kint export / kint import: all of a person's data in one file they own, and back.
#include "commands.hpp"
#include "common.hpp"
#include "kint/io/files.hpp"

#include "kint/core/error.hpp"
#include "kint/render/exchange.hpp"
#include "kint/render/render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

void add_exchange(CLI::App& app, Commands& commands) {
    struct ExportOpts {
        std::string format = "json";
        std::optional<std::string> out;
    };
    auto eo = std::make_shared<ExportOpts>();
    auto* exp = app.add_subcommand(
        "export", "Write everything (intentions, cues, logs, ratings, journal, sessions)");
    auto* format_opt =
        exp->add_option("--format", eo->format, "json (re-importable) or csv (one table)")
            ->check(CLI::IsMember({"json", "csv"}))
            ->default_str("json");
    exp->add_option("--out", eo->out, "Write to FILE (atomically, mode 0600) instead of stdout");
    commands.reads(exp, [eo, format_opt](Runtime& rt) {
        const std::string format = format_arg(rt, *format_opt, eo->format);
        const auto snapshot = rt.store().dump();
        const std::string text = format == "csv" ? exchange::to_csv(snapshot)
                                                 : exchange::to_json(snapshot).dump() + "\n";
        write_output(rt, eo->out, text);
    });

    auto file = std::make_shared<std::string>();
    auto* imp = app.add_subcommand("import", "Read a JSON export into an empty store");
    imp->add_option("file", *file, "A file written by 'kint export', or - for standard input")
        ->required();
    commands.on(imp, [file](Runtime& rt) {
        constexpr std::size_t max_bytes = 512u << 20;
        exchange::Snapshot snapshot;
        try {
            // "-" reads standard input: kint export | kint --db NEW import -
            const std::string text =
                *file == "-" ? read_stdin(rt, max_bytes,
                                          fmt::format("standard input holds more than {} MB; is "
                                                      "it a kint export?",
                                                      max_bytes >> 20))
                             : io::read_file(*file, max_bytes);
            if (text.starts_with("record,"))
                throw json::ParseError("it is kint's CSV export, which is for spreadsheets; "
                                       "import reads the JSON export ('kint export')");
            snapshot = exchange::from_json(json::parse(text), rt.today());
        } catch (const json::ParseError& e) {
            throw UsageError(
                fmt::format("{} is not a kint export that can be read: {}; nothing was "
                            "imported",
                            *file, e.what()));
        }
        auto& store = rt.store();
        if (!store.empty())
            throw UsageError(fmt::format("the store {} already holds data; import into a new store "
                                         "(--db NEW_PATH) so nothing is mixed or lost",
                                         store.path()));
        store.write([&] { store.load(snapshot); });
        if (rt.json())
            return rt.print(
                json::object()
                    .set("intentions", static_cast<std::int64_t>(snapshot.intentions.size()))
                    .set("cues", static_cast<std::int64_t>(snapshot.cues.size()))
                    .set("logs", static_cast<std::int64_t>(snapshot.logs.size()))
                    .set("ratings", static_cast<std::int64_t>(snapshot.ratings.size()))
                    .set("journal", static_cast<std::int64_t>(snapshot.journal.size()))
                    .set("sessions", static_cast<std::int64_t>(snapshot.sessions.size())));
        fmt::print(rt.out, "Imported {}, {}, {}, {}, {} and {} into {}.\n",
                   render::plural(snapshot.intentions.size(), "intention", "intentions"),
                   render::plural(snapshot.cues.size(), "cue", "cues"),
                   render::plural(snapshot.logs.size(), "log entry", "log entries"),
                   render::plural(snapshot.ratings.size(), "rating", "ratings"),
                   render::plural(snapshot.journal.size(), "journal entry", "journal entries"),
                   render::plural(snapshot.sessions.size(), "session", "sessions"), store.path());
    });
}

} // namespace kint::cli
