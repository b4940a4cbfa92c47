#include <catch2/catch.hpp>

#include "galley/galley.hpp"
#include "galley/layout.hpp"
#include "galley/text.hpp"
#include "layout/fonts.hpp"

#include <cmath>
#include <optional>
#include <map>
#include <set>

using namespace galley;

namespace {

doc::Document article(int paragraphs, const std::string& paragraph) {
  doc::Document document;
  document.meta.title = "A headline for the test";
  document.meta.lang = "en-GB";
  for (int index = 0; index < paragraphs; ++index)
    document.blocks.emplace_back(doc::Para{doc::inlines_from_text(paragraph), doc::ParaRole::body});
  return document;
}

const std::string prose =
    "The committee met on Tuesday to consider the proposals, which had been circulated to members a week "
    "earlier and which drew a considerable number of comments from the public and from local businesses.";

std::vector<const layout::GlyphRun*> runs_of(const layout::Page& page) {
  std::vector<const layout::GlyphRun*> runs;
  for (const layout::Item& item : page.items)
    if (const auto* run = std::get_if<layout::GlyphRun>(&item)) runs.push_back(run);
  return runs;
}

}  // namespace

TEST_CASE("text stays inside the theme's text area", "[layout]") {
  style::Theme theme = style::load_theme("article");
  layout::PagedDocument pages = layout::layout_document(article(40, prose), theme);
  REQUIRE(pages.pages.size() >= 2);
  const double left = theme.page.margin_inner;
  const double right = theme.page.width - theme.page.margin_outer;
  for (const layout::Page& page : pages.pages) {
    CHECK(page.width == Approx(theme.page.width));
    for (const layout::GlyphRun* run : runs_of(page)) {
      // Running heads and folios sit in the margins, on the page.
      CHECK(run->y > 0);
      CHECK(run->y < theme.page.height);
      REQUIRE_FALSE(run->glyphs.empty());
      CHECK(run->x + run->glyphs.front().x >= left - 0.01);
      CHECK(run->x + run->width <= right + 0.01);
    }
  }
}

TEST_CASE("every page but the first has its number and a running head", "[layout]") {
  layout::PagedDocument pages = layout::layout_document(article(60, prose), style::load_theme("article"));
  REQUIRE(pages.pages.size() >= 3);
  for (std::size_t index = 0; index < pages.pages.size(); ++index) {
    const layout::Page& page = pages.pages[index];
    CHECK(page.label == std::to_string(index + 1));
    std::vector<const layout::GlyphRun*> runs = runs_of(page);
    REQUIRE_FALSE(runs.empty());
    auto lowest = *std::max_element(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->y < b->y; });
    auto highest = *std::min_element(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->y < b->y; });
    if (index == 0) {
      // The article's own head stands on its first page: no furniture.
      CHECK(lowest->text != page.label);
      CHECK(highest->text == "A headline for the test");
    } else {
      CHECK(lowest->text == page.label);
      CHECK(highest->text == "A headline for the test");
      CHECK(highest->y < style::load_theme("article").page.margin_top);
    }
  }
}

TEST_CASE("blocks are tagged for the PDF structure tree, headings bookmarked", "[layout]") {
  doc::Document document = article(2, "Short paragraph.");
  document.blocks.insert(document.blocks.begin() + 1, doc::Heading{2, doc::inlines_from_text("A section"), ""});
  document.blocks.emplace_back(doc::List{false, 1, {{doc::Para{doc::inlines_from_text("item"), doc::ParaRole::body}}}});
  layout::PagedDocument pages = layout::layout_document(document, style::load_theme("article"));
  std::vector<std::string> tags;
  int depth = 0;
  for (const layout::Item& item : pages.pages[0].items)
    if (const auto* structure = std::get_if<layout::StructureItem>(&item)) {
      if (structure->begin) tags.push_back(structure->tag);
      depth += structure->begin ? 1 : -1;
      CHECK(depth >= 0);
    }
  CHECK(depth == 0);
  CHECK(tags == std::vector<std::string>{"H1", "P", "H2", "P", "L", "LI", "LBody"});
  REQUIRE(pages.outline.size() == 2);
  CHECK(pages.outline[0].title == "A headline for the test");
  CHECK(pages.outline[0].level == 1);
  CHECK(pages.outline[1].title == "A section");
  CHECK(pages.outline[1].level == 2);
  std::string dump = layout::dump_layout(pages);
  CHECK_THAT(dump, Catch::Contains("anchor " + pages.outline[1].anchor));
}

