#pragma once
// A checksum for kint's caches: XXH3 (libxxhash, header-only), a few hundredths of an instruction
// a byte, so a kept view of megabytes (a ten-year trail in HTML) is checked before a byte of it is
// shown. A cache damaged in place (a NUL or \xff where text was) no longer matches it, so its bytes
// never reach the output.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdint>
#include <string_view>

namespace kint::cache {

inline std::uint64_t checksum(std::string_view bytes) {
    return XXH3_64bits(bytes.data(), bytes.size());
}

// The same checksum taken piece by piece: add(a), add(b) gives checksum(a + b).
class Checksum {
  public:
    Checksum() { XXH3_64bits_reset(&m_state); }
    void add(std::string_view bytes) { XXH3_64bits_update(&m_state, bytes.data(), bytes.size()); }
    std::uint64_t value() const { return XXH3_64bits_digest(&m_state); }

  private:
    XXH3_state_t m_state;
};

} // namespace kint::cache
