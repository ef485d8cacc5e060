// The clock and the rules two stores agree by (SPEC §7.5): domain/hlc and domain/sync.
#include "kint/domain/hlc.hpp"
#include "kint/domain/sync.hpp"

#include <doctest/doctest.h>

using namespace kint;

namespace {
const std::string dev_a = "00000000000000aa", dev_b = "00000000000000bb";
Day D(const char* text) {
    return *parse_iso_day(text);
}
} // namespace

TEST_CASE("a clock's text sorts as the clock does, and reads back") {
    const hlc::Stamp s{0x18c2f3a4b5c, 3, dev_a};
    CHECK(hlc::format(s) == "018c2f3a4b5c000300000000000000aa");
    CHECK(hlc::parse(hlc::format(s)) == s);
    CHECK(hlc::format({1, 0, dev_b}) < hlc::format({2, 0, dev_a})); // ms first
    CHECK(hlc::format({2, 1, dev_a}) < hlc::format({2, 2, dev_a})); // then the counter
    CHECK(hlc::format({2, 1, dev_a}) < hlc::format({2, 1, dev_b})); // then the device
    CHECK(std::string() < hlc::format({0, 0, "0000000000000000"})); // "" is the earliest
    CHECK_FALSE(hlc::parse("018c2f3a4b5c000300000000000000AA"));    // upper case
    CHECK_FALSE(hlc::parse("018c2f3a4b5c000300000000000000a"));     // short
    CHECK_FALSE(hlc::parse(""));
    CHECK(hlc::valid_device(dev_a));
    CHECK_FALSE(hlc::valid_device("xyz"));
}

TEST_CASE("the next clock is later than every clock seen, whatever the wall clock says") {
    SUBCASE("a fresh device takes the wall clock") {
        CHECK(hlc::next("", 1000, dev_a) == hlc::Stamp{1000, 0, dev_a});
    }
    SUBCASE("the wall clock moved on: the counter starts again") {
        CHECK(hlc::next(hlc::format({900, 7, dev_b}), 1000, dev_a) == hlc::Stamp{1000, 0, dev_a});
    }
    SUBCASE("the same millisecond, or a wall clock behind one seen: the counter moves") {
        CHECK(hlc::next(hlc::format({1000, 0, dev_a}), 1000, dev_a) == hlc::Stamp{1000, 1, dev_a});
        // another device's clock runs five minutes ahead: ours follows it, never goes back
        const auto ahead = hlc::format({1000 + 300000, 4, dev_b});
        const auto mine = hlc::next(ahead, 1000, dev_a);
        CHECK(mine == hlc::Stamp{301000, 5, dev_a});
        CHECK(hlc::format(mine) > ahead);
    }
    SUBCASE("65,536 writes in one millisecond borrow the next one") {
        CHECK(hlc::next(hlc::format({1000, 0xffff, dev_a}), 1000, dev_a) ==
              hlc::Stamp{1001, 0, dev_a});
    }
    CHECK(hlc::later("", "a") == "a");
    CHECK(hlc::later("b", "a") == "b");
}

TEST_CASE("records named by their content get the same uid in every store") {
    const std::string cue = "0123456789abcdef0123456789abcdef";
    CHECK(sync::valid_random_uid(cue));
    CHECK_FALSE(sync::valid_random_uid("0123"));
    CHECK(sync::log_uid(cue, D("2026-11-03"), LogStatus::done) == cue + "/log/2026-11-03/done");
    CHECK(sync::log_uid(cue, D("2026-11-03"), LogStatus::skip) !=
          sync::log_uid(cue, D("2026-11-03"), LogStatus::done)); // every status is kept
    CHECK(sync::pause_uid(cue, D("2026-11-04")) == cue + "/pause/2026-11-04");
    CHECK(sync::plan_uid(cue, D("2026-11-05")) == cue + "/plan/2026-11-05");
    CHECK(sync::rating_uid(D("2026-11-03"), RatingKind::energy) == "rating/2026-11-03/energy");
    CHECK(sync::session_uid(D("2026-11-03")) == "session/2026-11-03");
}

TEST_CASE("conflict table: which write of one record stays") {
    const auto early = hlc::format({1000, 0, dev_a}), late = hlc::format({2000, 0, dev_b});
    // later write wins, whichever side it is on
    CHECK(sync::replaces(late, "x", early, "y"));
    CHECK_FALSE(sync::replaces(early, "y", late, "x"));
    // the same write heard again changes nothing (idempotent)
    CHECK_FALSE(sync::replaces(late, "x", late, "x"));
    // two records from before sync (no clock): the larger text, the same choice on both sides
    CHECK(sync::replaces("", "mood 7", "", "mood 5"));
    CHECK_FALSE(sync::replaces("", "mood 5", "", "mood 7"));
    // a clocked write beats an unclocked one
    CHECK(sync::replaces(early, "a", "", "z"));
    // a removal wins over the write it saw and over a concurrent earlier one, not a later edit
    CHECK(sync::removes(late, early));
    CHECK(sync::removes(late, late));
    CHECK(sync::removes(early, ""));
    CHECK_FALSE(sync::removes(early, late));
}
