// kint sync as a whole (SPEC §7.5, issue 18): simulated devices (separate stores on disk, one
// shared folder), thousands of random writes, syncs in random orders, clocks that disagree; after
// every device has synced twice with nothing new written, all hold the same records.
#include "kint/app/sync.hpp"
#include "kint/domain/sync.hpp"
#include "kint/render/exchange.hpp"
#include "kint/store/store.hpp"
#include "kint/sync/key.hpp"
#include "test_day.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <random>

using namespace kint;
using kint::test::D;
namespace fs = std::filesystem;

namespace {

const app::SyncCodec codec{
    [](const exchange::Snapshot& s) { return exchange::to_json(s).dump(0); },
    [](std::string_view text) { return exchange::from_json(json::parse(text), D("2031-01-01")); }};

// Everything a store holds, by uid, sorted: equal for two stores that hold the same records
// (whatever their ids).
std::string canonical(const store::Store& s) {
    const auto d = s.dump();
    std::map<Id, std::string> intention, cue;
    for (const auto& i : d.intentions)
        intention[i.id] = i.uid;
    for (const auto& c : d.cues)
        cue[c.id] = c.uid;
    std::vector<std::string> lines;
    for (const auto& i : d.intentions)
        lines.push_back(fmt::format("I {} {} {} {} {}", i.uid, i.hlc, i.text,
                                    format_day(i.created), i.archived_on.has_value()));
    for (const auto& c : d.cues) {
        lines.push_back(fmt::format("C {} {} {} {} {} {} {} {}", c.uid, c.hlc,
                                    intention[c.intention_id], to_string(c.kind), c.trigger,
                                    c.days.mask(), format_day(c.created), to_string(c.status)));
        for (const auto& st : c.steps)
            lines.push_back(fmt::format("S {} {} {} {} {}", c.uid, st.uid, st.hlc,
                                        format_day(st.day), st.behavior));
        for (const auto& p : c.pauses)
            lines.push_back(fmt::format("P {} {} {} {}", c.uid, format_day(p.from),
                                        p.until ? format_day(*p.until) : "-", p.hlc));
    }
    for (const auto& e : d.logs)
        lines.push_back(fmt::format("L {} {} {} {} {}", cue[e.cue_id], format_day(e.day),
                                    to_string(e.status), e.note.value_or("-"), e.hlc));
    for (const auto& r : d.ratings)
        lines.push_back(fmt::format("R {} {} {} {}", format_day(r.day), to_string(r.kind), r.value,
                                    r.hlc));
    for (const auto& e : d.journal)
        lines.push_back(fmt::format("J {} {} {} {}", e.uid, format_day(e.day), e.text, e.hlc));
    for (const auto& x : d.sessions)
        lines.push_back(fmt::format("X {} {} {}", format_day(x.day), x.note.value_or("-"), x.hlc));
    for (const auto& t : d.removals)
        lines.push_back(fmt::format("T {} {}", t.uid, t.hlc));
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines)
        out += l + "\n";
    return out;
}

struct Device {
    store::Store store;
    std::int64_t now_ms;
    std::int64_t skew_ms;
};

struct World {
    fs::path root;
    std::string dir;
    std::vector<Device> devices;
    std::mt19937 random;

    World(int n, unsigned seed) : random(seed) {
        root = fs::temp_directory_path() / fmt::format("kint-sync-prop-{}-{}", ::getpid(), seed);
        fs::remove_all(root);
        fs::create_directories(root / "shared");
        dir = (root / "shared").string();
        for (int i = 0; i < n; ++i) {
            auto s = store::Store::open((root / fmt::format("d{}.db", i)).string());
            // Device clocks that disagree by up to ten minutes either way.
            const std::int64_t skew = std::uniform_int_distribution<std::int64_t>(-600'000,
                                                                                   600'000)(random);
            devices.push_back(Device{std::move(s), 1'800'000'000'000, skew});
        }
        for (auto& d : devices) {
            auto* dev = &d;
            d.store.wall_clock([dev] { return dev->now_ms + dev->skew_ms; });
        }
        // The first device makes the key; the others join with a copy of it.
        const auto first = app::sync_init(devices[0].store, {dir, std::nullopt});
        for (std::size_t i = 1; i < devices.size(); ++i)
            app::sync_init(devices[i].store, {dir, first.key_path});
    }
    ~World() { fs::remove_all(root); }

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }
    Day day() { return D("2026-01-01") + std::chrono::days{pick(40)}; }

