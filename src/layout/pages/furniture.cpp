#include "layout/pages/furniture.hpp"

#include <iterator>
#include <vector>

#include "layout/pages/page_builder.hpp"
#include "layout/inline/paragraph.hpp"

namespace galley::layout {

void PageFurniture::add(Page& page, const std::string& running_head, std::size_t number) {
  const style::TextStyle& style = theme_.folio;
  const bool bound = theme_.page.binding != style::Binding::none;
  // Before mirroring, a page's outer side is on the right when its inner
  // margin will be on the left, and the other way round.
  const TextAlignment outer = theme_.page.inner_on_right(number) ? TextAlignment::left : TextAlignment::right;
  std::vector<Item> body = std::move(page.items);
  page.items.clear();
  if (!running_head.empty()) {
    const double head_baseline = theme_.page.margin_top / 2 + style.size / 3;
    add_line(page, fitted(running_head), bound ? outer : TextAlignment::left, head_baseline);
    RuleItem rule;
    rule.x0 = theme_.page.margin_inner;
    rule.x1 = page.width - theme_.page.margin_outer;
    rule.y0 = rule.y1 = head_baseline + style.size * 0.6;
    rule.thickness = 0.4;
    rule.color = style.color;
    page.items.emplace_back(rule);
  }
  // Half-way down the bottom margin.
  add_line(page, page.label, bound ? outer : TextAlignment::center,
           page.height - theme_.page.margin_bottom / 2 + style.size / 3);
  page.items.insert(page.items.end(), std::make_move_iterator(body.begin()), std::make_move_iterator(body.end()));
}

void PageFurniture::add_line(Page& page, const std::string& text, TextAlignment alignment, double baseline) {
  const double width = page.width - theme_.page.margin_inner - theme_.page.margin_outer;
  ParagraphFormat format{&theme_.folio, width, 0, alignment};
  std::vector<SetLine> lines = set_paragraph(fonts_, StyledText{text, {}}, format);
  if (lines.empty()) return;
  for (GlyphRun& run : lines.front().runs) {
    run.x += theme_.page.margin_inner;
    run.y += baseline;
    page.items.emplace_back(std::move(run));
  }
}

void set_on_its_side(Page& page, std::size_t number, const style::PageGeometry& geometry) {
  if (!geometry.inner_on_right(number)) return;
  const double shift = geometry.margin_outer - geometry.margin_inner;
  if (shift == 0) return;
  for (Item& item : page.items) translate(item, shift, 0);
}

const std::string& PageFurniture::fitted(const std::string& text) {
  if (auto known = fitted_.find(text); known != fitted_.end()) return known->second;
  const double width = theme_.page.width - theme_.page.margin_inner - theme_.page.margin_outer;
  ParagraphFormat format{&theme_.folio, width * 0.8, 0, TextAlignment::left};
  auto fits = [&](const std::string& candidate) {
    return set_paragraph(fonts_, StyledText{candidate, {}}, format).size() <= 1;
  };
  std::string result = text;
  if (!fits(text)) {
    // Binary search over the word ends, not one word at a time: a hostile
    // 10,000-character headline would otherwise be set thousands of times.
    std::vector<std::size_t> word_ends;
    for (std::size_t space = text.find(' '); space != std::string::npos; space = text.find(' ', space + 1))
      if (space > 0) word_ends.push_back(space);
    auto shortened = [&](std::size_t end) {
      std::string head = text.substr(0, end);
      while (!head.empty() && (head.back() == ',' || head.back() == ':' || head.back() == ';')) head.pop_back();
      return head + "\u2026";
    };
    std::size_t low = 0, high = word_ends.size();  // word_ends[0, low) fit, [high, size) do not
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      if (fits(shortened(word_ends[middle])))
        low = middle + 1;
      else
        high = middle;
    }
    if (low > 0) result = shortened(word_ends[low - 1]);
    // Not even the first word fits with an ellipsis: the first word alone.
    else result = word_ends.empty() ? text : text.substr(0, word_ends[0]);
  }
  return fitted_.emplace(text, std::move(result)).first->second;
}

}  // namespace galley::layout
