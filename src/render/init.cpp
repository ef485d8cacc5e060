#include "kint/render/init.hpp"

#include <fmt/format.h>

namespace kint::render {

json::Value to_json(const app::InitDone& r) {
    return json::object()
        .set("config", r.config.path)
        .set("config_written", r.config.written)
        .set("config_backup", r.config.backup)
        .set("store", r.store)
        .set("schema", r.schema);
}

std::string to_text(const app::InitDone& r, const Paint&) {
    std::string out;
    if (r.config.written)
        out = fmt::format(
            "Wrote the default config to {}{}\n", r.config.path,
            r.config.backup ? fmt::format(" (the old one is kept as {})", *r.config.backup) : "");
    else
        out = fmt::format("Kept your config at {} (use --force to replace it)\n", r.config.path);
    if (r.history)
        return out +
               fmt::format("Store ready at {}, with your history. 'kint today' shows the day.\n",
                           r.store);
    return out + fmt::format("Store ready at {}\n\nNext: choose a direction, e.g.\n"
                             "  kint intent catalogue            browse suggested intentions\n"
                             "  kint intent add --from anxiety.5 or write your own\n"
                             "  kint start                       a guided first run\n",
                             r.store);
}

} // namespace kint::render
