// What the terminal a command writes to is like: its width, for text wrapped at word boundaries.
#include "runtime.hpp"

#include "kint/render/wrap.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace kint::cli {

int Runtime::width() const {
    if (!m_terminal) return 0;
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

std::string Runtime::fit(std::string_view text) const {
    return render::wrap(text, width());
}

} // namespace kint::cli
