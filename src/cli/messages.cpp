// What a person reads when a command line is wrong, when output cannot be written, and in --help:
// CLI11's and the system's words said kint's way (one printable line, what to do).
#include "messages.hpp"

#include "kint/core/error.hpp"
#include "kint/core/text.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

namespace kint::cli {

namespace {

// The longest run of an argument an error repeats (in code points): a pasted 100 KB argument is
// named by its start, not echoed whole.
constexpr std::size_t echo_max = 200;

// `text` cut to `echo_max` code points (with "…") when longer.
std::string shortened(std::string_view text) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == echo_max) break;
    return i < text.size() ? std::string(text.substr(0, i)) + "…" : std::string(text);
}

// The options a person could have meant at `app`: its own, then kint's global ones.
std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* a = &app; a; a = a->get_parent())
        for (const CLI::Option* opt : a->get_options()) {
            for (const auto& n : opt->get_lnames())
                names.push_back("--" + n);
            for (const auto& n : opt->get_snames())
                names.push_back("-" + n);
        }
    return names;
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (!sub->get_group().empty()) names.push_back(sub->get_name());
    return names;
}

// " (did you mean 'today'?)" for a near miss, else nothing.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& names) {
    const auto best = text::closest(word, names);
    return best ? fmt::format(" (did you mean '{}'?)", *best) : std::string();
}

// CLI11's help with one change: "Excludes: --slip" sat in the name column, where it pushed the
// description onto a line of its own; it is said after the description instead.
class Formatter : public CLI::Formatter {
  public:
    std::string make_option_opts(const CLI::Option* opt) const override {
        std::string out = CLI::Formatter::make_option_opts(opt);
        if (const auto at = out.find(" " + get_label("Excludes") + ":"); at != std::string::npos)
            out.erase(at); // always the last part
        return out;
    }
    std::string make_option_desc(const CLI::Option* opt) const override {
        std::string out = CLI::Formatter::make_option_desc(opt);
        std::vector<std::string> names;
        for (const CLI::Option* other : opt->get_excludes())
            names.push_back(other->get_name());
        if (!names.empty()) out += fmt::format(" (not with {})", fmt::join(names, ", "));
        return out;
    }
};

} // namespace
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n') c = ' ';
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

// Line breaks become spaces; invalid UTF-8 and control characters (C0, DEL, C1) are shown as \xNN;
// a quoted argument or an unbroken word over `echo_max` characters is shortened.
std::string printable(std::string_view text) {
    std::string clean;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = text::utf8_length_at(text, i);
        const bool c1 = len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (c == '\n' || c == '\r' || c == '\t') {
            clean += ' ';
        } else if (len == 0 || c < 0x20 || c == 0x7F || c1) {
            len = std::max<std::size_t>(len, 1);
            for (std::size_t k = 0; k < len; ++k)
                clean += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i + k]));
        } else {
            clean.append(text.substr(i, len));
        }
        i += len;
    }
    while (!clean.empty() && clean.back() == ' ')
        clean.pop_back();
    // Arguments are quoted ('...') in kint's messages: the odd pieces between quotes; elsewhere a
    // path or word is one run without spaces.
    std::string out;
    std::size_t piece = 0;
    for (std::size_t at = 0; at <= clean.size(); ++piece) {
        const auto quote = std::min(clean.find('\'', at), clean.size());
        const std::string_view part = std::string_view(clean).substr(at, quote - at);
        if (piece % 2 == 1) {
            out += shortened(part);
        } else {
            for (std::size_t w = 0; w <= part.size();) {
                const auto space = std::min(part.find(' ', w), part.size());
                out += shortened(part.substr(w, space - w));
                if (space < part.size()) out += ' ';
                w = space + 1;
            }
        }
        if (quote < clean.size()) out += '\'';
        at = quote + 1;
    }
    return out;
}

void say(std::ostream& err, std::string_view message) {
    fmt::print(err, "kint: {}\n", printable(message));
}

// A full disk, /dev/full or a file-size limit is a failure (exit 1, said on stderr). A reader that
// went away (kint export | head) ends it quietly: SIGPIPE does that in the binary; EPIPE, where the
// signal is ignored, says nothing either.
int flushed(std::ostream& out, std::ostream& err, int code, bool silent) {
    errno = 0;
    out.flush();
    if (out || silent) return silent ? 0 : code;
    const int e = errno;
    if (e == EPIPE) return code == 0 ? 1 : code;
    const bool known = e == ENOSPC || e == EDQUOT || e == EFBIG || e == EIO || e == EBADF;
    say(err, fmt::format("could not write the output{}{}; check there is free space on the disk "
                         "and the file it goes to is writable",
                         known ? ": " : "", known ? std::strerror(e) : ""));
    return 1;
}

std::string command_path(const CLI::App* app) {
    std::string path;
    for (; app && app->get_parent(); app = app->get_parent())
        path = app->get_name() + (path.empty() ? "" : " " + path);
    return path.empty() ? "kint" : "kint " + path;
}

