// kint start: the quick starter plan as a guided first run (plain commands without a terminal).
#include "kint/io/files.hpp"
#include "commands.hpp"
#include "common.hpp"

#include "kint/core/error.hpp"
#include "kint/render/render.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fstream>
#include <unistd.h>

namespace kint::cli {

namespace {

// Thrown when the person closes input (Ctrl-D): nothing is saved.
struct Stopped {};

class Guide {
  public:
    explicit Guide(Runtime& rt) : m_rt(rt), m_paint(rt.color()) {}

    std::string ask(std::string_view question, std::string_view hint = {}) {
        fmt::print(m_rt.out, "\n{}\n", m_paint.bold(question));
        if (!hint.empty()) fmt::print(m_rt.out, "{}\n", m_paint.dim(hint));
        fmt::print(m_rt.out, "> ");
        m_rt.out.flush();
        std::string line;
        if (!std::getline(m_rt.in, line)) throw Stopped{};
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) return {};
        return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    }

    // Asks until `check` accepts the answer (it throws UsageError to explain what to change).
    template <typename Check>
    auto ask_until(std::string_view question, std::string_view hint, Check check) {
        while (true) {
            const std::string answer = ask(question, hint);
            try {
                return check(answer);
            } catch (const UsageError& e) {
                fmt::print(m_rt.out, "{}\n", m_paint.yellow(e.what()));
            }
        }
    }

    // A [Y/n] or [y/N] question: an empty answer takes the default; anything but yes or no is
    // asked again rather than taken as one.
    bool ask_yes_no(std::string_view question, bool default_yes, std::string_view hint = {}) {
        return ask_until(fmt::format("{} {}", question, default_yes ? "[Y/n]" : "[y/N]"), hint,
                         [&](const std::string& answer) {
                             std::string a;
                             for (const char c : answer)
                                 a +=
                                     static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                             if (a.empty()) return default_yes;
                             if (a == "y" || a == "yes") return true;
                             if (a == "n" || a == "no") return false;
                             throw UsageError("Please answer y or n.");
                         });
    }

    void say(std::string_view text) { fmt::print(m_rt.out, "{}\n", text); }
    const render::Paint& paint() const { return m_paint; }

  private:
    Runtime& m_rt;
    render::Paint m_paint;
};

struct Choice {
    std::string text;
    std::optional<std::string> group, catalogue_id;
};

Choice choose_intention(Guide& g, const config::Config& cfg) {
    return g.ask_until(
        "1. Pick one intention.",
        "Type words to search the catalogue (e.g. calm, grief, creative), an id like anxiety.5,\n"
        "or write your own intention in positive words.",
        [&](const std::string& answer) -> Choice {
            if (answer.empty()) throw UsageError("Take your time. A few words are enough.");
            if (const auto* item = cfg.find_item(answer))
                return {item->text, item->id.substr(0, item->id.find('.')), item->id};
            std::vector<const config::CatalogueItem*> hits;
            std::string lower_answer = answer;
            std::transform(lower_answer.begin(), lower_answer.end(), lower_answer.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            for (const auto& grp : cfg.catalogue)
                for (const auto& item : grp.items) {
                    std::string text = item.text;
                    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
                        return static_cast<char>(std::tolower(c));
                    });
                    if (text.find(lower_answer) != std::string::npos) hits.push_back(&item);
                }
            if (hits.empty()) {
                const std::string text = checked_text("intention", answer);
                if (g.ask_yes_no(fmt::format("Use \"{}\" as your own intention?", text), true))
                    return {text, {}, {}};
                throw UsageError("All right, try other words or an id.");
            }
            const std::size_t shown = std::min<std::size_t>(hits.size(), 9);
            g.say("");
            for (std::size_t i = 0; i < shown; ++i)
                g.say(
                    fmt::format("  {}  {}  {}", i + 1, hits[i]->text, g.paint().dim(hits[i]->id)));
            if (hits.size() > shown)
                g.say(g.paint().dim(fmt::format("  ... and {} more", hits.size() - shown)));
            const std::string pick = g.ask("Which one? (a number, or Enter to search again)");
            if (pick.size() == 1 && pick[0] >= '1' && pick[0] <= static_cast<char>('0' + shown)) {
                const auto* item = hits[static_cast<std::size_t>(pick[0] - '1')];
                return {item->text, item->id.substr(0, item->id.find('.')), item->id};
            }
            throw UsageError("Let's look again.");
        });
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    for (std::size_t at = 0, end; at < text.size(); at = end + 1) {
        end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(at, end - at));
    }
    return lines;
}

