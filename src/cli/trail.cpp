// kint trail: a cue's whole life (or every active cue's) as text, markdown, JSON or HTML.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/trail.hpp"
#include "kint/render/trail.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <fmt/format.h>

namespace kint::cli {

namespace {

// The terminal's width, else the width the shell exports (COLUMNS), else 80: the heatmap's
// blocks and the words fit it.
int text_width(Runtime& rt) {
    if (const int terminal = rt.width(); terminal > 0) return terminal;
    const auto columns = rt.env("COLUMNS");
    int width = 0;
    if (!columns ||
        std::from_chars(columns->data(), columns->data() + columns->size(), width).ec !=
            std::errc{} ||
        width < 20 || width > 1000)
        return 80;
    return width;
}

} // namespace

void add_trail(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<Id> cue;
        std::optional<std::string> since, until, out;
        std::string format = "text";
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("trail", "A cue's whole life: heatmap, strength, steps, mood");
    cmd->add_option("cue", o->cue, "Cue id (default: every active cue)")->check(id_check());
    cmd->add_option("--since", o->since, "Show from this day (default: each cue's creation)");
    cmd->add_option("--until", o->until, "Show up to this day (default: today)");
    auto* format_opt = cmd->add_option("--format", o->format,
                                       "text, markdown, json or html (--json equals --format json)")
                           ->check(CLI::IsMember({"text", "markdown", "json", "html"}))
                           ->default_str("text");
    cmd->add_option("--out", o->out, "Write to FILE (atomically, no colour) instead of stdout");
    commands.reads(cmd, [o, format_opt](Runtime& rt) {
        const std::string format = format_arg(rt, *format_opt, o->format);
        const render::Paint paint(rt.color() && !o->out);
        const int width = o->out ? 80 : text_width(rt);
        // Shown to standard output, a trail is kept beside the store as `today` is, written as it
        // is printed (a ten-year trail is 3.5 MB in JSON, 4.9 MB in HTML: never held whole).
        std::optional<cache::ViewStamp> stamp;
        if (!o->out)
            stamp = rt.view_stamp(
                "trail", fmt::format("{} {}{}{}{}", format, width,
                                     o->cue ? fmt::format(" cue={}", *o->cue) : std::string(),
                                     option_key("since", o->since), option_key("until", o->until)));
        if (rt.show_kept_view(stamp)) return;
        app::TrailRequest request;
        request.cue = o->cue;
        if (o->since) request.since = day_arg(rt, o->since);
        if (o->until) request.until = day_arg(rt, o->until);
        const auto draw = [&](const render::TrailWriter::Emit& emit) {
            render::TrailWriter writer(format, paint, width, emit);
            rt.store().reading(
                [&] { app::trail(rt.store(), rt.config(), rt.today(), request, writer); });
        };
        if (o->out) return write_output(rt, o->out, draw);
        ViewRecorder recorder(rt, stamp);
        draw([&](std::string_view piece) { recorder.print(piece); });
        recorder.finish();
    });
}

} // namespace kint::cli
