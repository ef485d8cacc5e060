#include "kint/domain/sync.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <initializer_list>

namespace kint::sync {

bool valid_random_uid(std::string_view uid) {
    return uid.size() == 32 && std::all_of(uid.begin(), uid.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool valid_uid(std::string_view uid) {
    if (valid_random_uid(uid)) return true;
    // "<what>/<day>/<tail>" with `tail` one of `tails` (none: no "/<tail>").
    const auto dated = [](std::string_view rest, std::string_view what,
                          std::initializer_list<std::string_view> tails) {
        if (!rest.starts_with(what) || rest.size() < what.size() + 11 || rest[what.size()] != '/')
            return false;
        rest.remove_prefix(what.size() + 1);
        const auto day = parse_iso_day(rest.substr(0, 10));
        if (!day || format_day(*day) != rest.substr(0, 10)) return false;
        rest.remove_prefix(10);
        if (tails.size() == 0) return rest.empty();
        return rest.starts_with('/') && std::ranges::find(tails, rest.substr(1)) != tails.end();
    };
    if (dated(uid, "rating", {"mood", "energy"}) || dated(uid, "session", {})) return true;
    // A cue's records: "<cue uid>/log/<day>/<status>", "<cue uid>/pause/<day>", ".../plan/<day>".
    if (uid.size() < 33 || !valid_random_uid(uid.substr(0, 32)) || uid[32] != '/') return false;
    const auto rest = uid.substr(33);
    return dated(rest, "log", {"done", "skip", "slip"}) || dated(rest, "pause", {}) ||
           dated(rest, "plan", {});
}

std::string log_uid(std::string_view cue_uid, Day day, LogStatus status) {
    return fmt::format("{}/log/{}/{}", cue_uid, format_day(day), to_string(status));
}

std::string pause_uid(std::string_view cue_uid, Day from) {
    return fmt::format("{}/pause/{}", cue_uid, format_day(from));
}

std::string plan_uid(std::string_view cue_uid, Day until) {
    return fmt::format("{}/plan/{}", cue_uid, format_day(until));
}

std::string rating_uid(Day day, RatingKind kind) {
    return fmt::format("rating/{}/{}", format_day(day), to_string(kind));
}

std::string session_uid(Day day) {
    return fmt::format("session/{}", format_day(day));
}

bool replaces(std::string_view incoming_hlc, std::string_view incoming_key,
              std::string_view have_hlc, std::string_view have_key) {
    if (incoming_hlc != have_hlc) return incoming_hlc > have_hlc;
    return incoming_key > have_key;
}

bool removes(std::string_view removal_hlc, std::string_view record_hlc) {
    return record_hlc <= removal_hlc;
}

} // namespace kint::sync
