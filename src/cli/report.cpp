// kint report: the handout for a session with a therapist or coach (SPEC §7.4).
#include "commands.hpp"
#include "common.hpp"

#include "kint/app/report.hpp"
#include "kint/render/report.hpp"

#include <CLI/CLI.hpp>

namespace kint::cli {

namespace {

bool ends_with_html(const std::optional<std::string>& out) {
    if (!out) return false;
    std::string lower = *out;
    for (auto& c : lower)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower.ends_with(".html") || lower.ends_with(".htm");
}

} // namespace

void add_report(CLI::App& app, Commands& commands) {
    struct Opts {
        std::optional<std::string> since, until, out;
        bool since_session = false;
        std::string format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("report", "A handout for your next session with a therapist or "
                                             "coach");
    cmd->add_option("--since", o->since, "Report from this day");
    cmd->add_flag("--since-session", o->since_session,
                  "Report from the latest session's day (the default when there is one)");
    cmd->add_option("--until", o->until, "Report up to this day (default: today)");
    auto* format_opt =
        cmd->add_option("--format", o->format,
                        "markdown (default), html (default for --out FILE.html) or json (--json "
                        "equals --format json)")
            ->check(CLI::IsMember({"markdown", "json", "html"}));
    cmd->add_option("--out", o->out, "Write to FILE (atomically) instead of stdout");
    commands.reads(cmd, [o, format_opt](Runtime& rt) {
        std::string format = format_arg(rt, *format_opt, o->format);
        if (format.empty()) format = ends_with_html(o->out) ? "html" : "markdown";
        // Shown to standard output, the handout is kept beside the store as `today` is.
        std::optional<cache::ViewStamp> stamp;
        if (!o->out)
            stamp = rt.view_stamp("report", format + option_key("since", o->since) +
                                                option_key("until", o->until) +
                                                (o->since_session ? " since-session" : ""));
        if (rt.show_kept_view(stamp)) return;
        app::ReportRequest request;
        request.since_session = o->since_session;
        if (o->since) request.since = day_arg(rt, o->since);
        if (o->until) request.until = day_arg(rt, o->until);
        const auto& cfg = rt.config();
        const Day today = rt.today();
        const auto period = app::report_period(rt.store(), today, request);
        app::ReportResult result;
        rt.store().reading([&] { result = app::report(rt.store(), cfg, today, period); });
        const std::string doc = render::report_document(result, cfg, format);
        if (o->out) return write_output(rt, o->out, doc);
        rt.print_view(stamp, doc);
    });
}

} // namespace kint::cli
