// Starting libsodium once.
#include "sodium.hpp"

#include "kint/core/error.hpp"

#include <sodium.h>

namespace kint::sync::detail {

void ensure_sodium() {
    // 0 the first time, 1 once started; -1 only when it has no randomness to draw from.
    static const bool started = sodium_init() >= 0;
    if (!started)
        throw Error("libsodium could not start (no source of randomness); kint sync cannot seal "
                    "or open files on this system",
                    1);
}

} // namespace kint::sync::detail
