#include "kint/foreign/daylio.hpp"

#include "kint/core/text.hpp"
#include "kint/domain/validate.hpp"
#include "kint/foreign/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace kint::foreign {

namespace {

constexpr std::array<std::pair<std::string_view, int>, 5> default_moods{
    {{"awful", 1}, {"bad", 3}, {"meh", 5}, {"good", 7}, {"rad", 9}}};

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(), ascii_lower);
    return out;
}

// A label as the mood table keys it: trimmed, ASCII letters lowercased (Daylio's custom moods can
// be any words, "Good " and "good" are one mood).
std::string mood_key(std::string_view label) {
    return lower(trim(label));
}

// "8:15 pm", "8:15PM", "08:15 a.m." or "20:15" as minutes after midnight.
std::optional<Minutes> parse_time(std::string_view text) {
    std::string t = lower(trim(text));
    std::optional<bool> pm;
    for (auto [suffix, is_pm] : {std::pair<std::string_view, bool>{"am", false},
                                 {"pm", true},
                                 {"a.m.", false},
                                 {"p.m.", true}}) {
        if (t.size() > suffix.size() && t.ends_with(suffix)) {
            pm = is_pm;
            t = std::string(trim(std::string_view(t).substr(0, t.size() - suffix.size())));
            break;
        }
    }
    const auto clock = parse_clock(t);
    if (!clock || !pm) return clock;
    const int hour = *clock / 60, minute = *clock % 60;
    if (hour < 1 || hour > 12) return std::nullopt;
    return (hour % 12 + (*pm ? 12 : 0)) * 60 + minute;
}

