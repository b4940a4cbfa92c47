// The page builder: stacks unbreakable slabs (a line of text, a rule, a
// figure, a table row) into the columns of pages, honouring keep-with-next
// chains so that headings stay with what follows and paragraphs leave no
// widow or orphan line; slabs that span the columns (the article's head)
// sit above them; figures float to the foot or the head of a column; the
// columns of the last page are balanced, leaving no column of a line or two.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "galley/layout.hpp"

namespace galley::layout {

struct Slab {
  double height = 0;            // points the slab takes in the column
  double space_before = 0;      // points; dropped at the top of a column
  bool keep_with_next = false;  // no column break between this slab and the next
  bool spans_columns = false;   // set across all columns (the head), x from the text area's left
  std::vector<Item> items;      // positioned relative to the slab's top-left corner
  // Slabs to repeat at the top of a column when a break falls before this
  // slab (a table's header rows); their structure marks are not repeated.
  std::shared_ptr<const std::vector<Slab>> repeated_header;
  // Footnotes first referred to on this slab's line: set at the foot of the
  // column that holds the line.
  std::vector<Slab> notes;
  // Slabs with the same non-zero number make one float (a figure with its
  // caption): set whole at the foot of the column where the text mentions
  // it, or at the head of the next column when it does not fit there.
  int float_group = 0;
  bool on_grid = false;  // a body line: its top snaps to the baseline grid, when there is one
  bool ends_with_hyphen = false;  // a line broken at a hyphen the breaker chose
  // Starts a new column (an edition's next article, in a newspaper theme)
  // unless the column is still empty.
  bool column_break_before = false;
};

struct ColumnGeometry {
  double page_width = 0, page_height = 0;
  double left = 0, top = 0, width = 0, height = 0;  // points: the text area
  int columns = 1;
  double gutter = 0;  // points between columns
  double float_gap = 12;  // points between a float and the text beside it
  double baseline_grid = 0;  // points between grid lines; 0 for none
  // Points from the page's top where the grid counts from; none: from the
  // columns' top (below a spanning head). A newspaper page's modules share
  // one, so that lines align across them.
  std::optional<double> grid_origin;
  // Balanced columns that would leave one to four lines in a column (a
  // runt) are set in fewer, longer columns instead: a flow's last page.
  // Off in a newspaper's modules, whose rectangles the columns must fill.
  bool no_runt_columns = false;

  double column_width() const { return (width - gutter * (columns - 1)) / columns; }
};

// Returns the pages with the slabs placed; page furniture is added later.
std::vector<Page> build_pages(std::vector<Slab> slabs, const ColumnGeometry& geometry);

// The index of the last slab in each column, in order, as build_pages
// would set them (floats and slabs across the columns aside); moves nothing.
std::vector<std::size_t> column_final_slabs(std::vector<Slab>& slabs, const ColumnGeometry& geometry);

// Fewer lines than this alone in a column, or on a last page, make a runt.
constexpr std::size_t fewest_lines_in_a_column = 5;

// Lines of text a slab holds, for runts (its footnotes' lines not counted);
// a picture counts as a column's worth: a column with one is no runt.
std::size_t lines_in(const Slab& slab);

// How build_pages would fill the last page; moves nothing.
struct LastPage {
  std::size_t pages = 0;       // pages in all
  std::size_t lines = 0;       // lines_in the slabs and footnotes set on the last page
  std::size_t first_slab = 0;  // the first slab of the flow (not a float) set on it
};
LastPage last_page(std::vector<Slab>& slabs, const ColumnGeometry& geometry);

// Moves every item by (dx, dy).
void translate(Item& item, double dx, double dy);

}  // namespace galley::layout
