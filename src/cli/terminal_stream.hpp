#pragma once
// What kint writes to its output and error streams passes through text::TerminalFilter: no control
// character a stored text, a config value or an argument holds reaches a terminal.
#include "kint/core/text.hpp"

#include <ostream>
#include <streambuf>
#include <string>

namespace kint::cli {

class TerminalStream : public std::ostream {
  public:
    explicit TerminalStream(std::ostream& target) : std::ostream(&m_buf), m_buf(target) {}
    ~TerminalStream() override { m_buf.finish(); }
    TerminalStream(const TerminalStream&) = delete;
    TerminalStream& operator=(const TerminalStream&) = delete;
    // Lets kint's colour codes through (when it paints: Runtime::color()).
    void allow_colour(bool on) { m_buf.allow_colour(on); }
    // Bytes that just passed a terminal filter with the same colour setting (a view printed and
    // kept at once, cli::ViewRecorder), written to the target as they are, after whatever waits in
    // this filter (a sequence cut at the end of the last piece, as U+FFFD).
    void write_passed(std::string_view bytes) { m_buf.write_passed(bytes); }
    // Writes an unfinished sequence (as U+FFFD) and flushes the target.
    void finish() {
        m_buf.finish();
        if (!m_buf.good()) setstate(std::ios::badbit);
    }

  private:
    class Buf : public std::streambuf {
      public:
        explicit Buf(std::ostream& target) : m_target(target) {}
        void finish() {
            m_out.clear();
            m_filter.finish(m_out);
            m_target.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
            m_target.flush();
        }
        bool good() const { return m_target.good(); }
        void write_passed(std::string_view bytes) {
            // Whatever waits in this filter goes first (as it would at the end), so nothing is
            // reordered.
            m_out.clear();
            m_filter.finish(m_out);
            m_out.append(bytes);
            m_target.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
        }
        void allow_colour(bool on) { m_filter.allow_colour(on); }

      protected:
        std::streamsize xsputn(const char* s, std::streamsize n) override {
            m_out.clear();
            m_filter.feed(std::string_view(s, static_cast<std::size_t>(n)), m_out);
            m_target.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
            return m_target ? n : 0;
        }
        int_type overflow(int_type c) override {
            if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
            const char ch = traits_type::to_char_type(c);
            return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
        }
        int sync() override {
            m_target.flush();
            return m_target ? 0 : -1;
        }

      private:
        std::ostream& m_target;
        text::TerminalFilter m_filter;
        std::string m_out;
    };
    Buf m_buf;
};

} // namespace kint::cli
