#include "layout/pages/modular_jumps.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <string_view>
#include <utility>
#include <variant>

#include "layout/pages/line_slabs.hpp"

namespace galley::layout {
namespace {

constexpr std::size_t jump_head_words = 4;
constexpr std::size_t jump_head_characters = 30;

std::string lowercase(std::string word) {
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

// Words a headline cut short must not end on: they promise more.
bool is_small_word(const std::string& word) {
  static constexpr std::array<std::string_view, 24> small = {
      "a",  "an",   "the", "of",   "to",  "for",  "in",   "on",   "at",  "by",   "and", "or",
      "but", "with", "as", "from", "into", "over", "after", "than", "that", "its", "his", "her"};
  std::string bare = lowercase(word);
  while (!bare.empty() && std::ispunct(static_cast<unsigned char>(bare.back()))) bare.pop_back();
  return std::find(small.begin(), small.end(), bare) != small.end();
}

// A kicker before a colon: a label in capitals ("FACT SHEET:", "LIVE:").
std::string without_kicker(const std::string& title) {
  const std::size_t colon = title.find(": ");
  if (colon == std::string::npos || colon > 24) return title;
  const std::string kicker = title.substr(0, colon);
  const bool capitals = std::none_of(kicker.begin(), kicker.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  return capitals ? title.substr(colon + 2) : title;
}

}  // namespace

std::string jump_headline(const std::string& title) {
  std::istringstream words(without_kicker(title));
  std::vector<std::string> kept;
  std::size_t characters = 0;
  for (std::string word; words >> word;) {
    if (kept.size() == jump_head_words || (!kept.empty() && characters + 1 + word.size() > jump_head_characters)) {
      // Cut short: no small word at the end, nor the punctuation that led on.
      while (kept.size() > 1 && is_small_word(kept.back())) kept.pop_back();
      std::string& last = kept.back();
      while (!last.empty() && std::string_view(",:;–—-").find(last.back()) != std::string_view::npos) last.pop_back();
      break;
    }
    characters += (kept.empty() ? 0 : 1) + word.size();
    kept.push_back(std::move(word));
  }
  std::string head;
  for (const std::string& word : kept) head += (head.empty() ? "" : " ") + word;
  return head.empty() ? title : head;
}

std::vector<Slab> continuation_head(FontSystem& fonts, const JumpStyle& style, const std::string& title,
                                    const std::string& from_page, const std::string& anchor,
                                    const std::string& from_anchor, double width, Diagnostics& warnings) {
  std::vector<Slab> slabs =
      line_slabs(fonts, jump_headline(title), style.headline, width, TextAlignment::left, true, warnings);
  wrap_in_structure(slabs, 0, "P");
  const std::size_t first = slabs.size();
  for (Slab& slab :
       line_slabs(fonts, "Continued from page " + from_page, style.line, width, TextAlignment::left, true, warnings))
    slabs.push_back(std::move(slab));
  if (first < slabs.size()) {
    LinkItem link;
    link.width = width;
    link.height = slabs[first].height;
    link.anchor = from_anchor;
    wrap_in_structure(slabs, first, "P");
    // After the P's end: Cairo 1.16 gives the words drawn in a P after a
    // link began there to the Link, and the P reads empty.
    slabs[first].items.push_back(link);
  }
  if (!slabs.empty()) slabs.front().items.insert(slabs.front().items.begin(), AnchorItem{anchor, 0, 0});
  Slab rule;
  rule.height = style.leading;
  rule.spans_columns = true;
  rule.keep_with_next = true;
  RuleItem line;
  line.x1 = width;
  line.y0 = line.y1 = style.leading / 2;
  line.thickness = 0.5;
  line.color = style.theme->rule_color;
  rule.items.emplace_back(line);
  slabs.push_back(std::move(rule));
  return slabs;
}

void add_continued_on(std::vector<Item>& items, FontSystem& fonts, const JumpStyle& style, const std::string& to_page,
                      const std::string& anchor, const std::string& to_anchor, double x, double y, double width,
                      Diagnostics& warnings) {
  std::vector<Slab> line =
      line_slabs(fonts, "Continued on page " + to_page, style.line, width, TextAlignment::right, true, warnings);
  items.emplace_back(StructureItem{true, "P"});
  items.emplace_back(AnchorItem{anchor, x, y});
  for (Slab& slab : line)
    for (Item& item : slab.items) {
      if (!std::holds_alternative<GlyphRun>(item)) continue;
      translate(item, x, y);
      items.push_back(std::move(item));
    }
  items.emplace_back(StructureItem{false, "P"});
  LinkItem link;
  link.x = x;
  link.y = y;
  link.width = width;
  link.height = style.leading;
  link.anchor = to_anchor;
  items.emplace_back(link);
}

}  // namespace galley::layout
