#pragma once
// The one place a command's result meets its reader: JSON with --json, else the human text. Each
// result type has its pair of renderers in render/ (render::to_json and render::to_text). A
// qualified call finds only the overloads declared before it: include this after their headers.
#include "runtime.hpp"

#include "kint/render/render.hpp"

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
