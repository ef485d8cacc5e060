#pragma once
// A sealed file of kint sync: encrypted and authenticated with libsodium's secretstream
// (XChaCha20-Poly1305) under the sync key. Layout:
//
//     "KINTSYNC"  version (1 byte)  secretstream header (24 bytes)  chunks...
//
// The plaintext is cut into 64 KiB chunks, each sealed with its 17-byte tag; the last one (an
// empty one for an empty plaintext) carries TAG_FINAL and ends the file. Every chunk's associated
// data is the text `kint-sync 1 <device> <seq>`, so a file moved into another device's folder or
// renamed to another sequence number (an old file replayed under a new name) fails authentication.
#include "kint/sync/key.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace kint::sync {

inline constexpr int seal_version = 1;

// The sealed bytes of `plaintext`, as file `seq` of `device`.
std::string seal(const Key& key, std::string_view device, std::uint64_t seq,
                 std::string_view plaintext);

struct Opened {
    enum class Status {
        ok,
        not_sync_file, // no "KINTSYNC" at the start (or shorter than that)
        newer_version, // a newer format: `version` says which (the byte is read before any
                       // check, so a damaged one can look newer too)
        not_authentic, // changed, damaged, cut short, extended, another key, device or seq
    };
    Status status = Status::not_sync_file;
    std::string plaintext; // empty unless ok
    int version = 0;       // the file's format version, once its magic was read
};

// Opens bytes that seal() made for this `device` and `seq` under `key`. Nothing of a file that
// fails is returned: the plaintext of a failure is empty.
Opened open(const Key& key, std::string_view device, std::uint64_t seq, std::string_view bytes);

} // namespace kint::sync
