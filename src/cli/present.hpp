#pragma once
// The one place a command's result meets its reader: JSON with --json, else the human text. Each
// result type has its pair of renderers in render/ (render::to_json and render::to_text). A
// qualified call finds only the overloads declared before it, so every renderer's header comes
// first here (the commands are built as one unit: CMakeLists.txt).
#include "runtime.hpp"

#include "kint/render/cue.hpp"
#include "kint/render/exchange.hpp"
#include "kint/render/import.hpp"
#include "kint/render/init.hpp"
#include "kint/render/intent.hpp"
#include "kint/render/journal.hpp"
#include "kint/render/listing.hpp"
#include "kint/render/log.hpp"
#include "kint/render/practice.hpp"
#include "kint/render/prompts.hpp"
#include "kint/render/rate.hpp"
#include "kint/render/remind.hpp"
#include "kint/render/render.hpp"
#include "kint/render/session.hpp"
#include "kint/render/start.hpp"
#include "kint/render/sync.hpp"
#include "kint/render/today.hpp"

#include <fmt/format.h>

namespace kint::cli {

// The result as its reader gets it.
template <class Result>
std::string presented(Runtime& rt, const Result& result) {
    if (rt.json()) return render::to_json(result).dump() + '\n';
    return rt.fit(render::to_text(result, render::Paint(rt.color())));
}

template <class Result>
void present(Runtime& rt, const Result& result) {
    rt.out << presented(rt, result);
}

} // namespace kint::cli
