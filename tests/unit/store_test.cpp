// The store against :memory:: every record kind round trips; write() is all or nothing.
#include "kint/store/store.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace kint;
using namespace std::chrono;

namespace {
Day ymd(int y, unsigned m, unsigned d) {
    return Day{year{y} / month{m} / day{d}};
}
const Day today = ymd(2026, 11, 20);

store::NewCue new_cue(Id intention, std::string behavior = "breathe") {
    store::NewCue c;
    c.intention_id = intention;
    c.kind = CueKind::if_;
    c.trigger = "I feel anger rising";
    c.at = 7 * 60 + 30;
    c.days = Schedule::parse("mon,wed,fri");
    c.created = ymd(2026, 11, 2);
    c.behavior = std::move(behavior);
    return c;
}
} // namespace

TEST_CASE("store: a fresh memory store is migrated and empty") {
    auto s = store::Store::open_memory();
    CHECK(s.user_version() == store::schema_version);
    CHECK(s.intentions(true).empty());
    CHECK(s.cues(true).empty());
    CHECK(s.logs({}).empty());
    CHECK(s.ratings({}).empty());
    CHECK(s.journal({}).empty());
    CHECK(s.sessions().empty());
    CHECK_FALSE(s.focus());
}

TEST_CASE("store: intentions, focus and archive") {
    auto s = store::Store::open_memory();
    const Id a = s.add_intention("Be open", std::nullopt, std::nullopt, ymd(2026, 11, 1));
    const Id b = s.add_intention("Practice relaxing", std::string("anxiety"),
                                 std::string("anxiety.5"), today);
    CHECK(a != b);
    auto i = s.intention(b);
    REQUIRE(i);
    CHECK(i->text == "Practice relaxing");
    CHECK(i->group == "anxiety");
    CHECK(i->catalogue_id == "anxiety.5");
    CHECK(i->created == today);
    CHECK_FALSE(i->archived);
    CHECK_FALSE(i->focus);
    CHECK_FALSE(s.intention(b + 100));

    s.set_focus(b);
    CHECK(s.focus() == b);
    CHECK(s.intention(b)->focus);
    s.set_focus(a);
    CHECK(s.focus() == a);
    CHECK_FALSE(s.intention(b)->focus);

    s.set_intention_text(a, "Be open to new ways");
    CHECK(s.intention(a)->text == "Be open to new ways");

    s.archive_intention(a, today);
    CHECK(s.intention(a)->archived);
    CHECK(s.intention(a)->archived_on == today);
    // An archived focus is no focus.
    CHECK_FALSE(s.focus());
    CHECK(s.intentions(false).size() == 1);
    CHECK(s.intentions(true).size() == 2);
    // Archiving again keeps the first day.
    s.archive_intention(a, today + days{3});
    CHECK(s.intention(a)->archived_on == today);
    s.set_focus(std::nullopt);
    CHECK_FALSE(s.focus());
}

TEST_CASE("store: cues with steps, pauses and archive") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("Be calmer", std::nullopt, std::nullopt, ymd(2026, 11, 1));
    const Id c = s.add_cue(new_cue(i));
    auto cue = s.cue(c);
    REQUIRE(cue);
    CHECK(cue->intention_id == i);
    CHECK(cue->kind == CueKind::if_);
    CHECK(cue->trigger == "I feel anger rising");
    CHECK(cue->at == 7 * 60 + 30);
    CHECK(cue->days == Schedule::parse("mon,wed,fri"));
    CHECK(cue->created == ymd(2026, 11, 2));
    CHECK(cue->status == CueStatus::active);
    REQUIRE(cue->steps.size() == 1);
    CHECK(cue->behavior() == "breathe");
    CHECK_FALSE(cue->steps[0].note);

    s.add_step(c, Step{today, "three breaths", std::string("felt easy")});
    cue = s.cue(c);
    REQUIRE(cue->steps.size() == 2);
    CHECK(cue->steps[0].behavior == "breathe");
    CHECK(cue->behavior() == "three breaths");
    CHECK(cue->steps[1].note == "felt easy");
    CHECK(cue->steps[1].day == today);

    s.pause_cue(c, ymd(2026, 11, 10));
    CHECK(s.cue(c)->status == CueStatus::paused);
    s.resume_cue(c, ymd(2026, 11, 13));
    cue = s.cue(c);
    CHECK(cue->status == CueStatus::active);
    REQUIRE(cue->pauses.size() == 1);
    CHECK(cue->pauses[0].from == ymd(2026, 11, 10));
    CHECK(cue->pauses[0].until == ymd(2026, 11, 13));
    CHECK_FALSE(cue->scheduled_on(ymd(2026, 11, 11))); // a paused Wednesday
    CHECK(cue->scheduled_on(ymd(2026, 11, 13)));       // Friday, resumed

    const Id other = s.add_cue(new_cue(i, "walk"));
    s.archive_cue(other, today);
    CHECK(s.cue(other)->status == CueStatus::archived);
    CHECK(s.cue(other)->archived_on == today);
    CHECK(s.cues(false).size() == 1);
    CHECK(s.cues(true).size() == 2);
    CHECK_FALSE(s.cue(other + 100));

    // A cue must belong to an intention that exists.
    CHECK_THROWS(s.add_cue(new_cue(i + 100)));
}

