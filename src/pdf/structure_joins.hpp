// Structure elements drawn in parts that are one element of the tagged PDF
// (StructureItem::key): a newspaper story jumped from page 1 to page 5 is
// read whole before page 1's next story. Cairo 1.16 builds its structure
// tree as tags are begun and cannot go back into an element it has ended,
// so the writer notes where in Cairo's tree each part lands, and qpdf joins
// the parts after Cairo has written the file.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "galley/layout.hpp"

class QPDF;

namespace galley::pdf::detail {

// A structure element's place in the tree Cairo writes: its index among
// its parent's structure elements, for each of its ancestors from the
// Document element's children down, then its own.
using ElementPath = std::vector<std::size_t>;

// One element drawn in parts: `tag` (the PDF structure type) and each
// part's place, in the order drawn. The first part is kept; the others'
// contents go on at its end, in order, and they are removed.
struct JoinedElement {
  std::string tag;
  std::vector<ElementPath> parts;
};

// Follows the structure elements of the pages drawn, as Cairo makes them
// from the items: a StructureItem's begin makes a child of the open
// element, a LinkItem a Link child; the writer's own Document element
// holds them all.
class StructureTracker {
 public:
  void add_page(const layout::Page& page);
  // The keys drawn in more than one part, in the order their first parts were drawn.
  std::vector<JoinedElement> joined() const;

 private:
  std::vector<std::size_t> children_{0};  // how many children each open element has so far, Document's first
  ElementPath path_;                      // the open elements' places
  std::vector<std::string> keys_in_order_;
  std::map<std::string, JoinedElement> by_key_;
};

// Joins the parts in the PDF's structure tree: moves the later parts'
// children (elements, marked content, link annotations) to the end of the
// first part's, points the parent tree at it, and removes the later parts.
// Throws galley::Error (internal) when the tree is not as the tracker saw it drawn.
void join_structure_elements(QPDF& pdf, const std::vector<JoinedElement>& joins);

}  // namespace galley::pdf::detail
