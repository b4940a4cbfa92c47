// A newspaper module's headline is balanced (ArticleSetting::balance_headline:
// the narrowest measure that keeps its line count), and balancing never
// breaks a word: "FACT SHEET: The U.S.-France Partnership" once came out as
// "The U.S.-Franc" / "e Partnership", the balanced measure narrower than
// "U.S.-France", and before that as "The U.S" / ".-France Partnership".
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "galley/doc.hpp"
#include "galley/style.hpp"
#include "layout/article_slabs.hpp"
#include "layout/fonts.hpp"
#include "layout/pages/page_builder.hpp"

using namespace galley;
using namespace galley::layout;

namespace {

// The text of each line of the head (the slabs set across the columns), in order.
std::vector<std::string> head_lines(const std::string& title, double width, bool balance = true) {
  static FontSystem fonts;
  style::Theme theme = style::load_theme("broadsheet");
  theme.page.columns = 1;
  theme.page.margin_inner = theme.page.margin_outer = 0;
  theme.page.width = width;
  theme.masthead.enabled = false;
  doc::Document document;
  document.meta.title = title;
  ArticleSetting setting;
  setting.fonts = &fonts;
  setting.head_across_columns = true;
  setting.balance_headline = balance;
  const ArticleSlabs set = article_slabs(document, theme, {}, setting);
  std::vector<std::string> lines;
  for (const Slab& slab : set.slabs) {
    std::string line;
    for (const Item& item : slab.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) line += run->text;
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The same, set ragged at the full measure.
std::vector<std::string> head_lines_unbalanced(const std::string& title, double width) {
  return head_lines(title, width, false);
}

// The lines as one string, for failure messages: "FACT SHEET: / The U.S.-France / ".
std::string shown(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + " / ";
  return text;
}

// Sets the head at the widths of modules of three to six broadsheet columns
// (and between), which carry the theme's full headline size as the front
// page's lead does, and hands each width's lines to `check`.
template <typename Check>
void at_module_widths(const std::string& title, Check check) {
  for (double width = 450; width <= 1000; width += 25) {
    CAPTURE(width);
    const std::vector<std::string> lines = head_lines(title, width);
    CAPTURE(shown(lines));
    check(lines);
  }
}

}  // namespace

TEST_CASE("a balanced headline keeps 'U.S.-France' whole at every module width", "[layout][headline]") {
  at_module_widths("FACT SHEET: The U.S.-France Partnership", [](const std::vector<std::string>& lines) {
    bool whole = false;
    for (const std::string& line : lines) {
      CAPTURE(line);
      if (line.find("U.S.-France") != std::string::npos) whole = true;
      CHECK(line.front() != '.');
      CHECK(line.front() != '-');
    }
    CHECK(whole);
  });
}

TEST_CASE("a headline whose last words are joined by a no-break space starts no line with '-' or '.'",
          "[layout][headline]") {
  // The White House's own title: 'France\u00a0Partnership' makes 'U.S.-France Partnership'
  // one word, wider than a four-column lead's line at 60 pt. It breaks after the hyphen
  // ('The U.S.-' / 'France Partnership'), never before it as a long word (a URL) may
  // after a stop ('The U.S.' / '-France Partnership', page 1 of the 60-story edition).
  at_module_widths("FACT SHEET: The U.S.-France\u00a0Partnership", [](const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      CHECK(line.front() != '.');
      CHECK(line.front() != '-');
      CHECK((line.find("U.S") == std::string::npos || line.find("U.S.") != std::string::npos));
    }
  });
}

TEST_CASE("a balanced headline's lines are of even length", "[layout][headline]") {
  // Ragged, the last line would hold one word; balanced, the lines share them.
  const std::vector<std::string> lines = head_lines("Council approves the harbour plan after a long night", 1000);
  CAPTURE(shown(lines));
  REQUIRE(lines.size() == 2);
  const double shorter = static_cast<double>(std::min(lines[0].size(), lines[1].size()));
  const double longer = static_cast<double>(std::max(lines[0].size(), lines[1].size()));
  CHECK(shorter / longer > 0.6);
}

TEST_CASE("a headline word wider than the line breaks at its no-break space or hyphen, not between letters",
          "[layout][headline]") {
  // 'U.S.-France\u00a0Partnership' is one word wider than a four-column lead's line
  // at 60 pt; a 20-story edition's front page set it 'The U.S.-France Partners' /
  // 'hip'. A headline word is split between two letters only when nothing else fits.
  at_module_widths("FACT SHEET: The U.S.-France\u00a0Partnership", [](const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      CAPTURE(line);
      const bool inside_partnership =
          line.find("Partnership") == std::string::npos && line.find("Partner") != std::string::npos;
      const bool inside_france = line.find("France") == std::string::npos && line.find("Fran") != std::string::npos;
      CHECK_FALSE(inside_partnership);
      CHECK_FALSE(inside_france);
    }
  });
}

TEST_CASE("balancing a headline brings no break after a compound's hyphen that its full measure avoids",
          "[layout][headline]") {
  // The Verge's 'Apple’s Vision Pro hands-on: …' set across three columns
  // kept 'hands-on:' whole at the full measure, and balancing it narrower
  // broke it 'Apple’s Vision Pro hands-' / 'on: the Retina display' (page 7
  // of the 60-story edition with pictures): a word cut, to a reader of display type.
  const std::string title = "Apple\u2019s Vision Pro hands-on: the Retina display moment for headsets";
  for (double width = 450; width <= 1000; width += 12.5) {
    CAPTURE(width);
    const std::vector<std::string> lines = head_lines(title, width);
    CAPTURE(shown(lines));
    const std::vector<std::string> full = head_lines_unbalanced(title, width);
    CAPTURE(shown(full));
    const auto broken = [](const std::vector<std::string>& set) {
      return std::any_of(set.begin(), set.end(), [](const std::string& line) { return line.ends_with("hands-"); });
    };
    if (!broken(full)) CHECK_FALSE(broken(lines));
  }
}
