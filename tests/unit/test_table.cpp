// Table column widths (layout/blocks/table.cpp), with made-up measures:
// a pure function of the cells' widths, the room and the gutter.
#include <catch2/catch.hpp>

#include <numeric>
#include <vector>

#include "layout/blocks/table.hpp"

using galley::layout::CellWidths;
using galley::layout::column_widths;

namespace {

double table_width(const std::vector<double>& widths, double gutter) {
  return std::accumulate(widths.begin(), widths.end(), 0.0) + gutter * static_cast<double>(widths.size() - 1);
}

}  // namespace

TEST_CASE("a table that fits gives each column its longest line, and half a point for the shaper", "[table]") {
  // Two rows, two columns: the widest cell of each column decides.
  const std::vector<std::vector<CellWidths>> rows{{{40, 20}, {100, 50}}, {{60, 30}, {10, 10}}};
  const std::vector<double> widths = column_widths(rows, 2, 300, 10);
  REQUIRE(widths.size() == 2);
  CHECK(widths[0] == Approx(60.5));
  CHECK(widths[1] == Approx(100.5));
}

TEST_CASE("a table too wide shares the room beyond its longest words by how much more each column wants",
          "[table]") {
  // Column 0 wants 200 - 20 = 180 more than its longest word, column 1 wants
  // 50 - 40 = 10 more: the 60 points of spare room go 180:10.
  const std::vector<std::vector<CellWidths>> rows{{{199.5, 20}, {49.5, 40}}};
  const std::vector<double> widths = column_widths(rows, 2, 130, 10);
  REQUIRE(widths.size() == 2);
  CHECK(table_width(widths, 10) == Approx(130));
  CHECK(widths[0] == Approx(20 + 60 * 180.0 / 190.0));
  CHECK(widths[1] == Approx(40 + 60 * 10.0 / 190.0));
  // Never narrower than a column's longest word.
  CHECK(widths[0] >= 20);
  CHECK(widths[1] >= 40);
}

TEST_CASE("when even the longest words do not fit, every column gives up a share by its longest word", "[table]") {
  const std::vector<std::vector<CellWidths>> rows{{{300, 90}, {300, 30}}};
  const std::vector<double> widths = column_widths(rows, 2, 70, 10);
  REQUIRE(widths.size() == 2);
  CHECK(widths[0] == Approx(45));
  CHECK(widths[1] == Approx(15));
}

TEST_CASE("a short row's missing cells count as empty, and empty columns share alike", "[table]") {
  const std::vector<std::vector<CellWidths>> rows{{{30, 30}}, {{}, {}, {}}};
  const std::vector<double> fits = column_widths(rows, 3, 500, 5);
  REQUIRE(fits.size() == 3);
  CHECK(fits[0] == Approx(30.5));
  CHECK(fits[1] == Approx(0.5));
  CHECK(fits[2] == Approx(0.5));
  // Nothing at all and no room: equal shares of what there is.
  const std::vector<std::vector<CellWidths>> empty{{{}, {}}};
  const std::vector<double> squeezed = column_widths(empty, 2, 0.5, 0);
  CHECK(squeezed[0] == Approx(0.25));
  CHECK(squeezed[1] == Approx(0.25));
}

TEST_CASE("the min-content width is the columns' longest words and the gutters", "[table]") {
  const std::vector<std::vector<CellWidths>> rows{{{100, 30}, {50, 20}}, {{40, 35}, {}}};
  CHECK(galley::layout::min_content_width(rows, 2, 10) == Approx(35 + 20 + 10));
  CHECK(galley::layout::min_content_width(rows, 3, 10) == Approx(35 + 20 + 0 + 20));
}
