// One order in which to visit the document's blocks, shared by every part
// that must name a block by number: the layout says where each printed page
// begins as (block number, place in its text), and the EPUB writer finds the
// same block by the same count.
#pragma once

#include <cstddef>
#include <functional>
#include <unordered_map>

#include "galley/doc.hpp"

namespace galley::doc {

// Pre-order: each of Document::blocks, then each Footnote::body, a block
// before the blocks inside it (a quotation's or aside's body, a list's items
// in order, a table's header rows then its body rows, cell by cell).
void for_each_block(const Document& document, const std::function<void(const Block&)>& visit);

// Each block's number in that order, by address: valid while the document
// is neither changed nor moved.
std::unordered_map<const Block*, std::size_t> number_blocks(const Document& document);

}  // namespace galley::doc
