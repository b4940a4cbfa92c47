#include <catch2/catch.hpp>

#include "layout/pages/page_builder.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace galley::layout;

namespace {

// A one-column page: a text area 100 points tall from y = 10.
ColumnGeometry small_page() {
  ColumnGeometry geometry;
  geometry.page_width = 200;
  geometry.page_height = 120;
  geometry.left = 10;
  geometry.top = 10;
  geometry.width = 180;
  geometry.height = 100;
  geometry.columns = 1;
  geometry.float_gap = 5;
  return geometry;
}

// A slab holding one rule named by its thickness, so it can be found again.
Slab slab(double height, int name, int float_group = 0) {
  Slab made;
  made.height = height;
  made.float_group = float_group;
  RuleItem rule;
  rule.thickness = name;
  made.items.emplace_back(rule);
  return made;
}

void mark(Slab& made, bool begin, const std::string& tag) {
  made.items.insert(begin ? made.items.begin() : made.items.end(), StructureItem{begin, tag});
}

struct Found {
  std::size_t page;
  double y;
};

Found find(const std::vector<Page>& pages, int name) {
  for (std::size_t page = 0; page < pages.size(); ++page)
    for (const Item& item : pages[page].items)
      if (const auto* rule = std::get_if<RuleItem>(&item); rule && rule->thickness == name) return {page, rule->y0};
  FAIL("slab " << name << " not placed");
  return {0, 0};
}

}  // namespace

TEST_CASE("a figure that fits below the text goes to the column's foot, the text closing up", "[pages]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 3; ++k) slabs.push_back(slab(10, k));
  slabs.push_back(slab(30, 100, 1));  // the figure, mentioned after three lines
  for (int k = 4; k <= 6; ++k) slabs.push_back(slab(10, k));
  std::vector<Page> pages = build_pages(slabs, small_page());
  REQUIRE(pages.size() == 1);
  // At the foot: its bottom on the text area's bottom (10 + 100).
  CHECK(find(pages, 100).y == Approx(110 - 30));
  // The line after the mention follows the line before it.
  CHECK(find(pages, 4).y == Approx(find(pages, 3).y + 10));
}

TEST_CASE("a figure that does not fit waits for the head of the next page; text goes on", "[pages]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 7; ++k) slabs.push_back(slab(10, k));
  slabs.push_back(slab(40, 100, 1));
  slabs.push_back(slab(10, 8));
  slabs.push_back(slab(10, 9));
  std::vector<Page> pages = build_pages(slabs, small_page());
  REQUIRE(pages.size() == 2);
  CHECK(find(pages, 9).page == 0);  // the lines after the mention fill page 1
  CHECK(find(pages, 100).page == 1);
  CHECK(find(pages, 100).y == Approx(10));  // at the head of page 2
}

TEST_CASE("a figure moved to a later page never lands inside a paragraph", "[pages]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 8; ++k) slabs.push_back(slab(10, k));
  slabs.push_back(slab(40, 100, 1));
  mark(slabs.back(), true, "Figure");
  mark(slabs.back(), false, "Figure");
  // A paragraph of four lines begins on page 1 and ends on page 2.
  for (int k = 9; k <= 12; ++k) slabs.push_back(slab(10, k));
  mark(slabs[9], true, "P");
  mark(slabs[12], false, "P");
  std::vector<Page> pages = build_pages(slabs, small_page());
  REQUIRE(pages.size() == 2);
  REQUIRE(find(pages, 100).page == 1);
  REQUIRE(find(pages, 12).page == 1);
  // On page 2 the figure's structure comes after the paragraph's end.
  std::vector<std::string> marks;
  for (const Item& item : pages[1].items)
    if (const auto* structure = std::get_if<StructureItem>(&item))
      marks.push_back((structure->begin ? "+" : "-") + structure->tag);
  CHECK(marks == std::vector<std::string>{"-P", "+Figure", "-Figure"});
}

TEST_CASE("figures keep their order when several wait", "[pages]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 8; ++k) slabs.push_back(slab(10, k));
  slabs.push_back(slab(40, 100, 1));
  slabs.push_back(slab(40, 101, 2));
  slabs.push_back(slab(10, 9));
  std::vector<Page> pages = build_pages(slabs, small_page());
  Found first = find(pages, 100), second = find(pages, 101);
  CHECK(first.page == 1);
  CHECK(second.page == 1);
  CHECK(second.y > first.y);
}

