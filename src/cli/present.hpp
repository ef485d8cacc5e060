#pragma once
// The one place a command's result meets its reader: JSON with --json, else the human text. Each
// result type has its pair of renderers in render/ (render::to_json and render::to_text). A
// qualified call finds only the overloads declared before it: include this after their headers.
#include "runtime.hpp"

#include "kint/render/render.hpp"

#include <fmt/format.h>

namespace kint::cli {

template <class Result>
void present(Runtime& rt, const Result& result) {
    if (rt.json()) return rt.print(render::to_json(result));
    fmt::print(rt.out, "{}", rt.fit(render::to_text(result, render::Paint(rt.color()))));
}

} // namespace kint::cli
