// Page furniture: the running head with its rule and the folio (the page
// number), the same for one article's pages and an edition's.
#pragma once

#include <map>
#include <string>

#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/paragraph.hpp"

namespace galley::layout {

class PageFurniture {
 public:
  PageFurniture(const style::Theme& theme, FontSystem& fonts) : theme_(theme), fonts_(fonts) {}

  // Puts the running head (none when `running_head` is empty) and the page's
  // label as its folio on `page`, the `number`-th of the book (1 for the
  // first). Not tagged: furniture is no content. They go first among the
  // page's items: Cairo 1.16 fails on a page whose first drawing is an
  // image inside a structure element (a figure at the head of a page), and
  // a page that starts with text is one it gets right. In a bound theme
  // both stand on the page's outer side; unbound, the folio is centred.
  // Called before set_on_its_side, in the unmirrored page's coordinates.
  void add(Page& page, const std::string& running_head, std::size_t number);

 private:
  void add_line(Page& page, const std::string& text, TextAlignment alignment, double baseline);
  // The text shortened at a word, with an ellipsis, to what fits one line
  // of the head; remembered, since every page asks again.
  const std::string& fitted(const std::string& text);

  const style::Theme& theme_;
  FontSystem& fonts_;
  std::map<std::string, std::string> fitted_;
};

// Moves the page's items to its side of a bound book: layout sets every
// page with the inner margin on the left; a page whose inner margin is on
// the right (a verso, bound on the left) moves right by the difference of
// the margins. Nothing moves on a page of an unbound theme.
void set_on_its_side(Page& page, std::size_t number, const style::PageGeometry& geometry);

}  // namespace galley::layout
