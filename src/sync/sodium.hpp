#pragma once
// libsodium, started once for the sync room (inside src/sync only: tests/layers).
namespace kint::sync::detail {

// sodium_init() the first time (thread-safe); Error (exit 1) when libsodium cannot start (no
// source of randomness).
void ensure_sodium();

} // namespace kint::sync::detail
