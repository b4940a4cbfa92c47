// The layout dump, after SILE's regression tests: a stable text form of the
// pages that tests compare instead of PDF bytes.
#include <charconv>
#include <type_traits>

#include "galley/layout.hpp"
#include "layout/fonts.hpp"

namespace galley::layout {
namespace {

// Two decimals, independent of the locale.
std::string number(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  return error == std::errc() ? std::string(buffer, end) : "?";
}

// Soft hyphens are invisible inside a run; at its end the line broke there
// and a hyphen shows.
std::string visible_text(const std::string& text) {
  static const std::string soft_hyphen = "\xC2\xAD";
  std::string out;
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text.compare(index, soft_hyphen.size(), soft_hyphen) == 0) {
      if (index + soft_hyphen.size() == text.size()) out += '-';
      index += soft_hyphen.size() - 1;
    } else {
      out += text[index];
    }
  }
  return out;
}

}  // namespace

std::string dump_layout(const PagedDocument& document) {
  std::string out;
  for (std::size_t index = 0; index < document.pages.size(); ++index) {
    const Page& page = document.pages[index];
    out += "page " + std::to_string(index + 1) + " label=" + page.label + " size=" + number(page.width) + "x" +
           number(page.height) + "\n";
    for (const Item& item : page.items) {
      std::visit(
          [&out](const auto& node) {
            using Node = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<Node, GlyphRun>) {
              out += "  text x=" + number(node.x) + " y=" + number(node.y) + " w=" + number(node.width) +
                     " font=\"" + node.font->describe() + "\" \"" + visible_text(node.text) + "\"\n";
            } else if constexpr (std::is_same_v<Node, RuleItem>) {
              out += "  rule " + number(node.x0) + "," + number(node.y0) + " " + number(node.x1) + "," +
                     number(node.y1) + " width=" + number(node.thickness) + "\n";
            } else if constexpr (std::is_same_v<Node, BoxItem>) {
              out += "  box x=" + number(node.x) + " y=" + number(node.y) + " " + number(node.width) + "x" +
                     number(node.height) + "\n";
            } else if constexpr (std::is_same_v<Node, ImageItem>) {
              out += "  image x=" + number(node.x) + " y=" + number(node.y) + " " + number(node.width) + "x" +
                     number(node.height) + " alt=\"" + node.alt + "\"\n";
            } else if constexpr (std::is_same_v<Node, SourceMarkItem>) {
              out += "  source block=" + std::to_string(node.position.block) + "\n";
            } else if constexpr (std::is_same_v<Node, StructureItem>) {
              out += std::string(node.begin ? "  begin " : "  end ") + node.tag + "\n";
            } else if constexpr (std::is_same_v<Node, LinkItem>) {
              out += "  link x=" + number(node.x) + " y=" + number(node.y) + " " + number(node.width) + "x" +
                     number(node.height) + " to=" + (node.uri.empty() ? "#" + node.anchor : node.uri) + "\n";
            } else {
              out += "  anchor " + node.name + " x=" + number(node.x) + " y=" + number(node.y) + "\n";
            }
          },
          item);
    }
  }
  for (const OutlineEntry& entry : document.outline)
    out += "outline " + std::to_string(entry.level) + " " + entry.anchor + " \"" + entry.title + "\"\n";
  return out;
}

}  // namespace galley::layout
