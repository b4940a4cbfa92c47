// A paragraph of hundreds of thousands of characters (a book run together,
// a log pasted into an article) set piece by piece, so that its time and
// memory grow with its length and not faster: shaping, the Knuth–Plass
// breaker and justification each see one piece of some tens of kilobytes.
#pragma once

#include <cstddef>
#include <vector>

#include "layout/inline/paragraph.hpp"

namespace galley::layout {

// Paragraphs longer than this (bytes of UTF-8) are set in pieces about half as long.
inline constexpr std::size_t long_paragraph_bytes = 64 * 1024;

// The lines of `text` as set_paragraph sets them, joined from pieces: each
// piece but the last gives back its last line (set ragged, as a paragraph's
// end), and the next piece starts with that line's words, so the lines run
// on as in one paragraph with no word lost or doubled. The lines before a
// seam are the best for their piece rather than for the whole paragraph, a
// difference a reader never sees. Warnings name a piece by its first words.
std::vector<SetLine> set_long_paragraph(FontSystem& fonts, const StyledText& text, const ParagraphFormat& format,
                                        Diagnostics* warnings);

}  // namespace galley::layout