TEST_CASE("justified lines fill the measure; the last line of a paragraph is ragged", "[layout]") {
  style::Theme theme = style::load_theme("article");
  layout::PagedDocument pages = layout::layout_document(article(1, prose + " " + prose), theme);
  REQUIRE(pages.pages.size() == 1);
  // Group the runs by baseline: one group per line.
  std::map<double, double> line_right_edges;
  for (const layout::GlyphRun* run : runs_of(pages.pages[0])) {
    if (run->font->describe().find("Garamond") == std::string::npos) continue;
    double right = run->x + run->width;
    double& edge = line_right_edges[run->y];
    edge = std::max(edge, right);
  }
  REQUIRE(line_right_edges.size() >= 4);
  const double measure_right = theme.page.width - theme.page.margin_outer;
  auto last = std::prev(line_right_edges.end());
  for (auto line = line_right_edges.begin(); line != last; ++line)
    CHECK(line->second == Approx(measure_right).margin(0.05));
  CHECK(last->second < measure_right - 20);
}

TEST_CASE("the layout dump lists every line of text", "[layout]") {
  layout::PagedDocument pages = layout::layout_document(article(2, "Short paragraph."), style::load_theme("article"));
  std::string dump = layout::dump_layout(pages);
  CHECK_THAT(dump, Catch::StartsWith("page 1 label=1 size=595.28x841.89\n"));
  CHECK_THAT(dump, Catch::Contains("\"A headline for the test\""));
  CHECK_THAT(dump, Catch::Contains("\"Short paragraph.\""));
  CHECK_THAT(dump, Catch::Contains("rule "));
}

TEST_CASE("columns: the head spans them, text fills them in order, the last page balances", "[layout]") {
  style::Theme theme = style::load_theme("article");
  theme.page.columns = 3;
  theme.page.gutter = 12;
  theme.page.margin_inner = theme.page.margin_outer = 40;
  layout::PagedDocument pages = layout::layout_document(article(25, prose), theme);
  REQUIRE(pages.pages.size() >= 2);
  const double text_width = theme.page.width - 80;
  const double column_width = (text_width - 24) / 3;
  std::set<long> column_lefts;
  for (const layout::GlyphRun* run : runs_of(pages.pages[0])) {
    if (run->text == "A headline for the test") {
      continue;  // the head spans the columns
    }
    // Margin kerning may hang a line's punctuation a little past the column's edges.
    CHECK(run->width <= column_width + 0.25 * theme.body.size);
    column_lefts.insert(std::lround(run->x - std::fmod(run->x - 40, column_width + 12)));
  }
  CHECK(column_lefts.size() == 3);
  // Balanced: on the last page the columns end within a few lines of each other.
  std::map<long, double> column_bottoms;
  const layout::Page& last = pages.pages.back();
  for (const layout::GlyphRun* run : runs_of(last)) {
    if (run->y > theme.page.height - theme.page.margin_bottom || run->y < theme.page.margin_top) continue;
    long column = std::lround((run->x - 40) / (column_width + 12) - 0.4);
    column_bottoms[column] = std::max(column_bottoms[column], run->y);
  }
  REQUIRE_FALSE(column_bottoms.empty());
  double highest = 1e9, lowest = 0;
  for (const auto& [column, bottom] : column_bottoms) {
    highest = std::min(highest, bottom);
    lowest = std::max(lowest, bottom);
  }
  if (column_bottoms.size() > 1) CHECK(lowest - highest <= 3 * theme.body.leading);
}

TEST_CASE("links: areas over the linked words, to addresses and to headings", "[layout]") {
  doc::Document document = article(0, "");
  doc::Inlines body = doc::inlines_from_text("Read");
  body.emplace_back(doc::Space{});
  body.emplace_back(doc::Link{doc::inlines_from_text("the report"), "https://example.org/report"});
  body.emplace_back(doc::Space{});
  body.emplace_back(doc::Link{doc::inlines_from_text("below"), "#details"});
  body.emplace_back(doc::Space{});
  body.emplace_back(doc::Link{doc::inlines_from_text("nowhere"), "#missing"});
  document.blocks.emplace_back(doc::Para{body, doc::ParaRole::body});
  document.blocks.emplace_back(doc::Heading{2, doc::inlines_from_text("Details"), "details"});
  layout::PagedDocument pages = layout::layout_document(document, style::load_theme("article"));
  std::vector<const layout::LinkItem*> links;
  std::string anchor_name;
  for (const layout::Item& item : pages.pages[0].items) {
    if (const auto* link = std::get_if<layout::LinkItem>(&item)) links.push_back(link);
    if (const auto* anchor = std::get_if<layout::AnchorItem>(&item)) anchor_name = anchor->name;
  }
  REQUIRE(links.size() == 2);  // the link to a missing heading is dropped
  CHECK(links[0]->uri == "https://example.org/report");
  CHECK(links[1]->uri.empty());
  CHECK(links[1]->anchor == anchor_name);
  CHECK(links[0]->width > 30);
  CHECK(links[0]->x + links[0]->width <= links[1]->x);
}