TEST_CASE("store: log keeps one entry per cue, day and status") {
    auto s = store::Store::open_memory();
    const Id i = s.add_intention("Be calmer", std::nullopt, std::nullopt, ymd(2026, 11, 1));
    const Id c = s.add_cue(new_cue(i));
    const Id d = s.add_cue(new_cue(i, "walk"));
    s.put_log({c, today, LogStatus::slip, std::string("busy")});
    s.put_log({c, today, LogStatus::done, std::nullopt});
    s.put_log({c, today, LogStatus::slip, std::nullopt}); // keeps the note
    s.put_log({c, today - days{1}, LogStatus::skip, std::string("ill")});
    s.put_log({d, today, LogStatus::done, std::string("evening")});

    auto all = s.logs({});
    REQUIRE(all.size() == 4);
    // Day order, then cue, then done before slip.
    CHECK(all[0].day == today - days{1});
    CHECK(all[1].cue_id == c);
    CHECK(all[1].status == LogStatus::done);
    CHECK(all[2].status == LogStatus::slip);
    CHECK(all[2].note == "busy");
    CHECK(all[3].cue_id == d);

    s.put_log({c, today, LogStatus::slip, std::string("phone")});
    CHECK(s.logs({{today, today}, c})[1].note == "phone");

    CHECK(s.logs({{today, today}, std::nullopt}).size() == 3);
    CHECK(s.logs({{std::nullopt, today - days{1}}, std::nullopt}).size() == 1);
    CHECK(s.logs({{}, d}).size() == 1);

    CHECK(s.remove_logs(c, today, LogStatus::slip) == 1);
    CHECK(s.logs({{}, c}).size() == 2);
    CHECK(s.remove_logs(c, today, std::nullopt) == 1);
    CHECK(s.remove_logs(c, today, std::nullopt) == 0);
    CHECK(s.logs({}).size() == 2);

    // The store keeps its references: no entry for a cue it does not hold.
    CHECK_THROWS(s.put_log({d + 1, today, LogStatus::done, std::nullopt}));
    CHECK(s.logs({}).size() == 2);
    // The same entry again changes nothing, and says so; a new note does.
    CHECK_FALSE(s.put_log({d, today, LogStatus::done, std::string("evening")}));
    CHECK_FALSE(s.put_log({d, today, LogStatus::done, std::nullopt}));
    CHECK(s.put_log({d, today, LogStatus::done, std::string("late evening")}));
    CHECK(s.put_log({d, today - days{1}, LogStatus::done, std::nullopt}));
}

TEST_CASE("store: a rating of the same day and kind replaces the value") {
    auto s = store::Store::open_memory();
    s.put_rating({today, RatingKind::mood, 6, std::string("slow start")});
    s.put_rating({today, RatingKind::mood, 8, std::nullopt});
    s.put_rating({today, RatingKind::energy, 3, std::nullopt});
    s.put_rating({today - days{2}, RatingKind::mood, 2, std::nullopt});

    auto all = s.ratings({});
    REQUIRE(all.size() == 3);
    CHECK(all[0].day == today - days{2});
    auto mood = s.ratings({today, today}, RatingKind::mood);
    REQUIRE(mood.size() == 1);
    CHECK(mood[0].value == 8);
    CHECK(mood[0].note == "slow start");
    auto energy = s.ratings({}, RatingKind::energy);
    REQUIRE(energy.size() == 1);
    CHECK(energy[0].value == 3);
    CHECK(s.ratings({today - days{1}, std::nullopt}).size() == 2);
}