TEST_CASE("with a baseline grid, body lines snap to it after anything of another height", "[pages]") {
  ColumnGeometry geometry = small_page();
  geometry.baseline_grid = 12;
  std::vector<Slab> slabs;
  slabs.push_back(slab(12, 1));
  slabs.back().on_grid = true;
  slabs.push_back(slab(7, 2));  // a heading line, say, off the grid
  slabs.push_back(slab(12, 3));
  slabs.back().on_grid = true;
  slabs.push_back(slab(12, 4));
  slabs.back().on_grid = true;
  std::vector<Page> pages = build_pages(slabs, geometry);
  CHECK(find(pages, 2).y == Approx(10 + 12));
  CHECK(find(pages, 3).y == Approx(10 + 24));  // not 10 + 19
  CHECK(find(pages, 4).y == Approx(10 + 36));
  geometry.baseline_grid = 0;
  CHECK(find(build_pages(slabs, geometry), 3).y == Approx(10 + 19));
}

namespace {

// Two columns of 85 points side by side.
ColumnGeometry two_columns() {
  ColumnGeometry geometry = small_page();
  geometry.columns = 2;
  geometry.gutter = 10;
  return geometry;
}

double x_of(const std::vector<Page>& pages, int name) {
  for (const Page& page : pages)
    for (const Item& item : page.items)
      if (const auto* rule = std::get_if<RuleItem>(&item); rule && rule->thickness == name) return rule->x0;
  FAIL("slab " << name << " not placed");
  return 0;
}

}  // namespace

TEST_CASE("a slab that starts a column goes to the head of the next one", "[pages][edition]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 3; ++k) slabs.push_back(slab(10, k));
  slabs.push_back(slab(10, 4));
  slabs.back().column_break_before = true;  // the next story
  std::vector<Page> pages = build_pages(slabs, two_columns());
  REQUIRE(pages.size() == 1);
  CHECK(find(pages, 4).y == Approx(10));
  CHECK(x_of(pages, 4) > x_of(pages, 3));
  // At the head of an empty column it breaks nothing.
  slabs.front().column_break_before = true;
  CHECK(find(build_pages(slabs, two_columns()), 1).y == Approx(10));
}

TEST_CASE("columns end level above a slab across them", "[pages][edition]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 6; ++k) slabs.push_back(slab(10, k));
  slabs.push_back(slab(5, 50));
  slabs.back().spans_columns = true;  // the next story's headline
  std::vector<Page> pages = build_pages(slabs, two_columns());
  REQUIRE(pages.size() == 1);
  CHECK(find(pages, 4).y == Approx(10));  // three lines a column, not six in the first
  CHECK(find(pages, 50).y == Approx(10 + 30));
}

TEST_CASE("balanced columns never split a chain a column could hold whole", "[pages][edition]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 4; ++k) slabs.push_back(slab(10, k));
  slabs[0].keep_with_next = slabs[1].keep_with_next = true;  // lines 1-3 stay together
  slabs.push_back(slab(5, 50));
  slabs.back().spans_columns = true;
  std::vector<Page> pages = build_pages(slabs, two_columns());
  CHECK(x_of(pages, 3) == Approx(x_of(pages, 1)));
  CHECK(find(pages, 4).y == Approx(10));
  CHECK(find(pages, 50).y == Approx(10 + 30));
}

TEST_CASE("columns end level above a slab across them when a table's header repeats", "[pages][edition]") {
  // A table of a header and eleven rows, 120 points: one column does not hold it.
  std::vector<Slab> slabs;
  slabs.push_back(slab(10, 200));
  auto header = std::make_shared<std::vector<Slab>>(1, slabs.front());
  for (int k = 1; k <= 11; ++k) {
    slabs.push_back(slab(10, k));
    slabs.back().repeated_header = header;
  }
  slabs.push_back(slab(5, 50));
  slabs.back().spans_columns = true;  // a table across the columns, the next story's headline
  std::vector<Page> pages = build_pages(slabs, two_columns());
  // Level: the header, its copy and eleven rows in two columns of 70
  // points, not 100 and 30, and the slab across them on the same page.
  CHECK(find(pages, 50).page == 0);
  CHECK(find(pages, 50).y == Approx(10 + 70));
  CHECK(x_of(pages, 6) == Approx(x_of(pages, 1)));
  CHECK(x_of(pages, 7) > x_of(pages, 1));
  // The balancing trials leave one copy of the header, at the second column's head.
  std::size_t headers = 0;
  for (const Item& item : pages[0].items)
    if (const auto* rule = std::get_if<RuleItem>(&item); rule && rule->thickness == 200) {
      ++headers;
      CHECK(rule->y0 == Approx(10));
    }
  CHECK(headers == 2);
}

