// config::with_safety_contact: the contact set in [safety] by editing the text, every other line
// kept as written.
#include "kint/config/config.hpp"
#include "kint/config/edit.hpp"
#include "kint/core/error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kint;

TEST_CASE("config::with_safety_contact: the default's contact line replaced, nothing else") {
    const std::string before(config::default_config_text);
    const auto after = config::with_safety_contact(before, "Clinic line 555-0100");
    CHECK(config::parse(after).safety.contact == "Clinic line 555-0100");
    std::string expected = before;
    const auto at = expected.find("contact = \"\"\n");
    REQUIRE(at != std::string::npos);
    expected.replace(at, 13, "contact = \"Clinic line 555-0100\"\n");
    CHECK(after == expected);
    // Set again: replaced again, never a second line.
    CHECK(config::with_safety_contact(after, "Dr K") ==
          config::with_safety_contact(before, "Dr K"));
}

TEST_CASE("config::with_safety_contact: added after the table's last key, or as a new table") {
    // After the last key line, before the comments that lead into the next table.
    CHECK(config::with_safety_contact("[safety]\n# mine\nlow_mood_max = 2\n\n# hook\n[hook]\n"
                                      "show_focus = true\n",
                                      "555") ==
          "[safety]\n# mine\nlow_mood_max = 2\ncontact = \"555\"\n\n# hook\n[hook]\n"
          "show_focus = true\n");
    // A table with nothing in it yet: right under its header.
    CHECK(config::with_safety_contact("[safety] # care\n\n[day]\nstarts_at = \"05:00\"", "x") ==
          "[safety] # care\ncontact = \"x\"\n\n[day]\nstarts_at = \"05:00\"");
    // No [safety] table ([safety.x] or [[safety]] are not it): one at the end.
    CHECK(config::with_safety_contact("[day]\nstarts_at = \"05:00\"", "x") ==
          "[day]\nstarts_at = \"05:00\"\n\n[safety]\ncontact = \"x\"\n");
    CHECK(config::with_safety_contact("", "x") == "[safety]\ncontact = \"x\"\n");
    // A comment is left alone; a quoted key is the one replaced.
    CHECK(config::with_safety_contact("[safety]\n# contact = \"x\"\n\"contact\" = \"old\"\n",
                                      "new") == "[safety]\n# contact = \"x\"\ncontact = \"new\"\n");
    // Quotes and backslashes escaped, and read back as given.
    const auto escaped = config::with_safety_contact("", "Dr \"K\" C:\\line");
    CHECK(escaped == "[safety]\ncontact = \"Dr \\\"K\\\" C:\\\\line\"\n");
    CHECK(config::parse(escaped).safety.contact == "Dr \"K\" C:\\line");
}

TEST_CASE("config::with_safety_contact: refuses what would not read back as the contact") {
    // Set as a dotted key at the top: a [safety] table added would clash with it.
    CHECK_THROWS_AS(config::with_safety_contact("safety.contact = \"old\"\n", "new"), ConfigError);
    CHECK_THROWS_AS(config::with_safety_contact("[safety]\ncontact = \"\"\"\nold\n\"\"\"\n", "new"),
                    ConfigError);
}
