// kint init: write the default config for editing and create the store.
#include "commands.hpp"

#include "kint/error.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kint::cli {

namespace {

void make_private_dirs(const std::filesystem::path& dir) {
    if (dir.empty() || std::filesystem::is_directory(dir)) return;
    make_private_dirs(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) return;
        throw ConfigError(
            fmt::format("cannot create the folder {}: {}", dir.string(), std::strerror(errno)));
    }
    ::chmod(dir.c_str(), 0700); // mkdir's mode is masked by the umask
}

// Writes `text` to `path` atomically (temp file + rename), mode 0600.
void write_private_file(const std::string& path, std::string_view text) {
    make_private_dirs(std::filesystem::path(path).parent_path());
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw ConfigError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    ::fchmod(fd, 0600); // open's mode is masked by the umask
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            throw ConfigError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
        }
        done += static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        throw ConfigError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
}

} // namespace

void add_init(CLI::App& app, Commands& commands) {
    auto* cmd = app.add_subcommand("init", "Write the default config for editing and create the store");
    auto force = std::make_shared<bool>(false);
    cmd->add_flag("--force", *force, "Overwrite an existing config with the default");
    commands.on(cmd, [force](Runtime& rt) {
        const auto path = rt.config_path();
        if (!path) throw ConfigError("no place for the config: set KINT_CONFIG or HOME, or pass --config");
        const bool exists = std::filesystem::exists(*path);
        const bool write = !exists || *force;
        if (!write) rt.config(); // an existing file must at least be valid
        if (write) write_private_file(*path, config::default_config_text);
        auto& store = rt.store();
        if (rt.json()) {
            rt.print(json::object()
                         .set("config", *path)
                         .set("config_written", write)
                         .set("store", store.path())
                         .set("schema", store.user_version()));
            return;
        }
        if (write)
            fmt::print(rt.out, "Wrote the default config to {}{}\n", *path,
                       exists ? " (replacing the old one)" : "");
        else
            fmt::print(rt.out, "Kept your config at {} (use --force to replace it)\n", *path);
        fmt::print(rt.out, "Store ready at {}\n\nNext: choose a direction, e.g.\n"
                           "  kint intent catalogue            browse suggested intentions\n"
                           "  kint intent add --from anxiety.5 or write your own\n"
                           "  kint start                       a guided first run\n",
                   store.path());
    });
}

} // namespace kint::cli
