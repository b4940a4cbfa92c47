#include <catch2/catch.hpp>

#include "galley/print.hpp"

using namespace galley;

TEST_CASE("a booklet's sides hold the pages in folding order, padded to a multiple of four", "[print][impose]") {
  using Sides = std::vector<std::vector<std::size_t>>;
  // 8 pages, 2 sheets: outer sheet 8|1 and 2|7, inner sheet 6|3 and 4|5.
  CHECK(print::imposition_order(8, print::Imposition::booklet) == Sides{{8, 1}, {2, 7}, {6, 3}, {4, 5}});
  // 5 pages pad to 8: the three blanks (0) are the last pages.
  CHECK(print::imposition_order(5, print::Imposition::booklet) == Sides{{0, 1}, {2, 0}, {0, 3}, {4, 5}});
  CHECK(print::imposition_order(1, print::Imposition::booklet) == Sides{{0, 1}, {0, 0}});
  // Every page appears once, whatever the count.
  for (std::size_t pages = 1; pages <= 41; ++pages) {
    std::vector<int> seen(pages + 1, 0);
    for (const auto& side : print::imposition_order(pages, print::Imposition::booklet))
      for (std::size_t page : side) ++seen[page];
    for (std::size_t page = 1; page <= pages; ++page) CHECK(seen[page] == 1);
  }
}

TEST_CASE("n-up proofs follow reading order", "[print][impose]") {
  using Sides = std::vector<std::vector<std::size_t>>;
  CHECK(print::imposition_order(3, print::Imposition::two_up) == Sides{{1, 2}, {3, 0}});
  CHECK(print::imposition_order(5, print::Imposition::four_up) == Sides{{1, 2, 3, 4}, {5, 0, 0, 0}});
}

TEST_CASE("sheet sizes are named in any case", "[print][impose]") {
  CHECK(print::sheet_size_named("A4")->width == Approx(595.276));
  CHECK(print::sheet_size_named("tabloid")->height == Approx(1224));
  CHECK_FALSE(print::sheet_size_named("b5"));
}
