#include "kint/foreign/jrnl.hpp"

#include "kint/domain/validate.hpp"
#include "plain_text.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <utility>
#include <vector>

namespace kint::foreign {

namespace {

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Python's \s, as jrnl's regular expressions see it.
bool py_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's \w, near enough: ASCII letters, digits and _, and the letters of the common scripts
// (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, Hangul, kana, CJK). Emoji and punctuation
// end a tag, as in jrnl.
bool py_word(char32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    return c == 0xAA || c == 0xB5 || c == 0xBA ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x370 && c <= 0x52F && c != 0x37E && c != 0x387) || (c >= 0x590 && c <= 0x6FF) ||
           (c >= 0x900 && c <= 0xE7F) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF);
}

struct CodePoint {
    char32_t code = 0;
    std::size_t at = 0, len = 1;
};

// The code points of valid UTF-8 `s`.
std::vector<CodePoint> code_points(std::string_view s) {
    std::vector<CodePoint> out;
    for (std::size_t i = 0; i < s.size();) {
        auto len = text::utf8_length_at(s, i);
        if (len == 0) len = 1; // not reached for valid UTF-8
        out.push_back({text::code_point_at(s, i, len), i, len});
        i += len;
    }
    return out;
}

// jrnl's tags in `text`: (?<!\S)([#@][-+*#/\w]+), with their symbol, as written.
std::vector<std::string> tags_in(std::string_view text) {
    std::vector<std::string> out;
    const auto cps = code_points(text);
    const auto tag_char = [](char32_t c) {
        return c == '-' || c == '+' || c == '*' || c == '#' || c == '/' || py_word(c);
    };
    for (std::size_t k = 0; k < cps.size(); ++k) {
        const auto c = cps[k].code;
        if (c != '#' && c != '@') continue;
        if (k > 0 && !py_space(cps[k - 1].code)) continue;
        std::size_t j = k + 1;
        while (j < cps.size() && tag_char(cps[j].code))
            ++j;
        if (j == k + 1) continue;
        const auto end = j < cps.size() ? cps[j].at : text.size();
        out.emplace_back(text.substr(cps[k].at, end - cps[k].at));
        k = j - 1;
    }
    return out;
}

// A sentence's end as jrnl's title splitter sees it: the offset just after the spaces that follow
// a sentence terminal (optionally a closing quote and brackets), or after a CJK full stop.
std::optional<std::size_t> sentence_end(std::string_view s) {
    const auto cps = code_points(s);
    const auto terminal = [](char32_t c) {
        return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x203D ||
               c == 0x2047 || c == 0x2048 || c == 0x2049 || c == 0x22EF || c == 0xFE52 ||
               c == 0xFE57;
    };
    const auto cjk = [](char32_t c) {
        return c == 0xFF01 || c == 0xFF0E || c == 0xFF1F || c == 0xFF61 || c == 0x3002;
    };
    for (std::size_t k = 0; k < cps.size(); ++k) {
        const auto c = cps[k].code;
        if (terminal(c)) {
            std::size_t j = k + 1;
            if (j < cps.size() && (cps[j].code == '\'' || cps[j].code == 0x2019 ||
                                   cps[j].code == '"' || cps[j].code == 0x201D))
                ++j;
            while (j < cps.size() && (cps[j].code == ']' || cps[j].code == ')'))
                ++j;
            const auto spaces = j;
            while (j < cps.size() && py_space(cps[j].code))
                ++j;
            if (j > spaces) return j < cps.size() ? cps[j].at : s.size();
        }
        if (cjk(c)) return cps[k].at + cps[k].len;
    }
    return std::nullopt;
}

// jrnl's title and body of an entry's text: up to the first line break, or else the first
// sentence; both trimmed.
std::pair<std::string, std::string> split_title(std::string_view text) {
    auto s = text;
    while (!s.empty() && plain::is_space(s.front()))
        s.remove_prefix(1);
    auto end = s.find('\n');
    if (end != std::string_view::npos)
        ++end;
    else if (auto e = sentence_end(s))
        end = *e;
    else
        return {std::string(plain::trim(s)), ""};
    return {std::string(plain::trim(s.substr(0, end))), std::string(plain::trim(s.substr(end)))};
}

