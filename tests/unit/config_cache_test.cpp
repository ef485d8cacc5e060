// The config cache's codec: what a command reads instead of parsing the TOML must be the same
// config.
#include "kint/cache/config_cache.hpp"

#include "kint/config/config.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace kint;

TEST_CASE("config cache: the default config survives encoding unchanged") {
    const config::Config c = config::parse();
    const std::string bytes = cache::encode_config(c);
    const auto back = cache::decode_config(bytes);
    REQUIRE(back);
    CHECK(*back == c); // every field of every type, by the defaulted comparisons
    CHECK(cache::encode_config(*back) == bytes);
    CHECK(back->day_starts_at == c.day_starts_at);
    CHECK(back->safety.message == c.safety.message);
    CHECK(back->guidance.comeback == c.guidance.comeback);
    REQUIRE(back->prompts.size() == c.prompts.size());
    CHECK(back->prompts.back().phases == c.prompts.back().phases);
    REQUIRE(back->catalogue.size() == c.catalogue.size());
    CHECK(back->catalogue.front().items.back().text == c.catalogue.front().items.back().text);
    CHECK(back->find_item("anxiety.3") != nullptr);
    CHECK(back->safety.low_mood_window == c.safety.low_mood_window);
    CHECK(back->hook.safety_sign == c.hook.safety_sign);
    CHECK(back->hook.check_in_sign == c.hook.check_in_sign);
    REQUIRE(back->find_prompt("quick.2"));
    CHECK(back->find_prompt("quick.2")->gentle);
    CHECK_FALSE(back->find_prompt("quick.1")->gentle);
    REQUIRE(back->practices.size() == c.practices.size());
    for (std::size_t i = 0; i < c.practices.size(); ++i)
        CHECK(back->practices[i].pace == c.practices[i].pace);
}

TEST_CASE("config cache: a user layer and its source name are kept") {
    const config::Config c = config::parse(std::string_view("[day]\nstarts_at = \"05:30\"\n"
                                                            "[safety]\ncontact = \"clinic\"\n"),
                                           "/home/me/config.toml");
    const auto back = cache::decode_config(cache::encode_config(c));
    REQUIRE(back);
    CHECK(*back == c);
    CHECK(back->source == "/home/me/config.toml");
    CHECK(back->day_starts_at == 5 * 60 + 30);
    CHECK(back->safety.contact == "clinic");
}

TEST_CASE("config cache: damaged bytes are refused, never half read") {
    const std::string bytes = cache::encode_config(config::parse());
    for (std::size_t n = 0; n < bytes.size(); n += 97)
        CHECK_FALSE(cache::decode_config(std::string_view(bytes).substr(0, n)));
    CHECK_FALSE(cache::decode_config(bytes + "x"));
    std::string huge = bytes;
    huge[0] = '\xff', huge[1] = '\xff', huge[2] = '\xff', huge[3] = '\x7f'; // a length past the end
    CHECK_FALSE(cache::decode_config(huge));
}

// A one-row write reads the settings alone: they decode from the front of a whole config's bytes,
// the same as the config's own, and its lists are never read for them.
TEST_CASE("config cache: the settings decode alone from the front, the same as the config's") {
    const config::Config c = config::parse(
        std::string_view("[day]\nstarts_at = \"05:30\"\n[guidance]\ncomeback = \"Back again.\"\n"
                         "[safety]\ncontact = \"clinic\"\n"),
        "/home/me/config.toml");
    const std::string bytes = cache::encode_config(c);
    const auto settings = cache::decode_settings(bytes);
    REQUIRE(settings);
    CHECK(*settings == static_cast<const config::Settings&>(c));
    CHECK(settings->guidance.comeback == "Back again.");
    CHECK(settings->day_starts_at == 5 * 60 + 30);
    CHECK(settings->source == "/home/me/config.toml");
    // Cut anywhere within the settings: refused; cut after them: the lists are not its concern.
    const std::string settings_only = cache::encode_config([&] {
        config::Config front;
        static_cast<config::Settings&>(front) = c;
        return front;
    }());
    const std::size_t front = settings_only.size() - 5 * 4 - 7; // five empty lists and "end"
    for (std::size_t n = 0; n < front; n += 13)
        CHECK_FALSE(cache::decode_settings(std::string_view(bytes).substr(0, n)));
    CHECK(cache::decode_settings(std::string_view(bytes).substr(0, front)) == *settings);
}

// A one-row write reads only the cache's header and the settings after it, checked by their own
// sum; a view reads the whole file, checked by both.
TEST_CASE("config cache: the settings read and checked alone, the config whole") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("kint-config-cache-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto path = (dir / "kint.db.config-cache").string();
    const config::Config c = config::parse();
    // A config last changed long ago: the cache written now is trusted.
    const cache::ConfigStamp stamp{"kint test config absent", 1'000'000'000LL, 1'000'000'000LL};
    cache::write_config_cache(path, stamp, c);
    const auto settings = cache::read_settings_cache(path, stamp);
    REQUIRE(settings);
    CHECK(*settings == static_cast<const config::Settings&>(c));
    CHECK(cache::read_config_cache(path, stamp) == c);
    // Another stamp (the binary or the config changed): nothing is read from it.
    const cache::ConfigStamp other{"kint other", 1'000'000'000LL, 1'000'000'000LL};
    CHECK_FALSE(cache::read_settings_cache(path, other));
    CHECK_FALSE(cache::read_config_cache(path, other));
    const auto bytes = [&] {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const auto write = [&](const std::string& text) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    };
    const std::string whole = bytes();
    REQUIRE(whole.size() > 4096); // the lists lie past the settings' first read
    // A byte changed in the lists: the config is refused, the settings (their own sum) are not.
    std::string text = whole;
    text[text.size() - 10] ^= 1;
    write(text);
    CHECK(cache::read_settings_cache(path, stamp) == settings);
    CHECK_FALSE(cache::read_config_cache(path, stamp));
    // A byte changed in the settings: both are refused.
    text = whole;
    const auto front = text.find("take care today");
    REQUIRE(front != std::string::npos);
    text[front] ^= 1;
    write(text);
    CHECK_FALSE(cache::read_settings_cache(path, stamp));
    CHECK_FALSE(cache::read_config_cache(path, stamp));
    // Cut within the settings, or in the header: refused.
    write(whole.substr(0, front));
    CHECK_FALSE(cache::read_settings_cache(path, stamp));
    write(whole.substr(0, 40));
    CHECK_FALSE(cache::read_settings_cache(path, stamp));
    // Settings longer than the first read (a long safety message): read with a second.
    config::Config wordy = c;
    wordy.safety.message = std::string(6000, 'x');
    cache::write_config_cache(path, stamp, wordy);
    REQUIRE(cache::read_settings_cache(path, stamp));
    CHECK(cache::read_settings_cache(path, stamp)->safety.message == wordy.safety.message);
    std::filesystem::remove_all(dir);
}
