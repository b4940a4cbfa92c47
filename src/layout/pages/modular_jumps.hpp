// A jumped story's furniture: the short jump headline and "Continued from
// page M" over its rest, and "Continued on page N" at the foot of its
// module, each line a link to the other.
#pragma once

#include <string>
#include <vector>

#include "galley/errors.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "layout/fonts.hpp"
#include "layout/pages/page_builder.hpp"

namespace galley::layout {

// A jump headline as a night desk writes one: the headline's first words,
// a kicker ("FACT SHEET:") left off, at most four words and about 30
// characters, never ending on a small word ("of", "the", "to"). A title
// that short already is kept whole.
std::string jump_headline(const std::string& title);

struct JumpStyle {
  const style::Theme* theme = nullptr;
  style::TextStyle line;      // "Continued on/from page N"
  style::TextStyle headline;  // the jump headline
  double leading = 0;         // points: the body's
};

// The head of a story's continuation, `width` points wide: "Continued from
// page M" (the anchor `anchor`, a link to `from_anchor`), the jump headline,
// a rule.
std::vector<Slab> continuation_head(FontSystem& fonts, const JumpStyle& style, const std::string& title,
                                    const std::string& from_page, const std::string& anchor,
                                    const std::string& from_anchor, double width, Diagnostics& warnings);

// "Continued on page N" at (x, y) on the page, right-aligned in `width`,
// the anchor `anchor`, a link to `to_anchor`.
void add_continued_on(std::vector<Item>& items, FontSystem& fonts, const JumpStyle& style, const std::string& to_page,
                      const std::string& anchor, const std::string& to_anchor, double x, double y, double width,
                      Diagnostics& warnings);

}  // namespace galley::layout
