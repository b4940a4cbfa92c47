// Tables: column widths from the content, rules under the header and
// between rows, and the header row repeated at the top of each column the
// table continues in.
#pragma once

#include <cstddef>
#include <vector>

#include "galley/doc.hpp"
#include "layout/slab_writer.hpp"

namespace galley::layout {

// A cell's text, measured.
struct CellWidths {
  double natural = 0;  // points: its width set on one line
  double minimum = 0;  // points: its longest word
};

// The width of each of `columns` columns (points), as browsers share them
// out: each column as wide as its longest line when the table fits in
// `available` points with `gutter` points between columns; else the room
// beyond the longest words shared by how much more each column wants; else
// (not even the longest words fit) the room shared by the longest words.
// A row shorter than `columns` has empty cells at its end.
std::vector<double> column_widths(const std::vector<std::vector<CellWidths>>& rows, std::size_t columns,
                                  double available, double gutter);

// Points: the narrowest the table can be without cutting a word, its
// columns' longest words and the gutters between them (min-content).
double min_content_width(const std::vector<std::vector<CellWidths>>& rows, std::size_t columns, double gutter);

// Sets a table `indent` points in from the column's left edge, or across all
// the columns when its longest words do not fit one.
void add_table(SlabWriter& writer, const doc::Table& table, double indent);

}  // namespace galley::layout