// `s` with CRLF line ends as LF.
std::string lf(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
    return out;
}

// A jrnl tag (with its symbol) as one kint tag word: lowercase, with / + * # . as -. "" when it
// holds no letter or digit (a lone "#" or "##" is Markdown, not a tag); nullopt when it cannot be
// one word of a-z, 0-9, - and _ (a letter outside a-z, or longer than 40 bytes).
std::optional<std::string> kint_tag(std::string_view raw) {
    while (!raw.empty() && (raw.front() == '@' || raw.front() == '#'))
        raw.remove_prefix(1);
    std::string out;
    bool word = false;
    for (char ch : raw) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
            word = true;
        } else if (c == '_') {
            out += '_';
        } else if (c >= 0x80) {
            return std::nullopt;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (!word) return std::string();
    if (!text::is_tag(out)) return std::nullopt;
    return out;
}

struct Reader {
    std::string_view file;
    Day today;
    Source source;
    std::size_t later = 0, empty = 0, controls = 0;
    std::set<std::string> lost_tags;

    [[noreturn]] void bad(std::string_view what) { throw bad_file(file, what); }

    // One entry: `where` names it in messages ("line 12", "entry 3").
    void add(std::string_view where, Day day, std::string_view title, std::string_view body,
             const std::vector<std::string>& tags, bool starred) {
        ++source.things;
        if (day > today) {
            ++later;
            return;
        }
        auto t = lf(plain::trim(title));
        const auto b = lf(plain::trim(body));
        if (!b.empty()) t += (t.empty() ? "" : "\n") + b;
        auto kept = std::string(plain::trim(plain::without_controls(t, true, controls)));
        if (kept.empty()) {
            ++empty;
            return;
        }
        if (kept.size() > validate::long_text_max)
            bad(fmt::format("{}: the entry is {} bytes long; kint keeps entries of up to {} bytes",
                            where, kept.size(), validate::long_text_max));
        JournalEntry e;
        e.id = static_cast<Id>(source.records.journal.size()) + 1;
        e.day = day;
        e.text = std::move(kept);
        std::set<std::string> words;
        for (const auto& raw : tags) {
            const auto tag = kint_tag(raw);
            if (!tag)
                lost_tags.insert(text::sanitize_line(raw));
            else if (!tag->empty())
                words.insert(*tag);
        }
        if (starred) words.insert("starred");
        e.tags.assign(words.begin(), words.end());
        source.records.journal.push_back(std::move(e));
    }

    // A header's day and time: YYYY-MM-DD, then optionally ' ' or 'T' and H:MM[:SS][ AM|PM].
    // nullopt when `blob` is not shaped like one at all (then it is text, as for jrnl); bad_file
    // when it is shaped like one but is not a real day and time.
    std::optional<Day> header_day(std::string_view blob, std::size_t line) {
        const auto shaped =
            blob.size() >= 10 && digits(blob.substr(0, 4)) && blob[4] == '-' &&
            digits(blob.substr(5, 2)) && blob[7] == '-' && digits(blob.substr(8, 2)) &&
            blob.find_first_not_of("0123456789-: .TAPMapm") == std::string_view::npos;
        if (!shaped) return std::nullopt;
        const auto refuse = [&] {
            bad(fmt::format("line {}: [{}] is not a day and time as jrnl writes them (e.g. "
                            "[2024-01-05 09:30] or [2024-01-05 09:30:00 PM])",
                            line, blob));
        };
        const auto day = parse_iso_day(blob.substr(0, 10));
        if (!day) refuse();
        auto rest = blob.substr(10);
        if (rest.empty()) return day;
        if (rest.front() != ' ' && rest.front() != 'T') refuse();
        rest.remove_prefix(1);
        // H:MM or HH:MM, then :SS
        std::vector<std::string_view> parts;
        auto clock = rest.substr(0, rest.find(' '));
        auto suffix = plain::trim(rest.substr(clock.size()));
        // "09:30PM" (no space) too
        while (!clock.empty() && !(clock.back() >= '0' && clock.back() <= '9')) {
            if (!suffix.empty()) refuse();
            suffix = clock.substr(clock.find_last_of("0123456789") + 1);
            clock = clock.substr(0, clock.size() - suffix.size());
        }
        for (std::string_view c = clock;;) {
            const auto colon = c.find(':');
            parts.push_back(c.substr(0, colon));
            if (colon == std::string_view::npos) break;
            c.remove_prefix(colon + 1);
        }
        if (parts.size() < 2 || parts.size() > 3) refuse();
        for (std::size_t k = 0; k < parts.size(); ++k)
            if (!digits(parts[k]) || parts[k].size() > 2 || (k > 0 && parts[k].size() != 2))
                refuse();
        const int h = std::stoi(std::string(parts[0])), m = std::stoi(std::string(parts[1]));
        const int s = parts.size() == 3 ? std::stoi(std::string(parts[2])) : 0;
        std::string ampm;
        for (char c : suffix)
            if (c != '.') ampm += static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
        if (!ampm.empty() && ampm != "AM" && ampm != "PM") refuse();
        if (m > 59 || s > 61 || (ampm.empty() ? h > 23 : (h < 1 || h > 12))) refuse();
        return day;
    }

