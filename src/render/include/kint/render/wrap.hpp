#pragma once
// Text for a terminal, wrapped at word boundaries to its width (issue 17: "seek urge|nt care").
#include <string>
#include <string_view>

namespace kint::render {

// The columns `line` takes on a terminal: UTF-8 code points, colour escapes (ESC [ ... m) taking
// none. (Every character counts as one column; kint's own symbols all are.)
std::size_t columns_of(std::string_view line);

// Each line of `text` longer than `width` columns broken at spaces into lines that fit. A later
// line hangs under the first line's text: after its indent, or after the first two-space gap
// within the line's first half ("  preparation.5  How can I ..." continues under "How"), so it
// never reads as an entry of its own. A word longer than the width stays whole. width <= 0: the
// text as it is (not a terminal).
std::string wrap(std::string_view text, int width);

} // namespace kint::render
