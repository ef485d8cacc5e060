// kint export / kint import: all of a person's data in one file they own, and back.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/calendar.hpp"
#include "kint/app/exchange.hpp"
#include "kint/core/error.hpp"
#include "kint/foreign/daylio.hpp"
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
        const auto doc = json::parse(text);
        if (const auto* canonical = doc.find("canonical");
            canonical && !canonical->is_null() && canonical->as_bool("canonical"))
            throw UsageError(fmt::format("{} is a canonical export, for comparing stores; import "
                                         "reads a plain 'kint export'; nothing was imported",
                                         file));
        return exchange::from_json(doc, rt.today());
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
        bool canonical = false;
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
    exp->add_flag("--canonical", eo->canonical,
                  "The JSON without this store's ids, ordered by uid: two stores that hold the "
                  "same records write the same file (for comparing them; import refuses it)");
    commands.reads(exp, [eo, format_opt](Runtime& rt) {
        const std::string format = format_arg(rt, *format_opt, eo->format);
        if (eo->canonical && format != "json")
            throw UsageError(fmt::format("--canonical is a form of the JSON export; leave out "
                                         "--format {} or --canonical",
                                         format));
        if (eo->canonical) {
            const auto snapshot = app::export_snapshot(rt.store());
            write_output(rt, eo->out, exchange::to_canonical_json(snapshot).dump() + "\n");
            return;
        }
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

    struct ImportOpts {
        std::string file;
        std::optional<std::string> from;
        bool dry_run = false;
        std::vector<std::string> moods;
    };
    auto io = std::make_shared<ImportOpts>();
    auto* imp = app.add_subcommand(
        "import", "Merge a kint export, or another tracker's history (--from), into the store");
    imp->add_option("file", io->file,
                    "A file written by 'kint export' (or - for standard input), or with --from "
                    "the other tracker's file or folder")
        ->required();
    std::vector<std::string> trackers(std::begin(app::import_trackers),
                                      std::end(app::import_trackers));
    imp->add_option("--from", io->from,
                    "Read another tracker's history: loop (a backup or CSV export of Loop Habit "
                    "Tracker), harsh (its folder), daylio (its CSV export), jrnl (a journal or "
                    "its JSON export)")
        ->check(CLI::IsMember(trackers));
    imp->add_flag("--dry-run", io->dry_run, "Show what would be added and skipped; write nothing");
    imp->add_option("--mood", io->moods,
                    "With --from daylio: a mood's number, LABEL=N (0-10); repeatable. Defaults: "
                    "awful=1 bad=3 meh=5 good=7 rad=9")
        ->type_name("LABEL=N");
    commands.on(imp, [io](Runtime& rt) {
        if (!io->moods.empty() && io->from != "daylio")
            throw UsageError("--mood is for Daylio's moods; give it with --from daylio");
        // A dry run reads: with no store yet it plans against an empty one and creates none.
        if (io->dry_run) rt.set_access(Access::reads);
        if (!io->from) {
            const auto snapshot = read_export(rt, io->file);
            const foreign::Source source{"a kint export", snapshot, 0, {}, {}};
            present(rt, app::import(rt.store(), source, io->file, rt.today(), io->dry_run));
            return;
        }
        app::ImportRequest request{*io->from, io->file, {}};
        for (const auto& m : io->moods)
            request.moods.push_back(foreign::parse_mood_option(m));
        const auto source = app::read_source(request, rt.today());
        present(rt, app::import(rt.store(), source, io->file, rt.today(), io->dry_run));
    });
}

} // namespace kint::cli
