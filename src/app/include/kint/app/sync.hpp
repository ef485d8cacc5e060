#pragma once
// kint sync (SPEC §7.5): two devices, one trail, through a folder both can reach (Syncthing,
// Nextcloud, Dropbox, a USB stick, a git working tree). Each store writes only its own sealed files
// under DIR/kint-sync/<device>/ and reads everyone else's; nothing else leaves the machine.
#include "kint/domain/snapshot.hpp"
#include "kint/store/store.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kint::app {

// How records become a file's text and back (the export format; render owns it, the CLI hands it
// in). `decode` throws on text it cannot read.
struct SyncCodec {
    std::function<std::string(const exchange::Snapshot&)> encode;
    std::function<exchange::Snapshot(std::string_view)> decode;
};

struct SyncInitRequest {
    std::string dir;
    std::optional<std::string> key_file; // join with a copy of another device's key
};
struct SyncInitResult {
    std::string folder;   // DIR/kint-sync/<device>
    std::string key_path; // STORE.sync-key
    bool made_key = false;
    bool joined = false; // the key came from --key
    bool already = false; // this store was set up with this key already
    std::string device;
};
// Makes (or installs) the key beside the store, 0600, and the store's folder in DIR. A UsageError
// when a different key is already there.
SyncInitResult sync_init(store::Store& store, const SyncInitRequest& request);

struct SyncRequest {
    std::string dir;
};
// A file in DIR that could not be used: nothing of it was applied, and the device's later files
// wait for it (it may still be arriving).
struct SyncProblem {
    std::string file;
    std::string why;
};
struct SyncResult {
    std::size_t sent = 0;         // records in the file written (0: nothing new here)
    std::optional<std::string> sent_file;
    std::size_t received = 0;     // records from other devices that changed this store
    std::size_t files_read = 0;   // other devices' files applied
    std::size_t devices = 0;      // other devices seen in DIR
    std::vector<SyncProblem> problems;
};
// Applies the other devices' new files (in one transaction, with the files written since and the
// clocks heard), then writes this store's changes since its last sync as one new file. Cheap when
// nothing is new on either side: no write, no transaction.
SyncResult sync(store::Store& store, const SyncRequest& request, const SyncCodec& codec);

} // namespace kint::app
