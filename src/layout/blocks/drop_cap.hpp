// The drop cap: the article's first paragraph with its first letter (and
// any opening quotation mark) set large across its first lines, which are
// narrowed beside it.
#pragma once

#include "galley/doc.hpp"
#include "layout/slab_writer.hpp"

namespace galley::layout {

// Sets the paragraph `body` with a drop cap of the theme's [drop_cap] size
// and face, the rest as `options` say; false (nothing set) when the
// paragraph does not start with a letter or a digit in plain text.
bool add_drop_cap_paragraph(SlabWriter& writer, const doc::Inlines& body, TextOptions options);

}  // namespace galley::layout
