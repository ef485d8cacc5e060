#include "kint/domain/sync.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kint::sync {

bool valid_random_uid(std::string_view uid) {
    return uid.size() == 32 && std::all_of(uid.begin(), uid.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
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
