#include "galley/walk.hpp"

#include <type_traits>

namespace galley::doc {
namespace {

// Readers cap nesting (ReadOptions::max_depth), so recursion stays shallow.
void visit_blocks(const Blocks& blocks, const std::function<void(const Block&)>& visit) {
  for (const Block& block : blocks) {
    visit(block);
    std::visit(
        [&visit](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, Quote> || std::is_same_v<Node, Aside>) {
            visit_blocks(node.body, visit);
          } else if constexpr (std::is_same_v<Node, List>) {
            for (const Blocks& item : node.items) visit_blocks(item, visit);
          } else if constexpr (std::is_same_v<Node, Table>) {
            for (const auto* rows : {&node.header_rows, &node.body_rows})
              for (const auto& row : *rows)
                for (const TableCell& cell : row) visit_blocks(cell.body, visit);
          }
        },
        block);
  }
}

}  // namespace

void for_each_block(const Document& document, const std::function<void(const Block&)>& visit) {
  visit_blocks(document.blocks, visit);
  for (const Footnote& note : document.footnotes) visit_blocks(note.body, visit);
}

std::unordered_map<const Block*, std::size_t> number_blocks(const Document& document) {
  std::unordered_map<const Block*, std::size_t> numbers;
  for_each_block(document, [&numbers](const Block& block) { numbers.emplace(&block, numbers.size()); });
  return numbers;
}

}  // namespace galley::doc