std::string read_text_if_any(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Appends to a shell's rc file (its folders made when missing, as for fish). What kint creates is
// private: folders 0700, a new file 0600; an existing file keeps its mode. False when it cannot.
bool append_text(const std::string& path, std::string_view text) {
    if (io::make_private_folders(io::missing_folders(path)) != 0) return false;
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = true;
    for (std::size_t done = 0; ok && done < text.size();) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    return ::close(fd) == 0 && ok;
}

// As examples/crontab has them: cron's own PATH lacks /usr/local/bin, where `cmake --install` puts
// kint.
const std::string cron_lines = "PATH=/usr/local/bin:/usr/bin:/bin\n"
                               "0 8 * * mon  kint review --week last --format markdown\n";

// The prompt hook and the weekly mail, as lines to copy: for the person's shell (`done`: its rc
// file has them already), or for all three shells when it is none of them.
void print_shell_and_cron(Runtime& rt, const std::optional<ShellSetup>& done) {
    const auto setup = shell_setup(rt);
    if (!done) {
        fmt::print(rt.out, "\nA gentle mood reminder in your shell prompt: add these lines to ");
        if (setup) {
            fmt::print(rt.out, "{}\n", setup->rc_file);
            for (const auto& line : split_lines(setup->lines))
                fmt::print(rt.out, "  {}\n", line);
        } else {
            fmt::print(rt.out, "your shell's rc file\n");
            for (const char* shell : {"bash", "zsh", "fish"}) {
                fmt::print(rt.out, "  {}:\n", shell);
                for (const auto& line : split_lines(shell_setup_lines(shell)))
                    fmt::print(rt.out, "    {}\n", line);
            }
        }
    }
    fmt::print(rt.out, "The weekly review by mail, in 'crontab -e' (cron mails it to you):\n");
    for (const auto& line : split_lines(cron_lines))
        fmt::print(rt.out, "  {}\n", line);
}

// Appends the hook's lines to the person's rc file when they say yes; never twice.
void offer_shell_hook(Guide& g, Runtime& rt) {
    const auto setup = shell_setup(rt);
    std::optional<ShellSetup> done;
    if (setup) {
        const std::string existing = read_text_if_any(setup->rc_file);
        if (existing.find("kint hook init") != std::string::npos) {
            g.say(g.paint().dim(
                fmt::format("\nYour {} loads kint's prompt hook already.", setup->rc_file)));
            done = setup;
        } else {
            if (g.ask_yes_no(
                    fmt::format("Show a gentle mood reminder in your {} prompt?", setup->shell),
                    false,
                    fmt::format("This adds two lines to {}:\n  {}", setup->rc_file,
                                fmt::join(split_lines(setup->lines), "\n  ")))) {
                const std::string block =
                    (existing.empty() || existing.back() == '\n' ? "" : "\n") +
                    std::string("# kint: the prompt segment (kint hook init)\n") + setup->lines;
                if (append_text(setup->rc_file, block)) {
                    g.say(g.paint().green(
                        fmt::format("Added to {}; it shows in new shells.", setup->rc_file)));
                    done = setup;
                } else {
                    g.say(g.paint().yellow(fmt::format(
                        "{} could not be written; the lines are below.", setup->rc_file)));
                }
            }
        }
    }
    g.say("");
    print_shell_and_cron(rt, done);
}

} // namespace

