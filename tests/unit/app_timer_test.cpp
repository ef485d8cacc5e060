// app::timer_setup and install_timer: the reminder timer's unit files, where they go and how
// kint's words are quoted for systemd.
#include "app_fixture.hpp"
#include "kint/app/timer.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace kint;
using kint::test::env;
namespace fs = std::filesystem;

namespace {

std::string exec_line(const app::TimerSetup& s) {
    const auto at = s.service.find("\nExecStart=");
    REQUIRE(at != std::string::npos);
    const auto end = s.service.find('\n', at + 1);
    return s.service.substr(at + 1, end - at - 1);
}

int mode_of(const fs::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

} // namespace

TEST_CASE("app::timer_setup: under XDG_CONFIG_HOME, else ~/.config, nothing without a home") {
    const std::vector<std::string> cmd = {"/usr/bin/kint", "remind"};
    const auto home = app::timer_setup(env({{"HOME", "/home/me"}}), cmd);
    REQUIRE(home);
    CHECK(home->folder == "/home/me/.config/systemd/user");
    CHECK(home->service_file == "/home/me/.config/systemd/user/kint-remind.service");
    CHECK(home->timer_file == "/home/me/.config/systemd/user/kint-remind.timer");
    const auto xdg =
        app::timer_setup(env({{"HOME", "/home/me"}, {"XDG_CONFIG_HOME", "/cfg"}}), cmd);
    REQUIRE(xdg);
    CHECK(xdg->folder == "/cfg/systemd/user");
    // A relative XDG_CONFIG_HOME is not one (the XDG rule): the home's default.
    CHECK(app::timer_setup(env({{"HOME", "/home/me"}, {"XDG_CONFIG_HOME", "cfg"}}), cmd)->folder ==
          "/home/me/.config/systemd/user");
    CHECK_FALSE(app::timer_setup(env({}), cmd));
    CHECK(app::timer_setup(env({{"XDG_CONFIG_HOME", "/cfg"}}), cmd)); // no HOME needed then
}

TEST_CASE(
    "app::timer_setup: kint's words quoted as systemd reads them, a control character, none") {
    const auto plain = app::timer_setup(
        env({{"HOME", "/h"}}), {"/usr/bin/kint", "--db", "/h/.local/share/kint/kint.db", "remind"});
    REQUIRE(plain);
    CHECK(exec_line(*plain) == "ExecStart=/usr/bin/kint --db /h/.local/share/kint/kint.db remind");
    CHECK(plain->service.find("\nType=oneshot\n") != std::string::npos);
    CHECK(plain->timer == app::remind_timer_unit());

    const auto odd =
        app::timer_setup(env({{"HOME", "/h"}}),
                         {"/opt/my kint/kint", "--db", "/h/100%/$HOME/\"x\"\\y.db", "remind"});
    REQUIRE(odd);
    CHECK(exec_line(*odd) ==
          "ExecStart=\"/opt/my kint/kint\" --db \"/h/100%%/$$HOME/\\\"x\\\"\\\\y.db\" remind");
    CHECK_FALSE(
        app::timer_setup(env({{"HOME", "/h"}}), {"/usr/bin/kint", "--db", "a\nb", "remind"}));
}

TEST_CASE("app::install_timer: two private files in private folders, installed once there") {
    const fs::path dir = fs::temp_directory_path() / ("kint-timer-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto setup = app::timer_setup(env({{"HOME", dir.string()}}), {"/usr/bin/kint", "remind"});
    REQUIRE(setup);
    CHECK_FALSE(app::timer_installed(*setup));
    const mode_t old = ::umask(0);
    const bool ok = app::install_timer(*setup);
    ::umask(old);
    CHECK(ok);
    CHECK(app::timer_installed(*setup));
    CHECK(mode_of(setup->service_file) == 0600);
    CHECK(mode_of(setup->timer_file) == 0600);
    CHECK(mode_of(dir / ".config") == 0700);
    CHECK(mode_of(dir / ".config/systemd/user") == 0700);
    // A folder where a unit file should go: not written, and said so (false), never thrown.
    fs::remove(setup->timer_file);
    fs::create_directory(setup->timer_file);
    CHECK_FALSE(app::install_timer(*setup));
    fs::remove_all(dir);
}

TEST_CASE("app::remind_command: this kint on this store and config, by absolute paths") {
    const auto cwd = std::filesystem::current_path().string();
    CHECK(app::remind_command("/usr/bin/kint", "data/kint.db", std::nullopt) ==
          std::vector<std::string>{"/usr/bin/kint", "--db", cwd + "/data/kint.db", "remind"});
    CHECK(app::remind_command("/usr/bin/kint", "/s/kint.db", "/c/config.toml") ==
          std::vector<std::string>{"/usr/bin/kint", "--db", "/s/kint.db", "--config",
                                   "/c/config.toml", "remind"});
}
