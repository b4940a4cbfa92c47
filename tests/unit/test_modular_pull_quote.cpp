// Pull quotes as a newspaper module's fill tool (layout/pages/modular_pull_quote):
// the sentence pulled is the story's own, the quote goes in between its
// paragraphs, and dropping an author's pull quote keeps every block's index.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "galley/doc.hpp"
#include "galley/style.hpp"
#include "galley/text.hpp"
#include "layout/fonts.hpp"
#include "layout/pages/modular_pull_quote.hpp"

using namespace galley;
using namespace galley::layout;

namespace {

doc::Document story(const std::vector<std::string>& paragraphs) {
  doc::Document document;
  for (const std::string& text : paragraphs) document.blocks.emplace_back(doc::Para{doc::inlines_from_text(text), {}});
  return document;
}

// A slab a line of a paragraph, each paragraph's first line beginning its P element.
std::vector<Slab> paragraph_slabs(int paragraphs, int lines_each) {
  std::vector<Slab> slabs;
  for (int paragraph = 0; paragraph < paragraphs; ++paragraph)
    for (int line = 0; line < lines_each; ++line) {
      Slab slab;
      slab.height = 10;
      if (line == 0) slab.items.emplace_back(StructureItem{true, "P"});
      if (line + 1 == lines_each) slab.items.emplace_back(StructureItem{false, "P"});
      slabs.push_back(std::move(slab));
    }
  return slabs;
}

bool begins(const Slab& slab, const std::string& tag) {
  return !slab.items.empty() && std::holds_alternative<StructureItem>(slab.items.front()) &&
         std::get<StructureItem>(slab.items.front()).begin && std::get<StructureItem>(slab.items.front()).tag == tag;
}

}  // namespace

TEST_CASE("the sentence pulled is a quotation of ten to 28 words, not from the first paragraph", "[modular][pullquote]") {
  const doc::Document document = story({
      "\u201CThis quotation in the first paragraph has more than ten words in it, all of them,\u201D she said.",
      "The council met on Tuesday. It voted on the harbour plan after a long night of talk about the money.",
      "\u201CWe have waited twenty years for a harbour that the whole town can use,\u201D said the mayor, Ann Lee. "
      "Work starts in May.",
  });
  CHECK(sentence_to_pull(document) ==
        "\u201CWe have waited twenty years for a harbour that the whole town can use,\u201D said the mayor, Ann Lee.");
}

TEST_CASE("without a quotation, the first sentence of ten to 28 words after the first paragraph", "[modular][pullquote]") {
  const doc::Document document = story({
      "The lede is here and it is long enough to be pulled but it comes first.",
      "Too short. The U.S. council met on Tuesday and voted on the harbour plan after a long night.",
  });
  CHECK(sentence_to_pull(document) == "The U.S. council met on Tuesday and voted on the harbour plan after a long night.");
  CHECK(sentence_to_pull(story({"Only one paragraph, and it has more than ten words in it, so."})).empty());
}

TEST_CASE("a pull quote goes in before the paragraph a third into the story, between two paragraphs",
          "[modular][pullquote]") {
  static FontSystem fonts;
  const style::Theme theme = style::load_theme("broadsheet");
  Diagnostics warnings;
  const std::vector<Slab> quote =
      pull_quote_slabs(fonts, theme, "We have waited twenty years for a harbour the whole town can use", 150, warnings);
  REQUIRE(quote.size() >= 3);  // a rule, a line or more, a rule
  CHECK(begins(quote.front(), "Div"));
  for (std::size_t index = 0; index + 1 < quote.size(); ++index) CHECK(quote[index].keep_with_next);

  std::vector<Slab> slabs = paragraph_slabs(9, 3);
  REQUIRE(insert_pull_quote(slabs, quote));
  REQUIRE(slabs.size() == 27 + quote.size());
  // Before the fourth paragraph (9 / 3 = 3): after the third one's last line.
  CHECK(begins(slabs[9], "Div"));
  CHECK(begins(slabs[9 + quote.size()], "P"));

  std::vector<Slab> short_story = paragraph_slabs(2, 3);
  CHECK_FALSE(insert_pull_quote(short_story, quote));
  CHECK(short_story.size() == 6);
}

TEST_CASE("dropping a story's pull quotes keeps every block's index", "[modular][pullquote]") {
  doc::Document document = story({"One.", "Two."});
  document.blocks.insert(document.blocks.begin() + 1, doc::PullQuote{doc::inlines_from_text("One, again."), {}});
  REQUIRE(has_pull_quote(document));
  drop_pull_quotes(document);
  CHECK_FALSE(has_pull_quote(document));
  REQUIRE(document.blocks.size() == 3);
  CHECK(std::holds_alternative<doc::Para>(document.blocks[1]));
  CHECK(doc::plain_text(document.blocks[2]) == "Two.");
}