const CLI::App* deepest(const CLI::App& app) {
    const CLI::App* where = &app;
    for (auto subs = app.get_subcommands(); !subs.empty(); subs = where->get_subcommands())
        where = subs.front();
    return where;
}

// "kint log list --day 3" reaches 'log''s --day through CLI11's fallthrough.
void refuse_parent_options(const CLI::App& where) {
    for (const CLI::App* up = where.get_parent(); up && up->get_parent(); up = up->get_parent())
        for (const CLI::Option* opt : up->get_options()) {
            if (!opt->nonpositional() || opt->count() == 0) continue;
            const std::string name = opt->get_name();
            const bool ranged = where.get_option_no_throw("--since") != nullptr;
            throw UsageError(fmt::format(
                "'{}' is not an option of '{}'{}; see '{} --help'", name, command_path(&where),
                ranged && name == "--day" ? "; for one day give --since DAY --until DAY" : "",
                command_path(&where)));
        }
}

std::string usage_message(const CLI::ParseError& e, const CLI::App& where) {
    std::string text = one_line(e.what());
    const auto ends_with = [&](std::string_view tail) {
        return text.size() >= tail.size() &&
               text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (dynamic_cast<const CLI::ExtrasError*>(&e) || dynamic_cast<const CLI::RequiredError*>(&e)) {
        // "kint bogus" arrives as a missing subcommand; "kint log 1 2" as extras.
        // What CLI11 could not place; an unknown option passes up to kint itself (fallthrough).
        std::vector<std::string> extras;
        for (const CLI::App* app = &where; app; app = app->get_parent())
            for (const auto& w : app->remaining())
                extras.push_back(w);
        // An unknown option is the mistake to name, not the value typed after it ("-1" is a day).
        const auto is_option = [](const std::string& w) {
            return w.size() > 1 && w[0] == '-' && !std::isdigit(static_cast<unsigned char>(w[1]));
        };
        std::string word;
        if (const auto opt = std::find_if(extras.begin(), extras.end(), is_option);
            opt != extras.end())
            word = one_line(*opt);
        else if (!extras.empty())
            word = one_line(extras.front());
        else if (const auto colon = text.find("expected: "); colon != std::string::npos)
            word = text.substr(colon + 10, text.find(' ', colon + 10) - colon - 10);
        if (!word.empty()) {
            const std::string what =
                where.get_parent() ? fmt::format("'{}'", command_path(&where)) : "kint";
            if (is_option(word)) {
                const std::string name = word.substr(0, word.find('='));
                return fmt::format("'{}' is not an option of {}{}", name, what,
                                   did_you_mean(name, option_names(where)));
            }
            if (!where.get_parent())
                return fmt::format("'{}' is not a kint command{}", word,
                                   did_you_mean(word, command_names(where)));
            return fmt::format("'{}' was not expected after {}", word, what);
        }
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && ends_with(" missing")) {
        // "--day: 1 required TEXT missing"
        return fmt::format("{} needs a value", text.substr(0, text.find(':')));
    }
    if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
        // "--all excludes --count"
        if (const auto at = text.find(" excludes "); at != std::string::npos)
            return fmt::format("{} and {} do not go together; give one of them", text.substr(0, at),
                               text.substr(at + 10));
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) &&
        text.find(": At Most ") != std::string::npos) {
        // "--week: At Most 1 required but received 2"
        return fmt::format("{} was given more than once; give it once",
                           text.substr(0, text.find(':')));
    }
    if (dynamic_cast<const CLI::ValidationError*>(&e)) {
        // A positional's name adds nothing to kint's own check message: "value: '11' is not a
        // rating..." says "'11' is not a rating...". An option's name stays ("--intent: ...").
        if (const auto colon = text.find(": '");
            colon != std::string::npos && text[0] != '-' && text.find(' ') > colon)
            return text.substr(colon + 2);
        // "--count: Value x not in range 1 to 20", "--format: pdf not in {text,markdown}"
        if (auto at = text.find(": Value "), range = text.find(" not in range "),
            to = text.rfind(" to ");
            at != std::string::npos && range != std::string::npos && to > range)
            return fmt::format("{}: '{}' is not a whole number from {} to {}", text.substr(0, at),
                               text.substr(at + 8, range - at - 8),
                               text.substr(range + 14, to - range - 14), text.substr(to + 4));
        if (auto at = text.find(": "), in = text.rfind(" not in {");
            at != std::string::npos && in != std::string::npos && ends_with("}")) {
            std::string choices = text.substr(in + 9, text.size() - in - 10);
            for (auto comma = choices.find(','); comma != std::string::npos;
                 comma = choices.find(',', comma + 2))
                choices.replace(comma, 1, ", ");
            return fmt::format("{}: '{}' is not one of {}", text.substr(0, at),
                               text.substr(at + 2, in - at - 2), choices);
        }
    }
    return text;
}

std::shared_ptr<CLI::Formatter> help_formatter() {
    return std::make_shared<Formatter>();
}

} // namespace kint::cli
