// What the prompt segment needs, in a few indexed reads; and the checkpoint its cache relies on.
#include "internal.hpp"
#include "kint/domain/period.hpp"

#include <algorithm>
#include <sys/stat.h>

namespace kint::store {

using namespace detail;

segment::Facts Store::segment_facts(std::optional<Day> until) const {
    const std::string last_day = until ? day_text(*until) : "9999-12-31";
    segment::Facts f;
    if (auto id = focus())
        if (auto i = intention(*id)) f.focus = i->text;
    // The latest done or skipped day of one cue: backwards along its primary key, a row or two.
    SQLite::Statement last(*m_db, "SELECT day FROM log WHERE cue_id = ? AND day <= ? AND status <> "
                                  "'slip' ORDER BY day DESC LIMIT 1");
    // A --per cue's done days, newest first, back to segment::per_days_kept days before `until`
    // (or before the newest): read for --per cues only, a few rows each.
    std::optional<SQLite::Statement> done;
    // A timed cue's latest day with any entry (a slip too), for the prompt's due cue: one seek.
    std::optional<SQLite::Statement> logged;
    for (auto& c : cues(false, /*current_step_only=*/true)) {
        segment::CueFacts cf{c.days, c.created, c.archived_on, std::move(c.pauses), std::nullopt};
        cf.situation = c.kind == CueKind::if_;
        if (!cf.situation) cf.per = c.per;
        // A --per plan counts from the day it began (cue edit): the facts answer for days from
        // the store's latest on, so its first day stands in for the creation.
        if (cf.per && !c.plans.empty()) cf.created = std::max(cf.created, c.plans.back().until);
        last.bind(1, c.id);
        last.bind(2, last_day);
        if (last.executeStep())
            tolerant(m_skipped, "a log entry", [&] { cf.last_done = day_of(last.getColumn(0)); });
        last.reset();
        if (c.at && !cf.situation) {
            cf.at = c.at;
            cf.behavior = c.behavior();
            if (!logged)
                logged.emplace(*m_db, "SELECT day FROM log WHERE cue_id = ? AND day <= ? ORDER BY "
                                      "day DESC LIMIT 1");
            logged->bind(1, c.id);
            logged->bind(2, last_day);
            if (logged->executeStep())
                tolerant(m_skipped, "a log entry",
                         [&] { cf.last_logged = day_of(logged->getColumn(0)); });
            logged->reset();
        }
        if (cf.per) {
            if (!done)
                done.emplace(*m_db, fmt::format("SELECT day, {} FROM log WHERE cue_id = ? AND "
                                                "day <= ? AND status = 'done' ORDER BY day DESC",
                                                has_schema(3) ? "amount" : "NULL"));
            done->bind(1, c.id);
            done->bind(2, last_day);
            std::optional<Day> oldest;
            if (until) oldest = *until - std::chrono::days{segment::per_days_kept - 1};
            while (done->executeStep()) {
                std::optional<Day> day;
                tolerant(m_skipped, "a log entry", [&] { day = day_of(done->getColumn(0)); });
                if (!day) continue;
                if (!oldest) oldest = *day - std::chrono::days{segment::per_days_kept - 1};
                if (*day < *oldest) break;
                LogEntry e{c.id, *day, LogStatus::done, std::nullopt, std::nullopt};
                if (!done->getColumn(1).isNull()) e.amount = done->getColumn(1).getDouble();
                if (period::counts_done(e, c.measure())) cf.done_days.push_back(*day);
            }
            done->reset();
            std::reverse(cf.done_days.begin(), cf.done_days.end());
        }
        f.cues.push_back(std::move(cf));
    }
    // The newest mood ratings, back along the primary key to segment::mood_days_kept days before
    // the newest: a few dozen rows at most.
    SQLite::Statement mood(*m_db, "SELECT day, value FROM rating WHERE kind = 'mood' AND day <= ? "
                                  "ORDER BY day DESC");
    mood.bind(1, last_day);
    while (mood.executeStep()) {
        std::optional<Day> day;
        tolerant(m_skipped, "a rating", [&] { day = day_of(mood.getColumn(0)); });
        if (!day) continue;
        const segment::MoodFact m{*day, mood.getColumn(1).getInt()};
        if (!f.moods.empty() &&
            m.day < f.moods.front().day - std::chrono::days{segment::mood_days_kept})
            break;
        f.moods.push_back(m);
    }
    std::reverse(f.moods.begin(), f.moods.end());
    return f;
}

void Store::checkpoint() {
    // An empty WAL holds nothing to copy (a command that changed nothing, or whose change an
    // earlier checkpoint took): emptying it again would only lock and truncate it.
    struct stat wal {};
    if (::stat((m_path + "-wal").c_str(), &wal) == 0 && S_ISREG(wal.st_mode) && wal.st_size == 0)
        return;
    // TRUNCATE empties the WAL too, so removed text (secure_delete) lingers in no old page image.
    // It must not wait for a reader (the prompt): with one busy it copies what it can and leaves
    // the rest for the next command.
    m_db->setBusyTimeout(0);
    try {
        m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
    }
    m_db->setBusyTimeout(busy_timeout_ms);
}

} // namespace kint::store
