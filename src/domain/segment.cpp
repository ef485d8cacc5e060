#include "kint/domain/segment.hpp"

#include "kint/domain/remind.hpp"

#include "kint/core/text.hpp"
#include "kint/domain/period.hpp"

#include <algorithm>
#include <charconv>

namespace kint::segment {

namespace {

// 3: a cue line gains its plan ("-", "if" or a --per) and a --per cue's done days ("+DAY").
// 4: and its time and last logged day ("07:30 2026-11-20" or "- -"), a timed cue's behavior on
// a "does" line after it.
constexpr std::string_view magic = "kint-segment-4";

std::string day_or_dash(const std::optional<Day>& day) {
    return day ? format_day(*day) : "-";
}

// "-" is none; anything else must be a real day.
bool read_day(std::string_view word, std::optional<Day>& out) {
    if (word == "-") return out.reset(), true;
    out = parse_iso_day(word);
    return out.has_value();
}

// Splits off the next space-separated word of `line`.
std::string_view next_word(std::string_view& line) {
    const auto space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
    return word;
}

bool parse_cue(std::string_view line, CueFacts& c) {
    unsigned mask = 0;
    const auto mask_word = next_word(line);
    const auto [end, ec] =
        std::from_chars(mask_word.data(), mask_word.data() + mask_word.size(), mask);
    if (ec != std::errc{} || end != mask_word.data() + mask_word.size() || mask == 0 ||
        mask > Schedule::all)
        return false;
    c.days = Schedule(static_cast<std::uint8_t>(mask));
    std::optional<Day> created;
    if (!read_day(next_word(line), created) || !created) return false;
    c.created = *created;
    if (!read_day(next_word(line), c.archived_on) || !read_day(next_word(line), c.last_done))
        return false;
    const auto plan = next_word(line);
    if (plan == "if") {
        c.situation = true;
    } else if (plan != "-") {
        c.per = parse_per(plan);
        if (!c.per) return false;
    }
    const auto at = next_word(line);
    if (at != "-") {
        // Strictly HH:MM, as written: the cache is checked whole.
        c.at = parse_clock(at);
        if (!c.at || at.size() != 5 || c.situation) return false;
    }
    if (!read_day(next_word(line), c.last_logged) || (c.last_logged && !c.at)) return false;
    while (!line.empty()) {
        const auto pause = next_word(line);
        if (pause.substr(0, 1) == "+") {
            std::optional<Day> done;
            if (!c.per || !read_day(pause.substr(1), done) || !done ||
                (!c.done_days.empty() && *done <= c.done_days.back()))
                return false;
            c.done_days.push_back(*done);
            continue;
        }
        const auto colon = pause.find(':');
        if (colon == std::string_view::npos) return false;
        std::optional<Day> from, until;
        if (!read_day(pause.substr(0, colon), from) || !from ||
            !read_day(pause.substr(colon + 1), until))
            return false;
        c.pauses.push_back(Pause{*from, until});
    }
    return true;
}

// "DAY VALUE": one mood rating.
bool parse_mood(std::string_view line, MoodFact& m) {
    std::optional<Day> day;
    if (!read_day(next_word(line), day) || !day) return false;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), m.value);
    if (ec != std::errc{} || end != line.data() + line.size() || m.value < 0 || m.value > 10)
        return false;
    m.day = *day;
    return true;
}

// Text on one line of the cache: newlines and tabs become spaces, other control characters and
// bytes that are not UTF-8 go (the cache is refused whole if it holds one).
void append_one_line(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = text::utf8_length_at(s, i);
        if (len == 0) {
            ++i;
            continue;
        }
        const char32_t code = text::code_point_at(s, i, len);
        if (code == '\n' || code == '\r' || code == '\t')
            out += ' ';
        else if (!text::is_control(code, /*multiline=*/false))
            out.append(s.substr(i, len));
        i += len;
    }
}

// Open today: scheduled, not if-then, not a --per cue whose target is met.
bool open_today(const CueFacts& c, Day today, int week_starts) {
    if (c.situation || !c.scheduled_on(today)) return false;
    return !c.per || c.last_done == today ||
           period::remaining(*c.per, c.done_days, today, week_starts, c.created) > 0;
}

} // namespace

std::optional<Day> Facts::last_mood() const {
    if (moods.empty()) return std::nullopt;
    return moods.back().day;
}

bool CueFacts::scheduled_on(Day day) const {
    return kint::scheduled_on(days, created, archived_on, pauses, day);
}

std::optional<Today> count(const Facts& facts, Day today, const config::Safety& rule,
                           int week_starts) {
    if (facts.from && today < *facts.from) return std::nullopt;
    const auto last_mood = facts.last_mood();
    if (last_mood && *last_mood > today) return std::nullopt;
    Today t;
    t.mood_rated = last_mood == today;
    if (last_mood) {
        std::vector<Rating> moods;
        moods.reserve(facts.moods.size());
        for (const auto& m : facts.moods)
            moods.push_back(Rating{m.day, RatingKind::mood, m.value, {}});
        t.note = safety::check_recent(moods, rule, today).triggered;
        t.check_in = !t.note && safety::check_in(moods, rule, today);
    }
    for (const auto& c : facts.cues) {
        if ((c.last_done && *c.last_done > today) || (c.last_logged && *c.last_logged > today))
            return std::nullopt;
        // A --per cue is due while its period's target is open, or when logged today.
        if (!open_today(c, today, week_starts)) continue;
        ++t.scheduled;
        if (c.last_done == today) ++t.done;
    }
    return t;
}

