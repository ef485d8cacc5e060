// The store's hybrid logical clock, its device, its tombstones and sync's state rows (SPEC §7.5).
#include "internal.hpp"

#include "kint/domain/hlc.hpp"

#include <chrono>
#include <random>

namespace kint::store {

using namespace detail;

namespace {

std::string random_device_id() {
    std::random_device random;
    std::string out;
    out.reserve(hlc::device_chars);
    for (std::size_t i = 0; i < hlc::device_chars; ++i)
        out += "0123456789abcdef"[random() & 0xF];
    return out;
}

} // namespace

std::optional<std::string> Store::state(const std::string& key) const {
    SQLite::Statement st(*m_db, "SELECT value FROM state WHERE key = ?");
    st.bind(1, key);
    if (!st.executeStep() || st.getColumn(0).isNull()) return std::nullopt;
    return st.getColumn(0).getString();
}

void Store::set_state(const std::string& key, const std::string& value) {
    SQLite::Statement st(*m_db, "INSERT INTO state (key, value) VALUES (?, ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, key);
    st.bind(2, value);
    st.exec();
}

std::string Store::last_clock() const {
    if (!has_schema(5)) return {};
    if (!m_tick.empty()) return m_tick; // this transaction's, kept at its commit
    return state("hlc").value_or("");
}

std::string Store::device() const {
    const auto last = hlc::parse(last_clock());
    return last ? last->device : std::string();
}

std::int64_t Store::wall_ms() const {
    if (m_now_ms) return m_now_ms();
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const std::string& Store::tick() {
    if (!m_tick.empty() || !has_schema(5)) return m_tick;
    const std::string last = state("hlc").value_or("");
    const auto parsed = hlc::parse(last);
    const std::string device = parsed ? parsed->device : random_device_id();
    m_tick = hlc::format(hlc::next(parsed ? last : "", wall_ms(), device));
    // Kept by write() at the commit, when the transaction changed something: a command that
    // changes nothing (logging the same again) writes nothing, not even its clock.
    return m_tick;
}

void Store::new_device() {
    if (!has_schema(5)) return;
    const auto last = hlc::parse(last_clock());
    hlc::Stamp stamp = last ? *last : hlc::Stamp{};
    stamp.device = random_device_id();
    m_tick = hlc::format(hlc::next(hlc::format(stamp), wall_ms(), stamp.device));
    keep_clock();
}

void Store::keep_clock() {
    if (!m_tick.empty()) set_state("hlc", m_tick);
}

void Store::hear_clock(const std::string& seen) {
    if (!hlc::parse(seen) || !has_schema(5)) return;
    const std::string own = tick(); // the device, made when missing
    if (seen <= own) return;
    // What this transaction writes from now on, and the next one, is later than all it heard.
    m_tick = hlc::format(hlc::next(seen, wall_ms(), hlc::parse(own)->device));
    keep_clock();
}

void Store::bury(const std::string& uid) {
    if (!has_schema(5) || uid.empty()) return;
    SQLite::Statement st(*m_db, "INSERT INTO tombstone (uid, hlc) VALUES (?, ?) "
                                "ON CONFLICT (uid) DO UPDATE SET hlc = max(hlc, excluded.hlc)");
    st.bind(1, uid);
    st.bind(2, tick());
    st.exec();
}

void Store::give_uids() {
    if (!has_schema(5)) return;
    // Rows another program wrote without one (kint always gives one).
    m_db->exec("UPDATE intention SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL; "
               "UPDATE cue SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL; "
               "UPDATE step SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL; "
               "UPDATE journal SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL");
}

std::string Store::cue_uid(Id id) const {
    if (!has_schema(5)) return {};
    SQLite::Statement st(*m_db, "SELECT uid FROM cue WHERE id = ?");
    st.bind(1, id);
    if (!st.executeStep() || st.getColumn(0).isNull()) return {};
    return st.getColumn(0).getString();
}

void Store::stamp(const char* table, Id id) {
    if (!has_schema(5)) return;
    // `table` is one of the store's own names, never input.
    SQLite::Statement st(*m_db, fmt::format("UPDATE {} SET hlc = ? WHERE id = ?", table));
    st.bind(1, tick());
    st.bind(2, id);
    st.exec();
}

} // namespace kint::store