    void read_plain(std::string_view raw_text) {
        const auto t = lf(plain::without_bom(raw_text));
        struct Head {
            std::size_t line, start, text_begin;
            Day day;
        };
        std::vector<Head> heads;
        std::size_t line = 1;
        for (std::size_t pos = 0; pos <= t.size(); ++line) {
            const auto end = std::min(t.find('\n', pos), t.size());
            const std::string_view l(t.data() + pos, end - pos);
            const auto close = l.find(']');
            if (!l.empty() && l.front() == '[' && close != std::string_view::npos && close > 1 &&
                (close + 1 == l.size() || l[close + 1] == ' ')) {
                if (auto day = header_day(l.substr(1, close - 1), line))
                    heads.push_back({line, pos, pos + std::min(close + 2, l.size()), *day});
            }
            pos = end + 1;
        }
        // Text before the first header: jrnl would drop it, so this is not jrnl's journal.
        const auto before =
            std::string_view(t).substr(0, heads.empty() ? t.size() : heads[0].start);
        if (!plain::trim(before).empty()) {
            if (before.substr(0, 6) == "gAAAAA")
                bad("it looks like an encrypted jrnl journal; export it first with jrnl "
                    "--export json > FILE and import that");
            std::size_t first = 1;
            for (char c : before.substr(0, before.find_first_not_of(" \t\r\n\f\v")))
                first += c == '\n';
            bad(fmt::format("line {}: this is not inside a jrnl entry (an entry begins with a line "
                            "like [2024-01-05 09:30] Title); with another timeformat, export "
                            "it with jrnl --export json > FILE and import that",
                            first));
        }
        for (std::size_t k = 0; k < heads.size(); ++k) {
            const auto& h = heads[k];
            const auto end = k + 1 < heads.size() ? heads[k + 1].start - 1 : t.size();
            const auto raw = std::string_view(t).substr(h.text_begin, end - h.text_begin);
            // jrnl: a first line ending in '*' stars the entry, and loses its stars and spaces.
            const auto nl = raw.find('\n');
            const auto first = raw.substr(0, nl);
            const bool starred = !plain::trim(first).empty() && plain::trim(first).back() == '*';
            std::string text(raw);
            if (starred) {
                auto f = first;
                while (!f.empty() && (f.front() == ' ' || f.front() == '*'))
                    f.remove_prefix(1);
                while (!f.empty() && (f.back() == ' ' || f.back() == '*'))
                    f.remove_suffix(1);
                text = std::string(f) + "\n" +
                       std::string(nl == std::string_view::npos ? "" : raw.substr(nl + 1));
            }
            const auto [title, body] = split_title(text);
            add(fmt::format("line {}", h.line), h.day, title, body, tags_in(raw), starred);
        }
    }