void add_start(CLI::App& app, Commands& commands) {
    auto* cmd =
        app.add_subcommand("start", "A guided first run: the quick starter plan, step by step");
    commands.on(cmd, [](Runtime& rt) {
        const auto& cfg = rt.config();
        if (rt.json()) {
            // The starter plan itself: the guide asks questions, which JSON cannot.
            auto steps = json::array();
            for (const auto& s : cfg.starter.steps)
                steps.push(s);
            return rt.print(
                json::object().set("title", cfg.starter.title).set("steps", std::move(steps)));
        }
        if (!rt.interactive()) {
            fmt::print(rt.out, "{}\n", cfg.starter.title);
            for (const auto& s : cfg.starter.steps)
                fmt::print(rt.out, "  - {}\n", s);
            fmt::print(
                rt.out,
                "\nkint start guides you through it on a terminal. The same, as plain commands:\n"
                "  kint intent catalogue --expand                  1. pick an intention...\n"
                "  kint intent add --from anxiety.5                   ...by its id, or write your "
                "own:\n"
                "  kint intent add \"I am open to learning new ways to cope\"\n"
                "  kint cue add --after \"I pour my coffee\" --do \"write one sentence\" --at "
                "08:00\n"
                "                                                  2-4. one tiny behavior, one "
                "cue, one time\n"
                "  kint log 1                                      each day you do it\n"
                "  kint rate 6                                     5. one number a day, 0-10\n"
                "  kint review                                     and a weekly glance\n"
                "  kint cue step 1 \"write three sentences\"         6. adjust the step size, not "
                "the direction\n");
            print_shell_and_cron(rt, {});
            return;
        }
        Guide g(rt);
        const auto& p = g.paint();
        g.say(p.bold(cfg.starter.title));
        for (const auto& s : cfg.starter.steps)
            g.say("  - " + s);
        g.say(p.dim("Ctrl-D stops at any point; nothing is saved until the end."));
        bool saved = false;
        try {
            const Choice intention = choose_intention(g, cfg);
            g.say(p.green("Direction: " + intention.text));

            const std::string behavior =
                g.ask_until("2. Choose one tiny repeatable behavior that matches it.",
                            "Under two minutes: \"write one sentence\", \"three slow breaths\", "
                            "\"send one kind text\".",
                            [](const std::string& a) { return checked_text("behavior", a); });

            struct Marker {
                CueKind kind;
                std::string trigger;
            };
            const Marker marker = g.ask_until(
                "3. Place one cue where you will see it.",
                "Something you already do: \"after I pour my coffee\". Or an if-then plan: \"if I "
                "feel\n"
                "anger rising\". Or a place you pass: \"at my desk\", \"at the front door\".",
                [](const std::string& a) -> Marker {
                    auto strip = [&](std::string_view prefix) {
                        return checked_text("cue", std::string_view(a).substr(prefix.size()));
                    };
                    if (a.rfind("after ", 0) == 0) return {CueKind::after, strip("after ")};
                    if (a.rfind("if ", 0) == 0) return {CueKind::if_, strip("if ")};
                    if (a.rfind("at ", 0) == 0) return {CueKind::place, strip("at ")};
                    if (a.rfind("place ", 0) == 0) return {CueKind::place, strip("place ")};
                    return {CueKind::after, checked_text("cue", a)};
                });

            const std::optional<Minutes> at =
                g.ask_until("4. Choose the time you will do it daily.",
                            "HH:MM, e.g. 08:00 (Enter for no set time).",
                            [](const std::string& a) -> std::optional<Minutes> {
                                if (a.empty()) return std::nullopt;
                                return clock_arg("the time", a);
                            });

            store::NewCue nc{0,          marker.kind, marker.trigger, at, Schedule::daily(),
                             rt.today(), behavior};
            const std::string note = (app::young_cue_active(rt.store(), nc.created) ? rt.config().guidance.second_cue : std::string());
            Id intention_id = 0, cue_id = 0;
            rt.store().write([&] {
                auto& s = rt.store();
                intention_id = s.add_intention(intention.text, intention.group,
                                               intention.catalogue_id, rt.today());
                s.set_focus(intention_id);
                nc.intention_id = intention_id;
                cue_id = s.add_cue(nc);
            });
            const auto cue = app::cue_or_throw(rt.store(), cue_id);
            g.say("");
            g.say(p.green(fmt::format("Saved. Intention #{} is your focus; cue #{}: {}, {}{}.",
                                      intention_id, cue_id, render::trigger_phrase(cue), behavior,
                                      at ? " at " + format_clock(*at) : "")));
            // The rest of the plan, each step with its command in one column.
            auto next = [&](std::string_view step, const std::string& command) {
                g.say(fmt::format("{:<60}{}", step, command));
            };
            g.say("");
            next("5. Do it daily at the same time for two weeks, and log it:",
                 fmt::format("kint log {}", cue_id));
            next("   Track one number each day:", "kint rate 0-10");
            next("   Review weekly:", "kint review");
            next("6. Then adjust the step size, not the direction:",
                 fmt::format("kint cue step {} \"...\"", cue_id));
            if (!note.empty()) g.say("\n" + p.yellow(note));
            saved = true;
            offer_shell_hook(g, rt);
        } catch (const Stopped&) {
            if (!saved)
                fmt::print(rt.out,
                           "\nStopped. Nothing was saved; run 'kint start' again any time.\n");
        }
    });
}

} // namespace kint::cli
