// Code blocks keep every character: monospace, never hyphenated or
// justified; a line too long for the measure continues on the next with a
// mark, so nothing is cut and the break cannot be mistaken for the
// source's own.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "galley/doc.hpp"
#include "layout/slab_writer.hpp"

namespace galley::layout {

// The line with each tab replaced by the spaces up to the next tab stop,
// every four characters (UTF-8 aware: a character is one column).
std::string expand_tabs(const std::string& line);

// Splits a line into pieces of at most `columns` characters, after a space
// in the second half of the piece when there is one; each continuation
// starts with "↪ " (counted in its `columns`). Appends them to `out`; an
// empty line gives one empty piece.
void wrap_code_line(const std::string& line, std::size_t columns, std::vector<std::string>& out);

// Sets a code block `indent` points in from the column's left edge, on a
// shaded box.
void add_code_block(SlabWriter& writer, const doc::CodeBlock& code, double indent);

}  // namespace galley::layout
