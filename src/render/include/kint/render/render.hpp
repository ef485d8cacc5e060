#pragma once
// Renderers: JSON documents and human text for kint's records. Nothing here touches the store.
#include "kint/config/config.hpp"
#include "kint/core/model.hpp"
#include "kint/domain/phases.hpp"
#include "kint/domain/safety.hpp"
#include "kint/render/json.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kint::render {

// Wraps text in ANSI styles only when colour is on.
class Paint {
  public:
    explicit Paint(bool on) : m_on(on) {}
    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string dim(std::string_view s) const { return wrap("2", s); }
    std::string green(std::string_view s) const { return wrap("32", s); }
    std::string yellow(std::string_view s) const { return wrap("33", s); }
    std::string cyan(std::string_view s) const { return wrap("36", s); }
    std::string magenta(std::string_view s) const { return wrap("35", s); }
    bool on() const { return m_on; }

  private:
    std::string wrap(std::string_view code, std::string_view s) const;
    bool m_on;
};

json::Value to_json(const Intention& i);
json::Value to_json(const Cue& c, const config::HabitPhase* phase = nullptr, int week = 0);
json::Value to_json(const Step& s);
// The fields every cue document begins with (id, intention_id, kind, trigger, behavior, at, days,
// per, target, unit, at_most, created), and its steps: to_json(Cue) and today's cues go on from
// these.
json::Value cue_head_json(const Cue& c);
json::Value steps_json(const Cue& c);
// A cue's earlier plans (cue edit), oldest first: [{until, kind, trigger, at, days, per}].
json::Value plans_json(const Cue& c);
json::Value to_json(const LogEntry& e);
json::Value to_json(const Rating& r);
json::Value to_json(const JournalEntry& e);
json::Value to_json(const Session& s);
json::Value to_json(const config::Prompt& p);
json::Value catalogue_json(const std::vector<config::CatalogueGroup>& groups);

// SPEC §6 phase: {name, day, guidance} (+ key, session, safety), or null with no session.
json::Value phase_json(const std::optional<phases::TimelinePosition>& position);

// SPEC §5: { triggered, days, message, contact } (message and contact always present).
json::Value safety_json(const safety::Verdict& v, const config::Safety& rule);
// The note as people read it, shown first and plainly; empty when not triggered.
std::string safety_text(const safety::Verdict& v, const config::Safety& rule, const Paint& p);

// "after I pour my coffee" / "if I feel anger rising" / "at my pillow" / "at 07:30"
std::string trigger_phrase(const Cue& c);
std::string trigger_phrase(CueKind kind, const std::string& trigger);
// A plan's schedule in words: "every day", "mon,wed,fri", "3 times a week", "2 times in any 10
// days".
std::string schedule_text(CueKind kind, const Schedule& days, const std::optional<Per>& per);
// "1 day", "2 days": a count with its noun.
std::string plural(std::size_t n, std::string_view one, std::string_view many);
// "a", "a and b", "a, b and c" (empty for none).
std::string words_and(const std::vector<std::string>& words);
// A change of trail strength (0..1) in whole points: "+3 points", "−1 point", "no change".
std::string strength_change(double delta);
std::string intention_line(const Intention& i, const Paint& p);
std::string cue_line(const Cue& c, const config::HabitPhase* phase, int week, const Paint& p);

} // namespace kint::render
