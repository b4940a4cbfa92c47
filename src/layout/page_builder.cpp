#include "layout/page_builder.hpp"

namespace galley::layout {

void translate(Item& item, double dx, double dy) {
  std::visit(
      [dx, dy](auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, RuleItem>) {
          node.x0 += dx, node.x1 += dx, node.y0 += dy, node.y1 += dy;
        } else if constexpr (std::is_same_v<Node, StructureItem>) {
          // A mark in the order of items, with no place on the page.
        } else {
          node.x += dx, node.y += dy;
        }
      },
      item);
}

std::vector<Page> build_pages(std::vector<Slab> slabs, const ColumnGeometry& geometry) {
  std::vector<Page> pages;
  auto new_page = [&] {
    Page page;
    page.width = geometry.page_width;
    page.height = geometry.page_height;
    page.label = std::to_string(pages.size() + 1);
    pages.push_back(std::move(page));
  };
  const double bottom = geometry.top + geometry.height;
  double cursor = geometry.top;
  bool page_is_empty = true;
  new_page();

  std::size_t index = 0;
  while (index < slabs.size()) {
    // The chain of slabs that must stay together with this one.
    std::size_t chain_end = index;
    while (chain_end + 1 < slabs.size() && slabs[chain_end].keep_with_next) ++chain_end;
    double chain_height = 0;
    for (std::size_t k = index; k <= chain_end; ++k)
      chain_height += slabs[k].height + (k == index && page_is_empty ? 0 : slabs[k].space_before);
    bool chain_fits_a_page = chain_height <= geometry.height;
    double needed = chain_fits_a_page ? chain_height : slabs[index].height + slabs[index].space_before;
    if (!page_is_empty && cursor + needed > bottom + 0.01) {
      new_page();
      cursor = geometry.top;
      page_is_empty = true;
    }
    // Place the chain (or, when it is taller than a page, just this slab and
    // let the rest follow slab by slab).
    std::size_t last = chain_fits_a_page ? chain_end : index;
    for (std::size_t k = index; k <= last; ++k) {
      Slab& slab = slabs[k];
      if (!page_is_empty) cursor += slab.space_before;
      if (!page_is_empty && cursor + slab.height > bottom + 0.01) {
        new_page();
        cursor = geometry.top;
      }
      for (Item& item : slab.items) {
        translate(item, geometry.left, cursor);
        pages.back().items.push_back(std::move(item));
      }
      cursor += slab.height;
      page_is_empty = false;
    }
    index = last + 1;
  }
  return pages;
}

}  // namespace galley::layout
