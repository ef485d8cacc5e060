// kint review: the weekly glance (SPEC §5) as text, markdown, JSON or HTML.
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/review.hpp"
#include "kint/render/review_render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

namespace {

review::Report build_report(Runtime& rt, const review::Period& period) {
    auto& store = rt.store();
    const auto& cfg = rt.config();
    const auto fetch = review::fetch_ranges(period);
    std::vector<Cue> cues;
    // Each cue's entries over the stretch its figures need, not its whole history.
    std::vector<LogEntry> logs;
    bool later = false;
    for (auto& c : store.cues(true)) {
        later = later || c.created > period.to;
        if (!review::reportable(c, period)) continue;
        for (auto& e : store.logs({review::log_range(c, period), c.id}))
            logs.push_back(std::move(e));
        cues.push_back(std::move(c));
    }
    auto ratings = store.ratings(fetch.ratings);
    if (review::low_run_at_edge(ratings, fetch.ratings, period, cfg.safety))
        ratings = store.ratings(review::wide_ratings(period));
    review::Input in{.period = period,
                     .today = rt.today(),
                     .config = cfg,
                     .cues = std::move(cues),
                     .logs = std::move(logs),
                     .ratings = std::move(ratings),
                     .journal = store.journal({fetch.journal, std::nullopt}),
                     .intentions = store.intentions(true),
                     .sessions = store.sessions()};
    auto report = review::build(in);
    report.cues_begin_later = report.cues.empty() && later;
    return report;
}

} // namespace

void add_review(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<std::string> week, since, until, out;
        std::string format = "text";
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("review", "The weekly glance: how the trail is packing");
    cmd->add_option("--week", o->week, "this, last (default), an ISO week like 2026-W47, or a day");
    cmd->add_option("--since", o->since, "Review from this day (with --until: any range)");
    cmd->add_option("--until", o->until, "Review up to this day");
    auto* format_opt = cmd->add_option("--format", o->format,
                                       "text, markdown, json or html (--json equals --format json)")
                           ->check(CLI::IsMember({"text", "markdown", "json", "html"}))
                           ->default_str("text");
    cmd->add_option("--out", o->out, "Write to FILE (atomically, no colour) instead of stdout");
    commands.reads(cmd, [o, format_opt](Runtime& rt) {
        const std::string format = format_arg(rt, *format_opt, o->format);
        const Day today = rt.today();
        std::optional<Day> since, until;
        if (o->since) since = day_arg(rt, o->since);
        if (o->until) until = day_arg(rt, o->until);
        const auto period =
            review::resolve_period(o->week, since, until, today, rt.config().week_starts);
        const auto report = build_report(rt, period);
        const auto& cfg = rt.config();
        std::string text;
        if (format == "json")
            text = render::review_json(report, cfg).dump() + "\n";
        else if (format == "markdown")
            text = render::review_markdown(report, cfg);
        else if (format == "html")
            text = render::review_html(report, cfg);
        else
            text = render::review_text(report, cfg, render::Paint(rt.color() && !o->out));
        write_output(rt, o->out, text);
    });
}

} // namespace kint::cli
