#include "kint/render/sync.hpp"

#include "kint/core/text.hpp"

#include <fmt/format.h>

namespace kint::render {

json::Value to_json(const app::SyncInitResult& r) {
    return json::object()
        .set("folder", r.folder)
        .set("key", r.key_path)
        .set("device", r.device)
        .set("made_key", r.made_key)
        .set("joined", r.joined)
        .set("already", r.already);
}

std::string to_text(const app::SyncInitResult& r, const Paint& p) {
    const auto folder = text::sanitize_line(r.folder);
    const auto key = text::sanitize_line(r.key_path);
    std::string out;
    if (r.already)
        out = fmt::format("This store syncs through {} already (device {}).\n", folder, r.device);
    else if (r.joined)
        out = fmt::format("Joined: this store syncs through {} with the key you gave, now kept "
                          "at {} (0600).\n",
                          folder, key);
    else
        out =
            fmt::format("Ready: this store syncs through {}. Its key is {} (0600).\n", folder, key);
    if (r.made_key)
        out += fmt::format("{}\n",
                           p.dim(fmt::format("To add another device, copy that key there by a "
                                             "private way (scp, a USB stick; never through the "
                                             "synced folder), then run there: kint sync init DIR "
                                             "--key FILE")));
    out += "Run 'kint sync DIR' on each device (a timer or cron line: see 'kint sync --help').\n";
    return out;
}

json::Value to_json(const app::SyncResult& r) {
    json::Array problems;
    for (const auto& x : r.problems)
        problems.push_back(json::object().set("file", x.file).set("why", x.why));
    return json::object()
        .set("sent", static_cast<std::int64_t>(r.sent))
        .set("sent_file", r.sent_file)
        .set("received", static_cast<std::int64_t>(r.received))
        .set("files_read", static_cast<std::int64_t>(r.files_read))
        .set("devices", static_cast<std::int64_t>(r.devices))
        .set("problems", std::move(problems));
}

std::string to_text(const app::SyncResult& r, const Paint&) {
    if (r.sent == 0 && r.files_read == 0)
        return r.devices == 0 ? "Synced: nothing new here, and no other device in the folder "
                                "yet.\n"
                              : "Synced: nothing new on either side.\n";
    const auto received =
        fmt::format("received {} from {}", plural(r.received, "record", "records"),
                    plural(r.files_read, "file", "files"));
    if (r.files_read == 0)
        return fmt::format("Synced: sent {}; nothing new from other devices.\n",
                           plural(r.sent, "record", "records"));
    if (r.sent == 0) return fmt::format("Synced: {}; nothing new to send.\n", received);
    return fmt::format("Synced: sent {}; {}.\n", plural(r.sent, "record", "records"), received);
}

std::string problems_text(const app::SyncResult& r) {
    std::string out;
    for (const auto& x : r.problems)
        out += fmt::format("kint: could not use {}: {}\n", text::sanitize_line(x.file), x.why);
    return out;
}

} // namespace kint::render