// An activity as a kint tag: lowercase, spaces and slashes become '-', '&' becomes "and",
// apostrophes go ("movies / tv" -> "movies-tv", "Don't smoke" -> "dont-smoke"); nullopt when
// anything else is left (a letter outside a-z, an emoji) or it is longer than a tag may be.
std::optional<std::string> activity_tag(std::string_view activity) {
    std::string tag;
    auto dash = [&] {
        if (!tag.empty() && tag.back() != '-') tag += '-';
    };
    for (std::size_t i = 0; i < activity.size(); ++i) {
        const char c = ascii_lower(activity[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
            tag += c;
        else if (c == ' ' || c == '\t' || c == '/' || c == '-')
            dash();
        else if (c == '&') {
            dash();
            tag += "and-";
        } else if (c == '\'')
            continue;
        else if (activity.substr(i).starts_with("\xE2\x80\x99")) // ’
            i += 2;
        else
            return std::nullopt;
    }
    while (!tag.empty() && tag.back() == '-')
        tag.pop_back();
    if (!text::is_tag(tag)) return std::nullopt;
    return tag;
}

// The tag at `at` ("<br>", "</b>", "<li class=x>") as its lowercase name and whether it closes.
struct Tag {
    std::string name;
    bool closing = false;
    std::size_t length = 0;
};
std::optional<Tag> tag_at(std::string_view s, std::size_t at) {
    const auto end = s.find('>', at);
    if (end == std::string_view::npos || end - at > 64) return std::nullopt;
    std::string_view inner = s.substr(at + 1, end - at - 1);
    Tag tag;
    tag.length = end - at + 1;
    if (inner.starts_with('/')) {
        tag.closing = true;
        inner.remove_prefix(1);
    }
    while (inner.ends_with('/') || inner.ends_with(' '))
        inner.remove_suffix(1);
    const auto name_end = inner.find(' ');
    tag.name = lower(inner.substr(0, name_end));
    return tag;
}

struct Plain {
    std::string text;
    bool had_formatting = false; // a tag other than <br> was taken out
};

// A Daylio note (its app writes light HTML: <br> for a line break, <b>, <i>, <u>, <s>, lists) as
// plain text: line breaks kept as line breaks (CRLF and CR too), paragraphs on lines of their own,
// list items as "- item", other
// formatting taken out, &amp; &lt; &gt; &quot; &#39; &nbsp; decoded, control characters made
// U+FFFD, and the whole trimmed. Anything else that looks like a tag is left as written.
Plain plain_text(std::string_view note) {
    static const std::set<std::string, std::less<>> dropped{
        "b",     "i",    "u",   "s",   "em", "strong", "strike", "del",       "ins", "mark",
        "span",  "font", "ul",  "ol",  "h1", "h2",     "h3",     "h4",        "h5",  "h6",
        "small", "big",  "sub", "sup", "tt", "code",   "pre",    "blockquote"};
    static const std::array<std::pair<std::string_view, std::string_view>, 7> entities{
        {{"&amp;", "&"},
         {"&lt;", "<"},
         {"&gt;", ">"},
         {"&quot;", "\""},
         {"&#39;", "'"},
         {"&apos;", "'"},
         {"&nbsp;", " "}}};
    Plain out;
    std::string& t = out.text;
    for (std::size_t i = 0; i < note.size();) {
        const char c = note[i];
        if (c == '\r') {
            t += '\n';
            i += note.substr(i).starts_with("\r\n") ? 2 : 1;
            continue;
        }
        if (c == '<') {
            if (const auto tag = tag_at(note, i)) {
                const auto& n = tag->name;
                bool known = true;
                if (n == "br")
                    t += '\n';
                else if (n == "li")
                    t += tag->closing ? "" : "\n- ";
                else if (n == "p" || n == "div")
                    t += '\n';
                else if (!dropped.contains(n))
                    known = false;
                if (known) {
                    out.had_formatting = out.had_formatting || n != "br";
                    i += tag->length;
                    continue;
                }
            }
        }
        if (c == '&') {
            const auto entity = std::ranges::find_if(
                entities, [&](const auto& e) { return note.substr(i).starts_with(e.first); });
            if (entity != entities.end()) {
                t += entity->second;
                i += entity->first.size();
                continue;
            }
        }
        t += c;
        ++i;
    }
    // Trailing spaces of each line, and blank lines at either end, go.
    std::string tidy;
    std::size_t at = 0;
    while (at <= t.size()) {
        const auto end = std::min(t.find('\n', at), t.size());
        auto line = std::string_view(t).substr(at, end - at);
        while (line.ends_with(' ') || line.ends_with('\t'))
            line.remove_suffix(1);
        tidy += line;
        tidy += '\n';
        at = end + 1;
    }
    t = text::sanitize(trim(tidy));
    return out;
}

struct Entry {
    std::size_t line = 0;
    Day day;
    Minutes time = 0;
    std::string label; // trimmed, ASCII lowercase (mood_key), made safe to show
    int value = 0;
    std::string title, note;
    std::vector<std::string> tags;
    std::vector<std::string> untaggable; // activities that cannot be tags, as written
};

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += fmt::format("{}'{}'", out.empty() ? "" : ", ", item);
    return out;
}

} // namespace

std::pair<std::string, int> parse_mood_option(std::string_view text) {
    const auto equals = text.rfind('=');
    const auto label = trim(text.substr(0, equals == std::string_view::npos ? 0 : equals));
    const auto number =
        equals == std::string_view::npos ? std::string_view{} : trim(text.substr(equals + 1));
    int value = -1;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (label.empty() || number.empty() || ec != std::errc{} ||
        end != number.data() + number.size() || value < 0 || value > 10)
        throw UsageError(fmt::format("--mood '{}' should be LABEL=N with N from 0 to 10, "
                                     "e.g. --mood rad=10",
                                     text::sanitize_line(text)));
    return {std::string(label), value};
}

