// The reminders kint remind has sent: one per cue and day, with the minute it went out.
#include "internal.hpp"

namespace kint::store {

using namespace detail;

bool Store::reminded(Id cue_id, Day day) const {
    if (!has_schema(4)) return false; // an older store has sent none (open_at_version, for tests)
    SQLite::Statement st(*m_db, "SELECT 1 FROM reminder WHERE cue_id = ? AND day = ?");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    return st.executeStep();
}

void Store::add_reminder(Id cue_id, Day day, Minutes sent) {
    if (!has_schema(4)) return;
    // Two runs at the same moment (a timer and a cron line) may both have sent it: one row.
    SQLite::Statement st(*m_db, "INSERT INTO reminder (cue_id, day, sent) VALUES (?, ?, ?) "
                                "ON CONFLICT (cue_id, day) DO NOTHING");
    st.bind(1, cue_id);
    st.bind(2, day_text(day));
    st.bind(3, sent);
    st.exec();
}

} // namespace kint::store
