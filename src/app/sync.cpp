// kint sync: this store's changes out as sealed files of its own, everyone else's in.
#include "kint/app/sync.hpp"

#include "kint/core/error.hpp"
#include "kint/domain/hlc.hpp"
#include "kint/domain/sync.hpp"
#include "kint/io/files.hpp"
#include "kint/sync/key.hpp"
#include "kint/sync/seal.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace kint::app {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view folder_name = "kint-sync", suffix = ".kint-sync";
// A file is one device's changes between two syncs: even a first sync of ten years is a few MB.
constexpr std::size_t max_file_bytes = std::size_t{256} << 20;

std::string seen_key(std::string_view device) {
    return fmt::format("sync.seen.{}", device);
}

// The sequence number in "<seq>.kint-sync" (ten digits), or nullopt for any other name.
std::optional<std::uint64_t> sequence_of(const std::string& name) {
    if (name.size() != 10 + suffix.size() || !name.ends_with(suffix)) return std::nullopt;
    std::uint64_t seq = 0;
    const auto [end, ec] = std::from_chars(name.data(), name.data() + 10, seq);
    if (ec != std::errc() || end != name.data() + 10 || seq == 0) return std::nullopt;
    return seq;
}

std::string file_name(std::uint64_t seq) {
    return fmt::format("{:010}{}", seq, suffix);
}

// The sealed files in one device's folder, by sequence number.
std::map<std::uint64_t, fs::path> files_in(const fs::path& folder) {
    std::map<std::uint64_t, fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (const auto seq = sequence_of(entry.path().filename().string()))
            out.emplace(*seq, entry.path());
    return out;
}

// The other devices' folders in DIR/kint-sync.
std::map<std::string, fs::path> other_devices(const fs::path& root, std::string_view self) {
    std::map<std::string, fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        const auto name = entry.path().filename().string();
        if (name != self && hlc::valid_device(name) && entry.is_directory(ec))
            out.emplace(name, entry.path());
    }
    return out;
}

std::uint64_t seen_of(const store::Store& store, std::string_view device) {
    const auto text = store.state(seen_key(device));
    std::uint64_t seq = 0;
    if (text) std::from_chars(text->data(), text->data() + text->size(), seq);
    return seq;
}

fs::path root_of(const std::string& dir) {
    const fs::path root = fs::path(dir) / folder_name;
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw UsageError(fmt::format("{} is not set up for kint sync (it has no {} folder); run "
                                     "'kint sync init {}' first",
                                     dir, folder_name, dir));
    return root;
}

sync::Key store_key(const store::Store& store) {
    const std::string path = sync::key_path(store.path());
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw UsageError(fmt::format("this store has no sync key ({}); run 'kint sync init DIR' "
                                     "first, with --key FILE to join another device",
                                     path));
    return sync::read_key(path);
}

// Why a sealed file could not be opened, in the person's words.
std::string why(const sync::Opened& opened) {
    switch (opened.status) {
    case sync::Opened::Status::not_sync_file:
        return "it is not a kint sync file";
    case sync::Opened::Status::newer_version:
        return fmt::format("it is in sync format {}, newer than this kint reads ({}); update kint "
                           "on this device",
                           opened.version, sync::seal_version);
    case sync::Opened::Status::not_authentic:
        return "it did not pass authentication (another key, a damaged or incomplete copy, or a "
               "file renamed or changed by hand); nothing of it was applied";
    case sync::Opened::Status::ok:
        break;
    }
    return {};
}

} // namespace

