#pragma once
// Text in markdown, shared by the review and the report.
#include <string>
#include <string_view>

namespace kint::render {

// The person's own text, and config text, in markdown: the characters a renderer would take as
// markup, a link or raw HTML are escaped, and a later line of a multi-line note stays inside its
// list item, where no line may start a heading, a list, a quote or a rule (#, -, +, =, digits and
// . or ), > and * are escaped wherever they start a line).
std::string md(std::string_view text);

} // namespace kint::render
