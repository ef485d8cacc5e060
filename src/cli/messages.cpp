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

std::shared_ptr<CLI::Formatter> help_formatter() {
    return std::make_shared<Formatter>();
}

} // namespace kint::cli
