#include "markdown_text.hpp"

namespace kint::render {

std::string md(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            out += "\n  ";
            line_start = true;
            continue;
        }
        if (line_start && c != ' ') {
            line_start = false;
            if (std::string_view("#-+=").find(c) != std::string_view::npos) out += '\\';
            if (c >= '0' && c <= '9') {
                std::size_t j = i;
                while (j < text.size() && text[j] >= '0' && text[j] <= '9')
                    ++j;
                if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
                    out.append(text.substr(i, j - i));
                    out += '\\';
                    out += text[j];
                    i = j;
                    continue;
                }
            }
        }
        if (std::string_view("\\`*_<>[]").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

} // namespace kint::render
