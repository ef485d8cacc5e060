// kint complete's words: from the config, and from a store on disk opened read-only.
#include "kint/app/complete.hpp"
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace kint;
using kint::test::D;
namespace fs = std::filesystem;

TEST_CASE("app::completable: words without spaces or control characters") {
    CHECK(app::completable("12"));
    CHECK(app::completable("anxiety.5"));
    CHECK_FALSE(app::completable(""));
    CHECK_FALSE(app::completable("a b"));
    CHECK_FALSE(app::completable("a\tb"));
    CHECK_FALSE(app::completable("a\x7f"));
}

TEST_CASE("app::config_words: catalogue ids, groups, prompts and practices") {
    const auto cfg = config::parse();
    const auto groups = app::config_words(cfg, "groups");
    REQUIRE(groups.size() == cfg.catalogue.size());
    CHECK(groups[0].word == cfg.catalogue[0].key);
    CHECK(groups[0].text == cfg.catalogue[0].name);
    const auto catalogue = app::config_words(cfg, "catalogue");
    CHECK(catalogue.at(1).word == cfg.catalogue[0].items.at(1).id);
    CHECK(app::config_words(cfg, "prompts").size() == cfg.prompts.size());
    CHECK(app::config_words(cfg, "practices").size() == cfg.practices.size());
    CHECK(app::config_words(cfg, "nothing").empty());
}

TEST_CASE("app::store_words: nothing without a store, ids, days and the latest journal first") {
    const fs::path dir =
        fs::temp_directory_path() / fs::path("kint-complete-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "kint.db").string();
    CHECK(app::store_words(path, "cues").empty());
    CHECK_FALSE(fs::exists(path)); // never created

    {
        auto s = store::Store::open(path);
        const Id i = s.add_intention("I am open", std::nullopt, std::nullopt, D("2026-11-01"));
        const Id c = s.add_cue({i, CueKind::after, "I pour my coffee", std::nullopt,
                                Schedule::daily(), D("2026-11-02"), "write one sentence"});
        s.pause_cue(c, D("2026-11-05"));
        for (int n = 1; n <= 32; ++n)
            s.add_journal(
                {0, D("2026-11-03"), "entry " + std::to_string(n), {}, std::nullopt, std::nullopt});
        s.add_session({0, D("2026-11-10"), std::nullopt});
    }
    const auto cues = app::store_words(path, "cues");
    REQUIRE(cues.size() == 1);
    CHECK(cues[0].word == "1");
    CHECK(cues[0].text == "write one sentence (paused)");
    const auto journal = app::store_words(path, "journal");
    REQUIRE(journal.size() == 30);
    CHECK(journal.front().word == "32");
    CHECK(journal.front().text == "2026-11-03 entry 32");
    CHECK(journal.back().word == "3");
    const auto sessions = app::store_words(path, "sessions");
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].word == "2026-11-10");
    CHECK(sessions[0].text == "session");
    CHECK(app::store_words(path, "intentions").at(0).text == "I am open");
    fs::remove_all(dir);
}