    // One random write on device `i`, as the commands make them.
    void write(std::size_t i) {
        auto& d = devices[i];
        d.now_ms += 1 + pick(5000);
        auto& s = d.store;
        const auto cues = s.cues(true);
        const auto intentions = s.intentions(true);
        s.write([&] {
            const int op = pick(100);
            if (intentions.empty() || op < 3) {
                s.add_intention(fmt::format("intention {}", pick(1000)), std::nullopt, std::nullopt,
                                D("2026-01-01"));
                return;
            }
            if (cues.empty() || op < 8) {
                store::NewCue c;
                c.intention_id = intentions[pick(static_cast<int>(intentions.size()))].id;
                c.trigger = fmt::format("trigger {}", pick(100));
                c.created = D("2026-01-01");
                c.behavior = "one tiny thing";
                s.add_cue(c);
                return;
            }
            const Id cue = cues[pick(static_cast<int>(cues.size()))].id;
            const LogStatus status = std::array{LogStatus::done, LogStatus::skip,
                                                LogStatus::slip}[pick(3)];
            if (op < 45) {
                LogEntry e{cue, day(), status};
                if (pick(3) == 0) e.note = fmt::format("note {}", pick(10));
                s.put_log(e);
            } else if (op < 55) {
                s.remove_logs(cue, day(), pick(2) ? std::optional(status) : std::nullopt);
            } else if (op < 75) {
                s.put_rating(Rating{day(), pick(2) ? RatingKind::mood : RatingKind::energy,
                                    pick(11)});
            } else if (op < 83) {
                JournalEntry e;
                e.day = day();
                e.text = fmt::format("entry {}", pick(1000));
                s.add_journal(e);
            } else if (op < 87) {
                const auto entries = s.journal({});
                if (!entries.empty())
                    s.remove_journal(entries[pick(static_cast<int>(entries.size()))].id);
            } else if (op < 92) {
                s.add_session(Session{0, day(), pick(2) ? std::optional<std::string>("n")
                                                        : std::nullopt});
            } else if (op < 95) {
                s.remove_session(day());
            } else if (op < 97) {
                s.set_intention_text(intentions[pick(static_cast<int>(intentions.size()))].id,
                                     fmt::format("renamed {}", pick(100)));
            } else {
                // As `cue step` does: a new step from its day on, never before the last one.
                const auto& c = *std::find_if(cues.begin(), cues.end(),
                                              [&](const Cue& x) { return x.id == cue; });
                s.add_step(cue, Step{c.steps.back().day + std::chrono::days{pick(3)},
                                     fmt::format("step {}", pick(100))});
            }
        });
    }

    app::SyncResult sync(std::size_t i) {
        devices[i].now_ms += 1 + pick(1000);
        return app::sync(devices[i].store, {dir}, codec);
    }
};

void converges(int n, unsigned seed, int writes) {
    World w(n, seed);
    for (int k = 0; k < writes; ++k) {
        if (w.pick(10) == 0)
            w.sync(static_cast<std::size_t>(w.pick(n)));
        else
            w.write(static_cast<std::size_t>(w.pick(n)));
    }
    // Two rounds, each device in a random order, nothing written meanwhile.
    for (int round = 0; round < 2; ++round) {
        std::vector<std::size_t> order(static_cast<std::size_t>(n));
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::shuffle(order.begin(), order.end(), w.random);
        for (auto i : order) {
            const auto r = w.sync(i);
            for (const auto& x : r.problems)
                FAIL_CHECK(x.file << ": " << x.why);
        }
    }
    const auto first = canonical(w.devices[0].store);
    CHECK(first.size() > 1000);
    for (int i = 1; i < n; ++i)
        CHECK(canonical(w.devices[static_cast<std::size_t>(i)].store) == first);
    // And a third round changes nothing, writes nothing.
    for (std::size_t i = 0; i < w.devices.size(); ++i) {
        const auto r = w.sync(i);
        CHECK(r.sent == 0);
        CHECK(r.files_read == 0);
    }
}

} // namespace

TEST_CASE("sync: two devices converge after random writes and syncs") {
    for (unsigned seed : {1u, 2u, 3u})
        converges(2, seed, 600);
}

TEST_CASE("sync: three and four devices converge, clocks skewed") {
    converges(3, 11, 900);
    converges(4, 12, 1200);
}
