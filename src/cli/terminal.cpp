// What the terminal a command writes to is like: its width, for text wrapped at word boundaries.
#include "runtime.hpp"

#include "kint/render/wrap.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace kint::cli {

int Runtime::width() const {
    // Asked once a run: a view is drawn and kept under the same width (a resize meanwhile shows
    // on the next run).
    if (!m_width) {
        winsize ws{};
        m_width = m_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
    }
    return *m_width;
}

std::string Runtime::fit(std::string_view text) const {
    return render::wrap(text, width());
}

} // namespace kint::cli
