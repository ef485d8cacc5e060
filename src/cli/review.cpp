// kint review: the weekly glance (SPEC §5) as text, markdown, JSON or HTML.
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/review.hpp"
#include "kint/io/files.hpp"
#include "kint/render/review_render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

void add_review(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<std::string> week, month, since, until, out;
        std::string format = "text";
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("review", "The weekly glance: how the trail is packing");
    cmd->add_option("--week", o->week, "this, last (default), an ISO week like 2026-W47, or a day");
    cmd->add_option("--month", o->month, "this, last or a month like 2026-09: summarised by week");
    cmd->add_option("--since", o->since, "Review from this day (with --until: any range)");
    cmd->add_option("--until", o->until, "Review up to this day");
    auto* format_opt = cmd->add_option("--format", o->format,
                                       "text, markdown, json or html (--json equals --format json)")
                           ->check(CLI::IsMember({"text", "markdown", "json", "html"}))
                           ->default_str("text");
    cmd->add_option("--out", o->out, "Write to FILE (atomically, no colour) instead of stdout");
    commands.reads(cmd, [o, format_opt](Runtime& rt) {
        const std::string format = format_arg(rt, *format_opt, o->format);
        // A review is read again while nothing changes (the mail, then the terminal): shown to
        // standard output, it is kept beside the store (cache::view_cache) as `today` is.
        std::optional<cache::ViewStamp> stamp;
        if (!o->out)
            stamp = rt.view_stamp(
                "review", format + option_key("week", o->week) + option_key("month", o->month) +
                              option_key("since", o->since) + option_key("until", o->until));
        if (rt.show_kept_view(stamp)) return;
        app::ReviewRequest request;
        request.week = o->week;
        request.month = o->month;
        if (o->since) request.since = day_arg(rt, o->since);
        if (o->until) request.until = day_arg(rt, o->until);
        const auto& cfg = rt.config();
        const Day today = rt.today();
        const auto period = app::review_period(cfg, today, request);
        review::Report report;
        rt.store().reading([&] { report = app::review(rt.store(), cfg, today, period); });
        const std::string doc =
            render::review_document(report, cfg, format, render::Paint(rt.color() && !o->out));
        if (o->out) return write_output(rt, o->out, doc);
        const std::string shown = format == "text" ? rt.fit(doc) : doc;
        rt.print_view(stamp, shown);
    });
}

} // namespace kint::cli
