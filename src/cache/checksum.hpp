#pragma once
// A checksum for kint's caches, eight bytes a step (FNV-1a's constants, a word at a time: caches
// are read by every command). A cache damaged in place (a NUL or \xff where text was) no longer
// matches it, so its bytes never reach the output.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kint::cache {

inline std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, 8);
        h = (h ^ word) * 1099511628211ULL;
        h ^= h >> 29;
    }
    for (; i < bytes.size(); ++i)
        h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ULL;
    return h;
}

} // namespace kint::cache
