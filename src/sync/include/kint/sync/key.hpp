#pragma once
// The sync key: 32 random bytes that seal every file kint sync writes (seal.hpp). It lives beside
// the store as STORE.sync-key, a private (0600) text file that is easy to copy to another device:
//
//     kint-sync-key 1
//     <64 lowercase hex digits>
#include <array>
#include <string>

namespace kint::sync {

// crypto_secretstream_xchacha20poly1305_KEYBYTES (checked in key.cpp).
using Key = std::array<unsigned char, 32>;

// Where a store keeps its key: `store_path` + ".sync-key".
std::string key_path(const std::string& store_path);

// A new random key (libsodium's randombytes_buf).
Key make_key();

// The key file's text: its two lines, each ending in a newline.
std::string key_text(const Key& key);

// Writes `key` to `path` as a new 0600 file, whole or not at all (a temporary of its own, linked
// into place). Never replaces a file: when `path` exists it throws UsageError (exit 2), since the
// other devices may still seal with that key. Error (exit 1) when it cannot be written.
void write_key(const std::string& path, const Key& key);

// Who named the key file read_key reads, which decides the words and the exit code of its errors.
enum class KeySource {
    store, // the key beside the store (key_path): missing means `kint sync init` was never run
    given, // a file the person named (`kint sync init DIR --key FILE`): UsageError, exit 2
};

// Reads a key file (at most a few hundred bytes, a regular file only). Throws when it is missing,
// unreadable, not a kint sync key, made by a newer kint, or its key is not 64 hex digits: NotFound
// or StoreError (exit 1) for the store's own key, UsageError (exit 2) for a file the person gave.
// A key file others can read is still read; its mode is the person's to change.
Key read_key(const std::string& path, KeySource source = KeySource::store);

} // namespace kint::sync
