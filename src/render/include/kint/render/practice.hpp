#pragma once
// kint practice: the list, a practice as it runs and its end, as JSON and text.
#include "kint/app/practice.hpp"
#include "kint/render/json.hpp"
#include "kint/render/render.hpp"

#include <string>
#include <vector>

namespace kint::render {

json::Value to_json(const app::PracticeList& r);
std::string to_text(const app::PracticeList& r, const Paint& p);
// A practice's title and its numbered steps, shown as it runs (the pacer goes between the steps).
std::string practice_title(const app::PracticeRun& r, const Paint& p);
std::string practice_step(std::size_t number, const std::string& step, const Paint& p);
// One frame of the pacer at second `t` of `seconds`: a bar of the time left and the cue of `breath`
// (a practice's pace; empty: none), from "\r" and padded to one column short of `columns`, so a
// redraw in place never wraps (no newline).
std::string pacer_frame(int t, int seconds, const std::vector<config::BreathPhase>& breath,
                        int columns, const Paint& p);
json::Value to_json(const app::PracticeDone& r);
std::string to_text(const app::PracticeDone& r, const Paint& p);

} // namespace kint::render