Source parse_daylio(std::string_view text, std::string_view file, const DaylioOptions& options,
                    Day today) {
    std::map<std::string, int> moods;
    for (auto [label, value] : default_moods)
        moods.emplace(label, value);
    for (const auto& [label, value] : options.moods) {
        if (trim(label).empty() || value < 0 || value > 10)
            throw UsageError(fmt::format("--mood '{}={}' should be LABEL=N with N from 0 to 10",
                                         text::sanitize_line(label), value));
        moods[mood_key(label)] = value;
    }

    const CsvTable table = read_csv(text, file);
    const auto col_date = table.need("full_date", file);
    const auto col_time = table.need("time", file);
    const auto col_mood = table.need("mood", file);
    const auto col_activities = table.need("activities", file);
    const auto col_note = table.need("note", file);
    const auto col_title = table.column("note_title");

    std::vector<Entry> entries;
    std::map<std::string, std::pair<std::string, std::size_t>> unknown; // key -> label, first line
    bool formatting = false;
    for (const auto& row : table.rows) {
        const auto at = [&](std::size_t column) { return std::string_view(row.fields[column]); };
        const auto line_problem = [&](std::string_view what) {
            return bad_file(file, fmt::format("line {}: {}", row.line, what));
        };
        Entry e;
        e.line = row.line;
        const auto day = parse_iso_day(trim(at(col_date)));
        if (!day)
            throw line_problem(fmt::format("full_date '{}' is not a day like 2026-11-30",
                                           text::sanitize_line(at(col_date))));
        if (*day > today)
            throw line_problem(
                fmt::format("{} is after today ({})", format_day(*day), format_day(today)));
        e.day = *day;
        const auto time = parse_time(at(col_time));
        if (!time)
            throw line_problem(fmt::format("time '{}' is not a time like 20:15 or 8:15 pm",
                                           text::sanitize_line(at(col_time))));
        e.time = *time;
        const auto key = mood_key(at(col_mood));
        e.label = text::sanitize_line(key);
        if (e.label.empty()) throw line_problem("the mood is empty");
        if (const auto mood = moods.find(key); mood != moods.end())
            e.value = mood->second;
        else
            unknown.try_emplace(key, e.label, row.line);

        std::string_view activities = at(col_activities);
        while (!activities.empty()) {
            const auto bar = activities.find('|');
            const auto activity = trim(activities.substr(0, bar));
            activities = bar == std::string_view::npos ? "" : activities.substr(bar + 1);
            if (activity.empty()) continue;
            if (auto tag = activity_tag(activity)) {
                if (std::ranges::find(e.tags, *tag) == e.tags.end()) e.tags.push_back(*tag);
            } else if (auto kept = text::sanitize_line(activity);
                       std::ranges::find(e.untaggable, kept) == e.untaggable.end())
                e.untaggable.push_back(std::move(kept));
        }
        auto note = plain_text(at(col_note));
        e.note = std::move(note.text);
        formatting = formatting || note.had_formatting;
        if (col_title) {
            auto title = plain_text(at(*col_title));
            e.title = std::move(title.text);
            formatting = formatting || title.had_formatting;
        }
        entries.push_back(std::move(e));
    }
    if (!unknown.empty()) {
        std::string list;
        for (const auto& [key, first] : unknown)
            list += fmt::format("{}'{}' (line {})", list.empty() ? "" : ", ", first.first,
                                first.second);
        throw bad_file(file, unknown.size() == 1
                                 ? fmt::format("the mood {} has no number; give it one with "
                                               "--mood LABEL=N (N from 0 to 10)",
                                               list)
                                 : fmt::format("{} moods have no number: {}; give each one a "
                                               "number with --mood LABEL=N (N from 0 to 10)",
                                               unknown.size(), list));
    }

    // Daylio writes the newest first: kint keeps them by day, then time (the later row of two at
    // the same minute is the older one).
    std::ranges::sort(entries, [](const Entry& a, const Entry& b) {
        return std::tie(a.day, a.time, b.line) < std::tie(b.day, b.time, a.line);
    });

    Source source;
    source.tracker = "Daylio";
    source.things = table.rows.size();
    source.things_word = "entries";
    auto& records = source.records;
    std::size_t busy_days = 0, without_note = 0;
    std::vector<std::string> untaggable;
    std::map<std::string, int> used; // the moods the file uses and their numbers
    for (std::size_t i = 0; i < entries.size();) {
        std::size_t end = i;
        int sum = 0;
        std::string labels;
        while (end < entries.size() && entries[end].day == entries[i].day) {
            sum += entries[end].value;
            labels += fmt::format("{}{}", labels.empty() ? "" : ", ", entries[end].label);
            used.emplace(entries[end].label, entries[end].value);
            ++end;
        }
        const int n = static_cast<int>(end - i);
        if (n > 1) ++busy_days;
        // The mean rounded half up: floor(sum / n + 1/2).
        Rating rating{entries[i].day, RatingKind::mood, (2 * sum + n) / (2 * n), labels};
        if (validate::rating_problem(rating)) rating.note.reset(); // labels too long for a note
        records.ratings.push_back(std::move(rating));
        i = end;
    }
    for (auto& e : entries) {
        std::string body =
            e.title.empty() || e.note.empty() ? e.title + e.note : e.title + "\n\n" + e.note;
        if (body.empty() && e.tags.empty() && e.untaggable.empty()) continue;
        if (body.empty()) {
            body = fmt::format("{} at {}", e.label, format_clock(e.time));
            ++without_note;
        }
        if (!e.untaggable.empty()) {
            std::string list;
            for (const auto& a : e.untaggable) {
                list += fmt::format("{}{}", list.empty() ? "" : ", ", a);
                if (std::ranges::find(untaggable, a) == untaggable.end()) untaggable.push_back(a);
            }
            body += fmt::format("\n\nactivities: {}", list);
        }
        JournalEntry entry;
        entry.id = static_cast<Id>(records.journal.size() + 1);
        entry.day = e.day;
        entry.text = std::move(body);
        entry.tags = std::move(e.tags);
        if (auto problem = validate::journal_problem(entry))
            throw bad_file(file, fmt::format("line {}: the journal entry's {}", e.line, *problem));
        records.journal.push_back(std::move(entry));
    }

    if (!used.empty()) {
        std::vector<std::pair<std::string, int>> order(used.begin(), used.end());
        std::ranges::stable_sort(order, std::greater<>{}, [](const auto& u) { return u.second; });
        std::string list;
        for (const auto& [label, value] : order)
            list += fmt::format("{}{}={}", list.empty() ? "" : ", ", label, value);
        source.notes.push_back(fmt::format(
            "Daylio's moods became mood ratings from 0 to 10: {}; give another number with "
            "--mood LABEL=N",
            list));
    }
    if (busy_days > 0)
        source.notes.push_back(fmt::format(
            "{} {} several entries; each such day's rating is the mean of its moods, rounded "
            "half up",
            busy_days, busy_days == 1 ? "day had" : "days had"));
    if (without_note > 0)
        source.notes.push_back(fmt::format(
            "{} {} activities but no note; each is a journal entry like 'good at 20:15' with the "
            "activities as tags",
            without_note, without_note == 1 ? "entry had" : "entries had"));
    if (!untaggable.empty()) {
        std::ranges::sort(untaggable);
        source.notes.push_back(
            fmt::format("{} cannot be {} (one word of a-z, 0-9, - or _), so {} in the text "
                        "of {} entries: {}",
                        untaggable.size() == 1 ? "An activity" : "Some activities",
                        untaggable.size() == 1 ? "a tag" : "tags",
                        untaggable.size() == 1 ? "it is kept" : "they are kept",
                        untaggable.size() == 1 ? "its" : "their", quoted_list(untaggable)));
    }
    if (formatting)
        source.notes.push_back("Daylio's note formatting (bold, lists and the like) became plain "
                               "text");
    return source;
}

Source read_daylio(const std::string& path, const DaylioOptions& options, Day today) {
    return parse_daylio(read_text(path), path, options, today);
}

} // namespace kint::foreign
