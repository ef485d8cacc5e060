// The catalogue: closed groups, one group, every group, and a word search across them.
#include "app_fixture.hpp"
#include "kint/app/intent.hpp"
#include "kint/core/error.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::default_config;

TEST_CASE("app intent_catalogue: alone it lists the groups closed") {
    const auto r = app::intent_catalogue(default_config(), {});
    CHECK_FALSE(r.open);
    CHECK(r.groups.size() == default_config().catalogue.size());
    CHECK(app::intent_catalogue(default_config(), {{}, {}, true}).open);
}

TEST_CASE("app intent_catalogue: --group opens one group, an unknown key names the keys") {
    const auto r = app::intent_catalogue(default_config(), {{}, "anxiety", false});
    CHECK(r.open);
    REQUIRE(r.groups.size() == 1);
    CHECK(r.groups[0].key == "anxiety");
    CHECK_FALSE(r.groups[0].items.empty());
    CHECK_THROWS_AS(app::intent_catalogue(default_config(), {{}, "nope", false}), NotFound);
}

TEST_CASE("app intent_catalogue: every search word starts a word of the item, case and "
          "punctuation aside") {
    const auto r = app::intent_catalogue(default_config(), {{"ANXI", "calm,"}, {}, false});
    CHECK(r.open);
    CHECK(r.search == "ANXI calm,");
    REQUIRE_FALSE(r.groups.empty());
    for (const auto& g : r.groups)
        for (const auto& item : g.items) {
            const auto hay = item.text + " " + g.name + " " + g.key;
            CHECK((hay.find("nxi") != std::string::npos));
            CHECK((hay.find("alm") != std::string::npos));
        }
    const auto none = app::intent_catalogue(default_config(), {{"zzzqqq"}, {}, false});
    CHECK(none.groups.empty());
    CHECK(none.search == "zzzqqq");
}
