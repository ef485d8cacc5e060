// The import reader: json::parse and exchange::from_json on any bytes, and the shared validator on
// what it accepts. The only exception allowed
// is json::ParseError. What kint writes it must read back: the dump of a parsed document is valid
// UTF-8 and parses again, and an accepted export survives export -> import unchanged.
#include "check.hpp"

#include "kint/domain/validate.hpp"
#include "kint/render/exchange.hpp"
#include "kint/render/json.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

using kint::fuzz::check;
using namespace kint;

namespace {

// Every day a kint day can be has happened by kint::last_day (9999-12-31), so the checks past
// the dates all run.

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07;
        else
            return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    json::Value doc;
    try {
        doc = json::parse(text);
    } catch (const json::ParseError& e) {
        check(std::string_view(e.what()).size() > 0, "empty ParseError");
        return 0;
    }

    for (int indent : {0, 2}) {
        const std::string dumped = doc.dump(indent);
        check(valid_utf8(dumped), "json dump is not valid UTF-8");
        try {
            const json::Value back = json::parse(dumped);
            check(back.dump(indent) == dumped, "json dump -> parse -> dump changed the text");
        } catch (const json::ParseError&) {
            check(false, "kint cannot read its own json dump");
        }
    }

    exchange::Snapshot snapshot;
    try {
        snapshot = exchange::from_json(doc, last_day);
    } catch (const json::ParseError& e) {
        check(std::string_view(e.what()).size() > 0, "empty ParseError");
        return 0;
    }
    // An accepted import keeps every rule the commands keep (the shared validator).
    check(!validate::snapshot_problem(snapshot), "import accepted a record the validator refuses");
    const std::string exported = exchange::to_json(snapshot).dump();
    (void)exchange::to_csv(snapshot);
    try {
        const exchange::Snapshot again = exchange::from_json(json::parse(exported), last_day);
        check(exchange::to_json(again).dump() == exported,
              "export -> import -> export changed the export");
    } catch (const json::ParseError& e) {
        check(false, "an accepted import does not read back after export");
    }
    return 0;
}
