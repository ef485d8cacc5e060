// Store::reading: a view's reads in one read transaction. Every statement in it sees the store as
// it was at the first, whatever another process writes meanwhile; the next read sees the write.
#include "kint/store/store.hpp"
#include "test_day.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace kint;
using kint::test::D;

namespace {
// A step row whose day looks like a date and is none (kint never writes one), written behind the
// store's back.
void add_step_of_no_day(const std::string& path, Id cue) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    SQLite::Statement add(raw,
                          "INSERT INTO step (cue_id, day, behavior, uid, hlc) VALUES "
                          "(?, '2022-05-40', 'no day', 'cccccccccccccccccccccccccccccccc', '')");
    add.bind(1, cue);
    add.exec();
}
} // namespace

TEST_CASE("store: reads in one read transaction see one state of the store") {
    const auto dir = fs::temp_directory_path() / ("kint-reading-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto path = (dir / "kint.db").string();
    {
        auto writer = store::Store::open(path);
        writer.write([&] { writer.put_rating({D("2026-11-01"), RatingKind::mood, 5}); });
    }
    auto reader = store::Store::open(path);
    auto writer = store::Store::open(path); // another process, as far as SQLite can tell
    const DayRange all{D("2026-01-01"), D("2026-12-31")};
    std::size_t first = 0, during = 0, nested = 0;
    reader.reading([&] {
        first = reader.ratings(all).size();
        writer.write([&] { writer.put_rating({D("2026-11-02"), RatingKind::mood, 6}); });
        during = reader.ratings(all).size();
        reader.reading([&] { nested = reader.ratings(all).size(); }); // simply runs inside
    });
    CHECK(first == 1);
    CHECK(during == 1); // the write landed after the first read: not seen inside
    CHECK(nested == 1);
    CHECK(reader.ratings(all).size() == 2); // the next read sees it
    // A read transaction that ends by an exception leaves the store readable and writable.
    CHECK_THROWS_AS(reader.reading([&] {
        (void)reader.ratings(all);
        throw std::runtime_error("a renderer failed");
    }),
                    std::runtime_error);
    writer.write([&] { writer.put_rating({D("2026-11-03"), RatingKind::mood, 7}); });
    CHECK(reader.ratings(all).size() == 3);
    fs::remove_all(dir);
}

// A review reads each cue's steps from a day on (when the cues are over two years old): the one in
// force the day before and every later one. Cue::step_on sees the same step as a whole read on
// every day from then, and the steps taken from then name the step before them; a row whose day is
// no date (kint never writes one) sends the read back to the whole history, as it may have been the
// one taken for the day before.
TEST_CASE(
    "store: the steps from a day on are the ones in force from it, the same as a whole read") {
    const auto dir = fs::temp_directory_path() / ("kint-steps-from-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto path = (dir / "kint.db").string();
    Id a = 0, b = 0;
    {
        auto s = store::Store::open(path);
        s.write([&] {
            const Id i = s.add_intention("Steady", std::nullopt, std::nullopt, D("2020-01-01"));
            a = s.add_cue({i, CueKind::after, "coffee", std::nullopt, Schedule::daily(),
                           D("2020-01-01"), "one breath"});
            b = s.add_cue({i, CueKind::after, "tea", std::nullopt, Schedule::daily(),
                           D("2020-03-01"), "one stretch"});
            s.add_step(
                a, Step{D("2022-02-01"), "two breaths", std::nullopt, Measure{5, "min", false}});
            s.add_step(a, Step{D("2022-04-01"), "three breaths", std::nullopt});
            s.add_step(a, Step{D("2022-04-01"), "four breaths", std::nullopt}); // same day again
            s.add_step(a, Step{D("2022-06-01"), "five breaths", std::nullopt});
            s.add_step(b, Step{D("2022-05-01"), "two stretches", std::nullopt});
        });
    }
    const auto same_from = [](const store::Store& s, Day from) {
        const auto whole = s.cues(true);
        auto part = s.cues_before_steps(true);
        s.load_steps_from(part, from);
        REQUIRE(part.size() == whole.size());
        std::size_t left_out = 0;
        for (std::size_t k = 0; k < part.size(); ++k) {
            const auto& w = whole[k];
            const auto& p = part[k];
            CAPTURE(format_day(from));
            CAPTURE(w.id);
            CHECK(p.pauses.size() == w.pauses.size());
            CHECK(p.plans.size() == w.plans.size());
            REQUIRE(!p.steps.empty());
            CHECK(p.steps.back().behavior == w.steps.back().behavior);
            for (Day d = from; d <= std::max(from, D("2022-07-01")) + std::chrono::days{30};
                 d += std::chrono::days{1}) {
                CHECK(p.step_on(d).behavior == w.step_on(d).behavior);
                CHECK(p.step_on(d).measure == w.step_on(d).measure);
            }
            // Each step kept is the whole read's, in its order, ending with the same last ones.
            const auto skip = w.steps.size() - p.steps.size();
            for (std::size_t j = 0; j < p.steps.size(); ++j)
                CHECK(p.steps[j].behavior == w.steps[skip + j].behavior);
            left_out += skip;
        }
        return left_out;
    };
    {
        const auto s = store::Store::open(path);
        CHECK(same_from(s, D("2019-12-01")) == 0); // before everything: the whole history
        CHECK(same_from(s, D("2021-12-31")) == 0); // two years or less of it: read whole
        CHECK(same_from(s, D("2022-02-01")) == 0); // the first step is in force the day before
        CHECK(same_from(s, D("2022-03-15")) == 1);
        CHECK(same_from(s, D("2022-04-02")) == 3); // "four breaths" (the later of the day's two)
        CHECK(same_from(s, D("2022-06-02")) == 5);
        CHECK(same_from(s, D("2026-12-01")) == 5);
    }
    add_step_of_no_day(path, a); // the newest before the day asked
    {
        const auto s = store::Store::open(path);
        CHECK(same_from(s, D("2026-12-01")) == 0); // read whole, the row left out as before
        CHECK(s.skipped_rows().size() == 1);
    }
    fs::remove_all(dir);
}

// A log reads its cue's steps newest first, down to the one in force on the first day its comeback
// looks back to (Store::cue with steps_from): Cue::step_on answers as a whole read does on every
// day from then, behavior() is the latest, and the day is asked once the plans and pauses are read.
// A row whose day is no date sends the read back to the whole history.
TEST_CASE("store: one cue's steps from a day on, newest first, the same as a whole read") {
    const auto dir = fs::temp_directory_path() / ("kint-cue-from-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto path = (dir / "kint.db").string();
    Id a = 0;
    {
        auto s = store::Store::open(path);
        s.write([&] {
            const Id i = s.add_intention("Steady", std::nullopt, std::nullopt, D("2020-01-01"));
            a = s.add_cue({i, CueKind::after, "coffee", std::nullopt, Schedule::daily(),
                           D("2020-01-01"), "one breath"});
            s.add_step(
                a, Step{D("2022-02-01"), "two breaths", std::nullopt, Measure{5, "min", false}});
            s.add_step(a, Step{D("2022-04-01"), "three breaths", std::nullopt});
            s.add_step(a, Step{D("2022-04-01"), "four breaths", std::nullopt}); // same day again
            s.add_step(a,
                       Step{D("2021-12-01"), "backdated", std::nullopt}); // an earlier day, later
            s.add_step(a, Step{D("2022-06-01"), "five breaths", std::nullopt});
            s.pause_cue(a, D("2022-07-01"));
            s.resume_cue(a, D("2022-07-10"));
        });
    }
    const auto same_from = [&](const store::Store& s, Day from) {
        const auto whole = s.cue(a);
        std::size_t pauses_seen = 0;
        const auto part = s.cue(a, [&](const Cue& c) {
            pauses_seen = c.pauses.size();
            return from;
        });
        REQUIRE(whole);
        REQUIRE(part);
        CAPTURE(format_day(from));
        CHECK(pauses_seen == whole->pauses.size());
        CHECK(part->pauses.size() == whole->pauses.size());
        CHECK(part->plans.size() == whole->plans.size());
        CHECK(part->created == whole->created);
        REQUIRE(!part->steps.empty());
        CHECK(part->behavior() == whole->behavior());
        for (Day d = from; d <= std::max(from, D("2022-07-01")) + std::chrono::days{30};
             d += std::chrono::days{1}) {
            CHECK(part->step_on(d).behavior == whole->step_on(d).behavior);
            CHECK(part->step_on(d).measure == whole->step_on(d).measure);
        }
        // The steps kept are the whole read's last ones, in its order.
        const auto skip = whole->steps.size() - part->steps.size();
        for (std::size_t j = 0; j < part->steps.size(); ++j)
            CHECK(part->steps[j].behavior == whole->steps[skip + j].behavior);
        return skip;
    };
    {
        const auto s = store::Store::open(path);
        CHECK(same_from(s, D("2019-12-01")) == 0); // before everything: the whole history
        CHECK(same_from(s, D("2021-11-30")) == 0);
        // The step added later for an earlier day is the one in force (the last in id order
        // whose day has come), so from its day on the four before it are left out.
        CHECK(same_from(s, D("2021-12-01")) == 4);
        CHECK(same_from(s, D("2022-04-01")) == 4);
        CHECK(same_from(s, D("2022-06-01")) == 5);
        CHECK(same_from(s, D("2026-12-01")) == 5);
        CHECK(!s.cue(a + 1, [](const Cue& c) { return c.created; }));
        CHECK(s.skipped_rows().empty());
    }
    add_step_of_no_day(path, a); // the newest: the whole history is read, the row left out
    {
        const auto s = store::Store::open(path);
        CHECK(same_from(s, D("2026-12-01")) == 0);
        CHECK(s.skipped_rows().size() == 1);
    }
    fs::remove_all(dir);
}

// The handout asks for the latest session on or before a day: the one a whole read finds; a row
// whose day is no date (kint never writes one) sends it back to the whole read, which leaves it
// out.
TEST_CASE("store: the latest session by a day, the same as a whole read") {
    const auto dir =
        fs::temp_directory_path() / ("kint-latest-session-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto path = (dir / "kint.db").string();
    {
        auto s = store::Store::open(path);
        s.write([&] {
            for (const char* day : {"2019-05-01", "2021-03-10", "2024-02-29", "2024-03-14"})
                s.add_session(Session{0, D(day), std::string("after ") + day});
        });
    }
    const auto latest = [](const store::Store& s, const char* day) {
        const auto x = s.latest_session(D(day));
        return x ? format_day(x->day) : std::string("none");
    };
    {
        const auto s = store::Store::open(path);
        CHECK(latest(s, "2019-04-30") == "none");
        CHECK(latest(s, "2019-05-01") == "2019-05-01");
        CHECK(latest(s, "2024-03-13") == "2024-02-29");
        CHECK(latest(s, "2030-01-01") == "2024-03-14");
    }
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO session (day, note, hlc) VALUES ('2025-02-30', 'no day', '')");
        // A date outside four-digit years (an older kint wrote such days): no seek finds it.
        raw.exec("INSERT INTO session (day, note, hlc) VALUES ('-0044-03-15', 'ides', '')");
    }
    {
        const auto s = store::Store::open(path);
        CHECK(latest(s, "2030-01-01") == "2024-03-14"); // the row met first: read whole
        CHECK(latest(s, "2024-03-01") == "2024-02-29");
        const auto ides = s.latest_session(D("2019-04-30")); // none by the seek: read whole
        REQUIRE(ides);
        CHECK(ides->note == "ides");
        CHECK(s.skipped_rows().size() == 1);
    }
    fs::remove_all(dir);
}
