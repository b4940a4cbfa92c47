// An edition's own short texts (nameplate, contents, section heads, a
// module's head, jump lines) as slabs of one line each.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "galley/errors.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/pages/page_builder.hpp"

namespace galley::layout {

// `text` set across `width`, one slab a line, each kept with the next;
// `across`: the slabs span the page's columns.
std::vector<Slab> line_slabs(FontSystem& fonts, const std::string& text, const style::TextStyle& style, double width,
                             TextAlignment alignment, bool across, Diagnostics& warnings);

// Wraps slabs[first..] in one structure element of the tagged PDF; `key`
// as StructureItem::key.
void wrap_in_structure(std::vector<Slab>& slabs, std::size_t first, const std::string& tag,
                       const std::string& key = {});

}  // namespace galley::layout
