#pragma once
// What the fuzz targets share: a property check that names what broke before stopping the run.
#include <cstdio>
#include <string_view>

namespace kint::fuzz {

// Called before a broken check traps (fuzz_cli saves the commands that led there).
inline void (*before_trap)() = nullptr;

// On a broken property, print what broke and trap: libFuzzer saves the input as a crash.
inline void check(bool ok, std::string_view what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz property broken: %.*s\n", static_cast<int>(what.size()), what.data());
    if (before_trap) before_trap();
    __builtin_trap();
}

} // namespace kint::fuzz
