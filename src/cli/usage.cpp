// What a person reads when a command line is wrong: CLI11's words said kint's way (one line, the
// mistake named, a near miss suggested, and where to look).
#include "messages.hpp"

#include "kint/core/error.hpp"
#include "kint/core/text.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <fmt/ostream.h>

namespace kint::cli {

namespace {

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

} // namespace

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

int usage_error(const CLI::ParseError& e, const CLI::App& app, std::ostream& err) {
    // Help for a subcommand arrives as CallForHelp thrown from within; others are usage errors.
    const CLI::App* where = deepest(app);
    // The prompt segment never shows an error and always exits 0 (SPEC §4), whatever its words.
    if (command_path(where) == "kint hook prompt") return 0;
    // A global option's value is explained by kint's own help, not the command's.
    const std::string text = one_line(e.what());
    const std::string name = text.substr(0, text.find(':'));
    const CLI::App* help = name.rfind("--", 0) == 0 && app.get_option_no_throw(name) &&
                                   !where->get_option_no_throw(name)
                               ? &app
                               : where;
    say(err, fmt::format("{}; see '{} --help'", usage_message(e, *where), command_path(help)));
    return 2;
}

} // namespace kint::cli