TEST_CASE("struck-out words get a rule through them", "[layout]") {
  doc::Document document = article(0, "");
  doc::Inlines body = doc::inlines_from_text("Prices were");
  body.emplace_back(doc::Space{});
  body.emplace_back(doc::Strikeout{doc::inlines_from_text("falling")});
  body.emplace_back(doc::Space{});
  body.emplace_back(doc::Str{"rising."});
  document.blocks.emplace_back(doc::Para{body, doc::ParaRole::body});
  layout::PagedDocument pages = layout::layout_document(document, style::load_theme("article"));
  const layout::GlyphRun* line = nullptr;
  std::vector<const layout::RuleItem*> rules;
  for (const layout::Item& item : pages.pages[0].items) {
    if (const auto* run = std::get_if<layout::GlyphRun>(&item); run && run->text.find("Prices") != std::string::npos) line = run;
    // Not the rule under the head, which spans the measure: the strike-out is a word wide.
    if (const auto* rule = std::get_if<layout::RuleItem>(&item); rule && rule->x1 - rule->x0 < 200) rules.push_back(rule);
  }
  REQUIRE(line);
  REQUIRE(rules.size() == 1);
  CHECK(rules[0]->y0 < line->y);               // above the baseline
  CHECK(rules[0]->y0 > line->y - 12 * 0.5);    // within the x-height
  CHECK(rules[0]->x1 - rules[0]->x0 > 20);     // the width of the word
  CHECK(rules[0]->x0 > line->x + 30);          // not over "Prices were"
}

TEST_CASE("footnotes stand at the foot of the page that refers to them", "[layout]") {
  doc::Document document = article(30, prose);
  doc::Inlines body = doc::inlines_from_text("A claim that needs a source.");
  body.emplace_back(doc::NoteRef{"source"});
  document.blocks.insert(document.blocks.begin() + 20, doc::Para{body, doc::ParaRole::body});
  document.footnotes.push_back({"source", {doc::Para{doc::inlines_from_text("The source of the claim."), doc::ParaRole::body}}});
  style::Theme theme = style::load_theme("article");
  layout::PagedDocument pages = layout::layout_document(document, theme);
  REQUIRE(pages.pages.size() >= 2);
  std::size_t reference_page = 99, note_page = 98;
  double note_y = 0, lowest_text = 0;
  for (std::size_t index = 0; index < pages.pages.size(); ++index)
    for (const layout::GlyphRun* run : runs_of(pages.pages[index])) {
      if (run->text.find("A claim") != std::string::npos) reference_page = index;
      if (run->text.find("The source of the claim.") != std::string::npos) {
        note_page = index;
        note_y = run->y;
      }
    }
  CHECK(note_page == reference_page);
  for (const layout::GlyphRun* run : runs_of(pages.pages[note_page]))
    if (run->text.find("source of the claim") == std::string::npos && run->y < theme.page.height - theme.page.margin_bottom)
      lowest_text = std::max(lowest_text, run->y);
  CHECK(note_y > lowest_text);                                               // below the text
  CHECK(note_y <= theme.page.height - theme.page.margin_bottom + 0.01);      // inside the text area
  CHECK_THAT(layout::dump_layout(pages), Catch::Contains("begin Note"));
}

TEST_CASE("each page after the first says where in the model it begins", "[layout]") {
  // Words that no hyphenator breaks, each naming its paragraph and place.
  doc::Document document;
  document.meta.title = "Where pages begin";
  document.meta.lang = "en-GB";
  for (int paragraph = 0; paragraph < 30; ++paragraph) {
    std::string text;
    for (int word = 0; word < 60; ++word)
      text += (word ? " p" : "p") + std::to_string(paragraph) + "w" + std::to_string(word);
    document.blocks.emplace_back(doc::Para{doc::inlines_from_text(text), doc::ParaRole::body});
  }
  for (const std::string theme_name : {"article", "book"}) {
    layout::PagedDocument pages = layout::layout_document(document, style::load_theme(theme_name));
    REQUIRE(pages.pages.size() >= 3);
    CHECK_FALSE(pages.pages.front().begins_at.has_value());
    std::optional<doc::SourcePosition> previous;
    for (std::size_t index = 1; index < pages.pages.size(); ++index) {
      const layout::Page& page = pages.pages[index];
      REQUIRE(page.begins_at.has_value());
      if (previous) CHECK(*previous < *page.begins_at);
      previous = page.begins_at;
      // The word at that place is the first the page shows.
      const auto& para = std::get<doc::Para>(document.blocks.at(page.begins_at->block));
      const auto& word = std::get<doc::Str>(para.body.at(page.begins_at->inline_index));
      CHECK(page.begins_at->offset == 0);
      // The first run of the text area (the running head and folio stand
      // in the margins).
      const style::Theme theme = style::load_theme(theme_name);
      const layout::GlyphRun* first = nullptr;
      for (const layout::GlyphRun* run : runs_of(page))
        if (run->y > theme.page.margin_top && run->y < theme.page.height - theme.page.margin_bottom) {
          first = run;
          break;
        }
      REQUIRE(first != nullptr);
      CHECK(first->text.rfind(word.text, 0) == 0);
      // Layout's own marks never reach the exporters.
      for (const layout::Item& item : page.items) CHECK_FALSE(std::holds_alternative<layout::SourceMarkItem>(item));
    }
  }
}
