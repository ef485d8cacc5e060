#include "kint/render/import.hpp"

#include <cstdint>
#include <fmt/format.h>

namespace kint::render {

json::Value to_json(const app::ImportResult& r) {
    return json::object()
        .set("intentions", static_cast<std::int64_t>(r.intentions))
        .set("cues", static_cast<std::int64_t>(r.cues))
        .set("logs", static_cast<std::int64_t>(r.logs))
        .set("ratings", static_cast<std::int64_t>(r.ratings))
        .set("journal", static_cast<std::int64_t>(r.journal))
        .set("sessions", static_cast<std::int64_t>(r.sessions));
}

std::string to_text(const app::ImportResult& r, const Paint&) {
    return fmt::format("Imported {}, {}, {}, {}, {} and {} into {}.\n",
                       plural(r.intentions, "intention", "intentions"),
                       plural(r.cues, "cue", "cues"), plural(r.logs, "log entry", "log entries"),
                       plural(r.ratings, "rating", "ratings"),
                       plural(r.journal, "journal entry", "journal entries"),
                       plural(r.sessions, "session", "sessions"), r.store_path);
}

} // namespace kint::render
