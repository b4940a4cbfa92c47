// A paragraph longer than long_paragraph_bytes is set in pieces that join
// as if it were set whole: every line but the last full, every word once.
#include <catch2/catch.hpp>

#include <string>

#include "galley/style.hpp"
#include "galley/text.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/hyphenate.hpp"
#include "layout/inline/long_paragraph.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/inline/styled_text.hpp"

using namespace galley;
using namespace galley::layout;

namespace {

constexpr char soft_hyphen[] = "\xC2\xAD";

// The lines' text as a reader reads it: a space between lines, except
// after one that ends at a soft hyphen, whose hyphen is then dropped.
std::string words_of(const std::vector<SetLine>& lines) {
  std::string all;
  for (const SetLine& line : lines) {
    if (!all.empty() && all.compare(all.size() - 2, 2, soft_hyphen) != 0) all += ' ';
    for (const GlyphRun& run : line.runs) all += run.text;
  }
  for (std::size_t at; (at = all.find(soft_hyphen)) != std::string::npos;) all.erase(at, 2);
  return all;
}

// Sentences numbered so that a lost or doubled one shows.
std::string numbered_sentences(std::size_t bytes) {
  std::string text;
  for (int number = 1; text.size() < bytes; ++number)
    text += "Sentence " + std::to_string(number) +
            " says that the committee considered the proposals and the consultation thoroughly. ";
  text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("a long paragraph is set in pieces with every line full and every word once", "[paragraph]") {
  FontSystem fonts;
  Hyphenator hyphenator("en-GB");
  style::TextStyle style;
  style.family = "EB Garamond 12";
  style.size = 12;
  style.leading = 15.5;
  const std::string source = numbered_sentences(3 * long_paragraph_bytes);
  StyledText text = styled_text(doc::inlines_from_text(source), {}, &hyphenator);
  REQUIRE(text.text.size() > long_paragraph_bytes);
  ParagraphFormat format{&style, 250, 14, TextAlignment::justified};
  Diagnostics warnings;
  std::vector<SetLine> lines = set_paragraph(fonts, text, format, &warnings);

  CHECK(warnings.empty());
  CHECK(words_of(lines) == source);
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const SetLine& line = lines[index];
    REQUIRE_FALSE(line.runs.empty());
    // The indent once, at the paragraph's start; no seam shows as a short line.
    CHECK(line.runs.front().x == Approx(index == 0 ? 14 : 0).margin(0.01));
    const double right = line.runs.back().x + line.runs.back().width;
    if (index + 1 < lines.size()) CHECK(right == Approx(250).margin(0.05));
    // Each run says where its text is in the whole paragraph (links and
    // struck-out words are found by it).
    for (const GlyphRun& run : line.runs) CHECK(text.text.compare(run.text_offset, run.text.size(), run.text) == 0);
  }
}

TEST_CASE("a long paragraph keeps its empty lines and styles across the pieces", "[paragraph]") {
  FontSystem fonts;
  style::TextStyle style;
  style.family = "EB Garamond 12";
  style.size = 12;
  style.leading = 15.5;
  StyledText text;
  text.text = numbered_sentences(long_paragraph_bytes) + "\n\n" + numbered_sentences(long_paragraph_bytes);
  text.spans.push_back(StyledSpan{.start = 10, .end = text.text.size() - 10, .kind = SpanKind::emphasis, .target = ""});
  ParagraphFormat format{&style, 300, 0, TextAlignment::left};
  std::vector<SetLine> lines = set_paragraph(fonts, text, format);
  std::size_t empty_lines = 0;
  std::string all;
  for (const SetLine& line : lines) {
    if (line.runs.empty()) ++empty_lines;
    for (const GlyphRun& run : line.runs) all += run.text;
  }
  CHECK(empty_lines == 1);
  std::string expected = text.text;
  std::erase(expected, ' ');
  std::erase(expected, '\n');
  std::erase(all, ' ');
  CHECK(all == expected);
  // The emphasis reaches the last piece: its runs are italic like the first's.
  REQUIRE(lines.size() > 3);
  CHECK(lines[1].runs.front().font == lines[lines.size() - 2].runs.front().font);
}
