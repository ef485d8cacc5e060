// Views kept beside the store (cache::view_cache), from the runtime's side: what a view must match
// to be shown again, showing and keeping one, and what a run that showed one still keeps.
#include "runtime.hpp"
#include "terminal_stream.hpp"

#include "kint/cache/config_cache.hpp"
#include "kint/core/error.hpp"

#include <fmt/format.h>

namespace kint::cli {

std::optional<cache::ViewStamp> Runtime::view_stamp(std::string_view kind,
                                                    std::string_view options) {
    const auto request = fmt::format("{} {} day {} json {} color {} width {}", kind, options,
                                     format_day(today()), json(), color(), width());
    return cache::view_stamp(store_path(), config_path(), kind, request);
}

void Runtime::print_passed(std::string_view bytes) {
    if (auto* stream = dynamic_cast<TerminalStream*>(&out))
        stream->write_passed(bytes);
    else
        out << bytes;
}

bool Runtime::show_kept_view(const std::optional<cache::ViewStamp>& stamp) {
    if (!stamp) return false;
    // Through the terminal filter once more: a kept view passed it when it was drawn (so it comes
    // out the same), and a file someone else wrote in its place never reaches a terminal raw.
    const auto shown = cache::show_view_cache(store_path(), *stamp,
                                              [this](std::string_view piece) { out << piece; });
    if (shown == cache::Shown::none) return false;
    if (shown == cache::Shown::cut)
        throw Error("the view kept beside the store changed while it was shown; run the command "
                    "again",
                    1);
    m_view_shown = true; // finish() then keeps the config's cache
    return true;
}

void Runtime::print_view(const std::optional<cache::ViewStamp>& stamp, std::string_view view) {
    ViewRecorder recorder(*this, stamp);
    recorder.print(view);
    recorder.finish();
}

ViewRecorder::ViewRecorder(Runtime& rt, const std::optional<cache::ViewStamp>& stamp) : m_rt(rt) {
    m_filter.allow_colour(rt.color());
    if (stamp) m_writer.emplace(rt.store_path(), *stamp);
}

void ViewRecorder::print(std::string_view piece) {
    m_passed.clear();
    m_filter.feed(piece, m_passed);
    pass();
}

void ViewRecorder::finish() {
    m_passed.clear();
    m_filter.finish(m_passed);
    pass();
    if (m_writer && m_rt.store_opened_whole()) m_writer->keep();
    m_writer.reset();
}

void ViewRecorder::pass() {
    m_rt.print_passed(m_passed);
    if (m_writer) m_writer->add(m_passed);
}

} // namespace kint::cli