    void read_json(std::string_view text) {
        nlohmann::json doc;
        try {
            doc = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            const auto upto = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
            const auto line = 1 + std::count(text.begin(), text.begin() + upto, '\n');
            bad(fmt::format("line {}: it begins like JSON but is not valid JSON", line));
        } catch (const nlohmann::json::exception&) { // a number too large for a double
            bad("it begins like JSON but is not JSON kint can read (a number out of range)");
        }
        if (!doc.is_object()) bad("it is JSON but not jrnl's export (an object with \"entries\")");
        if (doc.contains("format") && doc["format"] == "kint-export")
            bad("it is kint's own export; import it with kint import FILE (without --from)");
        if (!doc.contains("entries") || !doc["entries"].is_array())
            bad("it is JSON but not jrnl's export: jrnl --export json writes {\"tags\": {...}, "
                "\"entries\": [...]}");
        std::size_t n = 0;
        for (const auto& e : doc["entries"]) {
            const auto where = fmt::format("entry {}", ++n);
            const auto field = [&](const char* name) -> std::optional<std::string> {
                if (!e.contains(name) || e[name].is_null()) return std::nullopt;
                if (!e[name].is_string())
                    bad(fmt::format("{}: \"{}\" is not text; is this jrnl's export?", where, name));
                return e[name].get<std::string>();
            };
            if (!e.is_object())
                bad(fmt::format("{} is not an entry {{\"title\", \"body\", \"date\", ...}}",
                                where));
            const auto date = field("date");
            if (!date) bad(fmt::format("{} has no \"date\"; is this jrnl's export?", where));
            const auto day = parse_iso_day(*date);
            if (!day)
                bad(fmt::format("{}: the date '{}' is not a day kint keeps (YYYY-MM-DD)", where,
                                text::sanitize_line(*date)));
            const auto title = field("title"), body = field("body");
            if (!title && !body)
                bad(fmt::format("{} has neither \"title\" nor \"body\"; is this jrnl's export?",
                                where));
            std::vector<std::string> tags;
            if (e.contains("tags") && !e["tags"].is_null()) {
                if (!e["tags"].is_array()) bad(fmt::format("{}: \"tags\" is not a list", where));
                for (const auto& tag : e["tags"]) {
                    if (!tag.is_string()) bad(fmt::format("{}: a tag is not text", where));
                    tags.push_back(tag.get<std::string>());
                }
            }
            bool starred = false;
            if (e.contains("starred") && !e["starred"].is_null()) {
                if (!e["starred"].is_boolean())
                    bad(fmt::format("{}: \"starred\" is not true or false", where));
                starred = e["starred"].get<bool>();
            }
            add(where, *day, title.value_or(""), body.value_or(""), tags, starred);
        }
    }

    void finish() {
        auto& journal = source.records.journal;
        std::stable_sort(
            journal.begin(), journal.end(),
            [](const JournalEntry& a, const JournalEntry& b) { return a.day < b.day; });
        for (std::size_t k = 0; k < journal.size(); ++k)
            journal[k].id = static_cast<Id>(k) + 1;
        if (later)
            source.notes.push_back(fmt::format(
                "{} dated after today {} left out; import again once the day has come",
                plain::count_of(later, "entry", "entries"), later == 1 ? "was" : "were"));
        if (empty)
            source.notes.push_back(fmt::format("{} with no text {} left out",
                                               plain::count_of(empty, "entry", "entries"),
                                               empty == 1 ? "was" : "were"));
        if (!lost_tags.empty())
            source.notes.push_back(fmt::format(
                "{} could not become kint tags (one word of a-z, 0-9, - and _) and stay only in "
                "the text: {}",
                plain::count_of(lost_tags.size(), "tag", "tags"), fmt::join(lost_tags, ", ")));
        if (controls) source.notes.push_back(plain::controls_note(controls));
    }
};

} // namespace

Source parse_jrnl(std::string_view text, std::string_view file, Day today) {
    if (!text::valid_utf8(text)) throw bad_file(file, "it is not UTF-8 text");
    Reader reader{file, today, {}, 0, 0, 0, {}};
    reader.source.tracker = "jrnl";
    reader.source.things_word = "entries";
    const auto body = plain::without_bom(text);
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && body[first] == '{')
        reader.read_json(body);
    else
        reader.read_plain(text);
    reader.finish();
    return std::move(reader.source);
}

Source read_jrnl(const std::string& path, Day today) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw bad_file(path, "it is a folder; kint reads a jrnl journal file, or for a folder "
                             "journal its export: jrnl --export json > FILE");
    return parse_jrnl(read_text(path), path, today);
}

} // namespace kint::foreign