TEST_CASE("store: both kinds of rating come by day, a day's mood before its energy") {
    auto s = store::Store::open_memory();
    // Written out of order, some days with one kind only, and a day whose text sorts before the
    // others although it comes after them (a five-digit year).
    const Day far = Day{year{10000} / January / day{1}};
    s.put_rating({today, RatingKind::energy, 3, std::nullopt});
    s.put_rating({far, RatingKind::energy, 1, std::nullopt});
    s.put_rating({today - days{3}, RatingKind::mood, 4, std::nullopt});
    s.put_rating({today, RatingKind::mood, 7, std::nullopt});
    s.put_rating({today - days{1}, RatingKind::energy, 5, std::nullopt});
    s.put_rating({today - days{3}, RatingKind::energy, 6, std::nullopt});
    s.put_rating({far, RatingKind::mood, 9, std::nullopt});
    const auto order = [](const std::vector<Rating>& rs) {
        std::vector<std::pair<Day, RatingKind>> out;
        for (const auto& r : rs)
            out.emplace_back(r.day, r.kind);
        return out;
    };
    using P = std::vector<std::pair<Day, RatingKind>>;
    CHECK(order(s.ratings({})) == P{{today - days{3}, RatingKind::mood},
                                    {today - days{3}, RatingKind::energy},
                                    {today - days{1}, RatingKind::energy},
                                    {today, RatingKind::mood},
                                    {today, RatingKind::energy},
                                    {far, RatingKind::mood},
                                    {far, RatingKind::energy}});
    CHECK(order(s.ratings({today - days{1}, today})) == P{{today - days{1}, RatingKind::energy},
                                                          {today, RatingKind::mood},
                                                          {today, RatingKind::energy}});
    CHECK(order(s.ratings({today - days{2}, today - days{2}})).empty());
    // One kind alone, and its values beside their days.
    CHECK(order(s.ratings({today - days{3}, today}, RatingKind::mood)) ==
          P{{today - days{3}, RatingKind::mood}, {today, RatingKind::mood}});
    CHECK(s.rating_values({today - days{3}, today}, RatingKind::energy) ==
          std::vector<std::pair<Day, int>>{{today - days{3}, 6}, {today - days{1}, 5}, {today, 3}});
}

TEST_CASE("store: journal entries with tags, kind and prompt") {
    auto s = store::Store::open_memory();
    JournalEntry e;
    e.day = today;
    e.text = "Called a friend";
    e.tags = {"win", "felt"};
    e.kind = "actionable";
    e.prompt = "quick.1";
    const Id a = s.add_journal(e);
    e.day = today - days{1};
    e.text = "Slept badly";
    e.tags = {"obstacle"};
    e.kind.reset();
    e.prompt.reset();
    const Id b = s.add_journal(e);
    CHECK(a != b);

    auto all = s.journal({});
    REQUIRE(all.size() == 2);
    CHECK(all[0].text == "Slept badly");
    CHECK(all[1].id == a);
    CHECK(all[1].tags == std::vector<std::string>{"win", "felt"});
    CHECK(all[1].kind == "actionable");
    CHECK(all[1].prompt == "quick.1");
    CHECK_FALSE(all[0].kind);

    auto wins = s.journal({{}, std::string("win")});
    REQUIRE(wins.size() == 1);
    CHECK(wins[0].id == a);
    CHECK(s.journal({{}, std::string("wi")}).empty());
    CHECK(s.journal({{today, today}, std::nullopt}).size() == 1);
}

TEST_CASE("store: sessions, one per day") {
    auto s = store::Store::open_memory();
    const Id a = s.add_session({0, today, std::string("second")});
    s.add_session({0, ymd(2026, 11, 1), std::nullopt});
    CHECK(s.add_session({0, today, std::nullopt}) == a); // same day: same session, note kept
    auto all = s.sessions();
    REQUIRE(all.size() == 2);
    CHECK(all[0].day == ymd(2026, 11, 1));
    CHECK(all[1].note == "second");
    s.add_session({0, today, std::string("updated")});
    CHECK(s.sessions()[1].note == "updated");
}

TEST_CASE("store: write() commits, and rolls back when the function throws") {
    auto s = store::Store::open_memory();
    s.write([&] { s.add_intention("Kept", std::nullopt, std::nullopt, today); });
    CHECK(s.intentions(true).size() == 1);

    CHECK_THROWS_AS(s.write([&] {
        const Id i = s.add_intention("Lost", std::nullopt, std::nullopt, today);
        s.set_focus(i);
        s.put_rating({today, RatingKind::mood, 5, std::nullopt});
        throw std::runtime_error("midway");
    }),
                    std::runtime_error);
    CHECK(s.intentions(true).size() == 1);
    CHECK_FALSE(s.focus());
    CHECK(s.ratings({}).empty());

    // A failing statement rolls back the statements before it, too.
    CHECK_THROWS(s.write([&] {
        s.put_rating({today, RatingKind::mood, 5, std::nullopt});
        s.add_cue(new_cue(9999));
    }));
    CHECK(s.ratings({}).empty());

    // The store is usable after a rollback.
    s.write([&] { s.put_rating({today, RatingKind::mood, 7, std::nullopt}); });
    CHECK(s.ratings({}).size() == 1);
}
