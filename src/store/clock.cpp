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
    return state("hlc").value_or("");
}

std::string Store::device() const {
    const auto last = hlc::parse(last_clock());
    return last ? last->device : std::string();
}

const std::string& Store::tick() {
    if (!m_tick.empty() || !has_schema(5)) return m_tick;
    const std::string last = last_clock();
    const auto parsed = hlc::parse(last);
    const std::string device = parsed ? parsed->device : random_device_id();
    const std::int64_t now =
        m_now_ms ? m_now_ms()
                 : std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
    m_tick = hlc::format(hlc::next(parsed ? last : "", now, device));
    set_state("hlc", m_tick);
    return m_tick;
}

void Store::hear_clock(const std::string& seen) {
    const auto heard = hlc::parse(seen);
    if (!heard || !has_schema(5)) return;
    const std::string& own = tick(); // the device, made when missing
    if (seen <= own) return;
    hlc::Stamp raised = *heard;
    raised.device = hlc::parse(own)->device;
    set_state("hlc", hlc::format(raised));
    // This transaction's writes keep their clock; the next transaction ticks after `seen`.
}

void Store::bury(const std::string& uid) {
    if (!has_schema(5) || uid.empty()) return;
    SQLite::Statement st(*m_db, "INSERT INTO tombstone (uid, hlc) VALUES (?, ?) "
                                "ON CONFLICT (uid) DO UPDATE SET hlc = max(hlc, excluded.hlc)");
    st.bind(1, uid);
    st.bind(2, tick());
    st.exec();
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
