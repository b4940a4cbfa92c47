#include "layout/inline/long_paragraph.hpp"

#include <algorithm>
#include <optional>

#include "layout/inline/shape.hpp"

namespace galley::layout {
namespace {

constexpr std::size_t piece_bytes = long_paragraph_bytes / 2;
// How far past a piece's target length a space is looked for before the
// piece is cut inside a word (a word that long is broken anywhere anyway).
constexpr std::size_t space_search_bytes = piece_bytes / 4;
// The last piece takes up to this much, so no piece is a sliver.
constexpr std::size_t last_piece_bytes = piece_bytes + piece_bytes / 2;
// Pieces are set by set_paragraph, which must not hand them back here.
static_assert(last_piece_bytes + space_search_bytes < long_paragraph_bytes);

// The end of the piece that starts at `start`: at a space where there is one
// near the target length, else at a character boundary. The line holding the
// cut is always given back to the next piece, so the cut never shows.
std::size_t piece_end(const std::string& text, std::size_t start) {
  if (text.size() - start <= last_piece_bytes) return text.size();
  const std::size_t target = start + piece_bytes;
  const std::size_t space = text.find(' ', target);
  if (space != std::string::npos && space - target <= space_search_bytes) return space;
  std::size_t end = target;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;  // not inside a character
  return end;
}

// The bytes [start, end) of the paragraph with the styles that cover them.
StyledText slice(const StyledText& text, std::size_t start, std::size_t end) {
  StyledText piece;
  piece.text = text.text.substr(start, end - start);
  for (const StyledSpan& span : text.spans) {
    if (span.end <= start || span.start >= end) continue;
    piece.spans.push_back(StyledSpan{.start = std::max(span.start, start) - start,
                                     .end = std::min(span.end, end) - start,
                                     .kind = span.kind,
                                     .target = span.target});
  }
  return piece;
}

// One past the last byte a set line shows; nothing for a line with no glyphs.
std::optional<std::size_t> end_of(const SetLine& line) {
  std::optional<std::size_t> end;
  for (const GlyphRun& run : line.runs) end = std::max(end.value_or(0), run.text_offset + run.text.size());
  return end;
}

// The same characters the paragraph builder treats as interword spaces and
// forced breaks (shape.cpp's is_space and is_forced_break).
bool is_forced_break(gunichar c) { return c == '\n' || c == 0x2028 || c == 0x2029; }
bool is_space(gunichar c) {
  return g_unichar_isspace(c) && !is_forced_break(c) && !is_no_break_space(c);
}

// Where the next line starts after a line that ends at `position`: past the
// spaces the break discarded and the one forced break that ended the line,
// as the breaker starts a line (an empty line from a second break stays).
std::size_t next_line_start(const std::string& text, std::size_t position) {
  auto skip_spaces = [&] {
    while (position < text.size() && is_space(g_utf8_get_char(text.c_str() + position)))
      position = static_cast<std::size_t>(g_utf8_next_char(text.c_str() + position) - text.c_str());
  };
  skip_spaces();
  if (position < text.size() && is_forced_break(g_utf8_get_char(text.c_str() + position))) {
    position = static_cast<std::size_t>(g_utf8_next_char(text.c_str() + position) - text.c_str());
    skip_spaces();
  }
  return position;
}

}  // namespace

std::vector<SetLine> set_long_paragraph(FontSystem& fonts, const StyledText& text, const ParagraphFormat& format,
                                        Diagnostics* warnings) {
  std::vector<SetLine> lines;
  std::size_t start = 0;
  while (start < text.text.size()) {
    const std::size_t end = piece_end(text.text, start);
    const int first_line = static_cast<int>(lines.size());  // the piece's first line, counted in the paragraph
    ParagraphFormat piece_format = format;
    if (start > 0) piece_format.first_indent = 0;
    piece_format.narrow_lines = std::max(0, format.narrow_lines - first_line);
    // A line the page builder found at a column's foot, counted from the piece.
    BreakParameters piece_parameters = format.parameters ? *format.parameters : BreakParameters{};
    if (piece_parameters.line_ending_a_column >= 0)
      piece_parameters.line_ending_a_column =
          piece_parameters.line_ending_a_column >= first_line ? piece_parameters.line_ending_a_column - first_line : -1;
    piece_format.parameters = &piece_parameters;
    std::vector<SetLine> piece = set_paragraph(fonts, slice(text, start, end), piece_format, warnings);

    // Give back the last line (and any empty lines before it) unless this
    // is the last piece; the next piece starts where the kept lines end.
    std::size_t kept = piece.size();
    std::size_t next = end;
    if (end < text.text.size()) {
      for (std::size_t line = piece.size() > 0 ? piece.size() - 1 : 0; line-- > 0;) {
        if (std::optional<std::size_t> line_end = end_of(piece[line])) {
          kept = line + 1;
          next = next_line_start(text.text, start + *line_end);
          break;
        }
      }
    }
    for (std::size_t line = 0; line < kept; ++line) {
      for (GlyphRun& run : piece[line].runs) run.text_offset += start;
      lines.push_back(std::move(piece[line]));
    }
    start = next;
  }
  return lines;
}

}  // namespace galley::layout