std::optional<Due> due(const Facts& facts, Day today, Minutes now, Minutes day_starts_at,
                       int week_starts) {
    if (facts.from && today < *facts.from) return std::nullopt;
    const CueFacts* first = nullptr;
    int found = 0;
    for (const auto& c : facts.cues) {
        if ((c.last_done && *c.last_done > today) || (c.last_logged && *c.last_logged > today))
            return std::nullopt; // as count(): whether today has an entry is unknown
        if (!c.at || c.last_logged == today || c.last_done == today ||
            !remind::time_has_come(now, *c.at, day_starts_at) || !open_today(c, today, week_starts))
            continue;
        ++found;
        if (!first || remind::minutes_into_day(*c.at, day_starts_at) <
                          remind::minutes_into_day(*first->at, day_starts_at))
            first = &c;
    }
    if (!first) return std::nullopt;
    return Due{first->behavior, found - 1};
}

bool mood_reminder_due(Minutes now, Minutes after, Minutes day_starts_at) {
    return remind::time_has_come(now, after, day_starts_at);
}

void prune(Facts& facts, Day from) {
    facts.from = from;
    // The newest stays (the check-in names it); the rest only while a later day's rule needs it.
    const Day oldest = from - std::chrono::days{mood_days_kept};
    if (facts.moods.size() > 1)
        facts.moods.erase(std::remove_if(facts.moods.begin(), facts.moods.end() - 1,
                                         [&](const MoodFact& m) { return m.day < oldest; }),
                          facts.moods.end() - 1);
    const Day oldest_done = from - std::chrono::days{per_days_kept - 1};
    for (auto& c : facts.cues) {
        std::erase_if(c.pauses, [&](const Pause& p) { return p.until && *p.until <= from; });
        std::erase_if(c.done_days, [&](Day d) { return d < oldest_done; });
    }
    std::erase_if(facts.cues,
                  [&](const CueFacts& c) { return c.archived_on && *c.archived_on <= from; });
}

std::string format_cache(std::string_view stamp, const Facts& facts) {
    std::string out(magic);
    out += "\nstamp ";
    out += stamp;
    out += "\nfrom " + day_or_dash(facts.from);
    out += "\nfocus";
    if (facts.focus) {
        out += ' ';
        append_one_line(out, *facts.focus); // the prompt drops control characters too
    }
    for (const auto& m : facts.moods)
        out += "\nmood " + format_day(m.day) + ' ' + std::to_string(m.value);
    for (const auto& c : facts.cues) {
        out += "\ncue " + std::to_string(c.days.mask()) + ' ' + format_day(c.created) + ' ' +
               day_or_dash(c.archived_on) + ' ' + day_or_dash(c.last_done) + ' ' +
               (c.situation ? "if"
                : c.per     ? format_per(*c.per)
                            : "-") +
               ' ' + (c.at ? format_clock(*c.at) : "-") + ' ' +
               (c.at ? day_or_dash(c.last_logged) : "-");
        if (c.per)
            for (const auto d : c.done_days)
                out += " +" + format_day(d);
        for (const auto& p : c.pauses)
            out += ' ' + format_day(p.from) + ':' + day_or_dash(p.until);
        if (c.at) {
            out += "\ndoes ";
            append_one_line(out, c.behavior);
        }
    }
    out += "\nend\n";
    return out;
}

std::optional<Facts> parse_cache(std::string_view text, std::string_view stamp) {
    // Checked whole: a damaged cache (a NUL, a \xff) is refused, never shown in a prompt.
    if (!text::valid_utf8(text) || text::has_control_characters(text, /*multiline=*/true))
        return std::nullopt;
    Facts facts;
    bool ended = false, stamped = false;
    bool needs_name = false; // a timed cue's line: its "does" line comes next
    int line_no = 0;
    while (!text.empty() && !ended) {
        const auto nl = text.find('\n');
        if (nl == std::string_view::npos) return std::nullopt; // cut short
        const std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl + 1);
        if (needs_name != (line.substr(0, 5) == "does ")) return std::nullopt;
        if (line_no++ == 0) {
            if (line != magic) return std::nullopt;
        } else if (line.substr(0, 6) == "stamp ") {
            if (line.substr(6) != stamp) return std::nullopt;
            stamped = true;
        } else if (line.substr(0, 5) == "from ") {
            if (!read_day(line.substr(5), facts.from)) return std::nullopt;
        } else if (line == "focus") {
            facts.focus.reset();
        } else if (line.substr(0, 6) == "focus ") {
            facts.focus = std::string(line.substr(6));
        } else if (line.substr(0, 5) == "mood ") {
            MoodFact m;
            if (!parse_mood(line.substr(5), m)) return std::nullopt;
            if (!facts.moods.empty() && m.day <= facts.moods.back().day) return std::nullopt;
            facts.moods.push_back(m);
        } else if (line.substr(0, 4) == "cue ") {
            CueFacts c;
            if (!parse_cue(line.substr(4), c)) return std::nullopt;
            needs_name = c.at.has_value();
            facts.cues.push_back(std::move(c));
        } else if (line.substr(0, 5) == "does ") {
            // A timed cue's behavior, once, on the line after it.
            facts.cues.back().behavior = std::string(line.substr(5));
            needs_name = false;
        } else if (line == "end") {
            ended = true;
        } else {
            return std::nullopt;
        }
    }
    if (!ended || !stamped || !text.empty()) return std::nullopt;
    return facts;
}

bool cache_is_current(std::string_view text, std::string_view stamp) {
    const std::string head = std::string(magic) + "\nstamp " + std::string(stamp) + '\n';
    return text.size() > head.size() && text.starts_with(head) && text.ends_with("\nend\n");
}

} // namespace kint::segment
