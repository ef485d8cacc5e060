#include "kint/foreign/harsh.hpp"

#include "kint/domain/merge.hpp"
#include "kint/domain/validate.hpp"
#include "plain_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

namespace kint::foreign {

namespace {

constexpr std::string_view default_intention = "Habits from harsh";
using merge::no_cue_yet;

struct Habit {
    std::string name;     // as the log names it (trimmed)
    std::string behavior; // the name as kint keeps it (no control characters)
    std::string heading;  // its category; empty: none
    bool tracked_only = false;
    std::optional<Per> per; // nullopt: daily (or tracked only)
    bool in_habits = true;  // false: only the log names it
};

struct Logged {
    LogStatus status = LogStatus::done;
    std::optional<std::string> note;
    std::optional<double> amount;
};

// A count of 1 to 9 digits, or nullopt.
std::optional<int> count(std::string_view s) {
    s = plain::trim(s);
    if (s.empty() || s.size() > 9) return std::nullopt;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

struct Reader {
    std::string_view habits_file, log_file;
    Day today;
    Source source;
    std::vector<Habit> habits;
    std::map<std::string, std::size_t, std::less<>> by_name;
    std::size_t controls = 0; // control characters left out

    [[noreturn]] void bad(std::string_view file, std::size_t line, std::string_view what) {
        throw bad_file(file, fmt::format("line {}: {}", line, what));
    }

    // A one-line text kept as `what` (a habit's name, a category), without control characters,
    // within kint's length.
    std::string one_line(std::string_view s, std::string_view file, std::size_t line,
                         std::string_view what, bool may_be_empty = false) {
        auto out = std::string(plain::trim(plain::without_controls(s, false, controls)));
        if (out.empty() && !may_be_empty)
            bad(file, line, fmt::format("{} is empty (or only invisible characters)", what));
        if (out.size() > validate::short_text_max)
            bad(file, line,
                fmt::format("{} is {} bytes long; kint keeps up to {}", what, out.size(),
                            validate::short_text_max));
        return out;
    }

    void frequency(Habit& h, std::string_view f, std::size_t line) {
        const auto bad_frequency = [&](std::string_view why) {
            bad(habits_file, line,
                fmt::format("'{}' has the frequency '{}'{}; harsh takes 1 (daily), 7 (every 7 "
                            "days), 3/7 (3 times in 7 days) or 0 (tracked only)",
                            text::sanitize_line(h.name), text::sanitize_line(f), why));
        };
        const auto slash = f.find('/');
        auto target = count(f.substr(0, slash));
        auto interval = slash == std::string_view::npos ? target : count(f.substr(slash + 1));
        if (!target || !interval) bad_frequency("");
        if (slash == std::string_view::npos) {
            if (*target == 0)
                interval = 1;
            else
                target = 1;
        }
        if (*interval == 0) bad_frequency(" (no days)");
        if (*target > *interval) bad_frequency(" (more times than days)");
        if (*target == 0) {
            h.tracked_only = true;
            return;
        }
        if (*target == *interval) return; // every day of every window: daily
        if (*interval <= per_max_days) {
            h.per = Per{*target, *interval, false};
            return;
        }
        const int times =
            std::max(1, static_cast<int>(std::lround(*target * double(per_max_days) / *interval)));
        h.per = Per{times, per_max_days, false};
        source.notes.push_back(fmt::format(
            "'{}' asks for {} in {} days; kint keeps windows of up to {} days, so it asks for {} "
            "in {} (change it with kint cue edit ID --per N/Md)",
            text::sanitize_line(h.name), *target, *interval, per_max_days, times, per_max_days));
    }

    void read_habits(std::string_view text) {
        std::string heading;
        for (const auto& [number, raw] : plain::lines_of(text)) {
            const auto line = plain::trim(raw);
            if (line.empty() || line.front() == '#') continue;
            if (line.front() == '!') {
                heading = one_line(line.substr(1), habits_file, number, "the category", true);
                continue;
            }
            const auto colon = line.rfind(':');
            if (colon == std::string_view::npos)
                bad(habits_file, number,
                    "this is neither a habit (Name: frequency), a '! Category' heading nor a "
                    "'#' comment");
            const auto name = plain::trim(line.substr(0, colon));
            if (name.empty()) bad(habits_file, number, "the habit has no name before ':'");
            Habit h;
            h.name = std::string(name);
            h.heading = heading;
            frequency(h, plain::trim(line.substr(colon + 1)), number);
            if (by_name.count(h.name)) {
                source.notes.push_back(fmt::format(
                    "'{}' is in the habits file twice; kint took the first and left out line {}",
                    text::sanitize_line(h.name), number));
                continue;
            }
            h.behavior = one_line(h.name, habits_file, number, "the habit's name");
            by_name.emplace(h.name, habits.size());
            habits.push_back(std::move(h));
        }
    }

    // The log's entries, one per habit and day (the last line counts, as in harsh).
    std::map<std::pair<std::size_t, Day>, Logged> read_log(std::string_view text) {
        std::map<std::pair<std::size_t, Day>, Logged> entries;
        std::size_t later = 0, repeated = 0, dropped_amounts = 0;
        for (const auto& [number, raw] : plain::lines_of(text)) {
            if (plain::trim(raw).empty() || plain::trim(raw).front() == '#') continue;
            // harsh ends a line with " : " and the amount, often empty; an editor that trims
            // trailing spaces leaves " :".
            std::string line(raw);
            if (line.size() >= 2 && line.compare(line.size() - 2, 2, " :") == 0) line += ' ';
            std::vector<std::string_view> fields;
            for (std::string_view rest = line;;) {
                const auto sep = rest.find(" : ");
                fields.push_back(rest.substr(0, sep));
                if (sep == std::string_view::npos) break;
                rest.remove_prefix(sep + 3);
            }
            if (fields.size() < 3)
                bad(log_file, number,
                    "this is not a harsh log line (YYYY-MM-DD : habit : y|n|s : comment : "
                    "amount)");
            const auto day_text = plain::trim(fields[0]);
            const auto day = parse_iso_day(day_text);
            if (!day)
                bad(log_file, number,
                    fmt::format("'{}' is not a day kint keeps (YYYY-MM-DD, from {} to {})",
                                text::sanitize_line(day_text), format_day(first_day),
                                format_day(last_day)));
            const auto name = plain::trim(fields[1]);
            if (name.empty()) bad(log_file, number, "the line names no habit");
            const auto status_text = plain::trim(fields[2]);
            Logged e;
            if (status_text == "y" || status_text == "Y")
                e.status = LogStatus::done;
            else if (status_text == "s" || status_text == "S")
                e.status = LogStatus::skip;
            else if (status_text == "n" || status_text == "N")
                e.status = LogStatus::slip;
            else
                bad(log_file, number,
                    fmt::format("'{}' is not y, n or s", text::sanitize_line(status_text)));
            // harsh writes `comment : amount`; a comment holding " : " itself comes apart, so
            // everything between the status and the last field is the comment.
            std::string comment;
            std::string_view amount_text;
            if (fields.size() == 4) comment = std::string(fields[3]);
            if (fields.size() >= 5) {
                for (std::size_t k = 3; k + 1 < fields.size(); ++k)
                    comment += (k > 3 ? " : " : "") + std::string(fields[k]);
                amount_text = plain::trim(fields.back());
            }
            auto note = plain::without_controls(plain::trim(comment), true, controls);
            if (note.size() > validate::long_text_max)
                bad(log_file, number,
                    fmt::format("the comment is {} bytes long; kint keeps up to {}", note.size(),
                                validate::long_text_max));
            if (!note.empty()) e.note = std::move(note);
            if (!amount_text.empty()) {
                double a = 0;
                const auto* end = amount_text.data() + amount_text.size();
                const auto [ptr, ec] = std::from_chars(amount_text.data(), end, a);
                if (ec != std::errc{} || ptr != end || !std::isfinite(a) || a < 0 || a > 1e9)
                    bad(log_file, number,
                        fmt::format("the amount '{}' is not a number from 0 to 1000000000",
                                    text::sanitize_line(amount_text)));
                a = std::round(a * 1000) / 1000;
                if (a > 0) {
                    if (e.status == LogStatus::done)
                        e.amount = a;
                    else
                        ++dropped_amounts;
                }
            }
            if (*day > today) {
                ++later;
                continue;
            }
            auto found = by_name.find(name);
            std::size_t index = 0;
            if (found != by_name.end()) {
                index = found->second;
            } else {
                Habit h;
                h.name = std::string(name);
                h.tracked_only = true;
                h.in_habits = false;
                h.behavior = one_line(h.name, log_file, number, "the habit's name");
                index = habits.size();
                by_name.emplace(h.name, index);
                habits.push_back(std::move(h));
            }
            auto [it, fresh] = entries.insert_or_assign({index, *day}, std::move(e));
            if (!fresh) ++repeated;
        }
        if (later)
            source.notes.push_back(fmt::format(
                "{} dated after today {} left out; import again once the day has come",
                plain::count_of(later, "log line", "log lines"), later == 1 ? "was" : "were"));
        if (repeated)
            source.notes.push_back(fmt::format(
                "{} repeated a habit and day already logged; the last line counts, as in harsh",
                plain::count_of(repeated, "log line", "log lines")));
        if (dropped_amounts)
            source.notes.push_back(fmt::format(
                "{} on skip or slip lines {} left out: kint keeps an amount only with done",
                plain::count_of(dropped_amounts, "amount", "amounts"),
                dropped_amounts == 1 ? "was" : "were"));
        return entries;
    }

    void build(const std::map<std::pair<std::size_t, Day>, Logged>& entries) {
        auto& r = source.records;
        // One intention per category, in the order they come; the default one first.
        std::map<std::string, Id, std::less<>> intention_of;
        const auto intention = [&](const std::string& heading) {
            const std::string name = heading.empty() ? std::string(default_intention) : heading;
            auto found = intention_of.find(name);
            if (found != intention_of.end()) return found->second;
            Intention i;
            i.id = static_cast<Id>(r.intentions.size()) + 1;
            i.text = name;
            i.created = today;
            r.intentions.push_back(i);
            intention_of.emplace(name, i.id);
            return i.id;
        };
        const bool any_default = std::any_of(habits.begin(), habits.end(), [](const Habit& h) {
            return h.heading.empty() || !h.in_habits;
        });
        if (any_default) intention("");
        std::vector<std::string> measured, unknown;
        for (std::size_t k = 0; k < habits.size(); ++k) {
            const auto& h = habits[k];
            Cue c;
            c.id = static_cast<Id>(k) + 1;
            c.intention_id = intention(h.in_habits ? h.heading : std::string());
            c.kind = h.tracked_only ? CueKind::if_ : CueKind::after;
            c.trigger = std::string(no_cue_yet);
            c.days = Schedule::daily();
            c.per = h.per;
            c.created = today;
            std::optional<Day> last;
            std::optional<double> least;
            for (auto it = entries.lower_bound({k, first_day});
                 it != entries.end() && it->first.first == k; ++it) {
                const Day day = it->first.second;
                if (!last) c.created = day;
                last = day;
                const auto& amount = it->second.amount;
                if (amount && (!least || *amount < *least)) least = amount;
                r.logs.push_back(
                    LogEntry{c.id, day, it->second.status, it->second.note, it->second.amount});
            }
            Step step{c.created, h.behavior, std::nullopt};
            if (least) {
                step.measure = Measure{*least, "", false};
                measured.push_back(fmt::format("'{}' ({})", text::sanitize_line(h.name), *least));
            }
            c.steps = {std::move(step)};
            if (!h.in_habits) {
                c.status = CueStatus::archived;
                c.archived_on = last.value_or(c.created);
                unknown.push_back(fmt::format("'{}'", text::sanitize_line(h.name)));
            }
            auto& in = r.intentions[static_cast<std::size_t>(c.intention_id) - 1];
            in.created = std::min(in.created, c.created);
            r.cues.push_back(std::move(c));
        }
        source.things =
            std::count_if(habits.begin(), habits.end(), [](const Habit& h) { return h.in_habits; });
        source.things_word = "habits";
        if (!r.cues.empty())
            source.notes.insert(source.notes.begin(),
                                "harsh's habits have no cue: give each one with kint cue edit ID "
                                "--trigger \"...\"");
        if (any_default)
            source.notes.push_back(fmt::format(
                "habits outside any '! Category' are under the intention \"{}\"; rename it with "
                "kint intent edit ID",
                default_intention));
        if (!measured.empty())
            source.notes.push_back(fmt::format(
                "harsh keeps amounts but no targets: {} {} now measured against the smallest "
                "amount you logged (in brackets), so every day harsh counted still counts; set "
                "your own with kint cue step ID --target N --unit U",
                fmt::join(measured, ", "), measured.size() == 1 ? "is" : "are"));
        if (!unknown.empty()) {
            const bool one = unknown.size() == 1;
            source.notes.push_back(fmt::format(
                "the log names {}, which {} not in the habits file (harsh shows {} nowhere); "
                "kint kept {} so {} history stays",
                fmt::join(unknown, ", "), one ? "is" : "are", one ? "it" : "them",
                one ? "it as an archived cue" : "them as archived cues", one ? "its" : "their"));
        }
        if (controls) source.notes.push_back(plain::controls_note(controls));
    }
};

} // namespace

Source parse_harsh(std::string_view habits, std::string_view log, std::string_view habits_file,
                   std::string_view log_file, Day today) {
    if (!text::valid_utf8(habits)) throw bad_file(habits_file, "it is not UTF-8 text");
    if (!text::valid_utf8(log)) throw bad_file(log_file, "it is not UTF-8 text");
    Reader reader{habits_file, log_file, today, {}, {}, {}, 0};
    reader.source.tracker = "harsh";
    reader.read_habits(habits);
    const auto entries = reader.read_log(log);
    reader.build(entries);
    return std::move(reader.source);
}

Source read_harsh(const std::string& dir, Day today) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path folder(dir);
    if (fs::is_regular_file(folder, ec)) folder = folder.parent_path();
    if (folder.empty()) folder = ".";
    const auto habits_path = (folder / "habits").string();
    const auto log_path = (folder / "log").string();
    if (!fs::exists(habits_path, ec))
        throw bad_file(dir, "it holds no harsh 'habits' file (harsh keeps its habits and log files "
                            "in ~/.config/harsh)");
    const auto habits = read_text(habits_path);
    const auto log = fs::exists(log_path, ec) ? read_text(log_path) : std::string();
    return parse_harsh(habits, log, habits_path, log_path, today);
}

} // namespace kint::foreign
