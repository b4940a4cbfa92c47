// Where each page begins (layout/source_marks.cpp): the earliest mark on
// the page's own text, never one on a figure the page builder moved.
#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "galley/layout.hpp"
#include "layout/source_marks.hpp"

using namespace galley::layout;

namespace {

Item source_mark(std::size_t block, std::size_t sequence, bool floated = false) {
  SourceMarkItem mark;
  mark.position = {block, 0, 0};
  mark.sequence = sequence;
  mark.floated = floated;
  return mark;
}

Page page_of(std::vector<Item> items) {
  Page page;
  page.items = std::move(items);
  return page;
}

}  // namespace

TEST_CASE("a page begins at its text, not at a figure floated there from before that text", "[marks]") {
  // Page 1: blocks 0-2; the figure (block 3) did not fit and heads page 2,
  // while the quotation after it in the model (block 4) stayed on page 1.
  std::vector<Page> pages{page_of({source_mark(0, 0), source_mark(1, 1), source_mark(4, 3)}),
                          page_of({source_mark(3, 2, true), source_mark(5, 4), source_mark(6, 5)})};
  find_page_beginnings(pages, SourcePosition{99, 0, 0});
  REQUIRE(pages[1].begins_at);
  CHECK(pages[1].begins_at->block == 5);
  for (const Page& page : pages)
    for (const Item& item : page.items) CHECK_FALSE(std::holds_alternative<SourceMarkItem>(item));
}

TEST_CASE("a page of floats alone begins after the text earlier pages print", "[marks]") {
  const SourcePosition end{99, 0, 0};
  // Page 2 holds only a figure that comes next after page 1's text: it
  // begins at the figure.
  std::vector<Page> next{page_of({source_mark(0, 0), source_mark(1, 1)}), page_of({source_mark(2, 2, true)}),
                         page_of({source_mark(3, 3)})};
  find_page_beginnings(next, end);
  CHECK(next[1].begins_at->block == 2);
  CHECK(next[2].begins_at->block == 3);
  // Page 2 holds only a figure from before text page 1 prints: it begins
  // where the next text does, on page 3.
  std::vector<Page> before{page_of({source_mark(0, 0), source_mark(2, 2)}), page_of({source_mark(1, 1, true)}),
                           page_of({source_mark(3, 3)})};
  find_page_beginnings(before, end);
  CHECK(before[1].begins_at->block == 3);
  CHECK(before[2].begins_at->block == 3);
  // The last page holds only such a figure: it begins at the article's end.
  std::vector<Page> last{page_of({source_mark(0, 0), source_mark(2, 2)}), page_of({source_mark(1, 1, true)})};
  find_page_beginnings(last, end);
  CHECK(last[1].begins_at == end);
}

TEST_CASE("a repeated table header's copy of an earlier mark does not begin a page", "[marks]") {
  std::set<std::pair<std::size_t, std::size_t>> seen;
  std::vector<Page> pages{page_of({source_mark(0, 0), source_mark(1, 1)}), page_of({source_mark(1, 1), source_mark(2, 2)})};
  std::vector<std::optional<SourceMarkItem>> beginnings = take_page_beginnings(pages, seen);
  REQUIRE(beginnings.size() == 2);
  CHECK(beginnings[0]->sequence == 0);
  CHECK(beginnings[1]->sequence == 2);
}
