// kint review: the weekly glance (SPEC §5) as text, markdown, JSON or HTML.
#include "commands.hpp"
#include "common.hpp"

#include "kint/error.hpp"
#include "kint/review.hpp"
#include "kint/review_render.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>

namespace kint::cli {

namespace {

review::Report build_report(Runtime& rt, const review::Period& period) {
    auto& store = rt.store();
    const auto& cfg = rt.config();
    const auto fetch = review::fetch_ranges(period);
    std::vector<Cue> cues;
    for (auto& c : store.cues(true))
        if (review::reportable(c, period)) cues.push_back(std::move(c));
    review::Input in{.period = period,
                     .today = rt.today(),
                     .config = cfg,
                     .cues = std::move(cues),
                     .logs = store.logs({fetch.logs, std::nullopt}),
                     .ratings = store.ratings(fetch.ratings),
                     .journal = store.journal({fetch.journal, std::nullopt}),
                     .intentions = store.intentions(true),
                     .sessions = store.sessions()};
    return review::build(in);
}

// Writes `text` to `path` through a temp file and rename, so a reader never sees half a review.
void write_atomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".kint-tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw Error(fmt::format("cannot write {}: {}", path, std::strerror(errno)), 1);
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            const int e = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(fmt::format("cannot write {}: {}", path, std::strerror(e)), 1);
        }
        done += static_cast<std::size_t>(n);
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        throw Error(fmt::format("cannot write {}: {}", path, std::strerror(e)), 1);
    }
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
    cmd->add_option("--format", o->format, "text, markdown, json or html (--json equals --format json)")
        ->check(CLI::IsMember({"text", "markdown", "json", "html"}))
        ->default_str("text");
    cmd->add_option("--out", o->out, "Write to FILE (atomically, no colour) instead of stdout");
    commands.on(cmd, [o](Runtime& rt) {
        const Day today = rt.today();
        std::optional<Day> since, until;
        if (o->since) since = day_arg(rt, o->since);
        if (o->until) until = day_arg(rt, o->until);
        const auto period = review::resolve_period(o->week, since, until, today, rt.config().week_starts);
        const auto report = build_report(rt, period);
        const auto& cfg = rt.config();
        const std::string format = rt.json() ? "json" : o->format;
        std::string text;
        if (format == "json")
            text = render::review_json(report, cfg).dump() + "\n";
        else if (format == "markdown")
            text = render::review_markdown(report, cfg);
        else if (format == "html")
            text = render::review_html(report, cfg);
        else
            text = render::review_text(report, cfg, render::Paint(rt.color() && !o->out));
        if (o->out) {
            write_atomically(*o->out, text);
            return;
        }
        rt.out << text;
    });
}

} // namespace kint::cli
