// Sets one paragraph into lines of positioned glyph runs. For now the line
// breaking is Pango's (greedy, with soft hyphens from libhyphen); galley's own
// total-fit breaker replaces it behind this same interface.
#pragma once

#include <vector>

#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "layout/fonts.hpp"
#include "layout/styled_text.hpp"

namespace galley::layout {

enum class TextAlignment { justified, left, center, right };

struct ParagraphFormat {
  const style::TextStyle* style = nullptr;
  double width = 0;         // points
  double first_indent = 0;  // points
  TextAlignment alignment = TextAlignment::justified;
};

struct SetLine {
  std::vector<GlyphRun> runs;  // x from the paragraph's left edge, y = 0 on the baseline
  double width = 0;            // points, the line's natural or justified width
};

std::vector<SetLine> set_paragraph(FontSystem& fonts, const StyledText& text, const ParagraphFormat& format);

}  // namespace galley::layout
