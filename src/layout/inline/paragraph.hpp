// Sets one paragraph into lines of positioned glyph runs: galley's own
// paragraph builder on Pango's shaping, after Typst's outline
// (collect → prepare → linebreak → finalize) and SILE's boxes and glue.
#pragma once

#include <string_view>
#include <vector>

#include "galley/errors.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/linebreak.hpp"
#include "layout/inline/styled_text.hpp"

namespace galley::layout {

enum class TextAlignment { justified, left, center, right };

struct ParagraphFormat {
  const style::TextStyle* style = nullptr;
  double width = 0;         // points
  double first_indent = 0;  // points
  TextAlignment alignment = TextAlignment::justified;
  const BreakParameters* parameters = nullptr;  // the builder's costs; null for the defaults
  // The first `narrow_lines` lines start `narrow_by` points further right
  // and are that much shorter: the room a drop cap takes.
  int narrow_lines = 0;
  double narrow_by = 0;  // points
  // Margin kerning in justified text: punctuation at a line's end hangs into
  // the right margin, an opening quote at its start into the left.
  bool protrude = false;
};

struct SetLine {
  std::vector<GlyphRun> runs;  // x from the paragraph's left edge, y = 0 on the baseline
  double width = 0;            // points, the line's natural or justified width
  bool hyphenated = false;     // it ends in a hyphen the breaker added
};

// Whether a set line's text ends in a letter and a hyphen of the text
// ("hands-" of "hands-on"): broken there, a compound reads as a word cut.
bool ends_after_word_hyphen(std::string_view line_text);

// Lines that could not be set within the measure are reported in `warnings`
// (when given), naming the paragraph by its first words.
std::vector<SetLine> set_paragraph(FontSystem& fonts, const StyledText& text, const ParagraphFormat& format,
                                   Diagnostics* warnings = nullptr);

// Points: the widest word of the text, words being what lies between spaces
// and line breaks (a browser's min-content width). A measure at least this
// wide sets the text without breaking a word.
double widest_word(FontSystem& fonts, const StyledText& text, const style::TextStyle& style);

}  // namespace galley::layout
