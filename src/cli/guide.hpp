#pragma once
// Questions on a terminal for kint start's guided run: each answer trimmed, and asked again until
// it is one that works.
#include "runtime.hpp"

#include "kint/core/error.hpp"
#include "kint/render/render.hpp"

#include <cctype>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <string>
#include <string_view>

namespace kint::cli {

// Thrown when the person closes input (Ctrl-D): nothing is saved.
struct Stopped {};

class Guide {
  public:
    explicit Guide(Runtime& rt) : paint(rt.color()), m_rt(rt) {}
    const render::Paint paint;

    void say(std::string_view text) { fmt::print(m_rt.out, "{}\n", text); }
    void show(std::string_view text) { fmt::print(m_rt.out, "{}", text); } // newline-terminated

    std::string ask(std::string_view question, std::string_view hint = {}) {
        fmt::print(m_rt.out, "\n{}\n", paint.bold(question));
        if (!hint.empty()) say(paint.dim(hint));
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
    auto ask_until(std::string_view q, std::string_view hint, Check check) {
        while (true) {
            const std::string answer = ask(q, hint);
            try {
                return check(answer);
            } catch (const UsageError& e) {
                say(paint.yellow(e.what()));
            }
        }
    }

    // [Y/n] or [y/N]: an empty answer takes the default; anything but yes or no is asked again.
    bool ask_yes_no(std::string_view question, bool default_yes, std::string_view hint = {}) {
        const auto q = fmt::format("{} {}", question, default_yes ? "[Y/n]" : "[y/N]");
        return ask_until(q, hint, [&](std::string a) {
            for (char& c : a)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (a.empty()) return default_yes;
            if (a == "y" || a == "yes") return true;
            if (a == "n" || a == "no") return false;
            throw UsageError("Please answer y or n.");
        });
    }

  private:
    Runtime& m_rt;
};

} // namespace kint::cli