SyncInitResult sync_init(store::Store& store, const SyncInitRequest& request) {
    SyncInitResult out;
    out.key_path = sync::key_path(store.path());
    std::error_code ec;
    const bool have_key = fs::exists(out.key_path, ec);
    if (request.key_file) {
        const auto given = sync::read_key(*request.key_file, sync::KeySource::given);
        if (have_key) {
            if (sync::read_key(out.key_path) != given)
                throw UsageError(fmt::format(
                    "this store already has a different sync key ({}); to join another device's "
                    "folder instead, move that key away first (its files in DIR can then no "
                    "longer be read here)",
                    out.key_path));
            out.already = true;
        } else {
            sync::write_key(out.key_path, given);
            out.joined = true;
        }
    } else if (have_key) {
        (void)sync::read_key(out.key_path); // a damaged key is said now, not at the first sync
        out.already = true;
    } else {
        sync::write_key(out.key_path, sync::make_key());
        out.made_key = true;
    }
    // The store's device id is made by its first stamped write (and the schema brought to v5).
    if (store.device().empty())
        store.write([&] {
            store.tick();
            store.keep_clock();
        });
    // A copy of another device's store file (without its key beside it) has that device's id:
    // files already in that folder are the other's, and this store takes an id of its own.
    const auto own = fs::path(request.dir) / folder_name / store.device();
    if ((out.joined || out.made_key) && !files_in(own).empty())
        store.write([&] { store.new_device(); });
    out.device = store.device();
    const fs::path folder = fs::path(request.dir) / folder_name / out.device;
    const auto missing = io::missing_folders((folder / "x").string());
    if (const int err = io::make_private_folders(missing))
        throw Error(fmt::format("cannot create the folder {}: {}; check that {} exists and is "
                                "writable",
                                missing.back().string(), std::strerror(err), request.dir),
                    1);
    out.folder = folder.string();
    return out;
}

SyncResult sync(store::Store& store, const SyncRequest& request, const SyncCodec& codec) {
    SyncResult out;
    const fs::path root = root_of(request.dir);
    const auto key = store_key(store);
    const std::string device = store.device();
    if (device.empty() || !fs::is_directory(root / device))
        throw UsageError(fmt::format("this store has not joined {} yet; run 'kint sync init {}'",
                                     request.dir, request.dir));

    // Other devices' new files, in order; a device's files stop at the first that cannot be used.
    struct Arrival {
        std::string device;
        std::uint64_t seq;
        exchange::Snapshot records;
    };
    std::vector<Arrival> arrivals;
    const auto others = other_devices(root, device);
    out.devices = others.size();
    for (const auto& [other, folder] : others) {
        std::uint64_t next = seen_of(store, other) + 1;
        for (const auto& [seq, path] : files_in(folder)) {
            if (seq < next) continue;
            if (seq != next++) {
                out.problems.push_back(
                    {path.string(), fmt::format("the file before it ({}) has not arrived yet",
                                                file_name(seq - 1))});
                break;
            }
            const auto opened =
                sync::open(key, other, seq, io::read_file(path.string(), max_file_bytes));
            if (opened.status != sync::Opened::Status::ok) {
                out.problems.push_back({path.string(), why(opened)});
                break;
            }
            try {
                arrivals.push_back({other, seq, codec.decode(opened.plaintext)});
            } catch (const std::exception& e) {
                out.problems.push_back(
                    {path.string(), fmt::format("its records could not be read: {}", e.what())});
                break;
            }
        }
    }

    const std::string sent = store.state("sync.sent").value_or("");
    if (arrivals.empty() && !sent.empty() && sent == store.last_clock()) return out; // nothing new

    store.write([&] {
        store.give_uids();
        exchange::Snapshot all = store.dump();
        // What this store wrote since its last sync, taken before it hears the others: what it
        // hears is in their own files already (on a first sync, its records from before sync
        // would otherwise not be told from theirs).
        const auto changes = sync::changes_since(all, device, sent);
        bool changed = false;
        std::string latest;
        for (auto& arrival : arrivals) {
            auto merged = sync::merge(all, arrival.records);
            out.received += merged.received;
            changed = changed || merged.changed;
            latest = std::max(latest, merged.latest);
            all = std::move(merged.result);
            store.set_state(seen_key(arrival.device), std::to_string(arrival.seq));
            ++out.files_read;
        }
        if (changed) store.replace_all(all);
        store.hear_clock(latest);

        if (changes.changed > 0) {
            const auto own = files_in(root / device);
            const std::uint64_t seq = own.empty() ? 1 : own.rbegin()->first + 1;
            const auto path = (root / device / file_name(seq)).string();
            io::write_file_atomically(path,
                                      sync::seal(key, device, seq, codec.encode(changes.records)),
                                      io::Folders::must_exist);
            out.sent = changes.changed;
            out.sent_file = path;
        }
        // What this store wrote up to now has gone out (a write that comes after gets a later
        // clock); the clock is read last, after this transaction's own ticks.
        store.set_state("sync.sent", store.tick());
    });
    return out;
}

} // namespace kint::app
