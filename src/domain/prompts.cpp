#include "kint/domain/prompts.hpp"

#include <algorithm>

namespace kint::prompts {

std::vector<const config::Prompt*> pool(const std::vector<config::Prompt>& prompts,
                                        std::string_view phase, bool gentle) {
    std::vector<const config::Prompt*> out;
    for (const auto& p : prompts)
        if ((!gentle || p.gentle) &&
            std::find(p.phases.begin(), p.phases.end(), phase) != p.phases.end())
            out.push_back(&p);
    if (out.empty())
        for (const auto& p : prompts)
            if (!gentle || p.gentle) out.push_back(&p);
    return out;
}

std::vector<config::Prompt> for_day(const std::vector<config::Prompt>& prompts,
                                    std::string_view phase, Day day, int count, bool gentle) {
    const auto candidates = pool(prompts, phase, gentle);
    std::vector<config::Prompt> out;
    if (candidates.empty() || count <= 0) return out;
    const auto n = static_cast<long long>(candidates.size());
    const long long start = ((day.time_since_epoch().count() % n) + n) % n;
    for (long long i = 0; i < std::min<long long>(count, n); ++i)
        out.push_back(*candidates[static_cast<std::size_t>((start + i) % n)]);
    return out;
}

} // namespace kint::prompts
