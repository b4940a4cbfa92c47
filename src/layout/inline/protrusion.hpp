// Margin kerning (character protrusion), as pdfTeX's microtype does it:
// punctuation at a justified line's end hangs partly into the right margin,
// an opening quote at its start into the left, so that the column's edges
// look straight to the eye (a full stop or a comma is mostly white space).
#pragma once

#include <glib.h>

namespace galley::layout {

// The kinds of face that protrude alike. Amounts are given as shares of the
// character's own advance, so one table fits every size of a class.
enum class FontClass { text, monospace };

// How much of `c`'s advance may hang past the right edge when it ends a line
// (0 to 1), and past the left edge when it begins one.
double right_protrusion(FontClass font_class, gunichar c);
double left_protrusion(FontClass font_class, gunichar c);

}  // namespace galley::layout
