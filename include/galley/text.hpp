// Plain text of parts of the document model: what `inspect` prints, what
// search and tests compare, what the EPUB's nav and the PDF's outline show.
#pragma once

#include <string>

#include "galley/doc.hpp"

namespace galley::doc {

// Spaces and breaks become single spaces; markup is dropped.
std::string plain_text(const Inlines& inlines);
// Paragraphs inside a block are joined with a space; list items with a space.
std::string plain_text(const Block& block);
std::string plain_text(const Blocks& blocks);

// Splits text into Str and Space inlines at runs of whitespace; the basic
// tokenisation every reader shares.
Inlines inlines_from_text(std::string_view text);

}  // namespace galley::doc
