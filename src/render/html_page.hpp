#pragma once
// What kint's HTML pages share (the review's, trail's): the style sheet with its palette, print
// rules and dark scheme, and the head that lets nothing load or run.
#include <string>
#include <string_view>

namespace kint::render {

// review_html.cpp's style sheet: cards, calendar marks, charts, print CSS.
std::string_view html_style_sheet();

// "<!DOCTYPE html> ... <style>" up to and including the opening <main>, with `title` (escaped by
// the caller) and `extra_css` after the shared sheet.
std::string html_head(std::string_view title, std::string_view extra_css);

} // namespace kint::render
