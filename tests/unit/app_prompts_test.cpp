// app::prompts and app::all_prompts: the day's prompts follow the phase the sessions give.
#include "app_fixture.hpp"
#include "kint/app/prompts.hpp"
#include "kint/config/config.hpp"
#include "kint/domain/prompts.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

using namespace kint;
using kint::test::D;
using kint::test::default_config;

namespace {
std::vector<std::string> ids(const std::vector<config::Prompt>& prompts) {
    std::vector<std::string> out;
    for (const auto& p : prompts)
        out.push_back(p.id);
    return out;
}
} // namespace

TEST_CASE("app::prompts: without a session, general practice, the same all day") {
    auto s = store::Store::open_memory();
    const auto p = app::prompts(s, default_config(), D("2026-11-20"), 3);
    CHECK(p.day == D("2026-11-20"));
    CHECK_FALSE(p.position);
    CHECK(p.tag == "general");
    CHECK(p.prompts.size() == 3);
    CHECK(ids(p.prompts) ==
          ids(prompts::for_day(default_config().prompts, "general", D("2026-11-20"), 3)));
    CHECK(ids(app::prompts(s, default_config(), D("2026-11-20"), 3).prompts) == ids(p.prompts));
    CHECK(ids(app::prompts(s, default_config(), D("2026-11-21"), 3).prompts) != ids(p.prompts));
    CHECK(app::prompts(s, default_config(), D("2026-11-20"), 1).prompts.size() == 1);
}

TEST_CASE("app::prompts: a session puts the day in its phase, a planned one in preparation") {
    auto s = store::Store::open_memory();
    s.add_session({0, D("2026-11-20"), std::nullopt});
    const auto day0 = app::prompts(s, default_config(), D("2026-11-20"), 2);
    REQUIRE(day0.position);
    REQUIRE(day0.position->phase);
    CHECK(day0.tag == "day0");
    CHECK(day0.position->phase->key == "day0");
    CHECK(ids(day0.prompts) ==
          ids(prompts::for_day(default_config().prompts, "day0", D("2026-11-20"), 2)));

    const auto before = app::prompts(s, default_config(), D("2026-11-17"), 2);
    CHECK_FALSE(before.position);
    CHECK(before.tag == "preparation");
}

TEST_CASE("app::all_prompts: every configured prompt, in config order") {
    const auto all = app::all_prompts(default_config());
    CHECK(ids(all.prompts) == ids(default_config().prompts));
    CHECK_FALSE(all.prompts.empty());
}
