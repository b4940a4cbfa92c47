// The page builder: stacks unbreakable slabs (a line of text, a rule, a
// figure) into pages, honouring keep-with-next chains so that headings stay
// with what follows and paragraphs leave no widow or orphan line.
#pragma once

#include <vector>

#include "galley/layout.hpp"

namespace galley::layout {

struct Slab {
  double height = 0;        // points the slab takes in the column
  double space_before = 0;  // points; dropped at the top of a page
  bool keep_with_next = false;  // no page break between this slab and the next
  std::vector<Item> items;  // positioned relative to the slab's top-left corner
};

struct ColumnGeometry {
  double page_width = 0, page_height = 0;
  double left = 0, top = 0, width = 0, height = 0;  // points: the text area
};

// Returns the pages with the slabs placed; page furniture is added later.
std::vector<Page> build_pages(std::vector<Slab> slabs, const ColumnGeometry& geometry);

// Moves every item by (dx, dy).
void translate(Item& item, double dx, double dy);

}  // namespace galley::layout
