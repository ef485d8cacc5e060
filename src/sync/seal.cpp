// Sealed files: libsodium's secretstream over 64 KiB chunks, the device and sequence number bound
// to every chunk as associated data.
#include "kint/sync/seal.hpp"

#include "sodium.hpp"

#include <algorithm>
#include <sodium.h>

namespace kint::sync {

namespace {

constexpr std::string_view magic = "KINTSYNC";
constexpr std::size_t chunk_size = 64 * 1024;
constexpr std::size_t header_size = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t tag_size = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t prefix_size = magic.size() + 1 + header_size;
static_assert(header_size == 24 && tag_size == 17);

// What every chunk is bound to: the format, the device's folder and the file's number.
std::string associated_data(std::string_view device, std::uint64_t seq) {
    std::string ad = "kint-sync ";
    ad += std::to_string(seal_version);
    ad += ' ';
    ad += device;
    ad += ' ';
    ad += std::to_string(seq);
    return ad;
}

const unsigned char* bytes_of(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* bytes_of(std::string& text, std::size_t at) {
    return reinterpret_cast<unsigned char*>(text.data() + at);
}

// The stream's state holds the key's subkey: wiped when it goes.
struct State {
    crypto_secretstream_xchacha20poly1305_state state;
    ~State() { sodium_memzero(&state, sizeof state); }
};

} // namespace

std::string seal(const Key& key, std::string_view device, std::uint64_t seq,
                 std::string_view plaintext) {
    detail::ensure_sodium();
    const std::string ad = associated_data(device, seq);
    const std::size_t chunks =
        std::max<std::size_t>(1, (plaintext.size() + chunk_size - 1) / chunk_size);
    std::string out(prefix_size + plaintext.size() + chunks * tag_size, '\0');
    out.replace(0, magic.size(), magic);
    out[magic.size()] = static_cast<char>(seal_version);
    State st;
    crypto_secretstream_xchacha20poly1305_init_push(&st.state, bytes_of(out, magic.size() + 1),
                                                    key.data());
    std::size_t at = prefix_size;
    for (std::size_t i = 0; i < chunks; ++i) {
        const std::string_view chunk = plaintext.substr(i * chunk_size, chunk_size);
        const unsigned char tag = i + 1 == chunks
                                      ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                      : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(&st.state, bytes_of(out, at), &written,
                                                   bytes_of(chunk), chunk.size(), bytes_of(ad),
                                                   ad.size(), tag);
        at += static_cast<std::size_t>(written);
    }
    return out;
}

Opened open(const Key& key, std::string_view device, std::uint64_t seq, std::string_view bytes) {
    detail::ensure_sodium();
    Opened opened;
    if (!bytes.starts_with(magic)) return opened; // not_sync_file
    opened.status = Opened::Status::not_authentic;
    if (bytes.size() <= magic.size()) return opened; // cut short before its version
    opened.version = static_cast<unsigned char>(bytes[magic.size()]);
    if (opened.version > seal_version) {
        opened.status = Opened::Status::newer_version;
        return opened;
    }
    // Version 0 was never written: a damaged byte.
    if (opened.version < seal_version || bytes.size() < prefix_size) return opened;
    const std::string ad = associated_data(device, seq);
    State st;
    if (crypto_secretstream_xchacha20poly1305_init_pull(
            &st.state, bytes_of(bytes.substr(magic.size() + 1)), key.data()) != 0)
        return opened;
    std::string plaintext;
    plaintext.reserve(bytes.size() - prefix_size);
    std::string buffer(chunk_size, '\0');
    // The chunks are sliced exactly as seal() wrote them: full ones, then the final one. The file
    // must end with TAG_FINAL, right at its last byte: nothing cut off, nothing after it.
    bool final = false;
    std::size_t at = prefix_size;
    while (at < bytes.size() && !final) {
        const std::string_view chunk = bytes.substr(at, chunk_size + tag_size);
        unsigned long long length = 0;
        unsigned char tag = 0;
        if (chunk.size() < tag_size ||
            crypto_secretstream_xchacha20poly1305_pull(&st.state, bytes_of(buffer, 0), &length,
                                                       &tag, bytes_of(chunk), chunk.size(),
                                                       bytes_of(ad), ad.size()) != 0 ||
            (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE &&
             tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL))
            break;
        plaintext.append(buffer, 0, static_cast<std::size_t>(length));
        at += chunk.size();
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
    sodium_memzero(buffer.data(), buffer.size());
    if (!final || at != bytes.size()) {
        sodium_memzero(plaintext.data(), plaintext.size());
        return opened;
    }
    opened.status = Opened::Status::ok;
    opened.plaintext = std::move(plaintext);
    return opened;
}

} // namespace kint::sync
