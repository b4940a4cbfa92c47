#include "galley/text.hpp"

#include <type_traits>

namespace galley::doc {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

void append_separated(std::string& out, const std::string& piece) {
  if (piece.empty()) return;
  if (!out.empty() && out.back() != ' ') out += ' ';
  out += piece;
}

void append_plain_text(std::string& out, const Inlines& inlines) {
  for (const Inline& item : inlines) {
    std::visit(
        [&out](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, Str> || std::is_same_v<Node, Code>) {
            out += node.text;
          } else if constexpr (std::is_same_v<Node, Space> || std::is_same_v<Node, SoftBreak> ||
                               std::is_same_v<Node, LineBreak>) {
            if (!out.empty() && out.back() != ' ') out += ' ';
          } else if constexpr (std::is_same_v<Node, NoteRef>) {
            // A note marker is not part of the running text.
          } else {
            append_plain_text(out, node.body);
          }
        },
        item);
  }
}

}  // namespace

std::string plain_text(const Inlines& inlines) {
  std::string out;
  append_plain_text(out, inlines);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string plain_text(const Blocks& blocks) {
  std::string out;
  for (const Block& block : blocks) append_separated(out, plain_text(block));
  return out;
}

std::string plain_text(const Block& block) {
  return std::visit(
      [](const auto& node) -> std::string {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, Para> || std::is_same_v<Node, Heading>) {
          return plain_text(node.body);
        } else if constexpr (std::is_same_v<Node, Figure>) {
          return plain_text(node.caption);
        } else if constexpr (std::is_same_v<Node, Quote>) {
          std::string out = plain_text(node.body);
          append_separated(out, plain_text(node.attribution));
          return out;
        } else if constexpr (std::is_same_v<Node, PullQuote>) {
          std::string out = plain_text(node.body);
          append_separated(out, plain_text(node.attribution));
          return out;
        } else if constexpr (std::is_same_v<Node, Aside>) {
          return plain_text(node.body);
        } else if constexpr (std::is_same_v<Node, List>) {
          std::string out;
          for (const Blocks& item : node.items) append_separated(out, plain_text(item));
          return out;
        } else if constexpr (std::is_same_v<Node, CodeBlock>) {
          return node.text;
        } else if constexpr (std::is_same_v<Node, Table>) {
          std::string out = plain_text(node.caption);
          for (const auto* rows : {&node.header_rows, &node.body_rows})
            for (const auto& row : *rows)
              for (const TableCell& cell : row) append_separated(out, plain_text(cell.body));
          return out;
        } else {
          return {};  // Rule
        }
      },
      block);
}

Inlines labelled_credit(const Figure& figure) {
  if (figure.credit_label.empty() || figure.credit.empty()) return figure.credit;
  bool symbol = figure.credit_label == "\u00A9";
  Inlines result{Str{symbol ? figure.credit_label : figure.credit_label + ":"}, Space{}};
  result.insert(result.end(), figure.credit.begin(), figure.credit.end());
  return result;
}

std::string missing_image_description(const Figure& figure) {
  if (!figure.image_missing) return {};
  const Inlines alt = inlines_from_text(figure.alt);
  const std::string description = plain_text(alt);
  if (description.empty() || description == plain_text(figure.caption)) return {};
  return description;
}

Inlines inlines_from_text(std::string_view text) {
  Inlines inlines;
  std::size_t position = 0;
  while (position < text.size()) {
    if (is_ascii_space(text[position])) {
      while (position < text.size() && is_ascii_space(text[position])) ++position;
      if (!inlines.empty() && position < text.size()) inlines.emplace_back(Space{});
      continue;
    }
    std::size_t end = position;
    while (end < text.size() && !is_ascii_space(text[end])) ++end;
    inlines.emplace_back(Str{std::string(text.substr(position, end - position))});
    position = end;
  }
  return inlines;
}

}  // namespace galley::doc
