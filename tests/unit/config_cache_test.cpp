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

// The cache file read once serves both: the settings for a write, the whole config for a view.
TEST_CASE("config cache: one file read, the settings or the config decoded from it") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("kint-config-cache-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto path = (dir / "kint.db.config-cache").string();
    const config::Config c = config::parse();
    // A config last changed long ago: the cache written now is trusted.
    const cache::ConfigStamp stamp{"kint test config absent", 1'000'000'000LL, 1'000'000'000LL};
    cache::write_config_cache(path, stamp, c);
    const auto cached = cache::CachedConfig::read(path, stamp);
    REQUIRE(cached);
    REQUIRE(cached->settings());
    CHECK(*cached->settings() == static_cast<const config::Settings&>(c));
    REQUIRE(cached->config());
    CHECK(*cached->config() == c);
    CHECK(cache::read_config_cache(path, stamp) == c);
    // Another stamp (the binary or the config changed): nothing is read from it.
    CHECK_FALSE(cache::CachedConfig::read(path, {"kint other", 1'000'000'000LL, 1'000'000'000LL}));
    // A byte changed past the settings: the sum refuses the whole file, settings too.
    std::string text;
    {
        std::ifstream in(path, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    REQUIRE(text.size() > 10);
    text[text.size() - 10] ^= 1;
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    CHECK_FALSE(cache::CachedConfig::read(path, stamp));
    std::filesystem::remove_all(dir);
}
