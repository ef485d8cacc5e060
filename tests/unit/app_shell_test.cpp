// The prompt hook in a shell: which rc file, which lines, the init code, and adding it once.
#include "app_fixture.hpp"
#include "kint/app/shell.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace kint;
using kint::test::env;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST_CASE("app::shell_setup: each shell's rc file, from HOME, ZDOTDIR and XDG_CONFIG_HOME") {
    const auto bash = app::shell_setup(env({{"SHELL", "/usr/bin/bash"}, {"HOME", "/h"}}));
    REQUIRE(bash);
    CHECK(bash->shell == "bash");
    CHECK(bash->rc_file == "/h/.bashrc");
    CHECK(bash->lines == app::shell_setup_lines("bash"));
    CHECK(bash->lines.starts_with("eval \"$(kint hook init bash)\"\n"));

    CHECK(app::shell_setup(env({{"SHELL", "zsh"}, {"HOME", "/h"}}))->rc_file == "/h/.zshrc");
    CHECK(app::shell_setup(env({{"SHELL", "/bin/zsh"}, {"HOME", "/h"}, {"ZDOTDIR", "/z"}}))
              ->rc_file == "/z/.zshrc");
    CHECK(app::shell_setup(env({{"SHELL", "/bin/fish"}, {"HOME", "/h"}}))->rc_file ==
          "/h/.config/fish/config.fish");
    CHECK(app::shell_setup(env({{"SHELL", "/bin/fish"}, {"HOME", "/h"}, {"XDG_CONFIG_HOME", "/x"}}))
              ->rc_file == "/x/fish/config.fish");
    CHECK_FALSE(app::shell_setup(env({{"SHELL", "/bin/sh"}, {"HOME", "/h"}})));
    CHECK_FALSE(app::shell_setup(env({{"SHELL", "/bin/bash"}})));
    CHECK(app::shell_setup_lines("fish").starts_with("kint hook init fish | source\n"));
}

TEST_CASE("app::hook_init_script: the binary's path quoted for the shell") {
    const auto bash = app::hook_init_script("bash", "/opt/it's/kint");
    CHECK(bash.find("KINT_SEGMENT=\"$('/opt/it'\\''s/kint' hook prompt --shell bash") !=
          std::string::npos);
    CHECK(bash.find("PROMPT_COMMAND") != std::string::npos);
    CHECK(app::hook_init_script("zsh", "/k").find("precmd_functions") != std::string::npos);
    CHECK(app::hook_init_script("fish", "/k").find("--on-event fish_prompt") != std::string::npos);
}

TEST_CASE("app::install_hook: private folders and file, the lines once, after a newline") {
    const fs::path dir =
        fs::temp_directory_path() / fs::path("kint-shell-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const ::mode_t old = ::umask(022);
    const app::ShellSetup fish{"fish", (dir / "config/fish/config.fish").string(),
                               app::shell_setup_lines("fish")};
    CHECK_FALSE(app::hook_installed(fish));
    REQUIRE(app::install_hook(fish));
    CHECK(app::hook_installed(fish));
    CHECK(slurp(fish.rc_file) == "# kint: the prompt segment (kint hook init)\n" + fish.lines);
    struct stat st {};
    REQUIRE(::stat(fish.rc_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir / "config/fish").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);

    // An rc file that ends without a newline gets one before kint's lines; its mode stays.
    const app::ShellSetup bash{"bash", (dir / ".bashrc").string(), app::shell_setup_lines("bash")};
    { std::ofstream(bash.rc_file) << "alias ll='ls -l'"; }
    ::chmod(bash.rc_file.c_str(), 0644);
    REQUIRE(app::install_hook(bash));
    CHECK(slurp(bash.rc_file) ==
          "alias ll='ls -l'\n# kint: the prompt segment (kint hook init)\n" + bash.lines);
    REQUIRE(::stat(bash.rc_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);

    // A folder in the way cannot be written.
    const app::ShellSetup blocked{"bash", (dir / ".bashrc/x").string(), bash.lines};
    CHECK_FALSE(app::install_hook(blocked));
    ::umask(old);
    fs::remove_all(dir);
}