TEST_CASE("balanced columns never split a chain that the grid's steps make taller than its lines", "[pages][edition]") {
  // Three columns whose head is off the grid (a newspaper's module below
  // its headline): a line set there drops 5 points to the grid.
  ColumnGeometry geometry = two_columns();
  geometry.columns = 3;
  geometry.baseline_grid = 10;
  geometry.grid_origin = 5;
  std::vector<Slab> slabs;
  for (int k = 1; k <= 3; ++k) {
    slabs.push_back(slab(10, k));
    slabs.back().on_grid = true;
  }
  slabs[0].keep_with_next = true;  // lines 1 and 2: a paragraph of two lines
  slabs.push_back(slab(5, 50));
  slabs.back().spans_columns = true;
  std::vector<Page> pages = build_pages(slabs, geometry);
  // Columns one line deep would hold the three lines but part the two.
  CHECK(x_of(pages, 2) == Approx(x_of(pages, 1)));
  CHECK(find(pages, 2).y == Approx(find(pages, 1).y + 10));
}

// ---------------------------------------------------------------- runts (issue 18)

namespace {

// A slab holding a line of text (a glyph run) as well as its named rule.
Slab text_line(double height, int name) {
  Slab made = slab(height, name);
  made.items.emplace_back(GlyphRun{});
  return made;
}

// Six columns of 30 points on a page whose text area is 100 points tall.
ColumnGeometry six_columns() {
  ColumnGeometry geometry = small_page();
  geometry.page_width = 240;
  geometry.width = 230;
  geometry.columns = 6;
  geometry.gutter = 10;
  return geometry;
}

// How many slabs each column that holds any holds, left to right.
std::vector<int> lines_by_column(const std::vector<Page>& pages, int count) {
  std::map<double, int> by_x;
  for (int name = 1; name <= count; ++name) ++by_x[x_of(pages, name)];
  std::vector<int> lines;
  for (const auto& [x, lines_here] : by_x) lines.push_back(lines_here);
  return lines;
}

}  // namespace

TEST_CASE("a short tail is balanced in fewer columns, none of them a runt of one to four lines", "[pages]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 12; ++k) slabs.push_back(text_line(10, k));
  ColumnGeometry geometry = six_columns();
  // Balanced as short as they go, twelve lines leave two in each of six columns.
  CHECK(lines_by_column(build_pages(slabs, geometry), 12) == std::vector<int>{2, 2, 2, 2, 2, 2});
  geometry.no_runt_columns = true;
  CHECK(lines_by_column(build_pages(slabs, geometry), 12) == std::vector<int>{6, 6});
  // Thirty-two: not 6+6+6+6+6+2 nor 7+7+7+7+4, but four columns of eight.
  for (int k = 13; k <= 32; ++k) slabs.push_back(text_line(10, k));
  CHECK(lines_by_column(build_pages(slabs, geometry), 32) == std::vector<int>{8, 8, 8, 8});
  // Four lines are one column's worth, not two and two.
  slabs.resize(4);
  CHECK(lines_by_column(build_pages(slabs, geometry), 4) == std::vector<int>{4});
}

TEST_CASE("the last page's lines are counted, a picture as a column's worth", "[pages]") {
  std::vector<Slab> slabs;
  for (int k = 1; k <= 12; ++k) slabs.push_back(text_line(10, k));  // a column holds ten
  LastPage last = last_page(slabs, small_page());
  CHECK(last.pages == 2);
  CHECK(last.lines == 2);
  CHECK(last.first_slab == 10);
  slabs.back().items.emplace_back(ImageItem{});
  CHECK(last_page(slabs, small_page()).lines == 1 + fewest_lines_in_a_column);
}

TEST_CASE("with a baseline grid, a paragraph's first lines are not parted by the grid's steps", "[pages]") {
  // Five lines on a grid of 12 end at 70; a subhead 8 points below them
  // ends at 85, and the paragraph's first two lines (kept together) would
  // end at 109 without the grid but at 118 on it, past the foot at 110:
  // all three go to the next column, not the first line alone.
  ColumnGeometry geometry = two_columns();
  geometry.baseline_grid = 12;
  std::vector<Slab> slabs;
  for (int k = 1; k <= 30; ++k) {
    slabs.push_back(text_line(12, k));
    slabs.back().on_grid = true;
  }
  slabs[5] = text_line(7, 6);  // the subhead, off the grid
  slabs[5].space_before = 8;
  slabs[5].keep_with_next = true;
  slabs[6].keep_with_next = true;  // no first line alone (an orphan)
  std::vector<Page> pages = build_pages(slabs, geometry);
  CHECK(find(pages, 7).page == find(pages, 8).page);
  CHECK(x_of(pages, 7) == Approx(x_of(pages, 8)));
  CHECK(x_of(pages, 6) == Approx(x_of(pages, 7)));
  CHECK(x_of(pages, 6) > x_of(pages, 5));
}
