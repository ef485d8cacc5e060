// The catalogue of suggested intentions: one group, all of them, or a word search across them.
#include "kint/app/intent.hpp"

#include "kint/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace kint::app {

namespace {

// Lowercase words: ASCII punctuation and spaces split them ("self-kindness," is "self" and
// "kindness"); bytes of other scripts stay inside words.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out(1);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) {
            out.back() += static_cast<char>(std::tolower(c));
        } else if (!out.back().empty()) {
            out.emplace_back();
        }
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// Groups filtered to the items whose text (or group name) holds every search word, as the start
// of one of its words ("kind" finds "kindness"; punctuation on either side does not matter).
std::vector<config::CatalogueGroup> search(const std::vector<config::CatalogueGroup>& groups,
                                           const std::vector<std::string>& args) {
    std::vector<std::string> wanted;
    for (const auto& a : args)
        for (auto& w : words_of(a))
            wanted.push_back(std::move(w));
    std::vector<config::CatalogueGroup> out;
    for (const auto& g : groups) {
        config::CatalogueGroup hit = g;
        hit.items.clear();
        for (const auto& item : g.items) {
            const auto hay = words_of(item.text + " " + g.name + " " + g.key);
            if (std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
                    return std::any_of(hay.begin(), hay.end(),
                                       [&](const std::string& h) { return h.starts_with(w); });
                }))
                hit.items.push_back(item);
        }
        if (!hit.items.empty()) out.push_back(std::move(hit));
    }
    return out;
}

} // namespace

CatalogueView intent_catalogue(const config::Config& cfg, const CatalogueRequest& request) {
    CatalogueView out;
    out.groups = cfg.catalogue;
    if (request.group) {
        const auto* g = cfg.find_group(*request.group);
        if (!g) {
            std::string keys;
            for (const auto& grp : cfg.catalogue)
                keys += (keys.empty() ? "" : ", ") + grp.key;
            throw NotFound(fmt::format("there is no catalogue group '{}'; groups are: {}",
                                       *request.group, keys));
        }
        out.groups = {*g};
    }
    if (!request.words.empty()) out.groups = search(out.groups, request.words);
    out.open = request.expand || request.group || !request.words.empty();
    for (const auto& w : request.words)
        out.search += (out.search.empty() ? "" : " ") + w;
    return out;
}

} // namespace kint::app
