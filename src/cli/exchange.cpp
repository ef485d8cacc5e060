// kint export / kint import: all of a person's data in one file they own, and back.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/calendar.hpp"
#include "kint/app/exchange.hpp"
#include "kint/core/error.hpp"
#include "kint/io/files.hpp"
#include "kint/render/exchange.hpp"
#include "kint/render/ics.hpp"
#include "kint/render/import.hpp"

#include "present.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

namespace {

// The export file `file` (or standard input for "-") as a Snapshot; anything else is a UsageError.
exchange::Snapshot read_export(Runtime& rt, const std::string& file) {
    constexpr std::size_t max_bytes = 512u << 20;
    try {
        // "-" reads standard input: kint export | kint --db NEW import -
        const std::string text =
            file == "-" ? read_stdin(rt, max_bytes,
                                     fmt::format("standard input holds more than {} MB; is it a "
                                                 "kint export?",
                                                 max_bytes >> 20))
                        : io::read_file(file, max_bytes);
        if (text.starts_with("record,"))
            throw json::ParseError("it is kint's CSV export, which is for spreadsheets; import "
                                   "reads the JSON export ('kint export')");
        return exchange::from_json(json::parse(text), rt.today());
    } catch (const json::ParseError& e) {
        throw UsageError(fmt::format(
            "{} is not a kint export that can be read: {}; nothing was imported", file, e.what()));
    }
}

} // namespace

void add_exchange(CLI::App& app, Commands& commands) {
    struct ExportOpts {
        std::string format = "json";
        std::optional<std::string> out;
    };
    auto eo = std::make_shared<ExportOpts>();
    auto* exp = app.add_subcommand(
        "export", "Write everything (intentions, cues, logs, ratings, journal, sessions)");
    auto* format_opt =
        exp->add_option("--format", eo->format,
                        "json (re-importable), csv (one table) or ics (the timed cues as a "
                        "calendar)")
            ->check(CLI::IsMember({"json", "csv", "ics"}))
            ->default_str("json");
    exp->add_option("--out", eo->out, "Write to FILE (atomically, mode 0600) instead of stdout");
    commands.reads(exp, [eo, format_opt](Runtime& rt) {
        const std::string format = format_arg(rt, *format_opt, eo->format);
        if (format == "ics") {
            // The local zone names the events' times (render/ics.cpp says why).
            const auto zone = app::local_time_zone(rt.env("TZ"), rt.env("TZDIR"), rt.today());
            const auto calendar = app::calendar(rt.store(), rt.config(), rt.today(), zone);
            write_output(rt, eo->out, render::ics::to_ics(calendar));
            return;
        }
        const auto snapshot = app::export_snapshot(rt.store());
        const std::string text = format == "csv" ? exchange::to_csv(snapshot)
                                                 : exchange::to_json(snapshot).dump() + "\n";
        write_output(rt, eo->out, text);
    });

    auto file = std::make_shared<std::string>();
    auto* imp = app.add_subcommand("import", "Read a JSON export into an empty store");
    imp->add_option("file", *file, "A file written by 'kint export', or - for standard input")
        ->required();
    commands.on(imp, [file](Runtime& rt) {
        const auto snapshot = read_export(rt, *file);
        present(rt, app::import_snapshot(rt.store(), snapshot));
    });
}

} // namespace kint::cli
