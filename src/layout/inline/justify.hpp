// The paragraph builder's last stage: one chosen line of a shaped paragraph
// made into positioned glyph runs, reordered for right-to-left text, with its
// interword spaces widened or narrowed to fill the measure and a hyphen drawn
// where it breaks at a soft hyphen.
#pragma once

#include "layout/inline/linebreak.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/inline/shape.hpp"

namespace galley::layout {

struct LineSpan {
  int start = 0;            // first character
  int end = 0;              // one past the last (a soft hyphen it breaks at included)
  bool hyphenated = false;  // ends at a soft hyphen: draw a hyphen
  bool fill = false;        // justify to the full width (not the last line)
};

struct LinePlacement {
  double left = 0;       // points from the paragraph's left edge to the line's space
  double width = 0;      // points available to the line
  TextAlignment alignment = TextAlignment::justified;
  double em = 0;         // points, for the letters' share of stretch given in ems
};

// The line's natural width in points, with its hyphen.
double natural_width(const ShapedParagraph& shaped, const LineSpan& span);

// The line's runs in visual order. Lines are never wider than their space:
// an overfull line (reported by the caller) has its spaces narrowed further.
SetLine finalize_line(const ShapedParagraph& shaped, const LineSpan& span, const LinePlacement& placement,
                      const style::Color& color, const BreakParameters& parameters);

}  // namespace galley::layout
