#include "kint/app/init.hpp"

#include "kint/config/config.hpp"
#include "kint/io/files.hpp"

#include <filesystem>

namespace kint::app {

ConfigInit init_config(const std::string& path, bool force,
                       const std::function<void()>& check_kept) {
    const bool exists = std::filesystem::exists(path);
    ConfigInit out{path, !exists || force, std::nullopt};
    if (!out.written) check_kept();
    if (out.written && exists) {
        out.backup = path + ".bak";
        io::write_file_atomically(*out.backup, io::read_file(path, 4u << 20),
                                  io::Folders::must_exist);
    }
    if (out.written)
        io::write_file_atomically(path, config::default_config_text, io::Folders::create);
    return out;
}

InitDone init_store(ConfigInit config, const store::Store& store) {
    return {std::move(config), store.path(), store.user_version(), !store.intentions(true).empty()};
}

} // namespace kint::app
