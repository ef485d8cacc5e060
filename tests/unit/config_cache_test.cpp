// The config cache's codec: what a command reads instead of parsing the TOML must be the same
// config.
#include "kint/cache/config_cache.hpp"

#include "kint/config/config.hpp"

#include <doctest/doctest.h>

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
