// Justification's letter spacing (a theme's [break] letter_spacing_stretch):
// gaps open between the letters of a word, never beside a space, and every
// justified line still fills its measure exactly.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "galley/style.hpp"
#include "galley/text.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/hyphenate.hpp"
#include "layout/inline/linebreak.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/inline/styled_text.hpp"

using namespace galley;
using namespace galley::layout;

namespace {

const std::string letter_spacing_prose =
    "The committee met on Tuesday to consider the proposals, which had been circulated to members a week "
    "earlier and which drew a considerable number of comments from the public and from local businesses. "
    "Several councillors questioned whether the consultation had reached residents of the outlying villages.";

// Each glyph of a run with whether its cluster shows a space.
std::vector<std::pair<std::uint32_t, bool>> glyphs_with_spaces(const GlyphRun& run) {
  std::vector<std::pair<std::uint32_t, bool>> out;
  std::size_t byte = 0, glyph = 0;
  for (const TextCluster& cluster : run.clusters) {
    const bool space = run.text.compare(byte, static_cast<std::size_t>(cluster.bytes), " ") == 0;
    for (int index = 0; index < cluster.glyphs; ++index) out.emplace_back(run.glyphs[glyph++].id, space);
    byte += static_cast<std::size_t>(cluster.bytes);
  }
  return out;
}

std::vector<SetLine> set_with_letter_spacing(double letter_spacing_stretch) {
  static FontSystem fonts;
  static Hyphenator hyphenator("en-GB");
  static style::TextStyle style = [] {
    style::TextStyle text_style;
    text_style.family = "Noto Serif";
    text_style.size = 9;
    text_style.leading = 11.5;
    return text_style;
  }();
  BreakParameters parameters;
  parameters.letter_stretch = 0;  // no glyph scaling: letters keep their own advances
  parameters.letter_shrink = 0;
  parameters.letter_spacing_stretch = letter_spacing_stretch;
  parameters.letter_spacing_shrink = letter_spacing_stretch / 4;
  StyledText text = styled_text(doc::inlines_from_text(letter_spacing_prose), {}, &hyphenator);
  ParagraphFormat format{&style, 156, 0, TextAlignment::justified};
  format.parameters = &parameters;
  return set_paragraph(fonts, text, format);
}

}  // namespace

TEST_CASE("letter spacing opens gaps between a word's letters, never beside a space", "[paragraph]") {
  // Natural distance from each glyph to the next, from a setting without
  // letter spacing, whose letters sit at their fonts' advances (kerned).
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> natural;
  for (const SetLine& line : set_with_letter_spacing(0))
    for (const GlyphRun& run : line.runs) {
      auto glyphs = glyphs_with_spaces(run);
      for (std::size_t index = 0; index + 1 < glyphs.size(); ++index)
        if (!glyphs[index].second)
          natural[{glyphs[index].first, glyphs[index + 1].first}] = run.glyphs[index + 1].x - run.glyphs[index].x;
    }

  const std::vector<SetLine> lines = set_with_letter_spacing(0.03);
  REQUIRE(lines.size() >= 5);
  int spaced_lines = 0;
  for (std::size_t number = 0; number + 1 < lines.size(); ++number) {
    const SetLine& line = lines[number];
    CHECK(line.width == Approx(156).margin(0.01));  // justified lines fill the measure
    std::vector<double> letter_gaps;
    for (const GlyphRun& run : line.runs) {
      CHECK(run.horizontal_scale == 1);
      auto glyphs = glyphs_with_spaces(run);
      for (std::size_t index = 0; index + 1 < glyphs.size(); ++index) {
        if (glyphs[index].second) continue;
        auto known = natural.find({glyphs[index].first, glyphs[index + 1].first});
        if (known == natural.end()) continue;
        const double extra = run.glyphs[index + 1].x - run.glyphs[index].x - known->second;
        if (glyphs[index + 1].second)
          CHECK(extra == Approx(0).margin(0.001));  // a word's last letter keeps its advance before the space
        else
          letter_gaps.push_back(extra);
      }
    }
    REQUIRE(!letter_gaps.empty());
    // One gap for the whole line, within the limits (0.03 em more, 0.0075 em less at 9 pt).
    for (double gap : letter_gaps) CHECK(gap == Approx(letter_gaps.front()).margin(0.001));
    CHECK(letter_gaps.front() <= 0.03 * 9 + 0.001);
    CHECK(letter_gaps.front() >= -0.0075 * 9 - 0.001);
    if (std::abs(letter_gaps.front()) > 0.01) ++spaced_lines;
  }
  CHECK(spaced_lines > 0);
}
